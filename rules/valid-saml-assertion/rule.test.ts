import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RuleTester } from '@rolecall/testing';
import { lintWithHoles } from '../_shared/test/holes.js';
import rule from './rule.js';

const RoleArn = 'arn:aws:iam::123456789012:role/saml';
const PrincipalArn = 'arn:aws:iam::123456789012:saml-provider/Okta';
const SEED_ERA = { stsModel: 'botocore-2015-04-27' };

// Canonical JSON puts SAMLAssertion on line 4; its opening quote is at column 20. The assertion never appears in a message.
new RuleTester().run(rule, {
  valid: [
    { input: { RoleArn, PrincipalArn, SAMLAssertion: 'PHNhbWxwOlJlc3BvbnNlIHhtbG5zOnNhbWxwPSJ1cm4iPg==' } },
    { name: 'minimum length (n)', input: { RoleArn, PrincipalArn, SAMLAssertion: 'PHNh' } },
    { name: 'minimum length + 1', input: { RoleArn, PrincipalArn, SAMLAssertion: 'PHNhb' } },
    { name: 'maximum length - 1', input: { RoleArn, PrincipalArn, SAMLAssertion: 'A'.repeat(99999) } },
    { name: 'maximum length (n)', input: { RoleArn, PrincipalArn, SAMLAssertion: 'A'.repeat(100000) } },
    { name: 'seed-era maximum (n)', input: { RoleArn, PrincipalArn, SAMLAssertion: 'A'.repeat(50000) }, settings: SEED_ERA },
  ],
  invalid: [
    {
      name: 'minimum length - 1',
      input: { RoleArn, PrincipalArn, SAMLAssertion: 'PHN' },
      errors: [
        {
          messageId: 'tooShort',
          data: { parameter: 'SAMLAssertion', actual: 3, limit: 4, length: '3 characters' },
          message: 'SAMLAssertion is 3 characters long; STS requires at least 4.',
          line: 4,
          column: 20,
          endLine: 4,
          endColumn: 25,
        },
      ],
    },
    {
      name: 'maximum length + 1',
      input: { RoleArn, PrincipalArn, SAMLAssertion: 'A'.repeat(100001) },
      errors: [
        {
          messageId: 'tooLong',
          data: { parameter: 'SAMLAssertion', actual: 100001, limit: 100000 },
          message: 'SAMLAssertion is 100001 characters; STS accepts at most 100000.',
          line: 4,
          column: 20,
          endLine: 4,
          endColumn: 100023,
        },
      ],
    },
    {
      name: 'seed-era maximum + 1 (valid in the current profile)',
      input: { RoleArn, PrincipalArn, SAMLAssertion: 'A'.repeat(50001) },
      settings: SEED_ERA,
      errors: [
        {
          messageId: 'tooLong',
          data: { parameter: 'SAMLAssertion', actual: 50001, limit: 50000 },
          line: 4,
          column: 20,
          endLine: 4,
          endColumn: 50023,
        },
      ],
    },
    {
      name: 'not a string: only the type is shown',
      input: { RoleArn, PrincipalArn, SAMLAssertion: { Response: 'x' } },
      errors: [
        {
          messageId: 'invalidType',
          data: { parameter: 'SAMLAssertion', expected: 'a string', received: 'an object' },
          message: 'SAMLAssertion must be a string; got an object.',
          line: 4,
          column: 20,
          endLine: 6,
          endColumn: 4,
        },
      ],
    },
  ],
});

test('valid-saml-assertion: a reference is skipped', () => {
  assert.deepEqual(lintWithHoles(rule, { RoleArn, PrincipalArn, SAMLAssertion: '${SAML_RESPONSE}' }), []);
});
