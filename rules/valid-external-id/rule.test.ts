import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RuleTester } from '@rolecall/testing';
import { lintWithHoles } from '../_shared/test/holes.js';
import rule from './rule.js';

const RoleArn = 'arn:aws:iam::123456789012:role/deploy';
const RoleSessionName = 'deploy-session';
const SEED_ERA = { stsModel: 'botocore-2015-04-27' };

// Canonical JSON puts ExternalId on line 4; its opening quote is at column 17.
new RuleTester().run(rule, {
  valid: [
    { input: { RoleArn, RoleSessionName, ExternalId: 'Unique-ID-4f3c2b1a' } },
    { name: 'every allowed character', input: { RoleArn, RoleSessionName, ExternalId: 'Aa0_+=,.@:/-' } },
    { name: 'minimum length (n)', input: { RoleArn, RoleSessionName, ExternalId: 'ab' } },
    { name: 'minimum length + 1', input: { RoleArn, RoleSessionName, ExternalId: 'abc' } },
    { name: 'maximum length - 1', input: { RoleArn, RoleSessionName, ExternalId: 'x'.repeat(1223) } },
    { name: 'maximum length (n)', input: { RoleArn, RoleSessionName, ExternalId: 'x'.repeat(1224) } },
    { name: 'seed-era maximum (n)', input: { RoleArn, RoleSessionName, ExternalId: 'x'.repeat(96) }, settings: SEED_ERA },
    { name: 'absent', input: { RoleArn, RoleSessionName } },
  ],
  invalid: [
    {
      name: 'minimum length - 1',
      input: { RoleArn, RoleSessionName, ExternalId: 'x' },
      errors: [
        {
          messageId: 'tooShort',
          data: { parameter: 'ExternalId', actual: 1, limit: 2, length: '1 character' },
          message: 'ExternalId is 1 character long; STS requires at least 2.',
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 20,
        },
      ],
    },
    {
      name: 'maximum length + 1',
      input: { RoleArn, RoleSessionName, ExternalId: 'x'.repeat(1225) },
      errors: [
        {
          messageId: 'tooLong',
          data: { parameter: 'ExternalId', actual: 1225, limit: 1224 },
          message: 'ExternalId is 1225 characters; STS accepts at most 1224.',
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 1244,
        },
      ],
    },
    {
      name: 'seed-era maximum + 1 (valid in the current profile)',
      input: { RoleArn, RoleSessionName, ExternalId: 'x'.repeat(97) },
      settings: SEED_ERA,
      errors: [
        {
          messageId: 'tooLong',
          data: { parameter: 'ExternalId', actual: 97, limit: 96 },
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 116,
        },
      ],
    },
    {
      name: 'seed-era: "/" was not yet allowed',
      input: { RoleArn, RoleSessionName, ExternalId: 'tenant/42' },
      settings: SEED_ERA,
      errors: [
        {
          messageId: 'invalidCharacters',
          data: { parameter: 'ExternalId', character: '\'/\' (U+002F)', position: 7, allowed: '[\\w+=,.@:-]' },
          message: 'ExternalId contains \'/\' (U+002F) at position 7; STS accepts only characters matching [\\w+=,.@:-].',
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 25,
        },
      ],
    },
    {
      name: 'a space',
      input: { RoleArn, RoleSessionName, ExternalId: 'tenant 42' },
      errors: [
        {
          messageId: 'invalidCharacters',
          data: { parameter: 'ExternalId', character: 'a space (U+0020)', position: 7, allowed: '[\\w+=,.@:\\/-]' },
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 25,
        },
      ],
    },
    {
      name: 'two findings: too short and a forbidden character',
      input: { RoleArn, RoleSessionName, ExternalId: '#' },
      errors: [
        {
          messageId: 'tooShort',
          data: { parameter: 'ExternalId', actual: 1, limit: 2, length: '1 character' },
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 20,
        },
        {
          messageId: 'invalidCharacters',
          data: { parameter: 'ExternalId', character: '\'#\' (U+0023)', position: 1, allowed: '[\\w+=,.@:\\/-]' },
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 19,
        },
      ],
    },
    {
      name: 'not a string',
      input: { RoleArn, RoleSessionName, ExternalId: 42 },
      errors: [
        {
          messageId: 'invalidType',
          data: { parameter: 'ExternalId', expected: 'a string', received: 'a number (42)' },
          message: 'ExternalId must be a string; got a number (42).',
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 19,
        },
      ],
    },
  ],
});

test('valid-external-id: a reference is skipped; a template is checked on its literal text', () => {
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, ExternalId: '${var.external_id}' }), []);
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, ExternalId: 'tenant-${var.tenant}' }), []);
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, ExternalId: 'tenant ${var.tenant}' }), [
    {
      ruleId: 'valid-external-id',
      messageId: 'invalidCharacters',
      data: { parameter: 'ExternalId', character: 'a space (U+0020)', position: 7, allowed: '[\\w+=,.@:\\/-]' },
      line: 4,
      column: 24,
      endLine: 4,
      endColumn: 25,
    },
  ]);
});
