import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RuleTester } from '@rolecall/testing';
import { lintWithHoles } from '../_shared/test/holes.js';
import rule from './rule.js';

const RoleArn = 'arn:aws:iam::123456789012:role/deploy';
const RoleSessionName = 'deploy-session';
/** `n` distinct, valid tags. */
const tags = (n: number): { Key: string; Value: string }[] => Array.from({ length: n }, (_, i) => ({ Key: `key-${i}`, Value: 'v' }));

// Canonical JSON puts Tags on line 4; the first tag object starts on line 5, its Key value at column 14 of line 6.
new RuleTester().run(rule, {
  valid: [
    { input: { RoleArn, RoleSessionName, Tags: [{ Key: 'Project', Value: 'Unicorn' }, { Key: 'Cost Center', Value: '12345' }] } },
    { name: 'letters of any script, spaces and _ . : / = + - @', input: { RoleArn, RoleSessionName, Tags: [{ Key: 'équipe/Zürich', Value: 'a_b.c:d/e=f+g-h@i 東京' }] } },
    { name: 'an empty value', input: { RoleArn, RoleSessionName, Tags: [{ Key: 'Empty', Value: '' }] } },
    { name: 'no tags', input: { RoleArn, RoleSessionName, Tags: [] } },
    { name: 'item count - 1', input: { RoleArn, RoleSessionName, Tags: tags(49) } },
    { name: 'item count (n)', input: { RoleArn, RoleSessionName, Tags: tags(50) } },
    { name: 'key length - 1', input: { RoleArn, RoleSessionName, Tags: [{ Key: 'k'.repeat(127), Value: 'v' }] } },
    { name: 'key length (n)', input: { RoleArn, RoleSessionName, Tags: [{ Key: 'k'.repeat(128), Value: 'v' }] } },
    { name: 'value length - 1', input: { RoleArn, RoleSessionName, Tags: [{ Key: 'k', Value: 'v'.repeat(255) }] } },
    { name: 'value length (n)', input: { RoleArn, RoleSessionName, Tags: [{ Key: 'k', Value: 'v'.repeat(256) }] } },
    { name: 'seed-era profile: same limits', input: { RoleArn, RoleSessionName, Tags: tags(50) }, settings: { stsModel: 'botocore-2015-04-27' } },
    { name: 'duplicates are no-duplicate-tag-keys\\u2019 finding', input: { RoleArn, RoleSessionName, Tags: [{ Key: 'Team', Value: 'a' }, { Key: 'team', Value: 'b' }] } },
  ],
  invalid: [
    {
      name: 'item count + 1',
      input: { RoleArn, RoleSessionName, Tags: tags(51) },
      errors: [
        {
          messageId: 'tooManyItems',
          data: { parameter: 'Tags', actual: 51, limit: 50 },
          message: 'Tags has 51 items; STS accepts at most 50.',
          line: 4,
          column: 11,
          endLine: 209,
          endColumn: 4,
        },
      ],
    },
    {
      name: 'empty key (key length n-1)',
      input: { RoleArn, RoleSessionName, Tags: [{ Key: '', Value: 'v' }] },
      errors: [
        {
          messageId: 'tooShort',
          data: { parameter: 'Tags[0].Key', actual: 0, limit: 1, length: '0 characters' },
          message: 'Tags[0].Key is 0 characters long; STS requires at least 1.',
          line: 6,
          column: 14,
          endLine: 6,
          endColumn: 16,
        },
      ],
    },
    {
      name: 'key length + 1',
      input: { RoleArn, RoleSessionName, Tags: [{ Key: 'k'.repeat(129), Value: 'v' }] },
      errors: [
        {
          messageId: 'tooLong',
          data: { parameter: 'Tags[0].Key', actual: 129, limit: 128 },
          message: 'Tags[0].Key is 129 characters; STS accepts at most 128.',
          line: 6,
          column: 14,
          endLine: 6,
          endColumn: 145,
        },
      ],
    },
    {
      name: 'value length + 1',
      input: { RoleArn, RoleSessionName, Tags: [{ Key: 'k', Value: 'v'.repeat(257) }] },
      errors: [
        {
          messageId: 'tooLong',
          data: { parameter: 'Tags[0].Value', actual: 257, limit: 256 },
          line: 7,
          column: 16,
          endLine: 7,
          endColumn: 275,
        },
      ],
    },
    {
      name: 'a character outside the tag character set',
      input: { RoleArn, RoleSessionName, Tags: [{ Key: 'owner', Value: 'alice#ops' }] },
      errors: [
        {
          messageId: 'invalidCharacters',
          data: { parameter: 'Tags[0].Value', character: '\'#\' (U+0023)', position: 6, allowed: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]' },
          message: 'Tags[0].Value contains \'#\' (U+0023) at position 6; STS accepts only characters matching [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@].',
          line: 7,
          column: 22,
          endLine: 7,
          endColumn: 23,
        },
      ],
    },
    {
      name: 'the reserved prefix on a key',
      input: { RoleArn, RoleSessionName, Tags: [{ Key: 'aws:team', Value: 'ops' }] },
      errors: [
        {
          messageId: 'reservedPrefix',
          data: { parameter: 'Tags[0].Key', value: '"aws:team"', prefix: 'aws:' },
          message: 'Tags[0].Key "aws:team" starts with "aws:", a prefix AWS reserves for its own use.',
          line: 6,
          column: 15,
          endLine: 6,
          endColumn: 19,
        },
      ],
    },
    {
      name: 'the reserved prefix on a value, any case',
      input: { RoleArn, RoleSessionName, Tags: [{ Key: 'team', Value: 'AWS:ops' }] },
      errors: [
        {
          messageId: 'reservedPrefix',
          data: { parameter: 'Tags[0].Value', value: '"AWS:ops"', prefix: 'aws:' },
          line: 7,
          column: 17,
          endLine: 7,
          endColumn: 21,
        },
      ],
    },
    {
      name: 'lower-case field names (the SDK drops them silently)',
      input: { RoleArn, RoleSessionName, Tags: [{ key: 'team', value: 'ops' }] },
      errors: [
        {
          messageId: 'missingRequired',
          data: { parameter: 'Tags[0].Key', operation: 'AssumeRole' },
          message: 'Tags[0].Key is missing; AssumeRole requires it.',
          line: 5,
          column: 5,
          endLine: 8,
          endColumn: 6,
        },
        {
          messageId: 'missingRequired',
          data: { parameter: 'Tags[0].Value', operation: 'AssumeRole' },
          line: 5,
          column: 5,
          endLine: 8,
          endColumn: 6,
        },
        {
          messageId: 'unknownParameter',
          data: { parameter: 'Tags[0].key', operation: 'AssumeRole', hint: ' Did you mean "Tags[0].Key"?' },
          message: 'Tags[0].key is not accepted by AssumeRole. Did you mean "Tags[0].Key"?',
          line: 6,
          column: 14,
          endLine: 6,
          endColumn: 20,
        },
        {
          messageId: 'unknownParameter',
          data: { parameter: 'Tags[0].value', operation: 'AssumeRole', hint: ' Did you mean "Tags[0].Value"?' },
          line: 7,
          column: 16,
          endLine: 7,
          endColumn: 21,
        },
      ],
    },
    {
      name: 'two findings in two tags',
      input: { RoleArn, RoleSessionName, Tags: [{ Key: 'team', Value: 'ops!' }, { Key: 'env' }] },
      errors: [
        {
          messageId: 'invalidCharacters',
          data: { parameter: 'Tags[0].Value', character: '\'!\' (U+0021)', position: 4, allowed: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]' },
          line: 7,
          column: 20,
          endLine: 7,
          endColumn: 21,
        },
        {
          messageId: 'missingRequired',
          data: { parameter: 'Tags[1].Value', operation: 'AssumeRole' },
          line: 9,
          column: 5,
          endLine: 11,
          endColumn: 6,
        },
      ],
    },
    {
      name: 'a map instead of a list of tags',
      input: { RoleArn, RoleSessionName, Tags: { team: 'ops' } },
      errors: [
        {
          messageId: 'invalidType',
          data: { parameter: 'Tags', expected: 'an array', received: 'an object' },
          message: 'Tags must be an array; got an object.',
          line: 4,
          column: 11,
          endLine: 6,
          endColumn: 4,
        },
      ],
    },
  ],
});

