/**
 * The generated patterns are data (schemas/current/…): these tests prove them equal, on every one of the
 * 1,114,112 code points, to the reading STS applies, without a JVM:
 *  - arnType: Java reads `\uXXXX` as exactly four hex digits. ECMAScript does too, so the model's own string
 *    compiled by ECMAScript is one oracle; the reading written out by hand from the Java rules
 *    (model-update-2026-10.md) is the other.
 *  - tag classes: `\p{L}`, `\p{Z}`, `\p{N}` from the Unicode data of UNICODE_VERSION, never from Node's ICU.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { inRanges, mergeRanges, rangesToClass, readJavaClassPattern, toRanges, UNICODE_VERSION, type Range } from './java-class.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const require = createRequire(import.meta.url);
const CODE_POINTS = 0x110000;

const schema = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(repoRoot, 'schemas', file), 'utf8')) as Record<string, unknown>;
const patternOf = (s: Record<string, unknown>, ...path: string[]): string => {
  let node: unknown = s;
  for (const p of path) node = (node as Record<string, unknown>)[p];
  return (node as { pattern: string }).pattern;
};

/** Code points where two one-character matchers disagree. */
function disagreements(a: (s: string) => boolean, b: (s: string) => boolean): number[] {
  const out: number[] = [];
  for (let p = 0; p < CODE_POINTS; p++) {
    const s = String.fromCodePoint(p);
    if (a(s) !== b(s)) out.push(p);
  }
  return out;
}

describe('arnType as STS (Java) reads it, on all 1,114,112 code points', () => {
  const model = schema('current/AssumeRole/RoleArn.schema.json');
  const generated = new RegExp(model['pattern'] as string, 'u');
  const modelText = model['x-model-pattern'] as string;

  test('the generated pattern equals the model string read literally (ECMAScript reads \\uXXXX as Java does)', () => {
    const literal = new RegExp(`^${modelText}$`, 'u');
    assert.deepEqual(disagreements((s) => generated.test(s), (s) => literal.test(s)), []);
  });

  test('the generated pattern equals the Java reading written out by hand', () => {
    // [\u0009\u000A\u000D\u0020-\u007E\u0085\u00A0-\uD7FF\uE000-\uFFFD\u10000-\u10FFFF]: the last item is
    // \u1000, the range 0-\u10FF, then F and F (model-update-2026-10.md).
    const java: Range[] = [[0x09, 0x09], [0x0a, 0x0a], [0x0d, 0x0d], [0x20, 0x7e], [0x85, 0x85], [0xa0, 0xd7ff], [0xe000, 0xfffd], [0x1000, 0x1000], [0x30, 0x10ff], [0x46, 0x46], [0x46, 0x46]];
    const merged = mergeRanges(java);
    assert.deepEqual(disagreements((s) => generated.test(s), (s) => inRanges(merged, s.codePointAt(0)!)), []);
  });

  test('what changed: no code point above U+FFFF, and U+007F–U+009F accepted', () => {
    for (const p of [0x7f, 0x80, 0x9f, 0x1000, 0x10ff]) assert.equal(generated.test(String.fromCodePoint(p)), true, p.toString(16));
    for (const p of [0x10000, 0x1f600, 0x10ffff, 0x08, 0xfffe]) assert.equal(generated.test(String.fromCodePoint(p)), false, p.toString(16));
    assert.equal(generated.test('arn:aws:iam::aws:contextProvider/\u{1F600}'), false);
  });

  test('every generated model pattern equals the model string read literally, except where \\p{…} is expanded', () => {
    for (const file of ['current/AssumeRole/RoleSessionName.schema.json', 'current/AssumeRole/ExternalId.schema.json', 'current/AssumeRole/SerialNumber.schema.json', 'current/AssumeRole/TokenCode.schema.json', 'current/AssumeRole/Policy.schema.json', 'botocore-2015-04-27/AssumeRole/ExternalId.schema.json']) {
      const s = schema(file);
      const generatedClass = new RegExp(s['pattern'] as string, 'u');
      const literal = new RegExp(`^${s['x-model-pattern'] as string}$`, 'u');
      // The `*` patterns accept "", so single characters decide; checking the BMP and the first astral plane is enough for these ASCII/Latin-1 classes.
      for (let p = 0; p < 0x20000; p++) {
        const c = String.fromCodePoint(p);
        if (generatedClass.test(c) !== literal.test(c)) assert.fail(`${file}: U+${p.toString(16)} differs`);
      }
    }
  });
});

describe(`tag classes for Unicode ${UNICODE_VERSION}, independent of Node's ICU`, () => {
  const tags = schema('current/AssumeRole/Tags.schema.json');
  const key = new RegExp(patternOf(tags, 'items', 'properties', 'Key'), 'u');
  const category = (file: string): Range[] => toRanges((require(`regenerate-unicode-properties/General_Category/${file}.js`) as { characters: { toArray(): number[] } }).characters.toArray());
  const punctuation = [...'_.:/=+-@'].map((c): Range => [c.codePointAt(0)!, c.codePointAt(0)!]);
  const expected = mergeRanges([...category('Letter'), ...category('Separator'), ...category('Number'), ...punctuation]);

  test('the generated Key pattern accepts exactly L, Z, N of the stated Unicode version and _.:/=+-@', () => {
    assert.deepEqual(disagreements((s) => key.test(s), (s) => inRanges(expected, s.codePointAt(0)!)), []);
  });

  test('no generated schema uses \\p{…}, so the verdict cannot depend on the ICU of the Node that runs it', () => {
    for (const file of ['current/AssumeRole/Tags.schema.json', 'current/AssumeRole/TransitiveTagKeys.schema.json', 'botocore-2015-04-27/AssumeRole/Tags.schema.json']) {
      assert.doesNotMatch(JSON.stringify(schema(file)).replace(/"x-model-pattern":"[^"]*"/g, ''), /\\\\p\{/, file);
    }
  });

  test('the stated version is the one the Unicode data package was built from', () => {
    const pkg = JSON.parse(readFileSync(require.resolve('regenerate-unicode-properties/package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    assert.ok(Object.keys(pkg.devDependencies).includes(`@unicode/unicode-${UNICODE_VERSION}`));
  });
});

describe('class helpers', () => {
  test('rangesToClass writes escapes where a class needs them and merges neighbours', () => {
    assert.equal(rangesToClass(mergeRanges([[0x2d, 0x2d], [0x5d, 0x5d], [0x41, 0x42], [0x1f600, 0x1f64f]])), '[\\-AB\\]\\u{1F600}-\\u{1F64F}]');
  });
  test('readJavaClassPattern: a trailing - is literal, \\- is literal, \\w and \\d are ASCII', () => {
    assert.deepEqual(readJavaClassPattern('[a-]*').ranges, [[0x2d, 0x2d], [0x61, 0x61]]);
    assert.deepEqual(readJavaClassPattern('[\\-\\d]+').ranges, [[0x2d, 0x2d], [0x30, 0x39]]);
    assert.deepEqual(readJavaClassPattern('[\\w]*').ranges, [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]]);
  });
});
