import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RuleTester } from '@rolecall/testing';
import { lintWithHoles } from '../_shared/test/holes.js';
import rule from './rule.js';

const RoleArn = 'arn:aws:iam::123456789012:role/deploy';
const RoleSessionName = 'deploy-session';
/** `n` distinct keys with matching tags, so only this rule's limits are in play. */
const keys = (n: number): string[] => Array.from({ length: n }, (_, i) => `key-${i}`);
const tagsFor = (list: readonly string[]): { Key: string; Value: string }[] => list.map((Key) => ({ Key, Value: 'v' }));

// Canonical JSON puts TransitiveTagKeys on line 4 (at column 24) and its first key on line 5, column 5.
new RuleTester().run(rule, {
  valid: [
    { input: { RoleArn, RoleSessionName, TransitiveTagKeys: ['Project'], Tags: [{ Key: 'Project', Value: 'Unicorn' }] } },
    { name: 'item count - 1', input: { RoleArn, RoleSessionName, TransitiveTagKeys: keys(49), Tags: tagsFor(keys(49)) } },
    { name: 'item count (n)', input: { RoleArn, RoleSessionName, TransitiveTagKeys: keys(50), Tags: tagsFor(keys(50)) } },
    { name: 'key length (n)', input: { RoleArn, RoleSessionName, TransitiveTagKeys: ['k'.repeat(128)], Tags: [{ Key: 'k'.repeat(128), Value: 'v' }] } },
    { name: 'key length - 1', input: { RoleArn, RoleSessionName, TransitiveTagKeys: ['k'.repeat(127)], Tags: [{ Key: 'k'.repeat(127), Value: 'v' }] } },
    { name: 'seed-era profile: same limits', input: { RoleArn, RoleSessionName, TransitiveTagKeys: keys(50), Tags: tagsFor(keys(50)) }, settings: { stsModel: 'botocore-2015-04-27' } },
    { name: 'a key without a tag is no-orphan-transitive-tag-keys\\u2019 finding', input: { RoleArn, RoleSessionName, TransitiveTagKeys: ['Project'] } },
  ],
  invalid: [
    {
      name: 'item count + 1',
      input: { RoleArn, RoleSessionName, TransitiveTagKeys: keys(51), Tags: tagsFor(keys(50)) },
      errors: [
        {
          messageId: 'tooManyItems',
          data: { parameter: 'TransitiveTagKeys', actual: 51, limit: 50 },
          message: 'TransitiveTagKeys has 51 items; STS accepts at most 50.',
          line: 4,
          column: 24,
          endLine: 56,
          endColumn: 4,
        },
      ],
    },
    {
      name: 'empty key (key length n-1)',
      input: { RoleArn, RoleSessionName, TransitiveTagKeys: [''] },
      errors: [
        {
          messageId: 'tooShort',
          data: { parameter: 'TransitiveTagKeys[0]', actual: 0, limit: 1, length: '0 characters' },
          message: 'TransitiveTagKeys[0] is 0 characters long; STS requires at least 1.',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 7,
        },
      ],
    },
    {
      name: 'key length + 1',
      input: { RoleArn, RoleSessionName, TransitiveTagKeys: ['k'.repeat(129)] },
      errors: [
        {
          messageId: 'tooLong',
          data: { parameter: 'TransitiveTagKeys[0]', actual: 129, limit: 128 },
          message: 'TransitiveTagKeys[0] is 129 characters; STS accepts at most 128.',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 136,
        },
      ],
    },
    {
      name: 'a forbidden character',
      input: { RoleArn, RoleSessionName, TransitiveTagKeys: ['team#1'], Tags: [{ Key: 'team#1', Value: 'v' }] },
      errors: [
        {
          messageId: 'invalidCharacters',
          data: { parameter: 'TransitiveTagKeys[0]', character: '\'#\' (U+0023)', position: 5, allowed: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]' },
          message: 'TransitiveTagKeys[0] contains \'#\' (U+0023) at position 5; STS accepts only characters matching [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@].',
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 11,
        },
      ],
    },
    {
      name: 'two findings: a tag object instead of its key, and an empty key',
      input: { RoleArn, RoleSessionName, TransitiveTagKeys: [{ Key: 'Project' }, ''] },
      errors: [
        {
          messageId: 'invalidType',
          data: { parameter: 'TransitiveTagKeys[0]', expected: 'a string', received: 'an object' },
          message: 'TransitiveTagKeys[0] must be a string; got an object.',
          line: 5,
          column: 5,
          endLine: 7,
          endColumn: 6,
        },
        {
          messageId: 'tooShort',
          data: { parameter: 'TransitiveTagKeys[1]', actual: 0, limit: 1, length: '0 characters' },
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 7,
        },
      ],
    },
    {
      name: 'a single string instead of a list',
      input: { RoleArn, RoleSessionName, TransitiveTagKeys: 'Project', Tags: [{ Key: 'Project', Value: 'Unicorn' }] },
      errors: [
        {
          messageId: 'invalidType',
          data: { parameter: 'TransitiveTagKeys', expected: 'an array', received: 'a string ("Project")' },
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 33,
        },
      ],
    },
  ],
});

test('valid-transitive-tag-keys: known entries of a partly unknown list are checked', () => {
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, TransitiveTagKeys: '${var.transitive_keys}' }), []);
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, TransitiveTagKeys: ['${var.key}', 'team#1'] }), [
    {
      ruleId: 'valid-transitive-tag-keys',
      messageId: 'invalidCharacters',
      data: { parameter: 'TransitiveTagKeys[1]', character: "'#' (U+0023)", position: 5, allowed: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]' },
      line: 6,
      column: 10,
      endLine: 6,
      endColumn: 11,
    },
  ]);
});
