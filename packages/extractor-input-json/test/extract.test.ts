import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AssumeRoleCall, LiteralNode, Span, ValueNode } from '@rolecall/core';
import { renderCodeFrame, stringRangeToSpan, toSource } from '@rolecall/core';
import fc from 'fast-check';
import {
  decodeJsonString,
  extractInputJson,
  inputJsonExtractor,
  MAX_NESTING_DEPTH,
  operationFromFileName,
  prefilter,
} from '../src/index.js';

const slice = (text: string, span: Span): string => text.slice(span.start, span.end);

function param(call: AssumeRoleCall, member: string): ValueNode {
  const p = call.parameters.find((x) => x.member === member);
  assert.ok(p, `missing ${member}`);
  return p.value;
}

function literal(node: ValueNode): LiteralNode {
  assert.equal(node.kind, 'literal');
  return node as LiteralNode;
}

const FULL = `{
  "RoleArn": "arn:aws:iam::123456789012:role/deploy",
  "RoleSessionName": "deploy-session",
  "PolicyArns": [{ "arn": "arn:aws:iam::aws:policy/ReadOnlyAccess" }],
  "DurationSeconds": 3600,
  "Tags": [{ "Key": "team", "Value": "platform" }],
  "TransitiveTagKeys": ["team"],
  "ExternalId": "ext-123",
  "SerialNumber": "arn:aws:iam::123456789012:mfa/user",
  "TokenCode": "123456",
  "SourceIdentity": "alice",
  "Unrelated": true
}
`;

describe('extractInputJson: AssumeRole input', () => {
  const result = extractInputJson('inputs/deploy.json', FULL);
  const call = result.calls[0]!;

  it('extracts one call with the object span, id, kind and operation', () => {
    assert.equal(result.calls.length, 1);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.comments, []);
    assert.equal(call.id, 'input-json:0');
    assert.equal(call.file, 'inputs/deploy.json');
    assert.equal(call.extractor, 'input-json');
    assert.equal(call.kind, 'cli-input-json');
    assert.equal(call.operation, 'AssumeRole');
    assert.deepEqual(call.span, { start: 0, end: FULL.length - 1 });
  });

  it('keeps STS members in source order and other keys apart, as unknownKeys', () => {
    assert.deepEqual(
      call.parameters.map((p) => p.member),
      ['RoleArn', 'RoleSessionName', 'PolicyArns', 'DurationSeconds', 'Tags', 'TransitiveTagKeys', 'ExternalId', 'SerialNumber', 'TokenCode', 'SourceIdentity'],
    );
    assert.deepEqual(
      call.unknownKeys?.map((k) => [k.key, slice(FULL, k.keySpan), slice(FULL, k.value.span)]),
      [['Unrelated', '"Unrelated"', 'true']],
    );
  });

  it('gives exact spans for keys and values (quotes included)', () => {
    const name = call.parameters[1]!;
    assert.equal(name.key, 'RoleSessionName');
    assert.deepEqual(name.keySpan, { start: 58, end: 75 });
    assert.equal(slice(FULL, name.keySpan!), '"RoleSessionName"');
    assert.deepEqual(name.value, { kind: 'literal', span: { start: 77, end: 93 }, value: 'deploy-session' });
    assert.equal(slice(FULL, name.value.span), '"deploy-session"');
  });

  it('builds numbers, arrays and objects', () => {
    assert.deepEqual(literal(param(call, 'DurationSeconds')).value, 3600);
    assert.equal(slice(FULL, param(call, 'DurationSeconds').span), '3600');
    const tags = param(call, 'Tags');
    assert.equal(tags.kind, 'array');
    if (tags.kind !== 'array') return;
    const tag = tags.items[0]!;
    assert.equal(tag.kind, 'object');
    if (tag.kind !== 'object') return;
    assert.deepEqual(
      tag.entries.map((e) => [e.key, slice(FULL, e.keySpan), slice(FULL, e.value.span)]),
      [
        ['Key', '"Key"', '"team"'],
        ['Value', '"Value"', '"platform"'],
      ],
    );
    const arns = param(call, 'PolicyArns');
    assert.equal(slice(FULL, arns.span), '[{ "arn": "arn:aws:iam::aws:policy/ReadOnlyAccess" }]');
  });

  it('keeps a string where the CLI wants a number (the validators report the type)', () => {
    const r = extractInputJson('a.json', '{"RoleSessionName":"s","DurationSeconds":"3600"}');
    assert.equal(literal(param(r.calls[0]!, 'DurationSeconds')).value, '3600');
  });
});

