/**
 * The scanner (`scanIsClean`) against the detailed checker (`checkPolicyDocument`): for every text it reads, it
 * must say "clean" exactly when the checker reports nothing. Hand-written edge cases first (each one also asserts
 * what the checker says, so a case cannot silently stop testing what its name claims), then property tests on
 * generated policies, mutations of them and arbitrary token soup.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { POLICY_GRAMMAR } from '../schema/registry.js';
import { ACTION_FORMAT, checkPolicyDocument, CONDITION_OPERATORS, parseOperator } from './grammar.js';
import { CLEAN_OPERATOR_KEYS, SCAN_CAPACITY, scanIsClean } from './scan.js';

/** The checker's verdict: no JSON error, no finding, no warning. */
function checkerClean(text: string): boolean {
  const r = checkPolicyDocument(text);
  return r.jsonError === undefined && r.findings.length === 0;
}

/** What the scanner must answer for `text`. */
function expected(text: string): boolean {
  return text.length > 0 && text.length <= SCAN_CAPACITY && checkerClean(text);
}

function show(text: string): string {
  return JSON.stringify(text.length > 400 ? `${text.slice(0, 400)}…(${text.length} chars)` : text);
}

function agrees(text: string): void {
  assert.equal(scanIsClean(text), expected(text), show(text));
}

function clean(text: string): void {
  assert.equal(checkerClean(text), true, `the checker finds nothing in ${show(text)}`);
  assert.equal(scanIsClean(text), true, show(text));
}

function notClean(text: string): void {
  assert.equal(expected(text), false, `the checker reports something in ${show(text)} (or it is empty)`);
  assert.equal(scanIsClean(text), false, show(text));
}

const OK = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };
const doc = (...statements: unknown[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const withStatement = (members: string): string => `{"Version":"2012-10-17","Statement":{${members}}}`;
const BASE = '"Effect":"Allow","Action":"s3:GetObject","Resource":"*"';
const withCondition = (condition: string): string => withStatement(`${BASE},"Condition":${condition}`);

describe('scanIsClean: clean documents', () => {
  const cases: [string, string][] = [
    ['one statement object', JSON.stringify({ Version: '2012-10-17', Statement: OK })],
    ['statement array', doc(OK, { ...OK, Effect: 'Deny' })],
    ['empty statement array', '{"Statement":[]}'],
    ['no Version', JSON.stringify({ Statement: [OK] })],
    ...POLICY_GRAMMAR.versions.map((v): [string, string] => [`Version ${v}`, JSON.stringify({ Version: v, Statement: OK })]),
    ['Statement before Version', JSON.stringify({ Statement: OK, Version: '2008-10-17' })],
    ['NotAction and NotResource', doc({ Effect: 'Deny', NotAction: ['iam:*'], NotResource: ['arn:aws:iam::*:role/x'] })],
    ['action wildcards', doc({ ...OK, Action: ['*', 's3:Get*', 'ec2:Describe?nstances', 'execute-api:Invoke', 'a:b', 'x-1:y_2.z-3'] })],
    ['members in any order', doc({ Resource: '*', Condition: {}, Action: 's3:GetObject', Sid: 'Z', Effect: 'Allow' })],
    ['empty Sid more than once', doc({ Sid: '', ...OK }, { Sid: '', ...OK })],
    ['Sids that differ only in case', doc({ Sid: 'Read', ...OK }, { Sid: 'READ', ...OK })],
    ['Sids of different lengths sharing a prefix', doc({ Sid: 'Read', ...OK }, { Sid: 'Read1', ...OK })],
    ['empty Condition and empty operator block', doc({ ...OK, Condition: {} }, { ...OK, Condition: { StringEquals: {} } })],
    [
      'condition values of every scalar type and empty lists',
      doc({
        ...OK,
        Condition: {
          StringEquals: { a: 'x', b: ['x', 'y'], c: [] },
          NumericLessThan: { n: 0, m: -0.5, o: 1e21, p: [1, 2.5e-3, -12] },
          Bool: { t: true, f: false, l: [true, false] },
        },
      }),
    ],
    ['every clean operator key at once', doc({ ...OK, Condition: Object.fromEntries(CLEAN_OPERATOR_KEYS.map((k) => [k, { k: 'v' }])) })],
    ['numbers in every RFC 8259 form', withCondition('{"NumericEquals":{"a":[0,-0,12,-12,0.5,-0.25,1e5,1E5,1e+5,1e-5,1.5E-10,-0.0e0]}}')],
    ['pretty-printed with CRLF and tabs', JSON.stringify({ Statement: [OK] }, null, '\t').replace(/\n/g, '\r\n')],
    ['white space everywhere', ` \n\t\r{ "Statement" : [ { "Effect" : "Allow" , "Action" : [ "*" ] , "Resource" : "*" } ] } \r\n`],
    ['escaped element names', withStatement('"\\u0045ffect":"Allow","Act\\u0069on":"s3:GetObject","Resource":"*"')],
    ['escaped top-level names', '{"\\u0056ersion":"2012-10-17","St\\u0061tement":{"Effect":"Allow","Action":"*","Resource":"*"}}'],
    ['escaped Effect, Version, Sid and Action values', '{"Version":"2012\\u002d10-17","Statement":{"Sid":"\\u0041b","Effect":"Allo\\u0077","Action":"s3:Get\\u004fbject","Resource":"*"}}'],
    ['escaped operator', withCondition('{"String\\u0045quals":{"a":"b"}}')],
    ['every escape in a Resource', withStatement('"Effect":"Allow","Action":"*","Resource":"\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\\ud800"')],
    ['non-ASCII in values and keys', doc({ ...OK, Resource: 'arn:aws:s3:::bücket/日本/😀', Condition: { StringEquals: { 'clé→': 'värde', 'x日': ['y'] } } })],
    ['lone surrogates and U+FFFD in a string', withStatement(`"Effect":"Allow","Action":"*","Resource":["\ud800","\udc00x","\ufffd"]`)],
    ['condition keys that differ only in characters above U+00FF', withCondition('{"StringEquals":{"a→":"1","a↑":"2","a\u0100":"3","a\u0200":"4"}}')],
    ['condition keys that differ only in an escape', withCondition('{"StringEquals":{"a\\n":"1","a\\t":"2"}}')],
    ['a condition key equal to an element name', withCondition('{"StringEquals":{"Effect":"x","Statement":"y"}}')],
    ['32 unique Sids (past the small buffer)', doc(...Array.from({ length: 32 }, (_, i) => ({ Sid: `S${i}`, ...OK })))],
    ['40 condition keys in one block (past the small buffer)', withCondition(JSON.stringify({ StringLike: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, 'v'])) }))],
    ['20 operators in one Condition (past the small buffer)', withCondition(JSON.stringify(Object.fromEntries(CLEAN_OPERATOR_KEYS.slice(0, 20).map((k) => [k, { a: 'b' }]))))],
    ['a long Resource across many words', doc({ ...OK, Resource: `arn:aws:s3:::${'abcdefg/'.repeat(500)}` })],
  ];
  for (const [name, text] of cases) it(name, () => clean(text));
});

