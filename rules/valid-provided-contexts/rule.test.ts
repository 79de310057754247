import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RuleTester } from '@rolecall/testing';
import { lintWithHoles } from '../_shared/test/holes.js';
import rule from './rule.js';

const RoleArn = 'arn:aws:iam::123456789012:role/deploy';
const RoleSessionName = 'deploy-session';
const ProviderArn = 'arn:aws:iam::aws:contextProvider/IdentityCenter';
/** `n` valid contexts. */
const contexts = (n: number): { ProviderArn: string; ContextAssertion: string }[] => Array.from({ length: n }, (_, i) => ({ ProviderArn, ContextAssertion: `assertion-${i}` }));

// Canonical JSON puts ProvidedContexts on line 4 (at column 23); context i starts on line 5 + 4i.
new RuleTester().run(rule, {
  valid: [
    { input: { RoleArn, RoleSessionName, ProvidedContexts: contexts(1) } },
    { name: 'item count - 1', input: { RoleArn, RoleSessionName, ProvidedContexts: contexts(4) } },
    { name: 'item count (n)', input: { RoleArn, RoleSessionName, ProvidedContexts: contexts(5) } },
    { name: 'assertion length (n)', input: { RoleArn, RoleSessionName, ProvidedContexts: [{ ProviderArn, ContextAssertion: 'abcd' }] } },
    { name: 'assertion length - 1 below the maximum', input: { RoleArn, RoleSessionName, ProvidedContexts: [{ ProviderArn, ContextAssertion: 'a'.repeat(2047) }] } },
    { name: 'assertion length at the maximum (n)', input: { RoleArn, RoleSessionName, ProvidedContexts: [{ ProviderArn, ContextAssertion: 'a'.repeat(2048) }] } },
    { name: 'seed-era profile: same limits', input: { RoleArn, RoleSessionName, ProvidedContexts: contexts(5) }, settings: { stsModel: 'botocore-2015-04-27' } },
  ],
  invalid: [
    {
      name: 'no contexts (item count n-1)',
      input: { RoleArn, RoleSessionName, ProvidedContexts: [] },
      errors: [
        {
          messageId: 'tooFewItems',
          data: { parameter: 'ProvidedContexts', actual: 0, limit: 1 },
          message: 'ProvidedContexts has 0 items; STS requires at least 1.',
          line: 4,
          column: 23,
          endLine: 4,
          endColumn: 25,
        },
      ],
    },
    {
      name: 'item count + 1',
      input: { RoleArn, RoleSessionName, ProvidedContexts: contexts(6) },
      errors: [
        {
          messageId: 'tooManyItems',
          data: { parameter: 'ProvidedContexts', actual: 6, limit: 5 },
          message: 'ProvidedContexts has 6 items; STS accepts at most 5.',
          line: 4,
          column: 23,
          endLine: 29,
          endColumn: 4,
        },
      ],
    },
    {
      name: 'assertion length - 1',
      input: { RoleArn, RoleSessionName, ProvidedContexts: [{ ProviderArn, ContextAssertion: 'abc' }] },
      errors: [
        {
          messageId: 'tooShort',
          data: { parameter: 'ProvidedContexts[0].ContextAssertion', actual: 3, limit: 4, length: '3 characters' },
          message: 'ProvidedContexts[0].ContextAssertion is 3 characters long; STS requires at least 4.',
          line: 7,
          column: 27,
          endLine: 7,
          endColumn: 32,
        },
      ],
    },
    {
      name: 'assertion length + 1',
      input: { RoleArn, RoleSessionName, ProvidedContexts: [{ ProviderArn, ContextAssertion: 'a'.repeat(2049) }] },
      errors: [
        {
          messageId: 'tooLong',
          data: { parameter: 'ProvidedContexts[0].ContextAssertion', actual: 2049, limit: 2048 },
          message: 'ProvidedContexts[0].ContextAssertion is 2049 characters; STS accepts at most 2048.',
          line: 7,
          column: 27,
          endLine: 7,
          endColumn: 2078,
        },
      ],
    },
    {
      name: 'two findings: a short provider ARN and a misspelt field',
      input: { RoleArn, RoleSessionName, ProvidedContexts: [{ ProviderArn: 'arn:aws:iam::aws:x', contextAssertion: 'abcd' }] },
      errors: [
        {
          messageId: 'tooShort',
          data: { parameter: 'ProvidedContexts[0].ProviderArn', actual: 18, limit: 20, length: '18 characters' },
          line: 6,
          column: 22,
          endLine: 6,
          endColumn: 42,
        },
        {
          messageId: 'unknownParameter',
          data: { parameter: 'ProvidedContexts[0].contextAssertion', operation: 'AssumeRole', hint: ' Did you mean "ProvidedContexts[0].ContextAssertion"?' },
          message: 'ProvidedContexts[0].contextAssertion is not accepted by AssumeRole. Did you mean "ProvidedContexts[0].ContextAssertion"?',
          line: 7,
          column: 27,
          endLine: 7,
          endColumn: 33,
        },
      ],
    },
    {
      name: 'a control character in the provider ARN',
      input: { RoleArn, RoleSessionName, ProvidedContexts: [{ ProviderArn: 'arn:aws:iam::aws:contextProvider/\u0001', ContextAssertion: 'abcd' }] },
      errors: [
        {
          messageId: 'invalidCharacters',
          data: { parameter: 'ProvidedContexts[0].ProviderArn', character: 'U+0001', position: 34, allowed: '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]' },
          message: 'ProvidedContexts[0].ProviderArn contains U+0001 at position 34; STS accepts only characters matching [\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF].',
          line: 6,
          column: 56,
          endLine: 6,
          endColumn: 62,
        },
      ],
    },
    {
      // STS reads arnType's \u10000-\u10FFFF as Java does: no code point above U+FFFF (model-update-2026-10.md).
      name: 'an emoji in the provider ARN',
      input: { RoleArn, RoleSessionName, ProvidedContexts: [{ ProviderArn: 'arn:aws:iam::aws:contextProvider/\u{1F600}', ContextAssertion: 'abcd' }] },
      errors: [
        {
          messageId: 'invalidCharacters',
          data: { parameter: 'ProvidedContexts[0].ProviderArn', character: "'\u{1F600}' (U+1F600)", position: 34, allowed: '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]' },
          message: "ProvidedContexts[0].ProviderArn contains '\u{1F600}' (U+1F600) at position 34; STS accepts only characters matching [\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF].",
          line: 6,
          column: 56,
          endLine: 6,
          endColumn: 58,
        },
      ],
    },
    {
      name: 'an object instead of a list',
      input: { RoleArn, RoleSessionName, ProvidedContexts: { ProviderArn, ContextAssertion: 'abcd' } },
      errors: [
        {
          messageId: 'invalidType',
          data: { parameter: 'ProvidedContexts', expected: 'an array', received: 'an object' },
          message: 'ProvidedContexts must be an array; got an object.',
          line: 4,
          column: 23,
          endLine: 7,
          endColumn: 4,
        },
      ],
    },
  ],
});

test('valid-provided-contexts: known parts of a partly unknown list are checked', () => {
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, ProvidedContexts: [{ ProviderArn, ContextAssertion: '${var.assertion}' }] }), []);
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, ProvidedContexts: [{ ProviderArn, ContextAssertion: 'abc' }, '${local.more}'] }), [
    {
      ruleId: 'valid-provided-contexts',
      messageId: 'tooShort',
      data: { parameter: 'ProvidedContexts[0].ContextAssertion', actual: 3, limit: 4, length: '3 characters' },
      line: 7,
      column: 27,
      endLine: 7,
      endColumn: 32,
    },
  ]);
});