describe('extractInputJson: strings with escapes', () => {
  const policy = '{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Action\\":\\"sts:AssumeRole\\",\\"Resource\\":\\"arn:aws:s3:::caf\\u00e9\\"}]}';
  const text = `{\n  "RoleSessionName": "s",\n  "Policy": "${policy}"\n}`;
  const node = literal(param(extractInputJson('p.json', text).calls[0]!, 'Policy'));
  const value = node.value as string;

  it('decodes the value exactly as JSON.parse does', () => {
    assert.equal(value, JSON.parse(`"${policy}"`));
    assert.ok(node.offsets, 'an escaped string carries an offset map');
  });

  it('maps decoded indices to the raw characters and escapes that produced them', () => {
    const map = node.offsets!;
    const action = value.indexOf('"sts:AssumeRole"');
    const start = toSource(map, action);
    const end = toSource(map, action + '"sts:AssumeRole"'.length);
    assert.equal(text.slice(start, end), '\\"sts:AssumeRole\\"');
    const e = value.indexOf('é');
    assert.equal(text.slice(toSource(map, e), toSource(map, e + 1)), '\\u00e9');
    // Just past the last character is the closing quote.
    assert.equal(toSource(map, value.length), node.span.end - 1);
    assert.equal(toSource(map, 0), node.span.start + 1);
    // Out-of-range indices clamp instead of throwing.
    assert.equal(toSource(map, -5), node.span.start + 1);
    assert.equal(toSource(map, value.length + 10), node.span.end - 1);
    assert.equal(toSource(map, Number.NaN), node.span.start + 1);
  });

  it('places a range inside the decoded policy exactly under its characters in the file', () => {
    const action = value.indexOf('sts:AssumeRole');
    const span = stringRangeToSpan(node, { start: action, end: action + 'sts:AssumeRole'.length });
    assert.equal(
      renderCodeFrame(text, span, { label: 'Action', maxWidth: 60 }),
      [
        '  2 │ …',
        '> 3 │ …llow\\",\\"Action\\":\\"sts:AssumeRole\\",\\"Resource\\":\\"arn:aws:…',
        '    │                      ^^^^^^^^^^^^^^ Action',
        '  4 │ …',
      ].join('\n'),
    );
    const e = value.indexOf('é');
    assert.equal(text.slice(stringRangeToSpan(node, { start: e, end: e + 1 }).start, stringRangeToSpan(node, { start: e, end: e + 1 }).end), '\\u00e9');
  });

  it('counts a surrogate pair written as two \\u escapes as two units', () => {
    const t = '{"RoleSessionName":"a\\ud83d\\ude00b"}';
    const n = literal(param(extractInputJson('x.json', t).calls[0]!, 'RoleSessionName'));
    assert.equal(n.value, 'a😀b');
    assert.deepEqual([0, 1, 2, 3, 4].map((i) => toSource(n.offsets!, i)), [20, 21, 27, 33, 34]);
  });

  it('needs no map for a string without escapes, even with astral characters', () => {
    const t = '{"RoleSessionName":"a😀b"}';
    const n = literal(param(extractInputJson('x.json', t).calls[0]!, 'RoleSessionName'));
    assert.equal(n.offsets, undefined);
    assert.equal(n.value, 'a😀b');
  });

  it('decodeJsonString agrees with JSON.parse on arbitrary strings, with monotonic offsets', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.boolean(), (s, asciiOnly) => {
        let raw = JSON.stringify(s);
        if (asciiOnly) raw = raw.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
        const text = `  ${raw} `;
        const { value, offsets } = decodeJsonString(text, 2, 2 + raw.length);
        assert.equal(value, s);
        assert.equal(offsets.length, s.length + 1);
        assert.equal(offsets.at(-1), 2 + raw.length - 1);
        for (let i = 1; i < offsets.length; i++) assert.ok(offsets[i]! > offsets[i - 1]!);
      }),
    );
  });
});