describe('scanIsClean: JSON the checker rejects', () => {
  const valid = doc({ Sid: 'A1', ...OK, Condition: { NumericEquals: { n: [1, 2.5] }, Bool: { b: true } } });
  const cases: [string, string][] = [
    ['empty text', ''],
    ['only white space', ' \n\t '],
    ['trailing comma in an object', valid.replace('"Resource":"*"', '"Resource":"*",')],
    ['trailing comma in an array', valid.replace('[1,2.5]', '[1,2.5,]')],
    ['trailing comma in the root', '{"Statement":[],}'],
    ['missing comma', '{"Version":"2012-10-17" "Statement":[]}'],
    ['missing colon', '{"Statement" []}'],
    ['line comment', '{"Statement":[] // x\n}'],
    ['block comment', '{/* x */"Statement":[]}'],
    ['single quotes', "{'Statement':[]}"],
    ['unquoted key', '{Statement:[]}'],
    ['content after the document', '{"Statement":[]}x'],
    ['two documents', '{"Statement":[]}{"Statement":[]}'],
    ['unterminated string', '{"Statement":[],"Version":"2012-10-17'],
    ['unterminated document', '{"Statement":[]'],
    ['raw tab in a string', withStatement('"Effect":"Allow","Action":"*","Resource":"a\tb"')],
    ['raw line feed in a string', withStatement('"Effect":"Allow","Action":"*","Resource":"a\nb"')],
    ['raw U+0000 in a string', withStatement('"Effect":"Allow","Action":"*","Resource":"a\u0000b"')],
    ['raw U+001F in a string', withStatement('"Effect":"Allow","Action":"*","Resource":"a\u001fb"')],
    ['unknown escape', withStatement('"Effect":"Allow","Action":"*","Resource":"a\\xb"')],
    ['escaped single quote', withStatement('"Effect":"Allow","Action":"*","Resource":"a\\\'b"')],
    ['short \\u escape', withStatement('"Effect":"Allow","Action":"*","Resource":"a\\u12"')],
    ['non-hex \\u escape', withStatement('"Effect":"Allow","Action":"*","Resource":"a\\u12G4"')],
    ['backslash at the very end', '{"Statement":[],"a":"\\'],
    ['leading zero', withCondition('{"NumericEquals":{"a":01}}')],
    ['bare minus', withCondition('{"NumericEquals":{"a":-}}')],
    ['plus sign', withCondition('{"NumericEquals":{"a":+1}}')],
    ['leading dot', withCondition('{"NumericEquals":{"a":.5}}')],
    ['trailing dot', withCondition('{"NumericEquals":{"a":1.}}')],
    ['empty exponent', withCondition('{"NumericEquals":{"a":1e}}')],
    ['signed empty exponent', withCondition('{"NumericEquals":{"a":1e+}}')],
    ['dot after the exponent mark', withCondition('{"NumericEquals":{"a":1e.5}}')],
    ['dot before the exponent mark', withCondition('{"NumericEquals":{"a":1.e5}}')],
    ['minus and dot', withCondition('{"NumericEquals":{"a":-.5}}')],
    ['two dots', withCondition('{"NumericEquals":{"a":1.5.5}}')],
    ['two exponents', withCondition('{"NumericEquals":{"a":1e5e5}}')],
    ['two minus signs', withCondition('{"NumericEquals":{"a":--1}}')],
    ['minus and leading zero', withCondition('{"NumericEquals":{"a":-01}}')],
    ['double zero', withCondition('{"NumericEquals":{"a":00}}')],
    ['hex number', withCondition('{"NumericEquals":{"a":0x10}}')],
    ['NaN', withCondition('{"NumericEquals":{"a":NaN}}')],
    ['Infinity', withCondition('{"NumericEquals":{"a":Infinity}}')],
    ['misspelled literal', withCondition('{"Bool":{"a":ture}}')],
    ['literal with a tail', withCondition('{"Bool":{"a":truex}}')],
    ['capitalised literal', withCondition('{"Bool":{"a":True}}')],
    ['byte order mark', `\ufeff${valid}`],
    ['no-break space', `${valid}\u00a0`],
    ['line separator', `${valid}\u2028`],
    ['vertical tab', `${valid}\u000b`],
    ['form feed', `\u000c${valid}`],
    ['U+0000 after the document', `${valid}\u0000`],
  ];
  for (const [name, text] of cases) it(name, () => notClean(text));

  it('every proper prefix of a clean document', () => {
    clean(valid);
    for (let n = 0; n < valid.length; n++) notClean(valid.slice(0, n));
  });
});

