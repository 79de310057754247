import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RuleTester } from '@rolecall/testing';
import { lintWithHoles } from '../_shared/test/holes.js';
import rule from './rule.js';

const RoleArn = 'arn:aws:iam::123456789012:role/saml';
const SAMLAssertion = 'PHNhbWxwOlJlc3BvbnNlPg==';

// Canonical JSON puts PrincipalArn on line 3; its opening quote is at column 19.
new RuleTester().run(rule, {
  valid: [
    { input: { RoleArn, PrincipalArn: 'arn:aws:iam::123456789012:saml-provider/Okta', SAMLAssertion } },
    { name: 'GovCloud partition', input: { RoleArn, PrincipalArn: 'arn:aws-us-gov:iam::123456789012:saml-provider/ADFS', SAMLAssertion } },
    { name: 'seed-era profile: same rule', input: { RoleArn, PrincipalArn: 'arn:aws:iam::123456789012:saml-provider/Okta', SAMLAssertion }, settings: { stsModel: 'botocore-2015-04-27' } },
  ],
  invalid: [
    {
      name: 'an OIDC provider',
      input: { RoleArn, PrincipalArn: 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com', SAMLAssertion },
      errors: [
        {
          messageId: 'notASamlProviderArn',
          data: { found: '"oidc-provider"', resourceType: 'saml-provider', expected: 'arn:<partition>:iam::<12-digit account>:saml-provider/<provider name>', parameter: 'PrincipalArn', reason: 'the resource is "oidc-provider", not "saml-provider". Expected arn:<partition>:iam::<12-digit account>:saml-provider/<provider name>.' },
          message: 'PrincipalArn is not an IAM SAML provider ARN: the resource is "oidc-provider", not "saml-provider". Expected arn:<partition>:iam::<12-digit account>:saml-provider/<provider name>.',
          line: 3,
          column: 19,
          endLine: 3,
          endColumn: 96,
        },
      ],
    },
    {
      name: 'the role ARN again',
      input: { RoleArn, PrincipalArn: 'arn:aws:iam::123456789012:role/saml', SAMLAssertion },
      errors: [
        {
          messageId: 'notASamlProviderArn',
          data: { found: '"role"', resourceType: 'saml-provider', expected: 'arn:<partition>:iam::<12-digit account>:saml-provider/<provider name>', parameter: 'PrincipalArn', reason: 'the resource is "role", not "saml-provider". Expected arn:<partition>:iam::<12-digit account>:saml-provider/<provider name>.' },
          line: 3,
          column: 19,
          endLine: 3,
          endColumn: 56,
        },
      ],
    },
    {
      name: 'a space in the provider name',
      input: { RoleArn, PrincipalArn: 'arn:aws:iam::123456789012:saml-provider/My Okta', SAMLAssertion },
      errors: [
        {
          messageId: 'notASamlProviderArn',
          data: { found: '"My Okta"', what: 'SAML provider', rule: 'letters, digits and _+=,.@-', parameter: 'PrincipalArn', reason: 'the name "My Okta" is not a valid SAML provider name (letters, digits and _+=,.@-).' },
          line: 3,
          column: 19,
          endLine: 3,
          endColumn: 68,
        },
      ],
    },
    {
      name: 'minimum length - 1: two findings',
      input: { RoleArn, PrincipalArn: 'saml-provider/Okta0', SAMLAssertion },
      errors: [
        {
          messageId: 'tooShort',
          data: { parameter: 'PrincipalArn', actual: 19, limit: 20, length: '19 characters' },
          message: 'PrincipalArn is 19 characters long; STS requires at least 20.',
          line: 3,
          column: 19,
          endLine: 3,
          endColumn: 40,
        },
        {
          messageId: 'notASamlProviderArn',
          data: { expected: 'arn:<partition>:iam::<12-digit account>:saml-provider/<provider name>', parameter: 'PrincipalArn', reason: 'it does not start with "arn:". Expected arn:<partition>:iam::<12-digit account>:saml-provider/<provider name>.' },
          line: 3,
          column: 19,
          endLine: 3,
          endColumn: 40,
        },
      ],
    },
    {
      name: 'minimum length (n): long enough, not an ARN',
      input: { RoleArn, PrincipalArn: 'saml-provider/Okta01', SAMLAssertion },
      errors: [
        {
          messageId: 'notASamlProviderArn',
          data: { expected: 'arn:<partition>:iam::<12-digit account>:saml-provider/<provider name>', parameter: 'PrincipalArn', reason: 'it does not start with "arn:". Expected arn:<partition>:iam::<12-digit account>:saml-provider/<provider name>.' },
          line: 3,
          column: 19,
          endLine: 3,
          endColumn: 41,
        },
      ],
    },
    {
      name: 'minimum length + 1',
      input: { RoleArn, PrincipalArn: 'saml-provider/Okta012', SAMLAssertion },
      errors: [
        {
          messageId: 'notASamlProviderArn',
          data: { expected: 'arn:<partition>:iam::<12-digit account>:saml-provider/<provider name>', parameter: 'PrincipalArn', reason: 'it does not start with "arn:". Expected arn:<partition>:iam::<12-digit account>:saml-provider/<provider name>.' },
          line: 3,
          column: 19,
          endLine: 3,
          endColumn: 42,
        },
      ],
    },
    {
      name: 'maximum length + 1',
      input: { RoleArn, PrincipalArn: `arn:aws:iam::123456789012:saml-provider/${'p'.repeat(2009)}`, SAMLAssertion },
      errors: [
        {
          messageId: 'tooLong',
          data: { parameter: 'PrincipalArn', actual: 2049, limit: 2048 },
          message: 'PrincipalArn is 2049 characters; STS accepts at most 2048.',
          line: 3,
          column: 19,
          endLine: 3,
          endColumn: 2070,
        },
      ],
    },
    {
      name: 'a control character',
      input: { RoleArn, PrincipalArn: 'arn:aws:iam::123456789012:saml-provider/Okta\u0000', SAMLAssertion },
      errors: [
        {
          messageId: 'notASamlProviderArn',
          data: { found: '"Okta\\u0000"', what: 'SAML provider', rule: 'letters, digits and _+=,.@-', parameter: 'PrincipalArn', reason: 'the name "Okta\\u0000" is not a valid SAML provider name (letters, digits and _+=,.@-).' },
          line: 3,
          column: 19,
          endLine: 3,
          endColumn: 71,
        },
        {
          messageId: 'invalidCharacters',
          data: { parameter: 'PrincipalArn', character: 'U+0000', position: 45, allowed: '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]' },
          message: 'PrincipalArn contains U+0000 at position 45; STS accepts only characters matching [\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF].',
          line: 3,
          column: 64,
          endLine: 3,
          endColumn: 70,
        },
      ],
    },
    {
      name: 'not a string',
      input: { RoleArn, PrincipalArn: null, SAMLAssertion },
      errors: [
        {
          messageId: 'invalidType',
          data: { parameter: 'PrincipalArn', expected: 'a string', received: 'null' },
          message: 'PrincipalArn must be a string; got null.',
          line: 3,
          column: 19,
          endLine: 3,
          endColumn: 23,
        },
      ],
    },
  ],
});

test('valid-principal-arn: a reference is skipped; a template is checked only on its literal text', () => {
  assert.deepEqual(lintWithHoles(rule, { RoleArn, PrincipalArn: '${aws_iam_saml_provider.okta.arn}', SAMLAssertion }), []);
  assert.deepEqual(lintWithHoles(rule, { RoleArn, PrincipalArn: 'arn:aws:iam::${var.account}:saml-provider/Okta', SAMLAssertion }), []);
});