describe('extractInputJson: operations', () => {
  it('infers AssumeRoleWithWebIdentity from WebIdentityToken or ProviderId', () => {
    assert.equal(extractInputJson('a.json', '{"RoleArn":"r","RoleSessionName":"s","WebIdentityToken":"t"}').calls[0]!.operation, 'AssumeRoleWithWebIdentity');
    assert.equal(extractInputJson('a.json', '{"RoleSessionName":"s","ProviderId":"www.amazon.com"}').calls[0]!.operation, 'AssumeRoleWithWebIdentity');
  });

  it('infers AssumeRoleWithSAML from SAMLAssertion or PrincipalArn', () => {
    assert.equal(extractInputJson('a.json', '{"RoleArn":"r","PrincipalArn":"p"}').calls[0]!.operation, 'AssumeRoleWithSAML');
    assert.equal(extractInputJson('a.json', '{"SAMLAssertion":"x"}').calls[0]!.operation, 'AssumeRoleWithSAML');
  });

  it('lets the file name override the keys', () => {
    const text = '{"RoleArn":"r","RoleSessionName":"s"}';
    assert.equal(extractInputJson('ci/assume-role-with-web-identity.json', text).calls[0]!.operation, 'AssumeRoleWithWebIdentity');
    assert.equal(extractInputJson('AssumeRoleWithSAML.input.json', text).calls[0]!.operation, 'AssumeRoleWithSAML');
    assert.equal(extractInputJson('x.json', text, { operation: 'AssumeRoleWithSAML' }).calls[0]!.operation, 'AssumeRoleWithSAML');
  });

  it('reads operation hints from base names only, ignoring case and separators', () => {
    assert.equal(operationFromFileName('prod.ASSUME_ROLE.json'), 'AssumeRole');
    assert.equal(operationFromFileName('assume-role-with-saml.json'), 'AssumeRoleWithSAML');
    assert.equal(operationFromFileName('C:\\x\\assumeRoleWithWebIdentity.json'), 'AssumeRoleWithWebIdentity');
    assert.equal(operationFromFileName('assume-role/input.json'), undefined);
    assert.equal(operationFromFileName('role.json'), undefined);
  });
});

describe('extractInputJson: which objects are inputs', () => {
  it('does not take a RoleArn alone for an STS input (aws events put-rule has one too)', () => {
    const text = '{"Name":"nightly","ScheduleExpression":"rate(1 day)","RoleArn":"arn:aws:iam::123456789012:role/events"}';
    assert.deepEqual(extractInputJson('rule.json', text), { calls: [], comments: [], problems: [], inputs: [] });
  });

  it('takes any object in a file named for the operation, even an empty one', () => {
    const r = extractInputJson('assume-role.json', '{}');
    assert.equal(r.calls.length, 1);
    assert.deepEqual(r.calls[0]!.parameters, []);
  });

  it('takes the object when forced (check-input) and returns it whole, unknown keys included', () => {
    const r = extractInputJson('in.json', '{"RoleArn":"r","RoleSesionName":"typo"}', { force: true });
    assert.equal(r.calls.length, 1);
    assert.deepEqual(r.calls[0]!.parameters.map((p) => p.member), ['RoleArn']);
    assert.deepEqual(r.calls[0]!.unknownKeys?.map((k) => k.key), ['RoleSesionName']);
    assert.deepEqual(r.inputs[0]!.entries.map((e) => e.key), ['RoleArn', 'RoleSesionName']);
    assert.deepEqual(r.inputs[0]!.span, r.calls[0]!.span);
  });

  it('ignores a CloudFormation template whose RoleArn keys are nested', () => {
    const text = '{"Resources":{"Fn":{"Properties":{"RoleArn":{"Fn::GetAtt":["R","Arn"]},"RoleSessionName":"x"}}}}';
    assert.equal(prefilter(text), true);
    assert.deepEqual(extractInputJson('template.json', text).calls, []);
  });

  it('makes one call per input object of a top-level array, numbered by position', () => {
    const text = '[{"RoleSessionName":"a"}, 42, {"RoleSessionName":"b"}, {"Name":"x"}]';
    const r = extractInputJson('batch.json', text);
    assert.deepEqual(
      r.calls.map((c) => [c.id, slice(text, c.span)]),
      [
        ['input-json:0', '{"RoleSessionName":"a"}'],
        ['input-json:2', '{"RoleSessionName":"b"}'],
      ],
    );
  });
});