describe('scanIsClean: grammar the checker reports', () => {
  const cases: [string, string][] = [
    ['not an object', '[]'],
    ['a string', '"Statement"'],
    ['empty object (no Statement)', '{}'],
    ['Version only', '{"Version":"2012-10-17"}'],
    ['unknown Version', JSON.stringify({ Version: '2012-10-18', Statement: OK })],
    ['Version as a number', '{"Version":2012,"Statement":[]}'],
    ['Id (a warning)', JSON.stringify({ Id: 'x', Statement: OK })],
    ['unknown top-level element', JSON.stringify({ Statement: OK, Bogus: 1 })],
    ['top-level element in the wrong case', JSON.stringify({ statement: OK })],
    ['Statement as a string', '{"Statement":"x"}'],
    ['Statement null', '{"Statement":null}'],
    ['statement entry not an object', '{"Statement":[1]}'],
    ['nested statement array', '{"Statement":[[]]}'],
    ['empty statement', '{"Statement":[{}]}'],
    ['missing Effect', doc({ Action: '*', Resource: '*' })],
    ['missing Action', doc({ Effect: 'Allow', Resource: '*' })],
    ['missing Resource', doc({ Effect: 'Allow', Action: '*' })],
    ['Action and NotAction', doc({ ...OK, NotAction: '*' })],
    ['Resource and NotResource', doc({ ...OK, NotResource: '*' })],
    ['Effect in lower case', doc({ ...OK, Effect: 'allow' })],
    ['Effect as a list', doc({ ...OK, Effect: ['Allow'] })],
    ['Effect with a space', doc({ ...OK, Effect: 'Allow ' })],
    ['Principal (a warning)', doc({ ...OK, Principal: '*' })],
    ['NotPrincipal (a warning)', doc({ ...OK, NotPrincipal: { AWS: '*' } })],
    ['unknown statement element', doc({ ...OK, Bogus: 1 })],
    ['element name with a trailing space', doc({ ...OK, 'Sid ': 'x' })],
    ['empty Action list', doc({ ...OK, Action: [] })],
    ['empty Resource list', doc({ ...OK, Resource: [] })],
    ['number in Action', doc({ ...OK, Action: ['s3:GetObject', 1] })],
    ['null Resource', doc({ ...OK, Resource: null })],
    ['Resource object', doc({ ...OK, Resource: { a: 'b' } })],
    ['action without a colon', doc({ ...OK, Action: 's3GetObject' })],
    ['action without a service', doc({ ...OK, Action: ':GetObject' })],
    ['action without a name', doc({ ...OK, Action: 's3:' })],
    ['action with two colons', doc({ ...OK, Action: 's3:Get:Object' })],
    ['action with a space', doc({ ...OK, Action: 's3:Get Object' })],
    ['action with a non-ASCII letter', doc({ ...OK, Action: 's3:Gét' })],
    ['action "**"', doc({ ...OK, Action: '**' })],
    ['action "*:"', doc({ ...OK, Action: '*:' })],
    ['empty action', doc({ ...OK, Action: '' })],
    ['escaped action that decodes to a space', doc({ ...OK, Action: 'x' }).replace('"Action":"x"', '"Action":"s3:a\\u0020b"')],
    ['Sid with a hyphen', doc({ Sid: 'a-b', ...OK })],
    ['Sid with a non-ASCII letter', doc({ Sid: 'é', ...OK })],
    ['Sid as a number', doc({ Sid: 1, ...OK })],
    ['repeated Sid', doc({ Sid: 'A', ...OK }, { Sid: 'B', ...OK }, { Sid: 'A', ...OK })],
    ['repeated Sid, once escaped', withStatement(`"Sid":"AB",${BASE}`).replace('{"Sid"', '[{"Sid"').replace('}}', `},{"Sid":"A\\u0042",${BASE}}]}`)],
    ['repeated Sid past the small buffer', doc(...Array.from({ length: 20 }, (_, i) => ({ Sid: `S${i}`, ...OK })), { Sid: 'S3', ...OK })],
    ['Condition not an object', doc({ ...OK, Condition: [] })],
    ['unknown operator', doc({ ...OK, Condition: { Bogus: { a: 'b' } } })],
    ['operator in the wrong case', doc({ ...OK, Condition: { stringequals: { a: 'b' } } })],
    ['NullIfExists', doc({ ...OK, Condition: { NullIfExists: { a: 'true' } } })],
    ['qualified NullIfExists', doc({ ...OK, Condition: { 'ForAnyValue:NullIfExists': { a: 'true' } } })],
    ['qualifier alone', doc({ ...OK, Condition: { 'ForAllValues:': { a: 'b' } } })],
    ['two qualifiers', doc({ ...OK, Condition: { 'ForAllValues:ForAnyValue:StringLike': { a: 'b' } } })],
    ['IfExists twice', doc({ ...OK, Condition: { StringLikeIfExistsIfExists: { a: 'b' } } })],
    ['operator block not an object', doc({ ...OK, Condition: { StringEquals: 'x' } })],
    ['null condition value', doc({ ...OK, Condition: { Null: { a: null } } })],
    ['null in a condition list', doc({ ...OK, Condition: { StringEquals: { a: ['x', null] } } })],
    ['nested condition list', doc({ ...OK, Condition: { StringEquals: { a: [['x']] } } })],
    ['object condition value', doc({ ...OK, Condition: { StringEquals: { a: {} } } })],
    ['nesting deeper than 32 levels', `{"Statement":${'['.repeat(40)}${']'.repeat(40)}}`],
  ];
  for (const [name, text] of cases) it(name, () => notClean(text));
});

