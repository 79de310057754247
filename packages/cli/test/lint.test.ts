import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Extractor } from '@rolecall/core';
import { lintFiles, lintText, rulesMeta } from '../src/lint.js';
import { testRegistry } from './registry-fixture.js';

let root: string;
const LONG = `{"RoleArn": "arn:aws:iam::123456789012:role/x", "RoleSessionName": "${'s'.repeat(65)}", "ExternalId": "e"}`;

before(() => {
  root = mkdtempSync(join(tmpdir(), 'rolecall-lint-'));
  mkdirSync(join(root, 'b'));
  writeFileSync(join(root, 'b/long.json'), LONG);
  writeFileSync(join(root, 'a.json'), '{"RoleArn": "arn:aws:iam::123456789012:role/x", "RoleSessionName": "ok"}');
  writeFileSync(join(root, 'tags.json'), '{"RoleSessionName": "ok", "Tags": []}');
});
after(() => rmSync(root, { recursive: true, force: true }));

const options = { registry: testRegistry, configFile: false as const };

describe('lintFiles', () => {
  it('returns one result per file, sorted by path, with counts', async () => {
    const run = await lintFiles(['.'], { ...options, cwd: root });
    assert.equal(run.ok, true);
    assert.deepEqual(run.results.map((r) => [r.filePath, r.errorCount, r.warningCount]), [
      ['a.json', 0, 0],
      ['b/long.json', 1, 0],
      ['tags.json', 0, 0],
    ]);
    const d = run.results[1]!.diagnostics[0]!;
    assert.equal(d.message, 'RoleSessionName is 65 characters; STS accepts at most 64.');
    assert.deepEqual([d.location.start.line, d.location.start.column, d.location.end.column], [1, 68, 135]);
    assert.equal(run.results[1]!.source?.text, LONG);
    assert.deepEqual([run.errorCount, run.warningCount], [1, 0]);
  });

  it('applies rule overrides and options', async () => {
    const run = await lintFiles(['b/long.json'], { ...options, cwd: root, rules: { 'session-name-length': ['warn', { max: 100 }], 'no-external-id': 'error' } });
    assert.deepEqual(run.results[0]!.diagnostics.map((d) => [d.ruleId, d.severity]), [['no-external-id', 'error']]);
  });

  it('turns a throwing rule into internal-error and keeps the other results', async () => {
    const run = await lintFiles(['.'], { ...options, cwd: root, rules: { 'throws-on-tags': 'error' } });
    const tags = run.results.find((r) => r.filePath === 'tags.json')!;
    assert.deepEqual(tags.diagnostics.map((d) => [d.ruleId, d.message]), [['internal-error', "Rule 'throws-on-tags' failed on this call: Error: boom"]]);
    assert.equal(run.results.find((r) => r.filePath === 'b/long.json')!.errorCount, 1);
  });

  it('turns a throwing extractor into internal-error for that file only', async () => {
    const broken: Extractor = {
      id: 'broken',
      files: ['**/long.json'],
      prefilter: () => true,
      extract: () => {
        throw new TypeError('cannot read properties of undefined');
      },
    };
    const run = await lintFiles(['.'], { ...options, cwd: root, registry: { ...testRegistry, extractors: [...testRegistry.extractors, broken] } });
    const long = run.results.find((r) => r.filePath === 'b/long.json')!;
    assert.deepEqual(long.diagnostics.map((d) => [d.ruleId, d.messageId, d.message]), [
      ['internal-error', 'extractorThrew', "Extractor 'broken' failed on this file: TypeError: cannot read properties of undefined"],
      ['session-name-length', 'tooLong', 'RoleSessionName is 65 characters; STS accepts at most 64.'],
    ]);
  });

  it('reports invalid options as configErrors without linting', async () => {
    const run = await lintFiles(['.'], { ...options, cwd: root, rules: { nope: 'off' }, stsModel: 'x' });
    assert.equal(run.ok, false);
    assert.deepEqual(run.results, []);
    assert.deepEqual(run.configErrors, [
      { file: '--sts-model', message: 'unknown STS model "x"' },
      { file: '--rule', message: '"nope" is not a known rule (`rolecall --list-rules` lists them)' },
    ]);
  });

  it('reports progress after each file', async () => {
    const seen: string[] = [];
    await lintFiles(['.'], { ...options, cwd: root, onProgress: (done, total) => seen.push(`${done}/${total}`) });
    assert.deepEqual(seen, ['1/3', '2/3', '3/3']);
  });

  it('reports unmatched patterns unless told not to', async () => {
    assert.deepEqual((await lintFiles(['nope.json'], { ...options, cwd: root })).unmatchedPatterns, ['nope.json']);
    assert.deepEqual((await lintFiles(['nope.json'], { ...options, cwd: root, errorOnUnmatchedPattern: false })).unmatchedPatterns, []);
  });
});

