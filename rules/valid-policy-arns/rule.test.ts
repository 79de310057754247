import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RuleTester } from '@rolecall/testing';
import { lintWithHoles } from '../_shared/test/holes.js';
import rule from './rule.js';

const RoleArn = 'arn:aws:iam::123456789012:role/deploy';
const RoleSessionName = 'deploy-session';
/** `n` distinct customer managed policy ARNs. */
const arns = (n: number): { arn: string }[] => Array.from({ length: n }, (_, i) => ({ arn: `arn:aws:iam::123456789012:policy/policy-${i}` }));
/** A valid policy ARN of exactly `n` characters (a long path). */
const longArn = (n: number): string => {
  const head = 'arn:aws:iam::123456789012:policy/';
  const path = 'x/'.repeat(Math.floor((n - head.length - 20) / 2));
  return head + path + 'p'.repeat(n - head.length - path.length);
};

// Canonical JSON puts PolicyArns on line 4; the first { "arn": … } object starts on line 5, its value at column 14 of line 6.
new RuleTester().run(rule, {
  valid: [
    { input: { RoleArn, RoleSessionName, PolicyArns: [{ arn: 'arn:aws:iam::123456789012:policy/ReadOnlyS3' }] } },
    { name: 'an AWS managed policy with a path', input: { RoleArn, RoleSessionName, PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess' }] } },
    { name: 'ARN length - 1 below the maximum', input: { RoleArn, RoleSessionName, PolicyArns: [{ arn: longArn(2047) }] } },
    { name: 'ARN length at the maximum (n)', input: { RoleArn, RoleSessionName, PolicyArns: [{ arn: longArn(2048) }] } },
    { name: 'item count - 1', input: { RoleArn, RoleSessionName, PolicyArns: arns(9) } },
    { name: 'item count (n)', input: { RoleArn, RoleSessionName, PolicyArns: arns(10) } },
    { name: 'seed-era profile: same limits', input: { RoleArn, RoleSessionName, PolicyArns: arns(10) }, settings: { stsModel: 'botocore-2015-04-27' } },
    { name: 'web identity', input: { RoleArn, RoleSessionName, WebIdentityToken: 'eyJhbGciOiJSUzI1NiJ9', PolicyArns: arns(2) } },
  ],
  invalid: [
    {
      name: 'item count + 1',
      input: { RoleArn, RoleSessionName, PolicyArns: arns(11) },
      errors: [
        {
          messageId: 'tooManyItems',
          data: { parameter: 'PolicyArns', actual: 11, limit: 10 },
          message: 'PolicyArns has 11 items; STS accepts at most 10.',
          line: 4,
          column: 17,
          endLine: 38,
          endColumn: 4,
        },
      ],
    },
    {
      name: 'a role ARN instead of a policy ARN',
      input: { RoleArn, RoleSessionName, PolicyArns: [{ arn: 'arn:aws:iam::123456789012:role/deploy' }] },
      errors: [
        {
          messageId: 'invalidPolicyArn',
          data: { found: '"role"', resourceType: 'policy', expected: 'arn:<partition>:iam::<12-digit account or "aws">:policy/<optional/path/><policy name>', parameter: 'PolicyArns[0].arn', reason: 'the resource is "role", not "policy". Expected arn:<partition>:iam::<12-digit account or "aws">:policy/<optional/path/><policy name>.' },
          message: 'PolicyArns[0].arn is not an IAM managed policy ARN: the resource is "role", not "policy". Expected arn:<partition>:iam::<12-digit account or "aws">:policy/<optional/path/><policy name>.',
          line: 6,
          column: 14,
          endLine: 6,
          endColumn: 53,
        },
      ],
    },
    {
      name: 'a bare ARN string instead of { arn }',
      input: { RoleArn, RoleSessionName, PolicyArns: ['arn:aws:iam::123456789012:policy/ReadOnlyS3'] },
      errors: [
        {
          messageId: 'invalidType',
          data: { parameter: 'PolicyArns[0]', expected: 'an object', received: 'a string ("arn:aws:iam::123456789012:policy/ReadOnlyS3")' },
          message: 'PolicyArns[0] must be an object; got a string ("arn:aws:iam::123456789012:policy/ReadOnlyS3").',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 50,
        },
      ],
    },
    {
      name: '"Arn" instead of "arn"',
      input: { RoleArn, RoleSessionName, PolicyArns: [{ Arn: 'arn:aws:iam::123456789012:policy/ReadOnlyS3' }] },
      errors: [
        {
          messageId: 'unknownParameter',
          data: { parameter: 'PolicyArns[0].Arn', operation: 'AssumeRole', hint: ' Did you mean "PolicyArns[0].arn"?' },
          message: 'PolicyArns[0].Arn is not accepted by AssumeRole. Did you mean "PolicyArns[0].arn"?',
          line: 6,
          column: 14,
          endLine: 6,
          endColumn: 59,
        },
      ],
    },
    {
      name: 'ARN length - 1: too short and not a policy ARN',
      input: { RoleArn, RoleSessionName, PolicyArns: [{ arn: 'arn:aws:iam::policy' }] },
      errors: [
        {
          messageId: 'tooShort',
          data: { parameter: 'PolicyArns[0].arn', actual: 19, limit: 20, length: '19 characters' },
          message: 'PolicyArns[0].arn is 19 characters long; STS requires at least 20.',
          line: 6,
          column: 14,
          endLine: 6,
          endColumn: 35,
        },
        {
          messageId: 'invalidPolicyArn',
          data: { expected: 'arn:<partition>:iam::<12-digit account or "aws">:policy/<optional/path/><policy name>', parameter: 'PolicyArns[0].arn', reason: 'it does not start with "arn:". Expected arn:<partition>:iam::<12-digit account or "aws">:policy/<optional/path/><policy name>.' },
          line: 6,
          column: 14,
          endLine: 6,
          endColumn: 35,
        },
      ],
    },
    {
      name: 'ARN length (n): long enough, still not a policy ARN',
      input: { RoleArn, RoleSessionName, PolicyArns: [{ arn: 'arn:aws:iam::policy/' }] },
      errors: [
        {
          messageId: 'invalidPolicyArn',
          data: { expected: 'arn:<partition>:iam::<12-digit account or "aws">:policy/<optional/path/><policy name>', parameter: 'PolicyArns[0].arn', reason: 'it does not start with "arn:". Expected arn:<partition>:iam::<12-digit account or "aws">:policy/<optional/path/><policy name>.' },
          line: 6,
          column: 14,
          endLine: 6,
          endColumn: 36,
        },
      ],
    },
    {
      name: 'ARN length + 1',
      input: { RoleArn, RoleSessionName, PolicyArns: [{ arn: 'arn:aws:iam::policy/x' }] },
      errors: [
        {
          messageId: 'invalidPolicyArn',
          data: { expected: 'arn:<partition>:iam::<12-digit account or "aws">:policy/<optional/path/><policy name>', parameter: 'PolicyArns[0].arn', reason: 'it does not start with "arn:". Expected arn:<partition>:iam::<12-digit account or "aws">:policy/<optional/path/><policy name>.' },
          line: 6,
          column: 14,
          endLine: 6,
          endColumn: 37,
        },
      ],
    },
    {
      name: 'ARN length + 1 over the maximum',
      input: { RoleArn, RoleSessionName, PolicyArns: [{ arn: longArn(2049) }] },
      errors: [
        {
          messageId: 'tooLong',
          data: { parameter: 'PolicyArns[0].arn', actual: 2049, limit: 2048 },
          message: 'PolicyArns[0].arn is 2049 characters; STS accepts at most 2048.',
          line: 6,
          column: 14,
          endLine: 6,
          endColumn: 2065,
        },
      ],
    },
    {
      name: 'a control character in an ARN',
      input: { RoleArn, RoleSessionName, PolicyArns: [{ arn: 'arn:aws:iam::123456789012:policy/a\u0007' }] },
      errors: [
        {
          messageId: 'invalidPolicyArn',
          data: { found: '"a\\u0007"', what: 'managed policy', rule: 'letters, digits and _+=,.@-', parameter: 'PolicyArns[0].arn', reason: 'the name "a\\u0007" is not a valid managed policy name (letters, digits and _+=,.@-).' },
          line: 6,
          column: 14,
          endLine: 6,
          endColumn: 56,
        },
        {
          messageId: 'invalidCharacters',
          data: { parameter: 'PolicyArns[0].arn', character: 'U+0007', position: 35, allowed: '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]' },
          message: 'PolicyArns[0].arn contains U+0007 at position 35; STS accepts only characters matching [\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF].',
          line: 6,
          column: 49,
          endLine: 6,
          endColumn: 55,
        },
      ],
    },
    {
      name: 'two findings in two entries',
      input: { RoleArn, RoleSessionName, PolicyArns: [{ arn: 'arn:aws:iam::123456789012:policy/ok' }, { arn: 'arn:aws:s3:::bucket/policy.json' }, { arn: 'ReadOnlyAccess-policy-name' }] },
      errors: [
        {
          messageId: 'invalidPolicyArn',
          data: { found: '"s3"', expected: 'arn:<partition>:iam::<12-digit account or "aws">:policy/<optional/path/><policy name>', parameter: 'PolicyArns[1].arn', reason: 'service "s3" is not "iam". Expected arn:<partition>:iam::<12-digit account or "aws">:policy/<optional/path/><policy name>.' },
          line: 9,
          column: 14,
          endLine: 9,
          endColumn: 47,
        },
        {
          messageId: 'invalidPolicyArn',
          data: { expected: 'arn:<partition>:iam::<12-digit account or "aws">:policy/<optional/path/><policy name>', parameter: 'PolicyArns[2].arn', reason: 'it does not start with "arn:". Expected arn:<partition>:iam::<12-digit account or "aws">:policy/<optional/path/><policy name>.' },
          line: 12,
          column: 14,
          endLine: 12,
          endColumn: 42,
        },
      ],
    },
  ],
});

test('valid-policy-arns: literal entries of a partly unknown list are checked', () => {
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, PolicyArns: '${var.policy_arns}' }), []);
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, PolicyArns: [{ arn: 'arn:aws:iam::${var.account}:policy/ReadOnlyS3' }] }), []);
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, PolicyArns: [{ arn: '${aws_iam_policy.x.arn}' }, { arn: 'arn:aws:iam::123456789012:role/deploy' }] }), [
    {
      ruleId: 'valid-policy-arns',
      messageId: 'invalidPolicyArn',
      data: {
        found: '"role"',
        resourceType: 'policy',
        expected: 'arn:<partition>:iam::<12-digit account or "aws">:policy/<optional/path/><policy name>',
        parameter: 'PolicyArns[1].arn',
        reason: 'the resource is "role", not "policy". Expected arn:<partition>:iam::<12-digit account or "aws">:policy/<optional/path/><policy name>.',
      },
      line: 9,
      column: 14,
      endLine: 9,
      endColumn: 53,
    },
  ]);
});