describe('scanIsClean: repeated keys', () => {
  const cases: [string, string][] = [
    ['Version twice', '{"Version":"2012-10-17","Version":"2012-10-17","Statement":[]}'],
    ['Statement twice', '{"Statement":[],"Statement":[]}'],
    ['Statement twice, once escaped', '{"Statement":[],"\\u0053tatement":[]}'],
    ['Effect twice', withStatement(`"Effect":"Allow",${BASE}`)],
    ['Effect twice, once escaped', withStatement(`"\\u0045ffect":"Allow",${BASE}`)],
    ['Action twice', withStatement(`${BASE},"Action":"*"`)],
    ['Sid twice in one statement', withStatement(`"Sid":"A","Sid":"B",${BASE}`)],
    ['Condition twice', withStatement(`${BASE},"Condition":{},"Condition":{}`)],
    ['operator twice', withCondition('{"StringEquals":{"a":"b"},"StringEquals":{"c":"d"}}')],
    ['operator twice, once escaped', withCondition('{"StringEquals":{"a":"b"},"\\u0053tringEquals":{"c":"d"}}')],
    ['condition key twice', withCondition('{"StringEquals":{"a":"b","a":"c"}}')],
    ['condition key twice, once escaped', withCondition('{"StringEquals":{"ab":"1","a\\u0062":"2"}}')],
    ['condition key twice, both escaped differently', withCondition('{"StringEquals":{"a\\/":"1","a\\u002f":"2"}}')],
    ['condition key with characters above U+00FF twice', withCondition('{"StringEquals":{"a→":"1","a→":"2"}}')],
    ['empty condition key twice', withCondition('{"StringEquals":{"":"1","":"2"}}')],
    ['condition key repeated past the small buffer', withCondition(`{"StringEquals":{${Array.from({ length: 30 }, (_, i) => `"k${i}":"v"`).join(',')},"k7":"again"}}`)],
    ['operator repeated past the small buffer', withCondition(`{${CLEAN_OPERATOR_KEYS.slice(0, 20).map((k) => `"${k}":{}`).join(',')},"${CLEAN_OPERATOR_KEYS[3]}":{}}`)],
  ];
  for (const [name, text] of cases) it(name, () => notClean(text));
  it('the same condition key in two different blocks is fine', () => {
    clean(withCondition('{"StringEquals":{"a":"b"},"StringLike":{"a":"b"}}'));
  });
});

