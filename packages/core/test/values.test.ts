import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ImplicitNode, LiteralNode, ReferenceNode, TemplateNode } from '../src/index.js';
import { formatPointer, locateNode, offsetMap, materialize, materializeCall, parsePointer, resolvePointer, stringRangeToSpan, UNKNOWN } from '../src/index.js';
import { arr, call, num, obj, param, spanOf, str } from './helpers.js';

const TEXT = '{"RoleSessionName": "deploy", "Tags": [{"Key": "team", "Value": "a"}, {"Key": "env", "Value": "b"}], "Policy": "{}"}';
const tag0 = obj(TEXT, spanOf(TEXT, '{"Key": "team", "Value": "a"}'), [['Key', str(TEXT, 'team')], ['Value', str(TEXT, 'a')]]);
const tag1 = obj(TEXT, spanOf(TEXT, '{"Key": "env", "Value": "b"}'), [['Key', str(TEXT, 'env')], ['Value', str(TEXT, 'b')]], 1);
const tags = arr(spanOf(TEXT, '[{"Key"'), [tag0, tag1]);
const policy = str(TEXT, '{}');
const CALL = call(TEXT, [param(TEXT, 'RoleSessionName', str(TEXT, 'deploy')), param(TEXT, 'Tags', tags), param(TEXT, 'Policy', policy)]);

const reference: ReferenceNode = { kind: 'reference', span: { start: 0, end: 5 }, text: 'var.x' };
const template: TemplateNode = {
  kind: 'template',
  span: { start: 0, end: 10 },
  parts: [
    { kind: 'text', value: 'ci-', span: { start: 1, end: 4 } },
    { kind: 'hole', expression: 'github.run_id', span: { start: 4, end: 9 } },
  ],
};

describe('materialize', () => {
  test('literals, arrays and objects of known nodes give their value', () => {
    assert.deepEqual(materialize(tags), [
      { Key: 'team', Value: 'a' },
      { Key: 'env', Value: 'b' },
    ]);
    assert.equal(materialize({ kind: 'literal', value: null, span: { start: 0, end: 4 } }), null);
    assert.equal(materialize({ kind: 'literal', value: 3600, span: { start: 0, end: 4 } }), 3600);
  });

  test('references and templates, also nested, are UNKNOWN', () => {
    assert.equal(materialize(reference), UNKNOWN);
    assert.equal(materialize(template), UNKNOWN);
    assert.equal(materialize(arr({ start: 0, end: 1 }, [str(TEXT, 'team'), reference])), UNKNOWN);
    assert.equal(materialize({ kind: 'object', span: { start: 0, end: 1 }, entries: [{ key: 'Key', keySpan: { start: 0, end: 1 }, value: template }] }), UNKNOWN);
  });

  test('implicit nodes give their supplied value', () => {
    const implicit: ImplicitNode = { kind: 'implicit', span: { start: 0, end: 1 }, origin: 'configure-aws-credentials default', value: { kind: 'literal', value: 'GitHubActions', span: { start: 0, end: 1 } } };
    assert.equal(materialize(implicit), 'GitHubActions');
  });

  test('__proto__ stays an own key and repeated keys keep the last value', () => {
    const span = { start: 0, end: 1 };
    const lit = (value: string): LiteralNode => ({ kind: 'literal', value, span });
    const value = materialize({
      kind: 'object',
      span,
      entries: [
        { key: '__proto__', keySpan: span, value: lit('x') },
        { key: 'a', keySpan: span, value: lit('first') },
        { key: 'a', keySpan: span, value: lit('second') },
      ],
    }) as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
    assert.deepEqual(Object.keys(value), ['__proto__', 'a']);
    assert.equal(value['a'], 'second');
    assert.equal(Object.getOwnPropertyDescriptor(value, '__proto__')?.value, 'x');
  });

  test('materializeCall keeps only fully known members and lists the others', () => {
    const c = call(TEXT, [param(TEXT, 'RoleSessionName', str(TEXT, 'deploy')), param(TEXT, 'Tags', arr(tags.span, [tag0, reference]))]);
    const { input, unknownMembers } = materializeCall(c);
    assert.deepEqual(input, { RoleSessionName: 'deploy' });
    assert.deepEqual([...unknownMembers], ['Tags']);
  });
});