describe('extractInputJson: syntax problems', () => {
  it('reports a trailing comma at its exact span and keeps what parsed', () => {
    const text = '{\n  "RoleArn": "arn:aws:iam::123456789012:role/x",\n  "RoleSessionName": "s",\n}';
    const r = extractInputJson('a.json', text);
    assert.deepEqual(r.problems, [{ message: 'Trailing comma: JSON (and so the AWS CLI) allows no comma before a closing bracket.', span: { start: 75, end: 76 } }]);
    assert.equal(slice(text, r.problems[0]!.span), ',');
    assert.deepEqual(r.calls[0]!.parameters.map((p) => p.member), ['RoleArn', 'RoleSessionName']);
  });

  it('reports a trailing comma in an array once', () => {
    const text = '{"RoleSessionName": "s", "TransitiveTagKeys": ["a", ]}';
    const r = extractInputJson('a.json', text);
    assert.deepEqual(r.problems, [{ message: 'Trailing comma: JSON (and so the AWS CLI) allows no comma before a closing bracket.', span: { start: 50, end: 51 } }]);
  });

  it('reports a missing comma and still extracts the members after it', () => {
    const text = '{"RoleSessionName": "s" "DurationSeconds": 99999}';
    const r = extractInputJson('a.json', text);
    assert.deepEqual(r.problems, [{ message: 'Expected a comma.', span: { start: 24, end: 41 } }]);
    assert.equal(literal(param(r.calls[0]!, 'DurationSeconds')).value, 99999);
  });

  it('reports an unterminated string', () => {
    const text = '{"RoleSessionName": "abc\n}';
    const r = extractInputJson('a.json', text);
    assert.equal(r.problems[0]!.message, 'Unterminated string.');
    assert.deepEqual(r.problems[0]!.span, { start: 20, end: 24 });
    assert.equal(literal(param(r.calls[0]!, 'RoleSessionName')).value, 'abc');
  });

  it('reports an invalid escape and a raw control character', () => {
    const text = '{"RoleSessionName": "a\\qb", "ExternalId": "x\ty"}';
    const r = extractInputJson('a.json', text);
    assert.deepEqual(
      r.problems.map((p) => p.message),
      ['Invalid escape sequence in string.', 'Control characters must be escaped inside JSON strings.'],
    );
    assert.equal(literal(param(r.calls[0]!, 'RoleSessionName')).value, 'ab');
    // The map follows jsonc-parser's recovery: `b` is at its raw position.
    const n = literal(param(r.calls[0]!, 'RoleSessionName'));
    assert.equal(text[toSource(n.offsets!, 1)], 'b');
  });

  it('rejects comments in .json (the AWS CLI does) at their span', () => {
    const text = '{\n  // deploy role\n  "RoleSessionName": "s"\n}';
    const r = extractInputJson('a.json', text);
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0]!.message, /^Comments are not allowed in JSON/);
    assert.equal(slice(text, r.problems[0]!.span), '// deploy role');
    assert.deepEqual(r.comments, []);
    assert.equal(r.calls.length, 1);
  });

  it('allows comments in .jsonc and returns them for suppressions', () => {
    const text = '{\n  // rolecall-disable-next-line valid-role-session-name -- legacy\n  "RoleSessionName": "s" /* inline */\n}';
    const r = extractInputJson('a.jsonc', text);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.comments, [
      { text: ' rolecall-disable-next-line valid-role-session-name -- legacy', span: { start: 4, end: 67 } },
      { text: ' inline ', span: { start: 93, end: 105 } },
    ]);
  });

  it('records a duplicate key as a fact at the ignored occurrence (for no-duplicate-keys) and keeps the last value', () => {
    const text = '{"RoleSessionName": "first", "RoleSessionName": "second"}';
    const r = extractInputJson('a.json', text);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.facts, [
      { kind: 'duplicate-key', span: { start: 1, end: 18 }, data: { key: '"RoleSessionName"', consequence: 'the AWS CLI and SDKs keep only the last value, so this one is ignored.' } },
    ]);
    assert.equal(literal(param(r.calls[0]!, 'RoleSessionName')).value, 'second');
    assert.equal(r.calls[0]!.parameters.length, 1);
  });

  it('records a byte order mark as a fact (for no-bom) and keeps offsets on the original text', () => {
    const text = '\ufeff{"RoleSessionName": "s"}';
    const r = extractInputJson('a.json', text);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.facts, [{ kind: 'bom', span: { start: 0, end: 1 }, data: { consequence: 'the AWS CLI rejects it in --cli-input-json.' } }]);
    assert.equal(slice(text, param(r.calls[0]!, 'RoleSessionName').span), '"s"');
  });

  it('says nothing about syntax in a file that holds no input', () => {
    assert.deepEqual(extractInputJson('tsconfig.json', '{ // c\n "RoleArn": 1, }'), { calls: [], comments: [], problems: [], inputs: [] });
  });

  it('reports an empty file named as an input', () => {
    const r = extractInputJson('assume-role.json', '');
    assert.deepEqual(r, { calls: [], comments: [], problems: [{ message: 'Expected a value.', span: { start: 0, end: 0 } }], facts: [], inputs: [] });
  });
});