describe('scanIsClean: texts longer than SCAN_CAPACITY are left to the checker', () => {
  const padded = (n: number): string => {
    const core = JSON.stringify({ Statement: OK });
    return `${core}${' '.repeat(n - core.length)}`;
  };
  it(`n - 1, n and n + 1 characters (n = ${SCAN_CAPACITY})`, () => {
    for (const n of [SCAN_CAPACITY - 1, SCAN_CAPACITY]) {
      assert.equal(padded(n).length, n);
      clean(padded(n));
    }
    const over = padded(SCAN_CAPACITY + 1);
    assert.equal(checkerClean(over), true);
    assert.equal(scanIsClean(over), false);
  });
  it('a huge hostile text is answered quickly', () => {
    const started = performance.now();
    assert.equal(scanIsClean(`{"Statement":${'['.repeat(1_000_000)}`), false);
    assert.equal(scanIsClean(withCondition(`{"StringEquals":{${Array.from({ length: 1500 }, (_, i) => `"k${i}":1`).join(',')}}}`)), true);
    assert.ok(performance.now() - started < 1000);
  });
});

describe('scanIsClean: the in-place readings match the regular expressions', () => {
  // Characters around every class boundary of the action format and the Sid pattern, plus JSON specials.
  const alphabet = fc.constantFrom(
    ...'aAzZ09*?-_.:/ "\\\t@[`{~\u007f\u0080é\u0100→\ud800'.split(''),
    ...'Gs3O',
  );
  const word = fc.array(alphabet, { maxLength: 10 }).map((cs) => cs.join(''));

  it('Action values', () => {
    fc.assert(
      fc.property(word, fc.boolean(), (action, escape) => {
        let text = JSON.stringify({ Statement: { Effect: 'Allow', Action: action, Resource: '*' } });
        if (escape) text = text.replace(/"Action":"([^"]*)"/, (_, v: string) => `"Action":"${v.replace(/[a-z]/, (c) => `\\u00${c.charCodeAt(0).toString(16)}`)}"`);
        assert.equal(scanIsClean(text), ACTION_FORMAT.test(action), show(text));
        agrees(text);
      }),
      { numRuns: 3000 },
    );
  });
  it('Sid values', () => {
    fc.assert(
      fc.property(word, (sid) => {
        const text = JSON.stringify({ Statement: { Sid: sid, Effect: 'Allow', Action: '*', Resource: '*' } });
        assert.equal(scanIsClean(text), POLICY_GRAMMAR.sidPattern.test(sid), show(text));
        agrees(text);
      }),
      { numRuns: 2000 },
    );
  });
  it('numbers', () => {
    const numberish = fc.array(fc.constantFrom(...'0123456789-+.eE'.split(''), '0', '1'), { minLength: 1, maxLength: 8 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(numberish, (n) => {
        const text = withCondition(`{"NumericEquals":{"a":${n},"b":[${n}]}}`);
        let json = false;
        try {
          JSON.parse(n);
          json = true;
        } catch {
          // not a JSON number
        }
        assert.equal(scanIsClean(text), json, show(text));
        agrees(text);
      }),
      { numRuns: 2000 },
    );
  });
  it('operator keys', () => {
    const pieces = fc.constantFrom('', ...POLICY_GRAMMAR.setQualifiers, 'ForAllValues', 'forallvalues:');
    const base = fc.constantFrom(...CONDITION_OPERATORS, 'Bogus', 'Nul', 'stringequals', '');
    const suffix = fc.constantFrom('', POLICY_GRAMMAR.ifExistsSuffix, 'ifexists', `${POLICY_GRAMMAR.ifExistsSuffix}${POLICY_GRAMMAR.ifExistsSuffix}`);
    fc.assert(
      fc.property(pieces, base, suffix, (q, b, s) => {
        const key = q + b + s;
        const parsed = parseOperator(key);
        const ok = parsed !== undefined && !(parsed.base === 'Null' && parsed.ifExists);
        const text = withCondition(JSON.stringify({ [key]: { a: 'b' } }));
        assert.equal(scanIsClean(text), ok, show(text));
        agrees(text);
      }),
      { numRuns: 2000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Generated policies. A policy is built as a small tree and written out with random white space and random
// escapes, so the same document reaches the scanner in many spellings.

type Node =
  | { readonly t: 'o'; readonly m: readonly (readonly [string, Node])[] }
  | { readonly t: 'a'; readonly v: readonly Node[] }
  | { readonly t: 's'; readonly v: string }
  | { readonly t: 'raw'; readonly v: string };

const obj = (m: readonly (readonly [string, Node])[]): Node => ({ t: 'o', m });
const arr = (v: readonly Node[]): Node => ({ t: 'a', v });
const str = (v: string): Node => ({ t: 's', v });
const raw = (v: string): Node => ({ t: 'raw', v });

/** A small deterministic generator for the spelling choices, seeded by fast-check. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WHITE = ['', '', '', ' ', '\n', '\r\n', '\t', '  \n  '];

function writeString(s: string, rnd: () => number, escapes: number): string {
  let out = '"';
  for (const ch of s.split('')) {
    const c = ch.charCodeAt(0);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (c < 0x20) out += rnd() < 0.5 ? `\\u${c.toString(16).padStart(4, '0')}` : (JSON.stringify(ch).slice(1, -1));
    else if (rnd() < escapes) {
      const r = rnd();
      if (ch === '/' && r < 0.5) out += '\\/';
      else {
        const hex = c.toString(16).padStart(4, '0');
        out += `\\u${r < 0.75 ? hex : hex.toUpperCase()}`;
      }
    } else out += ch;
  }
  return `${out}"`;
}

function write(node: Node, rnd: () => number, spaces: number, escapes: number): string {
  const ws = (): string => (rnd() < spaces ? (WHITE[Math.floor(rnd() * WHITE.length)] as string) : '');
  switch (node.t) {
    case 's':
      return writeString(node.v, rnd, escapes);
    case 'raw':
      return node.v;
    case 'a':
      return `[${ws()}${node.v.map((v) => `${write(v, rnd, spaces, escapes)}${ws()}`).join(`,${ws()}`)}]`;
    case 'o':
      return `{${ws()}${node.m.map(([k, v]) => `${writeString(k, rnd, escapes)}${ws()}:${ws()}${write(v, rnd, spaces, escapes)}${ws()}`).join(`,${ws()}`)}}`;
  }
}

/** Mostly `good`, sometimes `bad`. */
function mostly<T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: good, weight: 30 }, { arbitrary: bad, weight: 1 });
}
/** `null` mostly, sometimes a value (a mistake to add). */
const rarely = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => mostly(fc.constant(null), arb);
/** `null` or a value, evenly. */
const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arb, { freq: 2 });

const anyText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom('', '*', 'arn:aws:s3:::b/*', 'a"b', 'a\\b', 'tab\there', 'é', '😀', '\ud800', '\u0000', ' '),
);
const numberRaw = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
  fc.constantFrom('0', '-0', '1e5', '1E+5', '2.5e-3', '123456789012345678901234567890'),
);
const scalar = fc.oneof(anyText.map(str), numberRaw.map(raw), fc.constantFrom(raw('true'), raw('false')));
const badValue = fc.constantFrom(raw('null'), obj([]), arr([arr([])]), raw('{"a":1}'), raw('[null]'));