describe('JSON Pointers', () => {
  test('parse and format escape ~ and /', () => {
    assert.deepEqual(parsePointer('/a~1b/c~0d/~01'), ['a/b', 'c~d', '~1']);
    assert.deepEqual(parsePointer(''), []);
    assert.deepEqual(parsePointer('/'), ['']);
    assert.equal(formatPointer(['Tags', 3, 'a/b~']), '/Tags/3/a~1b~0');
  });

  test('resolvePointer walks parameter → array item → object entry', () => {
    const r = resolvePointer(CALL, '/Tags/1/Key');
    assert.equal(r.node, tag1.entries[0]?.value);
    assert.equal(r.parameter?.member, 'Tags');
    assert.equal(r.rest, '');
  });

  test('stops at the deepest node and returns the unresolved tail', () => {
    assert.deepEqual(resolvePointer(CALL, '/Policy/Statement/0/Action'), { node: policy, parameter: CALL.parameters[2], rest: '/Statement/0/Action' });
    const outOfRange = resolvePointer(CALL, '/Tags/2/Key');
    assert.equal(outOfRange.node, tags);
    assert.equal(outOfRange.rest, '/2/Key');
    assert.equal(resolvePointer(CALL, '/Tags/01').rest, '/01', 'a leading zero is not an array index');
    assert.equal(resolvePointer(CALL, '/Tags/0/Nope').node, tag0);
  });

  test('a member the call does not have resolves to nothing', () => {
    assert.deepEqual(resolvePointer(CALL, '/ExternalId'), { rest: '/ExternalId' });
    assert.deepEqual(resolvePointer(CALL, ''), { rest: '' });
  });

  test('walks through implicit values', () => {
    const text = '{}';
    const span = { start: 0, end: 2 };
    const key: LiteralNode = { kind: 'literal', value: 'GitHub', span };
    const implicit: ImplicitNode = {
      kind: 'implicit',
      span,
      origin: 'configure-aws-credentials session tags',
      value: { kind: 'array', span, items: [{ kind: 'object', span, entries: [{ key: 'Key', keySpan: span, value: key }] }] },
    };
    const c = call(text, [{ member: 'Tags', key: 'Tags', value: implicit }]);
    assert.equal(resolvePointer(c, '/Tags/0/Key').node, key);
  });

  test('locateNode finds the parameter and pointer of a node by identity', () => {
    const site = locateNode(CALL, tag1.entries[1]!.value);
    assert.equal(site?.parameter.member, 'Tags');
    assert.equal(site?.path, '/Tags/1/Value');
    assert.equal(locateNode(CALL, str(TEXT, 'deploy')), undefined, 'an equal but different node is not found');
  });
});

describe('stringRangeToSpan', () => {
  test('without offsets, index i is at span.start + 1 + i', () => {
    const node = str(TEXT, 'deploy');
    assert.deepEqual(stringRangeToSpan(node, { start: 1, end: 3 }), { start: node.span.start + 2, end: node.span.start + 4 });
  });

  test('through an OffsetMap for escaped strings', () => {
    // "a\"b": decoded a,",b at source offsets 1,2(+escape),4; closing quote at 5.
    const starts = [1, 2, 4, 5];
    const node: LiteralNode = { kind: 'literal', value: 'a"b', span: { start: 0, end: 6 }, offsets: offsetMap(starts) };
    assert.deepEqual(stringRangeToSpan(node, { start: 1, end: 2 }), { start: 2, end: 4 });
    assert.deepEqual(stringRangeToSpan(node, { start: 0, end: 3 }), { start: 1, end: 5 });
  });

  test('clamps and orders the range; non-strings give their span', () => {
    const node = str(TEXT, 'deploy');
    assert.deepEqual(stringRangeToSpan(node, { start: -5, end: 99 }), { start: node.span.start + 1, end: node.span.end - 1 });
    assert.deepEqual(stringRangeToSpan(node, { start: 4, end: 2 }), { start: node.span.start + 3, end: node.span.start + 5 });
    const n = num('{"DurationSeconds": 900}', 900);
    assert.deepEqual(stringRangeToSpan(n, { start: 0, end: 1 }), n.span);
  });
});
