import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { compareReference, jsonDifferences } from './compare-reference.js';
import { convertPattern, lintPattern } from './pattern.js';
import { checkInputs, loadInputs } from './reference.js';
import { buildModel } from './schemas.js';
import { emit, hoistLongStrings, lintModel, prettyJs } from './emit.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

describe('convertPattern', () => {
  test('anchors the Java reading of a class, written as explicit ranges, and keeps the model text for messages', () => {
    assert.deepEqual(convertPattern('[\\w+=,.@-]*'), { source: '^[+-.0-9=@-Z_a-z]*$', charClass: '[+-.0-9=@-Z_a-z]', modelCharClass: '[\\w+=,.@-]', nonEmpty: false });
  });
  test('reads \\u10000-\\u10FFFF as Java does: \\u1000, 0-\\u10FF, F, F and nothing above U+FFFF', () => {
    const p = convertPattern('[\\u0020-\\u007E\\u10000-\\u10FFFF]+');
    assert.equal(p.source, '^[ -\\u10FF]+$');
    assert.equal(new RegExp(p.source, 'u').test('\u{1F600}'), false);
    assert.equal(new RegExp(p.source, 'u').test('\u0085'), true);
  });
  test('a model pattern copied without anchors would accept a space', () => {
    assert.ok(new RegExp('[\\w+=,.@-]*', 'u').test('has space'));
    assert.equal(new RegExp(convertPattern('[\\w+=,.@-]*').source, 'u').test('has space'), false);
  });
  test('refuses constructs it cannot read as Java does', () => {
    assert.throws(() => convertPattern('[^a]+'), /negation/);
    assert.throws(() => convertPattern('a+'), /not a single character class/);
    assert.throws(() => convertPattern('[\\s]+'), /escape \\s/);
    assert.throws(() => convertPattern('[\\u12]+'), /four hex digits/);
    assert.throws(() => convertPattern('[\\p{Lu}]+'), /not a category/);
  });
});

describe('lintPattern', () => {
  test('flags unanchored, long escapes and non-u patterns', () => {
    assert.match(lintPattern('[a]*').join(), /not anchored/);
    assert.match(lintPattern('^[\\u10000]$').join(), /5- or 6-digit/);
    assert.match(lintPattern('^[\\p{Foo}]$').join(), /does not compile/);
    assert.match(lintPattern('^[\\p{L}]$').join(), /Unicode property escape/);
    assert.deepEqual(lintPattern('^[\\u{10000}-\\u{10FFFF}]$'), []);
  });
});

describe('inputs', () => {
  test('the vendored reference and the overlay check clean', () => {
    assert.deepEqual(checkInputs(loadInputs(repoRoot)), []);
  });
  test('an overlay value that its quote does not contain is refused', () => {
    const inputs = loadInputs(repoRoot);
    const bad = { ...inputs, overlay: { ...inputs.overlay, limits: { ...inputs.overlay.limits, policyArnsMaxItems: { ...inputs.overlay.limits['policyArnsMaxItems']!, value: 11 } } } };
    assert.match(checkInputs(bad).join('\n'), /policyArnsMaxItems: value 11 does not occur in its quote/);
  });
  test('an overlay quote missing from the reference is refused', () => {
    const inputs = loadInputs(repoRoot);
    const bad = { ...inputs, overlay: { ...inputs.overlay, limits: { ...inputs.overlay.limits, policyPlaintextMax: { ...inputs.overlay.limits['policyPlaintextMax']!, quote: 'up to 4,096 characters' } } } };
    assert.match(checkInputs(bad).join('\n'), /policyPlaintextMax: quote not found/);
  });
});

describe('generated code is readable in a diff', () => {
  test('prettyJs writes one statement a line and drops unused top-level values', () => {
    assert.equal(prettyJs('const a=1;const b=2;export const c=a;'), 'const a = 1;\nconst c = a;\nexport {\n  c\n};\n');
  });
  test('hoistLongStrings writes a repeated long literal once', () => {
    const long = `"${'x'.repeat(300)}"`;
    assert.equal(hoistLongStrings(`a(${long});b(${long});c("short");d("short");`), `const longString0 = ${long};\na(longString0);b(longString0);c("short");d("short");`);
    assert.equal(hoistLongStrings(`a(${long});`), `a(${long});`);
  });
  test('hoistLongStrings writes the shared start of long literals once, cut between escapes', () => {
    const start = '\\\\u00A0'.repeat(60); // the source of a regular-expression escape, as ajv writes it
    const [plus, star] = [`"^[${start}]+$"`, `"^[${start}]*$"`];
    const code = hoistLongStrings(`a(${plus});b(${plus});c(${star});d(${star});`);
    assert.equal(code, `const longPrefix0 = "^[${start}]";\nconst longString0 = longPrefix0 + "+$";\nconst longString1 = longPrefix0 + "*$";\na(longString0);b(longString0);c(longString1);d(longString1);`);
    const values = new Function(`${code.split('\na(')[0]}; return [longString0, longString1];`)() as string[];
    assert.deepEqual(values, [JSON.parse(plus), JSON.parse(star)]);
    // Literals that share less than the threshold stay whole.
    const other = `"${'y'.repeat(300)}"`;
    assert.equal(hoistLongStrings(`a(${plus});b(${plus});c(${other});d(${other});`).split('\n').filter((l) => l.startsWith('const')).length, 2);
  });
  test('the standalone validators are written one statement a line', () => {
    const text = readFileSync(join(repoRoot, 'packages/validators/src/generated/standalone.generated.js'), 'utf8');
    const lines = text.split('\n');
    assert.ok(lines.length > 1000, `${lines.length} lines`);
    // A line may be long only because of a string literal (a generated pattern); its code is short.
    const code = (l: string): string => l.replace(/"(?:\\.|[^"\\])*"/g, '""');
    const long = lines.filter((l) => code(l).length > 400).map((l) => code(l).slice(0, 200));
    assert.deepEqual(long, []);
  });
});