const sid = mostly(
  fc.oneof(fc.constantFrom('', 'A', 'B', 'Read', 'read'), fc.stringMatching(/^[A-Za-z0-9]{1,10}$/)),
  fc.constantFrom('a-b', 'é', 'with space', 'a_b'),
);
const action = mostly(
  fc.oneof(
    fc.constant('*'),
    fc.tuple(fc.stringMatching(/^[A-Za-z0-9*?-]{1,8}$/), fc.stringMatching(/^[A-Za-z0-9*?_.-]{1,12}$/)).map(([s, a]) => `${s}:${a}`),
    fc.constantFrom('s3:GetObject', 's3:Get*', 'iam:PassRole'),
  ),
  fc.constantFrom('s3', 's3:', ':x', 's3::x', 's3:Get Object', 's3:Gét', '**', ''),
);
const list = <T>(one: fc.Arbitrary<T>, wrap: (v: T) => Node): fc.Arbitrary<Node> =>
  mostly(fc.oneof(one.map(wrap), fc.array(one.map(wrap), { minLength: 1, maxLength: 4 }).map(arr)), fc.oneof(fc.constant(arr([])), badValue, scalar));
const operator = mostly(
  fc.constantFrom(...CLEAN_OPERATOR_KEYS),
  fc.constantFrom('NullIfExists', 'ForAllValues:NullIfExists', 'stringequals', 'Bogus', 'ForAllValues:', 'StringLikeIfExistsIfExists'),
);
const conditionValue = mostly(fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }).map(arr)), badValue);
const block = mostly(
  fc.array(fc.tuple(anyText, conditionValue), { maxLength: 4 }).map((m) => obj(m)),
  fc.oneof(scalar, fc.constant(arr([]))),
);
const condition = mostly(fc.array(fc.tuple(operator, block), { maxLength: 3 }).map((m) => obj(m)), fc.oneof(scalar, fc.constant(arr([]))));