test('valid-tags: known parts of a partly unknown tag list are checked, unknown ones skipped', () => {
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, Tags: '${local.session_tags}' }), []);
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, Tags: [{ Key: 'team', Value: '${var.team}' }, '${local.extra_tag}'] }), []);
  assert.deepEqual(
    lintWithHoles(rule, { RoleArn, RoleSessionName, Tags: [{ Key: 'aws:team', Value: '${var.team}' }, { Key: 'env', Value: '${var.env} #${var.n}' }] }),
    [
      {
        ruleId: 'valid-tags',
        messageId: 'reservedPrefix',
        data: { parameter: 'Tags[0].Key', value: '"aws:team"', prefix: 'aws:' },
        line: 6,
        column: 15,
        endLine: 6,
        endColumn: 19,
      },
      {
        ruleId: 'valid-tags',
        messageId: 'invalidCharacters',
        data: { parameter: 'Tags[1].Value', character: "'#' (U+0023)", position: '2 of the text after ${var.env}', allowed: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]' },
        line: 11,
        column: 28,
        endLine: 11,
        endColumn: 29,
      },
    ],
  );
  // The count is known even when the items are not.
  const many = Array.from({ length: 51 }, (_, i) => `\${var.tag_${i}}`);
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, Tags: many }), [
    {
      ruleId: 'valid-tags',
      messageId: 'tooManyItems',
      data: { parameter: 'Tags', actual: 51, limit: 50 },
      line: 4,
      column: 11,
      endLine: 56,
      endColumn: 4,
    },
  ]);
});