describe('reference:compare (a maintainer command, given a temporary upstream folder here)', () => {
  const source = join(repoRoot, 'schemas', 'source');
  const upstreamOf = (edit: (ref: Record<string, unknown>) => void): string => {
    const dir = mkdtempSync(join(tmpdir(), 'rolecall-reference-'));
    const ref = JSON.parse(readFileSync(join(source, 'sts-constraints.json'), 'utf8')) as Record<string, unknown>;
    edit(ref);
    writeFileSync(join(dir, 'sts-constraints.json'), JSON.stringify(ref));
    cpSync(join(source, 'model-update-2026-10.md'), join(dir, 'model-update-2026-10.md'));
    return dir;
  };
  test('differences at the paths a folded update names are accepted', () => {
    const dir = upstreamOf((ref) => {
      delete ref['foldedUpdates'];
      delete (ref['operations'] as Record<string, { input: Record<string, unknown> }>)['AssumeRole']!.input['MinimumSessionTokenSize'];
    });
    assert.deepEqual(compareReference(source, dir), []);
  });
  test('a difference no folded update names is reported with its JSON pointer', () => {
    const dir = upstreamOf((ref) => {
      (ref['iam'] as { roleName: { maxLength: number } }).roleName.maxLength = 65;
    });
    assert.deepEqual(compareReference(source, dir), ['sts-constraints.json /iam/roleName/maxLength differs from the upstream reference and no folded update names it.']);
  });
  test('a folded update file that differs upstream is reported', () => {
    const dir = upstreamOf(() => {});
    writeFileSync(join(dir, 'model-update-2026-10.md'), 'changed');
    assert.match(compareReference(source, dir).join('\n'), /model-update-2026-10.md differs from the upstream copy/);
  });
  test('jsonDifferences names the deepest differing values', () => {
    assert.deepEqual(jsonDifferences({ a: { b: 1, c: [1, 2] }, d: 1 }, { a: { b: 2, c: [1, 3] }, e: 1 }), ['/a/b', '/a/c/1', '/d', '/e']);
  });
});

describe('model', () => {
  const inputs = loadInputs(repoRoot);
  const model = buildModel(inputs);
  test('lint is clean and every constraint has provenance', () => {
    assert.deepEqual(lintModel(model), []);
  });
  test('lint catches a length without provenance', () => {
    const m = model.members[0]!;
    const broken = { ...model, members: [{ ...m, schema: { ...m.schema, 'x-aws-shape': undefined, minLength: 1 } }] };
    assert.match(lintModel(broken).join(), /without provenance/);
  });
  test('the seed-era profile carries the seed SDK limits', () => {
    const get = (p: string, op: string, mem: string) => model.members.find((x) => x.profile === p && x.operation === op && x.member === mem)!.constraints;
    assert.equal(get('botocore-2015-04-27', 'AssumeRole', 'RoleSessionName').maxLength, 32);
    assert.equal(get('botocore-2015-04-27', 'AssumeRole', 'ExternalId').maxLength, 96);
    assert.equal(get('botocore-2015-04-27', 'AssumeRole', 'DurationSeconds').max, 3600);
    for (const op of ['AssumeRole', 'AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML']) {
      assert.equal(get('botocore-2015-04-27', op, 'RoleArn').pattern, undefined, op);
      assert.equal(model.members.find((x) => x.profile === 'botocore-2015-04-27' && x.operation === op && x.member === 'MinimumSessionTokenSize'), undefined, op);
      const min = get('current', op, 'MinimumSessionTokenSize');
      assert.deepEqual([min.min, min.max, min.required, min.source.model], [0, 4096, false, 'model-update-2026-10.md (botocore 1.43.107, model files dated 2026-10-01)']);
    }
    assert.equal(get('current', 'AssumeRole', 'RoleSessionName').maxLength, 64);
    assert.equal(get('current', 'AssumeRole', 'Policy').maxLength, undefined);
    assert.equal(get('current', 'AssumeRoleWithSAML', 'Policy').maxLength, 2048);
    assert.equal(get('current', 'AssumeRole', 'PolicyArns').maxItems, 10);
    assert.equal(get('current', 'AssumeRole', 'PolicyArns').source.url, 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html');
    assert.equal(get('current', 'AssumeRole', 'TokenCode').sensitive, true);
  });
  test('emit refuses a README without table markers', () => {
    const { problems } = emit(model, inputs, (p) => (p === 'schemas/README.md' ? '# no markers' : '<!-- constraints-table:start (generated by pnpm codegen) -->\n<!-- constraints-table:end -->'));
    assert.match(problems.join(), /schemas\/README.md lacks the markers/);
  });
});