/** Members of one statement, then optional mistakes: an extra element, a repeated one, a missing one. */
const statement: fc.Arbitrary<Node> = fc
  .record({
    sid: maybe(sid.map(str)),
    effect: mostly(fc.constantFrom('Allow', 'Deny').map(str), fc.oneof(fc.constantFrom('allow', 'DENY', '').map(str), scalar)),
    action: fc.tuple(fc.constantFrom('Action', 'NotAction'), list(action, str)),
    resource: fc.tuple(fc.constantFrom('Resource', 'NotResource'), list(anyText, str)),
    condition: maybe(condition),
    extra: rarely(fc.tuple(fc.constantFrom('Principal', 'NotPrincipal', 'Bogus', 'Action', 'NotResource', 'Effect', 'Sid', 'Condition', 'sid'), scalar)),
    drop: rarely(fc.nat(4)),
    order: fc.nat(),
  })
  .map(({ sid: s, effect, action: a, resource, condition: c, extra, drop, order }) => {
    const members: [string, Node][] = [];
    if (s !== null) members.push(['Sid', s]);
    members.push(['Effect', effect], a, resource);
    if (c !== null) members.push(['Condition', c]);
    if (extra !== null) members.push(extra);
    if (drop !== null && members.length > 0) members.splice(drop % members.length, 1);
    // A cheap shuffle driven by `order`.
    const rnd = prng(order);
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [members[i], members[j]] = [members[j] as [string, Node], members[i] as [string, Node]];
    }
    return obj(members);
  });

const document: fc.Arbitrary<Node> = fc
  .record({
    version: fc.option(mostly(fc.constantFrom(...POLICY_GRAMMAR.versions).map(str), fc.oneof(fc.constantFrom('2012-10-18', '').map(str), scalar)), { freq: 4 }), // present 3 times in 4
    statements: mostly(fc.oneof(statement, fc.array(statement, { maxLength: 4 }).map(arr)), fc.oneof(scalar, badValue)),
    extra: rarely(fc.tuple(fc.constantFrom('Id', 'Bogus', 'Version', 'Statement', 'statement'), scalar)),
    first: fc.boolean(),
  })
  .map(({ version, statements, extra, first }) => {
    const members: [string, Node][] = [['Statement', statements]];
    if (version !== null) members[first ? 'unshift' : 'push'](['Version', version]);
    if (extra !== null) members.push(extra);
    return obj(members);
  });