describe('lintText', () => {
  it('lints text as the given file, with the operation hint from its name', async () => {
    const run = await lintText('{"RoleArn": "arn:aws:iam::123456789012:role/x"}', { ...options, cwd: root, filePath: 'ci/assume-role.json' });
    assert.equal(run.results[0]!.filePath, 'ci/assume-role.json');
    assert.deepEqual(run.results[0]!.diagnostics, []);
  });

  it('defaults to <stdin> read as JSON', async () => {
    const run = await lintText(LONG, { ...options, cwd: root });
    assert.equal(run.results[0]!.filePath, '<stdin>');
    assert.equal(run.results[0]!.errorCount, 1);
  });

  it('returns nothing, with a warning, for an ignored file', async () => {
    const run = await lintText(LONG, { ...options, cwd: root, filePath: 'node_modules/x/a.json' });
    assert.deepEqual(run.results, []);
    assert.deepEqual(run.warnings, ['node_modules/x/a.json: file ignored (it matches an ignore pattern)']);
  });

  it('checks bytes like a file', async () => {
    const run = await lintText(new Uint8Array([0x7b, 0x00, 0x7d]), { ...options, cwd: root });
    assert.deepEqual(run.results[0]!.diagnostics.map((d) => [d.ruleId, d.message, d.location.start.line, d.location.start.column]), [
      ['parse-error', 'The file contains a NUL byte (at byte 1), so it is binary or UTF-16 without a byte order mark; it was not linted.', 1, 1],
    ]);
  });
});

describe('rulesMeta', () => {
  it('maps every rule id of the registry to its meta', () => {
    assert.deepEqual(Object.keys(rulesMeta(testRegistry)), ['session-name-length', 'no-external-id', 'throws-on-tags']);
  });
});

describe('lazy extractor loading', () => {
  /** An extractor over `*.lazy` files that records when its parser would be loaded. */
  function lazyRegistry(load: () => Promise<void>) {
    const extractor: Extractor = {
      id: 'lazy',
      files: ['**/*.lazy'],
      prefilter: (text) => text.includes('assume'),
      load,
      extract: () => ({ calls: [], comments: [], problems: [] }),
    };
    return { ...testRegistry, extractors: [...testRegistry.extractors, extractor] };
  }

  it('loads a parser once, and only when a file of its kind passes the prefilter', async () => {
    const dir = join(root, 'lazy');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.lazy'), 'nothing here');
    writeFileSync(join(dir, 'only.json'), '{"RoleSessionName": "ok"}');
    let loads = 0;
    const registry = lazyRegistry(async () => {
      loads++;
    });
    await lintFiles(['.'], { registry, configFile: false, cwd: dir });
    assert.equal(loads, 0, 'no file of the kind passed its prefilter');
    writeFileSync(join(dir, 'b.lazy'), 'assume role');
    writeFileSync(join(dir, 'c.lazy'), 'assume role again');
    await lintFiles(['.'], { registry, configFile: false, cwd: dir });
    assert.equal(loads, 1);
  });

  it('a failing load is an internal-error for that file, and the run goes on', async () => {
    const dir = join(root, 'lazy-fail');
    mkdirSync(dir);
    writeFileSync(join(dir, 'b.lazy'), 'assume role');
    writeFileSync(join(dir, 'long.json'), LONG);
    const registry = lazyRegistry(async () => {
      throw new Error('grammar missing');
    });
    const run = await lintFiles(['.'], { registry, configFile: false, cwd: dir });
    assert.deepEqual(
      run.results.map((r) => [r.filePath, r.diagnostics.map((d) => d.ruleId)]),
      [
        ['b.lazy', ['internal-error']],
        ['long.json', ['session-name-length']],
      ],
    );
    assert.match(run.results[0]!.diagnostics[0]!.message, /grammar missing/);
  });
});
