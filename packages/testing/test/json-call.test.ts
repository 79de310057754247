import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { stringRangeToSpan, type LiteralNode } from '@rolecall/core';
import { buildCallFromJson, canonicalJson, inferOperation, renderCodeFrame } from '../src/index.js';

describe('buildCallFromJson', () => {
  test('parameters carry exact key and value spans', () => {
    const text = canonicalJson({ RoleArn: 'arn:aws:iam::123456789012:role/example', DurationSeconds: 900, Tags: [{ Key: 'team', Value: 'a' }] });
    const call = buildCallFromJson(text, { file: 'x.json' });
    assert.equal(call.file, 'x.json');
    assert.equal(call.operation, 'AssumeRole');
    assert.deepEqual(call.span, { start: 0, end: text.length - 1 });
    const slice = (s: { start: number; end: number } | undefined) => (s ? text.slice(s.start, s.end) : undefined);
    assert.deepEqual(
      call.parameters.map((p) => [p.member, p.key, slice(p.keySpan), slice(p.value.span), p.value.kind]),
      [
        ['RoleArn', 'RoleArn', '"RoleArn"', '"arn:aws:iam::123456789012:role/example"', 'literal'],
        ['DurationSeconds', 'DurationSeconds', '"DurationSeconds"', '900', 'literal'],
        ['Tags', 'Tags', '"Tags"', '[\n    {\n      "Key": "team",\n      "Value": "a"\n    }\n  ]', 'array'],
      ],
    );
    const tags = call.parameters[2]!.value;
    assert.ok(tags.kind === 'array' && tags.items[0]?.kind === 'object');
    assert.deepEqual(
      tags.items[0].entries.map((e) => [e.key, slice(e.keySpan), slice(e.value.span)]),
      [
        ['Key', '"Key"', '"team"'],
        ['Value', '"Value"', '"a"'],
      ],
    );
  });

  test('escaped strings get an OffsetMap that lands on the right source characters', () => {
    const text = '{"ExternalId": "a\\"b\\u00e9\\\\c"}';
    const value = buildCallFromJson(text).parameters[0]!.value as LiteralNode;
    assert.equal(value.value, 'a"bé\\c');
    const pieces = [0, 1, 2, 3, 4, 5].map((i) => {
      const span = stringRangeToSpan(value, { start: i, end: i + 1 });
      return text.slice(span.start, span.end);
    });
    assert.deepEqual(pieces, ['a', '\\"', 'b', '\\u00e9', '\\\\', 'c']);
    const all = stringRangeToSpan(value, { start: 0, end: 6 });
    assert.equal(text.slice(all.start, all.end), 'a\\"b\\u00e9\\\\c');
  });

  test('keys that are not STS members become unknownKeys', () => {
    const text = '{"RoleSesionName": "x", "RoleArn": "a", "Duration": 900}';
    const call = buildCallFromJson(text);
    assert.deepEqual(call.parameters.map((p) => p.member), ['RoleArn']);
    assert.deepEqual(
      call.unknownKeys?.map((k) => [k.key, text.slice(k.keySpan.start, k.keySpan.end), text.slice(k.value.span.start, k.value.span.end)]),
      [
        ['RoleSesionName', '"RoleSesionName"', '"x"'],
        ['Duration', '"Duration"', '900'],
      ],
    );
  });

  test('operation is inferred from members unless given', () => {
    assert.equal(inferOperation(['RoleArn', 'WebIdentityToken']), 'AssumeRoleWithWebIdentity');
    assert.equal(inferOperation(['PrincipalArn', 'SAMLAssertion']), 'AssumeRoleWithSAML');
    assert.equal(inferOperation(['RoleArn']), 'AssumeRole');
    assert.equal(buildCallFromJson('{"RoleArn": "x"}', { operation: 'AssumeRoleWithSAML' }).operation, 'AssumeRoleWithSAML');
  });

  test('mistakes in a test case throw clear errors', () => {
    assert.throws(() => buildCallFromJson('{"RoleArn": }'), /^Error: Invalid JSON in test case: Expected a value\. \(offset 12\)\.$/);
    assert.throws(() => buildCallFromJson('[]'), /must be one JSON object/);
    assert.throws(() => buildCallFromJson('{"RoleArn": "a", "RoleArn": "b"}'), /Invalid JSON in test case: Duplicate key "RoleArn"/);
    assert.throws(() => buildCallFromJson('{"RoleArn": "a", // c\n}'), /Invalid JSON/);
  });

  test('renderCodeFrame is re-exported for snapshot tests', () => {
    const text = canonicalJson({ RoleSessionName: 'a b' });
    const span = buildCallFromJson(text).parameters[0]!.value.span;
    assert.equal(renderCodeFrame(text, span, { label: 'literal' }), ['  1 │ {', '> 2 │   "RoleSessionName": "a b"', '    │                      ^^^^^ literal', '  3 │ }'].join('\n'));
  });
});