const spelling = fc.record({ seed: fc.nat(), spaces: fc.constantFrom(0, 0, 0.3, 1), escapes: fc.constantFrom(0, 0, 0.05, 0.5) });
const written = fc.tuple(document, spelling).map(([d, { seed, spaces, escapes }]) => write(d, prng(seed), spaces, escapes));

/** Text edits: one character inserted, deleted or replaced, or a JSON-specific mistake. */
const EDIT_CHARS = ['"', '\\', ',', ':', '{', '}', '[', ']', ' ', '\n', '\t', '\u00a0', '\ufeff', '\u2028', '/', '*', '0', '-', 'e', '.', 'u', 'x', 'n', 't', 'a', 'A', '\u0000', '\u001f', 'é', '→', '\ud800'];
const edit = fc.oneof(
  fc.tuple(fc.nat(), fc.constantFrom(...EDIT_CHARS), fc.constantFrom('insert', 'replace', 'delete')).map(([at, ch, how]) => (t: string): string => {
    const i = at % (t.length + 1);
    if (how === 'insert') return t.slice(0, i) + ch + t.slice(i);
    if (how === 'replace') return t.slice(0, i) + ch + t.slice(i + 1);
    return t.slice(0, i) + t.slice(i + 1);
  }),
  fc.nat().map((at) => (t: string): string => {
    // A trailing comma before some closing bracket.
    const closers = [...t.matchAll(/[}\]]/g)].map((m) => m.index);
    const i = closers.length > 0 ? (closers[at % closers.length] as number) : t.length;
    return `${t.slice(0, i)},${t.slice(i)}`;
  }),
  fc.tuple(fc.nat(), fc.constantFrom('/* c */', '// c\n', '#', '\u00a0')).map(([at, c]) => (t: string): string => {
    // A comment (or other non-JSON filler) where white space could go.
    const gaps = [...t.matchAll(/[,:{[]/g)].map((m) => (m.index as number) + 1);
    const i = gaps.length > 0 ? (gaps[at % gaps.length] as number) : 0;
    return t.slice(0, i) + c + t.slice(i);
  }),
  fc.nat().map((at) => (t: string): string => {
    // A key written twice: the first `"…":` repeated in front of itself with a copy of its value's first token.
    const keys = [...t.matchAll(/"(?:[^"\\]|\\.)*"\s*:\s*("(?:[^"\\]|\\.)*"|[\d.eE+-]+|true|false|\{\}|\[\])/g)];
    if (keys.length === 0) return t;
    const m = keys[at % keys.length] as RegExpExecArray;
    return `${t.slice(0, m.index)}${m[0]},${t.slice(m.index)}`;
  }),
  fc.integer({ min: 30, max: 40 }).map((depth) => (t: string): string => t.replace(/"Statement"\s*:/, (m) => `${m}${'['.repeat(depth)}`).concat(']'.repeat(depth))),
  fc.nat().map((at) => (t: string): string => t.replace(/"(?:[^"\\]|\\.)*"/g, (m, offset: number) => (offset % 7 === at % 7 ? `"${'x'.repeat(600)}${m.slice(1)}` : m))),
);

describe('scanIsClean agrees with the checker on generated policies', () => {
  it('well-formed policies in random spellings (12,000)', () => {
    let cleanCount = 0;
    fc.assert(
      fc.property(written, (text) => {
        if (expected(text)) cleanCount++;
        agrees(text);
      }),
      { numRuns: 12_000 },
    );
    // The generator must reach both answers often, or the property proves little.
    assert.ok(cleanCount > 2_000, `${cleanCount} of 12,000 generated policies are clean`);
    assert.ok(cleanCount < 10_000, `${cleanCount} of 12,000 generated policies are clean`);
  });

  it('the same policies after one or two edits (8,000)', () => {
    fc.assert(
      fc.property(written, edit, fc.option(edit, { freq: 3 }), (text, f, g) => {
        agrees(g === null ? f(text) : g(f(text)));
      }),
      { numRuns: 8_000 },
    );
  });

  it('token soup (3,000)', () => {
    const token = fc.constantFrom(
      '{', '}', '[', ']', ',', ':', ' ', '\n', '"Statement"', '"Version"', '"2012-10-17"', '"Effect"', '"Allow"', '"Action"',
      '"*"', '"Resource"', '"Condition"', '"StringEquals"', '"a"', '1', '-0.5e3', 'true', 'null', '"Sid"', '"S"', '"s3:Get*"',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), (tokens) => agrees(tokens.join(''))),
      { numRuns: 3_000 },
    );
  });
});
