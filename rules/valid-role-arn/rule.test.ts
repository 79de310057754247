import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RuleTester } from '@rolecall/testing';
import { lintWithHoles } from '../_shared/test/holes.js';
import rule from './rule.js';

const RoleSessionName = 'deploy-session';
const SAML = { PrincipalArn: 'arn:aws:iam::123456789012:saml-provider/Okta', SAMLAssertion: 'PHNhbWxwOlJlc3BvbnNlPg==' };

// Canonical JSON puts RoleArn on line 2; its opening quote is at column 14.
new RuleTester().run(rule, {
  valid: [
    { input: { RoleArn: 'arn:aws:iam::123456789012:role/deploy', RoleSessionName } },
    { name: 'role with a path', input: { RoleArn: 'arn:aws:iam::123456789012:role/service-role/ci/deploy', RoleSessionName } },
    { name: 'other partition', input: { RoleArn: 'arn:aws-us-gov:iam::123456789012:role/deploy', RoleSessionName } },
    { name: 'China partition, seed-era profile', input: { RoleArn: 'arn:aws-cn:iam::123456789012:role/deploy', RoleSessionName }, settings: { stsModel: 'botocore-2015-04-27' } },
    { name: 'SAML role outside IAM Identity Center', input: { RoleArn: 'arn:aws:iam::123456789012:role/SAMLAdmin', ...SAML } },
    { name: 'AWSReservedSSO_ role with AssumeRole (only SAML is refused)', input: { RoleArn: 'arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef', RoleSessionName } },
    { name: 'absent (required-parameters reports it)', input: { RoleSessionName } },
  ],
  invalid: [
    {
      name: 'a user ARN',
      input: { RoleArn: 'arn:aws:iam::123456789012:user/alice', RoleSessionName },
      errors: [
        {
          messageId: 'notARoleArn',
          data: { found: 'user/alice', suggestion: 'arn:aws:iam::123456789012:role/<role name>', parameter: 'RoleArn', reason: 'it names an IAM user (user/alice). Pass the ARN of the role to assume, e.g. arn:aws:iam::123456789012:role/<role name>.' },
          message: 'RoleArn is not an IAM role ARN: it names an IAM user (user/alice). Pass the ARN of the role to assume, e.g. arn:aws:iam::123456789012:role/<role name>.',
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 52,
        },
      ],
    },
    {
      name: 'an assumed-role session ARN',
      input: { RoleArn: 'arn:aws:sts::123456789012:assumed-role/deploy/ci-run', RoleSessionName },
      errors: [
        {
          messageId: 'notARoleArn',
          data: { suggestion: 'arn:aws:iam::123456789012:role/deploy', parameter: 'RoleArn', reason: 'it is the ARN of an assumed-role session (arn:…:sts::…:assumed-role/…). Pass the role\'s own ARN instead: arn:aws:iam::123456789012:role/deploy.' },
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 68,
        },
      ],
    },
    {
      name: 'a bare role name',
      input: { RoleArn: 'deploy-role-for-ci-pipeline', RoleSessionName },
      errors: [
        {
          messageId: 'notARoleArn',
          data: { suggestion: 'arn:aws:iam::123456789012:role/deploy-role-for-ci-pipeline', parameter: 'RoleArn', reason: 'it is a bare role name, not an ARN. Pass the full ARN, e.g. arn:aws:iam::123456789012:role/deploy-role-for-ci-pipeline.' },
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 43,
        },
      ],
    },
    {
      name: 'no role/ prefix',
      input: { RoleArn: 'arn:aws:iam::123456789012:deploy', RoleSessionName },
      errors: [
        {
          messageId: 'notARoleArn',
          data: { suggestion: 'arn:aws:iam::123456789012:role/deploy', parameter: 'RoleArn', reason: 'the resource part has no "role/" before the role name. Did you mean arn:aws:iam::123456789012:role/deploy?' },
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 48,
        },
      ],
    },
    {
      name: 'an 11-digit account',
      input: { RoleArn: 'arn:aws:iam::12345678901:role/deploy', RoleSessionName },
      errors: [
        {
          messageId: 'notARoleArn',
          data: { found: '"12345678901"', expected: 'arn:<partition>:iam::<12-digit account>:role/<optional/path/><role name>', parameter: 'RoleArn', reason: 'account "12345678901" is not a 12-digit AWS account ID. Expected arn:<partition>:iam::<12-digit account>:role/<optional/path/><role name>.' },
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 52,
        },
      ],
    },
    {
      name: 'minimum length - 1: two findings',
      input: { RoleArn: 'a'.repeat(19), RoleSessionName },
      errors: [
        {
          messageId: 'tooShort',
          data: { parameter: 'RoleArn', actual: 19, limit: 20, length: '19 characters' },
          message: 'RoleArn is 19 characters long; STS requires at least 20.',
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 35,
        },
        {
          messageId: 'notARoleArn',
          data: { suggestion: 'arn:aws:iam::123456789012:role/aaaaaaaaaaaaaaaaaaa', parameter: 'RoleArn', reason: 'it is a bare role name, not an ARN. Pass the full ARN, e.g. arn:aws:iam::123456789012:role/aaaaaaaaaaaaaaaaaaa.' },
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 35,
        },
      ],
    },
    {
      name: 'minimum length (n): the length is fine, the format is not',
      input: { RoleArn: 'a'.repeat(20), RoleSessionName },
      errors: [
        {
          messageId: 'notARoleArn',
          data: { suggestion: 'arn:aws:iam::123456789012:role/aaaaaaaaaaaaaaaaaaaa', parameter: 'RoleArn', reason: 'it is a bare role name, not an ARN. Pass the full ARN, e.g. arn:aws:iam::123456789012:role/aaaaaaaaaaaaaaaaaaaa.' },
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 36,
        },
      ],
    },
    {
      name: 'minimum length + 1',
      input: { RoleArn: 'a'.repeat(21), RoleSessionName },
      errors: [
        {
          messageId: 'notARoleArn',
          data: { suggestion: 'arn:aws:iam::123456789012:role/aaaaaaaaaaaaaaaaaaaaa', parameter: 'RoleArn', reason: 'it is a bare role name, not an ARN. Pass the full ARN, e.g. arn:aws:iam::123456789012:role/aaaaaaaaaaaaaaaaaaaaa.' },
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 37,
        },
      ],
    },
    {
      name: 'maximum length - 1',
      input: { RoleArn: 'a'.repeat(2047), RoleSessionName },
      errors: [
        {
          messageId: 'notARoleArn',
          data: { expected: 'arn:<partition>:iam::<12-digit account>:role/<optional/path/><role name>', parameter: 'RoleArn', reason: 'it does not start with "arn:". Expected arn:<partition>:iam::<12-digit account>:role/<optional/path/><role name>.' },
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 2063,
        },
      ],
    },
    {
      name: 'maximum length (n)',
      input: { RoleArn: 'a'.repeat(2048), RoleSessionName },
      errors: [
        {
          messageId: 'notARoleArn',
          data: { expected: 'arn:<partition>:iam::<12-digit account>:role/<optional/path/><role name>', parameter: 'RoleArn', reason: 'it does not start with "arn:". Expected arn:<partition>:iam::<12-digit account>:role/<optional/path/><role name>.' },
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 2064,
        },
      ],
    },
    {
      name: 'maximum length + 1',
      input: { RoleArn: 'a'.repeat(2049), RoleSessionName },
      errors: [
        {
          messageId: 'tooLong',
          data: { parameter: 'RoleArn', actual: 2049, limit: 2048 },
          message: 'RoleArn is 2049 characters; STS accepts at most 2048.',
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 2065,
        },
        {
          messageId: 'notARoleArn',
          data: { expected: 'arn:<partition>:iam::<12-digit account>:role/<optional/path/><role name>', parameter: 'RoleArn', reason: 'it does not start with "arn:". Expected arn:<partition>:iam::<12-digit account>:role/<optional/path/><role name>.' },
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 2065,
        },
      ],
    },
    {
      name: 'a control character, pointed at',
      input: { RoleArn: 'arn:aws:iam::123456789012:role/d\u0001', RoleSessionName },
      errors: [
        {
          messageId: 'notARoleArn',
          data: { found: '"d\\u0001"', what: 'role', rule: '1 to 64 letters, digits and _+=,.@-', parameter: 'RoleArn', reason: 'the name "d\\u0001" is not a valid role name (1 to 64 letters, digits and _+=,.@-).' },
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 54,
        },
        {
          messageId: 'invalidCharacters',
          data: { parameter: 'RoleArn', character: 'U+0001', position: 33, allowed: '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]' },
          message: 'RoleArn contains U+0001 at position 33; STS accepts only characters matching [\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF].',
          line: 2,
          column: 47,
          endLine: 2,
          endColumn: 53,
        },
      ],
    },
    {
      name: 'an IAM Identity Center role with AssumeRoleWithSAML',
      input: { RoleArn: 'arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef', ...SAML },
      errors: [
        {
          messageId: 'reservedSsoRole',
          data: { parameter: 'RoleArn', roleName: '"AWSReservedSSO_Admin_0123456789abcdef"', prefix: 'AWSReservedSSO_' },
          message: 'RoleArn names the IAM Identity Center role "AWSReservedSSO_Admin_0123456789abcdef"; AssumeRoleWithSAML does not work for roles whose names start with "AWSReservedSSO_".',
          line: 2,
          column: 77,
          endLine: 2,
          endColumn: 114,
        },
      ],
    },
    {
      name: 'not a string',
      input: { RoleArn: ['arn:aws:iam::123456789012:role/deploy'], RoleSessionName },
      errors: [
        {
          messageId: 'invalidType',
          data: { parameter: 'RoleArn', expected: 'a string', received: 'an array' },
          message: 'RoleArn must be a string; got an array.',
          line: 2,
          column: 14,
          endLine: 4,
          endColumn: 4,
        },
      ],
    },
  ],
});

test('valid-role-arn: references are skipped; templates are checked only on their literal text', () => {
  assert.deepEqual(lintWithHoles(rule, { RoleArn: '${var.role_arn}', RoleSessionName }), []);
  // The ARN format cannot be judged while the account is unknown: not reported.
  assert.deepEqual(lintWithHoles(rule, { RoleArn: 'arn:aws:iam::${var.account_id}:role/deploy', RoleSessionName }), []);
  assert.deepEqual(lintWithHoles(rule, { RoleArn: `${'a'.repeat(2049)}\${x}`, RoleSessionName }), [
    {
      ruleId: 'valid-role-arn',
      messageId: 'tooLong',
      data: { parameter: 'RoleArn', actual: 'at least 2049', limit: 2048 },
      line: 2,
      column: 14,
      endLine: 2,
      endColumn: 2069,
    },
  ]);
});
