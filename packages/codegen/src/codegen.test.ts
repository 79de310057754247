import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { convertPattern, lintPattern } from './pattern.js';
import { checkInputs, loadInputs } from './reference.js';
import { buildModel } from './schemas.js';
import { emit, lintModel } from './emit.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

describe('convertPattern', () => {
  test('anchors and keeps a single character class', () => {
    assert.deepEqual(convertPattern('[\\w+=,.@-]*'), { source: '^[\\w+=,.@-]*$', charClass: '[\\w+=,.@-]', nonEmpty: false });
  });
  test('rewrites 5- and 6-digit escapes to braced code points', () => {
    const p = convertPattern('[\\u0020-\\u007E\\u10000-\\u10FFFF]+');
    assert.equal(p.source, '^[\\u0020-\\u007E\\u{10000}-\\u{10FFFF}]+$');
    assert.ok(new RegExp(p.source, 'u').test('\u{1F600}'));
    // The model text read literally by ECMAScript admits no emoji: the reason for the rewrite.
    assert.equal(new RegExp('^[\\u0020-\\u007E\\u10000-\\u10FFFF]+$', 'u').test('\u{1F600}'), false);
  });
  test('a model pattern copied without anchors would accept a space', () => {
    assert.ok(new RegExp('[\\w+=,.@-]*', 'u').test('has space'));
    assert.equal(new RegExp(convertPattern('[\\w+=,.@-]*').source, 'u').test('has space'), false);
  });
});

describe('lintPattern', () => {
  test('flags unanchored, long escapes and non-u patterns', () => {
    assert.match(lintPattern('[a]*').join(), /not anchored/);
    assert.match(lintPattern('^[\\u10000]$').join(), /5- or 6-digit/);
    assert.match(lintPattern('^[\\p{Foo}]$').join(), /does not compile/);
    assert.deepEqual(lintPattern('^[\\u{10000}-\\u{10FFFF}]$'), []);
  });
});

describe('inputs', () => {
  test('the vendored reference and the overlay check clean', () => {
    assert.deepEqual(checkInputs(repoRoot, loadInputs(repoRoot)), []);
  });
  test('an overlay value that its quote does not contain is refused', () => {
    const inputs = loadInputs(repoRoot);
    const bad = { ...inputs, overlay: { ...inputs.overlay, limits: { ...inputs.overlay.limits, policyArnsMaxItems: { ...inputs.overlay.limits['policyArnsMaxItems']!, value: 11 } } } };
    assert.match(checkInputs(repoRoot, bad).join('\n'), /policyArnsMaxItems: value 11 does not occur in its quote/);
  });
  test('an overlay quote missing from the reference is refused', () => {
    const inputs = loadInputs(repoRoot);
    const bad = { ...inputs, overlay: { ...inputs.overlay, limits: { ...inputs.overlay.limits, policyPlaintextMax: { ...inputs.overlay.limits['policyPlaintextMax']!, quote: 'up to 4,096 characters' } } } };
    assert.match(checkInputs(repoRoot, bad).join('\n'), /policyPlaintextMax: quote not found/);
  });
  test('a drifted vendored reference is refused when the project reference is beside the checkout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolecall-codegen-'));
    const repo = join(dir, 'main');
    mkdirSync(join(dir, 'shared', 'reference'), { recursive: true });
    cpSync(join(repoRoot, 'schemas', 'source'), join(repo, 'schemas', 'source'), { recursive: true });
    writeFileSync(join(dir, 'shared', 'reference', 'sts-constraints.json'), '{}');
    assert.match(checkInputs(repo, loadInputs(repo)).join('\n'), /differs from/);
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
    assert.equal(get('botocore-2015-04-27', 'AssumeRole', 'RoleArn').pattern, undefined);
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
