import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { docsUrl, fingerprintOf, fnv1a64, interpolate, missingPlaceholders, placeholdersOf, RESERVED_RULE_IDS, RESERVED_RULES } from '../src/index.js';

describe('interpolate', () => {
  test('fills {{name}} and {{ name }}; leaves unknown placeholders as written', () => {
    assert.equal(interpolate('{{key}} is {{ length }} characters; STS accepts at most {{max}}.', { key: 'RoleSessionName', length: 71, max: 64 }), 'RoleSessionName is 71 characters; STS accepts at most 64.');
    assert.equal(interpolate('{{a}} and {{b}}', { a: 1 }), '1 and {{b}}');
    assert.equal(interpolate('{{a}}', undefined), '{{a}}');
    assert.equal(interpolate('{{toString}}', {}), '{{toString}}', 'inherited properties are not data');
    assert.equal(interpolate('{{a}}', { a: '$& {{b}}' }), '$& {{b}}', 'replacement patterns and placeholders in values are literal');
  });

  test('placeholdersOf and missingPlaceholders', () => {
    assert.deepEqual(placeholdersOf('{{a}} {{ b }} {{a}} {c} {{}}'), ['a', 'b']);
    assert.deepEqual(missingPlaceholders('{{a}} {{b}}', { a: 0 }), ['b']);
    assert.deepEqual(missingPlaceholders('none', undefined), []);
  });
});

describe('fingerprints', () => {
  test('FNV-1a 64 matches published vectors', () => {
    // Vectors from the FNV reference test suite (fnv-1a 64-bit).
    assert.equal(fnv1a64(''), 'cbf29ce484222325');
    assert.equal(fnv1a64('a'), 'af63dc4c8601ec8c');
    assert.equal(fnv1a64('foobar'), '85944171f73967e8');
  });

  test('hashes UTF-8 bytes, so non-ASCII text is stable across runtimes', () => {
    assert.equal(fnv1a64('é'), fnv1a64('\u00e9'));
    assert.notEqual(fnv1a64('é'), fnv1a64('e\u0301'));
    assert.match(fnv1a64('😀'), /^[0-9a-f]{16}$/);
  });

  test('fingerprintOf separates its parts unambiguously', () => {
    const a = fingerprintOf({ ruleId: 'r', file: 'ab', callId: 'c', path: '/x', messageId: 'm' });
    const b = fingerprintOf({ ruleId: 'r', file: 'a', callId: 'bc', path: '/x', messageId: 'm' });
    assert.notEqual(a, b);
    assert.equal(a, fingerprintOf({ ruleId: 'r', file: 'ab', callId: 'c', path: '/x', messageId: 'm' }));
  });
});

describe('docsUrl and reserved ids', () => {
  test('rules link to their README; reserved ids to the core README section', () => {
    assert.equal(docsUrl('valid-tags'), 'https://github.com/rolecall/rolecall/blob/main/rules/valid-tags/README.md');
    assert.equal(docsUrl('internal-error'), 'https://github.com/rolecall/rolecall/blob/main/packages/core/README.md#internal-error');
  });

  test('every reserved id has metadata', () => {
    assert.deepEqual(Object.keys(RESERVED_RULES).sort(), [...RESERVED_RULE_IDS].sort());
  });
});
