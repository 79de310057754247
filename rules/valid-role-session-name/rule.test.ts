import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RuleTester } from '@rolecall/testing';
import { lintWithHoles } from '../_shared/test/holes.js';
import rule from './rule.js';

const RoleArn = 'arn:aws:iam::123456789012:role/example';
const SEED_ERA = { stsModel: 'botocore-2015-04-27' };
const ALLOWED = '[\\w+=,.@-]';

// Canonical JSON puts RoleSessionName on line 3; its opening quote is at column 22.
new RuleTester().run(rule, {
  valid: [
    { input: { RoleArn, RoleSessionName: 'deploy-session' } },
    { name: 'every allowed character', input: { RoleArn, RoleSessionName: 'Aa0_+=,.@-' } },
    { name: 'minimum length (n)', input: { RoleArn, RoleSessionName: 'ab' } },
    { name: 'minimum length + 1', input: { RoleArn, RoleSessionName: 'abc' } },
    { name: 'maximum length - 1', input: { RoleArn, RoleSessionName: 'a'.repeat(63) } },
    { name: 'maximum length (n)', input: { RoleArn, RoleSessionName: 'a'.repeat(64) } },
    { name: 'seed-era maximum (n)', input: { RoleArn, RoleSessionName: 'a'.repeat(32) }, settings: SEED_ERA },
    { name: 'seed-era maximum - 1', input: { RoleArn, RoleSessionName: 'a'.repeat(31) }, settings: SEED_ERA },
    { name: 'web identity', input: { RoleArn, RoleSessionName: 'app-user', WebIdentityToken: 'eyJhbGciOi' } },
    { name: 'absent (required-parameters reports it)', input: { RoleArn } },
  ],
  invalid: [
    {
      name: 'minimum length - 1',
      input: { RoleArn, RoleSessionName: 'a' },
      errors: [
        {
          messageId: 'tooShort',
          data: { parameter: 'RoleSessionName', actual: 1, length: '1 character', limit: 2 },
          message: 'RoleSessionName is 1 character long; STS requires at least 2.',
          path: '/RoleSessionName',
          line: 3,
          column: 22,
          endLine: 3,
          endColumn: 25,
        },
      ],
    },
    {
      name: 'maximum length + 1',
      input: { RoleArn, RoleSessionName: 'a'.repeat(65) },
      errors: [
        {
          messageId: 'tooLong',
          data: { parameter: 'RoleSessionName', actual: 65, limit: 64 },
          message: 'RoleSessionName is 65 characters; STS accepts at most 64.',
          line: 3,
          column: 22,
          endLine: 3,
          endColumn: 89,
        },
      ],
    },
    {
      name: 'seed-era maximum + 1 (valid in the current profile)',
      input: { RoleArn, RoleSessionName: 'a'.repeat(33) },
      settings: SEED_ERA,
      errors: [
        {
          messageId: 'tooLong',
          data: { parameter: 'RoleSessionName', actual: 33, limit: 32 },
          message: 'RoleSessionName is 33 characters; STS accepts at most 32.',
          line: 3,
          column: 22,
          endLine: 3,
          endColumn: 57,
        },
      ],
    },
    {
      name: 'a space, pointed at exactly',
      input: { RoleArn, RoleSessionName: 'deploy session' },
      errors: [
        {
          messageId: 'invalidCharacters',
          data: { parameter: 'RoleSessionName', character: 'a space (U+0020)', position: 7, allowed: ALLOWED },
          message: 'RoleSessionName contains a space (U+0020) at position 7; STS accepts only characters matching [\\w+=,.@-].',
          line: 3,
          column: 29,
          endLine: 3,
          endColumn: 30,
        },
      ],
    },
    {
      name: 'a non-ASCII letter',
      input: { RoleArn, RoleSessionName: 'sessão' },
      errors: [
        {
          messageId: 'invalidCharacters',
          data: { parameter: 'RoleSessionName', character: "'ã' (U+00E3)", position: 5, allowed: ALLOWED },
          line: 3,
          column: 27,
          endLine: 3,
          endColumn: 28,
        },
      ],
    },
    {
      name: 'an escaped tab is located in the source through the escape',
      code: '{"RoleArn": "arn:aws:iam::123456789012:role/example", "RoleSessionName": "ci\\tjob"}\n',
      errors: [
        {
          messageId: 'invalidCharacters',
          data: { parameter: 'RoleSessionName', character: 'a tab (U+0009)', position: 3, allowed: ALLOWED },
          line: 1,
          column: 77,
          endLine: 1,
          endColumn: 79,
        },
      ],
    },
    {
      name: 'two findings: too long and a colon',
      input: { RoleArn, RoleSessionName: `ci:${'a'.repeat(63)}` },
      errors: [
        {
          messageId: 'tooLong',
          data: { parameter: 'RoleSessionName', actual: 66, limit: 64 },
          line: 3,
          column: 22,
          endLine: 3,
          endColumn: 90,
        },
        {
          messageId: 'invalidCharacters',
          data: { parameter: 'RoleSessionName', character: "':' (U+003A)", position: 3, allowed: ALLOWED },
          line: 3,
          column: 25,
          endLine: 3,
          endColumn: 26,
        },
      ],
    },
    {
      name: 'not a string',
      input: { RoleArn, RoleSessionName: 42 },
      errors: [
        {
          messageId: 'invalidType',
          data: { parameter: 'RoleSessionName', expected: 'a string', received: 'a number (42)' },
          message: 'RoleSessionName must be a string; got a number (42).',
          line: 3,
          column: 22,
          endLine: 3,
          endColumn: 24,
        },
      ],
    },
  ],
});

test('valid-role-session-name: a reference is skipped and a template is checked only on its literal text', () => {
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName: '${var.session_name}' }), []);
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName: 'deploy-${github.run_id}' }), []);
  // Literal text at the maximum may be valid whatever the hole holds: not reported.
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName: `${'a'.repeat(64)}\${x}` }), []);
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName: 'deploy session-${x}' }), [
    {
      ruleId: 'valid-role-session-name',
      messageId: 'invalidCharacters',
      data: { parameter: 'RoleSessionName', character: 'a space (U+0020)', position: 7, allowed: ALLOWED },
      line: 3,
      column: 29,
      endLine: 3,
      endColumn: 30,
    },
  ]);
  // After a hole the absolute position is unknown; the message counts from the hole.
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName: '${x}-run at ${y}' }), [
    {
      ruleId: 'valid-role-session-name',
      messageId: 'invalidCharacters',
      data: { parameter: 'RoleSessionName', character: 'a space (U+0020)', position: '5 of the text after ${x}', allowed: ALLOWED },
      line: 3,
      column: 31,
      endLine: 3,
      endColumn: 32,
    },
  ]);
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName: `${'a'.repeat(65)}\${x}` }), [
    {
      ruleId: 'valid-role-session-name',
      messageId: 'tooLong',
      data: { parameter: 'RoleSessionName', actual: 'at least 65', limit: 64 },
      line: 3,
      column: 22,
      endLine: 3,
      endColumn: 93,
    },
  ]);
});
