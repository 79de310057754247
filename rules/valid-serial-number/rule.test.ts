import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RuleTester } from '@rolecall/testing';
import { lintWithHoles } from '../_shared/test/holes.js';
import rule from './rule.js';

const RoleArn = 'arn:aws:iam::123456789012:role/deploy';
const RoleSessionName = 'deploy-session';
const TokenCode = '123456';

// Canonical JSON puts SerialNumber on line 4; its opening quote is at column 19.
new RuleTester().run(rule, {
  valid: [
    { name: 'hardware MFA serial (SDK docs example)', input: { RoleArn, RoleSessionName, SerialNumber: 'GAHT12345678', TokenCode } },
    { name: 'virtual MFA ARN (SDK docs example)', input: { RoleArn, RoleSessionName, SerialNumber: 'arn:aws:iam::123456789012:mfa/user', TokenCode } },
    { name: 'seed-era profile: same limits', input: { RoleArn, RoleSessionName, SerialNumber: 'GAHT12345678', TokenCode }, settings: { stsModel: 'botocore-2015-04-27' } },
    { name: 'minimum length (n)', input: { RoleArn, RoleSessionName, SerialNumber: 'GAHT12345', TokenCode } },
    { name: 'minimum length + 1', input: { RoleArn, RoleSessionName, SerialNumber: 'GAHT123456', TokenCode } },
    { name: 'maximum length - 1', input: { RoleArn, RoleSessionName, SerialNumber: 'S'.repeat(255), TokenCode } },
    { name: 'maximum length (n)', input: { RoleArn, RoleSessionName, SerialNumber: 'S'.repeat(256), TokenCode } },
  ],
  invalid: [
    {
      name: 'minimum length - 1',
      input: { RoleArn, RoleSessionName, SerialNumber: 'GAHT1234', TokenCode },
      errors: [
        {
          messageId: 'tooShort',
          data: { parameter: 'SerialNumber', actual: 8, limit: 9, length: '8 characters' },
          message: 'SerialNumber is 8 characters long; STS requires at least 9.',
          line: 4,
          column: 19,
          endLine: 4,
          endColumn: 29,
        },
      ],
    },
    {
      name: 'maximum length + 1',
      input: { RoleArn, RoleSessionName, SerialNumber: 'S'.repeat(257), TokenCode },
      errors: [
        {
          messageId: 'tooLong',
          data: { parameter: 'SerialNumber', actual: 257, limit: 256 },
          message: 'SerialNumber is 257 characters; STS accepts at most 256.',
          line: 4,
          column: 19,
          endLine: 4,
          endColumn: 278,
        },
      ],
    },
    {
      name: 'a space',
      input: { RoleArn, RoleSessionName, SerialNumber: 'GAHT 12345678', TokenCode },
      errors: [
        {
          messageId: 'invalidCharacters',
          data: { parameter: 'SerialNumber', character: 'a space (U+0020)', position: 5, allowed: '[\\w+=/:,.@-]' },
          message: 'SerialNumber contains a space (U+0020) at position 5; STS accepts only characters matching [\\w+=/:,.@-].',
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 25,
        },
      ],
    },
    {
      name: 'two findings: too short and a "#"',
      input: { RoleArn, RoleSessionName, SerialNumber: 'GAHT#123', TokenCode },
      errors: [
        {
          messageId: 'tooShort',
          data: { parameter: 'SerialNumber', actual: 8, limit: 9, length: '8 characters' },
          line: 4,
          column: 19,
          endLine: 4,
          endColumn: 29,
        },
        {
          messageId: 'invalidCharacters',
          data: { parameter: 'SerialNumber', character: '\'#\' (U+0023)', position: 5, allowed: '[\\w+=/:,.@-]' },
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 25,
        },
      ],
    },
    {
      name: 'not a string',
      input: { RoleArn, RoleSessionName, SerialNumber: 12345678901, TokenCode },
      errors: [
        {
          messageId: 'invalidType',
          data: { parameter: 'SerialNumber', expected: 'a string', received: 'a number (12345678901)' },
          message: 'SerialNumber must be a string; got a number (12345678901).',
          line: 4,
          column: 19,
          endLine: 4,
          endColumn: 30,
        },
      ],
    },
  ],
});

test('valid-serial-number: a reference is skipped; a template is checked on its literal text', () => {
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, SerialNumber: '${MFA_SERIAL}', TokenCode }), []);
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, SerialNumber: 'arn:aws:iam::${account}:mfa/${user}', TokenCode }), []);
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, SerialNumber: 'arn:aws:iam::${account}:mfa/${user} (phone)', TokenCode }), [
    {
      ruleId: 'valid-serial-number',
      messageId: 'invalidCharacters',
      data: { parameter: 'SerialNumber', character: 'a space (U+0020)', position: '1 of the text after ${user}', allowed: '[\\w+=/:,.@-]' },
      line: 4,
      column: 55,
      endLine: 4,
      endColumn: 56,
    },
  ]);
});