describe('extractInputJson: nesting limit', () => {
  const nested = (depth: number): string => `{"RoleSessionName":"s","x":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;

  it(`parses ${MAX_NESTING_DEPTH - 1} and ${MAX_NESTING_DEPTH} levels`, () => {
    assert.deepEqual(extractInputJson('a.json', nested(MAX_NESTING_DEPTH - 1)).problems, []);
    assert.deepEqual(extractInputJson('a.json', nested(MAX_NESTING_DEPTH)).problems, []);
  });

  it(`refuses ${MAX_NESTING_DEPTH + 1} levels at the bracket that crosses the limit`, () => {
    const r = extractInputJson('a.json', nested(MAX_NESTING_DEPTH + 1));
    assert.deepEqual(r.problems, [{ message: 'JSON nests deeper than 512 levels; the file was not parsed.', span: { start: 27 + 511, end: 27 + 512 } }]);
    assert.deepEqual(r.calls, []);
  });

  it('does not count brackets inside strings and comments', () => {
    const text = `{"RoleSessionName":"${'['.repeat(600)}" /* ${'{'.repeat(600)} */}`;
    assert.deepEqual(extractInputJson('a.jsonc', text).problems, []);
  });

  it('survives 100,000 levels without a stack overflow', () => {
    const r = extractInputJson('a.json', `{"RoleSessionName":${'['.repeat(100_000)}`);
    assert.equal(r.problems.length, 1);
  });
});

describe('prefilter and the Extractor object', () => {
  it('matches quoted identifying keys followed by a colon', () => {
    assert.equal(prefilter('{ "RoleArn" : "x" }'), true);
    assert.equal(prefilter('{"WebIdentityToken":\n"x"}'), true);
    assert.equal(prefilter('{"SAMLAssertion":"x"}'), true);
    assert.equal(prefilter('{"PrincipalArn":"x"}'), true);
    assert.equal(prefilter('{"name": "RoleArn"}'), false);
    assert.equal(prefilter('{"roleArn": "x"}'), false);
    assert.equal(prefilter(''), false);
  });

  it('exposes id, default globs, prefilter and extract', () => {
    assert.equal(inputJsonExtractor.id, 'input-json');
    assert.deepEqual(inputJsonExtractor.files, ['**/*.json', '**/*.jsonc']);
    const r = inputJsonExtractor.extract({ path: 'a.json', text: '{"RoleSessionName":"s"}' });
    assert.equal(r.calls.length, 1);
  });
});

describe('extractInputJson never throws', () => {
  function checkSpans(text: string, span: Span): void {
    assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `bad span ${JSON.stringify(span)} for length ${text.length}`);
  }
  function walk(text: string, node: ValueNode): void {
    checkSpans(text, node.span);
    if (node.kind === 'array') node.items.forEach((n) => walk(text, n));
    if (node.kind === 'object') node.entries.forEach((e) => (checkSpans(text, e.keySpan), walk(text, e.value)));
    if (node.kind === 'literal' && node.offsets && typeof node.value === 'string') {
      for (let i = 0; i <= node.value.length; i++) {
        const o = toSource(node.offsets, i);
        assert.ok(o > node.span.start && o <= node.span.end);
      }
    }
  }

  it('on arbitrary text and on damaged inputs, with every span inside the text', () => {
    const damaged = fc
      .tuple(fc.nat(FULL.length), fc.nat(8), fc.string({ unit: 'binary', maxLength: 6 }))
      .map(([at, cut, insert]) => FULL.slice(0, at) + insert + FULL.slice(at + cut));
    fc.assert(
      fc.property(fc.oneof(damaged, fc.string({ unit: 'binary', maxLength: 200 })), fc.boolean(), (text, jsonc) => {
        const r = extractInputJson(jsonc ? 'x.jsonc' : 'assume-role.json', text);
        for (const p of r.problems) checkSpans(text, p.span);
        for (const c of r.comments) checkSpans(text, c.span);
        for (const call of r.calls) {
          checkSpans(text, call.span);
          for (const p of call.parameters) walk(text, p.value);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
