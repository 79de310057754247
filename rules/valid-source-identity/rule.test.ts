import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RuleTester } from '@rolecall/testing';
import { lintWithHoles } from '../_shared/test/holes.js';
import rule from './rule.js';

const RoleArn = 'arn:aws:iam::123456789012:role/deploy';
const RoleSessionName = 'deploy-session';

// Canonical JSON puts SourceIdentity on line 4; its opening quote is at column 21.
new RuleTester().run(rule, {
  valid: [
    { input: { RoleArn, RoleSessionName, SourceIdentity: 'alice@example.com' } },
    { name: 'minimum length (n)', input: { RoleArn, RoleSessionName, SourceIdentity: 'ab' } },
    { name: 'minimum length + 1', input: { RoleArn, RoleSessionName, SourceIdentity: 'abc' } },
    { name: 'maximum length - 1', input: { RoleArn, RoleSessionName, SourceIdentity: 'u'.repeat(63) } },
    { name: 'maximum length (n)', input: { RoleArn, RoleSessionName, SourceIdentity: 'u'.repeat(64) } },
    { name: 'seed-era profile: same limits', input: { RoleArn, RoleSessionName, SourceIdentity: 'u'.repeat(64) }, settings: { stsModel: 'botocore-2015-04-27' } },
    { name: '"aws" without the colon is fine', input: { RoleArn, RoleSessionName, SourceIdentity: 'aws-admin' } },
  ],
  invalid: [
    {
      name: 'minimum length - 1',
      input: { RoleArn, RoleSessionName, SourceIdentity: 'u' },
      errors: [
        {
          messageId: 'tooShort',
          data: { parameter: 'SourceIdentity', actual: 1, limit: 2, length: '1 character' },
          message: 'SourceIdentity is 1 character long; STS requires at least 2.',
          line: 4,
          column: 21,
          endLine: 4,
          endColumn: 24,
        },
      ],
    },
    {
      name: 'maximum length + 1',
      input: { RoleArn, RoleSessionName, SourceIdentity: 'u'.repeat(65) },
      errors: [
        {
          messageId: 'tooLong',
          data: { parameter: 'SourceIdentity', actual: 65, limit: 64 },
          message: 'SourceIdentity is 65 characters; STS accepts at most 64.',
          line: 4,
          column: 21,
          endLine: 4,
          endColumn: 88,
        },
      ],
    },
    {
      name: 'the reserved prefix',
      input: { RoleArn, RoleSessionName, SourceIdentity: 'aws:alice' },
      errors: [
        {
          messageId: 'reservedPrefix',
          data: { parameter: 'SourceIdentity', value: '"aws:alice"', prefix: 'aws:' },
          message: 'SourceIdentity "aws:alice" starts with "aws:", a prefix AWS reserves for its own use.',
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 26,
        },
      ],
    },
    {
      name: 'the reserved prefix in another case',
      input: { RoleArn, RoleSessionName, SourceIdentity: 'AWS:alice' },
      errors: [
        {
          messageId: 'reservedPrefix',
          data: { parameter: 'SourceIdentity', value: '"AWS:alice"', prefix: 'aws:' },
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 26,
        },
      ],
    },
    {
      name: 'two findings: the reserved prefix and a space after it',
      input: { RoleArn, RoleSessionName, SourceIdentity: 'aws:alice smith' },
      errors: [
        {
          messageId: 'reservedPrefix',
          data: { parameter: 'SourceIdentity', value: '"aws:alice smith"', prefix: 'aws:' },
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 26,
        },
        {
          messageId: 'invalidCharacters',
          data: { parameter: 'SourceIdentity', character: 'a space (U+0020)', position: 10, allowed: '[\\w+=,.@-]' },
          message: 'SourceIdentity contains a space (U+0020) at position 10; STS accepts only characters matching [\\w+=,.@-].',
          line: 4,
          column: 31,
          endLine: 4,
          endColumn: 32,
        },
      ],
    },
    {
      name: 'a colon elsewhere',
      input: { RoleArn, RoleSessionName, SourceIdentity: 'corp:alice' },
      errors: [
        {
          messageId: 'invalidCharacters',
          data: { parameter: 'SourceIdentity', character: '\':\' (U+003A)', position: 5, allowed: '[\\w+=,.@-]' },
          line: 4,
          column: 26,
          endLine: 4,
          endColumn: 27,
        },
      ],
    },
    {
      name: 'not a string',
      input: { RoleArn, RoleSessionName, SourceIdentity: null },
      errors: [
        {
          messageId: 'invalidType',
          data: { parameter: 'SourceIdentity', expected: 'a string', received: 'null' },
          message: 'SourceIdentity must be a string; got null.',
          line: 4,
          column: 21,
          endLine: 4,
          endColumn: 25,
        },
      ],
    },
  ],
});

test('valid-source-identity: a reference is skipped; a template is checked on its literal text', () => {
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, SourceIdentity: '${github.actor}' }), []);
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, SourceIdentity: 'gh-${github.actor}' }), []);
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, SourceIdentity: 'gh:${github.actor}' }), [
    {
      ruleId: 'valid-source-identity',
      messageId: 'invalidCharacters',
      data: { parameter: 'SourceIdentity', character: "':' (U+003A)", position: 3, allowed: '[\\w+=,.@-]' },
      line: 4,
      column: 24,
      endLine: 4,
      endColumn: 25,
    },
  ]);
});
