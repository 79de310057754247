import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RuleTester } from '@rolecall/testing';
import { lintWithHoles } from '../_shared/test/holes.js';
import rule from './rule.js';

const RoleArn = 'arn:aws:iam::123456789012:role/deploy';
const RoleSessionName = 'deploy-session';
const SerialNumber = 'arn:aws:iam::123456789012:mfa/user';

// Canonical JSON puts TokenCode on line 5; its opening quote is at column 16. The code itself never appears in a message.
new RuleTester().run(rule, {
  valid: [
    { name: 'six digits (n)', input: { RoleArn, RoleSessionName, SerialNumber, TokenCode: '123456' } },
    { name: 'leading zeros are digits', input: { RoleArn, RoleSessionName, SerialNumber, TokenCode: '000000' } },
    { name: 'seed-era profile: same limits', input: { RoleArn, RoleSessionName, SerialNumber, TokenCode: '654321' }, settings: { stsModel: 'botocore-2015-04-27' } },
    { name: 'absent', input: { RoleArn, RoleSessionName } },
  ],
  invalid: [
    {
      name: 'five digits (n-1)',
      input: { RoleArn, RoleSessionName, SerialNumber, TokenCode: '12345' },
      errors: [
        {
          messageId: 'invalidTokenCode',
          data: { parameter: 'TokenCode', limit: 6, description: '5 characters', length: 5 },
          message: 'TokenCode must be exactly 6 digits; got 5 characters.',
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 23,
        },
      ],
    },
    {
      name: 'seven digits (n+1)',
      input: { RoleArn, RoleSessionName, SerialNumber, TokenCode: '1234567' },
      errors: [
        {
          messageId: 'invalidTokenCode',
          data: { parameter: 'TokenCode', limit: 6, description: '7 characters', length: 7 },
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 25,
        },
      ],
    },
    {
      name: 'six characters, not all digits',
      input: { RoleArn, RoleSessionName, SerialNumber, TokenCode: '12345a' },
      errors: [
        {
          messageId: 'invalidTokenCode',
          data: { parameter: 'TokenCode', limit: 6, description: '6 characters, not all digits', length: 6 },
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 24,
        },
      ],
    },
    {
      name: 'too short and not all digits',
      input: { RoleArn, RoleSessionName, SerialNumber, TokenCode: '12 34' },
      errors: [
        {
          messageId: 'invalidTokenCode',
          data: { parameter: 'TokenCode', limit: 6, description: '5 characters, not all digits', length: 5 },
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 23,
        },
      ],
    },
    {
      name: 'a number instead of a string (the type is reported, not the value)',
      input: { RoleArn, RoleSessionName, SerialNumber, TokenCode: 123456 },
      errors: [
        {
          messageId: 'invalidType',
          data: { parameter: 'TokenCode', expected: 'a string', received: 'a number' },
          message: 'TokenCode must be a string; got a number.',
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 22,
        },
      ],
    },
  ],
});

test('valid-token-code: a reference is skipped, and a template is never guessed', () => {
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, SerialNumber, TokenCode: '${MFA_CODE}' }), []);
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, SerialNumber, TokenCode: '12${rest}' }), []);
});

test('valid-token-code: the code never appears in the message', () => {
  const findings = lintWithHoles(rule, { RoleArn, RoleSessionName, SerialNumber, TokenCode: '98765x' });
  assert.equal(findings.length, 1);
  assert.ok(!JSON.stringify(findings).includes('98765'));
});
