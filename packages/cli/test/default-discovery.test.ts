/**
 * The default registry in two stages (default-discovery.ts, lint.ts' `stagesOf`): a run over files no prefilter
 * accepts loads no rule, and gives what the whole registry gives; the first stage describes the same extractors as
 * the registry; the rule metadata generated for reports (RULES_META) is the rules' own.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { formatters } from '@rolecall/formatters';
import picomatch from 'picomatch';
import { DEFAULT_DISCOVERY, DEFAULT_EXTRACTORS } from '../src/default-discovery.js';
import { matcherOf, requiredSuffix } from '../src/extract-files.js';
import { RULES_META } from '../src/generated/rules-meta.generated.js';
import { lintFiles, rulesMeta, type LintRun } from '../src/lint.js';
import { loadDefaultRegistry, loadedDefaultRegistry } from '../src/load-registry.js';

const INPUT = '{\n  "RoleArn": "arn:aws:iam::731902345678:role/deploy",\n  "RoleSessionName": "build #42"\n}\n';

let root: string;
before(() => {
  root = mkdtempSync(join(tmpdir(), 'rolecall-stages-'));
  for (let i = 0; i < 12; i++) {
    mkdirSync(join(root, 'tree', `d${i % 3}`), { recursive: true });
    writeFileSync(join(root, 'tree', `d${i % 3}`, `f${i}.ts`), `export const x${i} = ${i};\n`);
    writeFileSync(join(root, 'tree', `d${i % 3}`, `f${i}.json`), JSON.stringify({ name: `p${i}` }));
    writeFileSync(join(root, 'tree', `d${i % 3}`, `f${i}.md`), `# ${i}\n`);
  }
  mkdirSync(join(root, 'ignores'));
  writeFileSync(join(root, 'ignores', 'rolecall.config.json'), JSON.stringify([{ ignores: ['skip/**'] }]));
  writeFileSync(join(root, 'ignores', 'a.json'), '{}');
  mkdirSync(join(root, 'rules'));
  writeFileSync(join(root, 'rules', 'rolecall.config.json'), JSON.stringify([{ rules: { 'valid-tagz': 'off' } }]));
  mkdirSync(join(root, 'relevant'));
  writeFileSync(join(root, 'relevant', 'input.json'), INPUT);
  writeFileSync(join(root, 'relevant', 'other.json'), '{"a": 1}');
});
after(() => rmSync(root, { recursive: true, force: true }));

/** A run as data, without the engine's line index objects. */
const plain = (run: LintRun): unknown => JSON.parse(JSON.stringify({ ...run, results: run.results.map(({ source, ...r }) => ({ ...r, text: source?.text })) }));

describe('the default registry in two stages', () => {
  // First, before anything in this process loads the registry.
  it('a run over files no prefilter accepts, or with a config of ignores only, loads no rule', async () => {
    const run = await lintFiles(['.'], { cwd: join(root, 'tree'), jobs: 1 });
    assert.equal(run.ok, true);
    assert.equal(run.results.length, 24);
    // A file named on the command line still says that nothing was checked in it.
    const named = await lintFiles(['d0/f0.ts'], { cwd: join(root, 'tree'), jobs: 1 });
    assert.deepEqual(named.warnings, ['d0/f0.ts: no AssumeRole input found, so nothing was checked (`rolecall check-input d0/f0.ts` validates a file as one input)']);
    assert.equal((await lintFiles(['.'], { cwd: join(root, 'ignores'), jobs: 1 })).ok, true);
    assert.equal(loadedDefaultRegistry(), undefined);
  });

  it('gives what the whole registry gives, for such a run and for one with findings', async () => {
    for (const [dir, patterns] of [['tree', ['.']], ['tree', ['d0/f0.ts', 'd1']], ['relevant', ['.']], ['ignores', ['.']]] as const) {
      const staged = await lintFiles(patterns, { cwd: join(root, dir), jobs: 1 });
      const whole = await lintFiles(patterns, { cwd: join(root, dir), jobs: 1, registry: await loadDefaultRegistry() });
      assert.deepEqual(plain(staged), plain(whole), dir);
    }
    const relevant = await lintFiles(['.'], { cwd: join(root, 'relevant'), jobs: 1 });
    assert.equal(relevant.errorCount, 1);
  });

  it('loads the registry for a config that sets rules, and reports its problems as before', async () => {
    const run = await lintFiles(['.'], { cwd: join(root, 'rules'), jobs: 1 });
    assert.equal(run.ok, false);
    assert.match(run.configErrors[0]!.message, /"valid-tagz"|valid-tagz/);
    assert.match(run.configErrors[0]!.message, /is not a known rule \(did you mean "valid-tags"\?/);
  });

  it('describes the default registry\'s extractors: same ids in the same order, same files, same prefilters', async () => {
    const registry = await loadDefaultRegistry();
    assert.deepEqual(DEFAULT_DISCOVERY.map((d) => d.id), registry.extractors.map((e) => e.id));
    DEFAULT_DISCOVERY.forEach((d, i) => {
      const full = registry.extractors[i]!;
      assert.equal(d.files, full.files, d.id);
      assert.equal(d.prefilter, full.prefilter, d.id);
      assert.equal(DEFAULT_EXTRACTORS[i]!.prefilter, full.prefilter, d.id);
    });
  });

  it('RULES_META is the built-in rules\' meta, and every format reports an empty run the same with either', async () => {
    const registry = await loadDefaultRegistry();
    const described = Object.fromEntries(Object.entries(rulesMeta(registry)).map(([id, m]) => [id, JSON.parse(JSON.stringify({ type: m.type, docs: m.docs, defaultSeverity: m.defaultSeverity, parameters: m.parameters, help: m.help }))]));
    assert.deepEqual(RULES_META, described);
    const results = [{ filePath: 'a.ts', diagnostics: [], errorCount: 0, warningCount: 0 }];
    for (const [name, format] of Object.entries(formatters)) {
      const context = { cwd: root, toolVersion: '0.0.0', color: false };
      assert.equal(format(results, { ...context, rulesMeta: RULES_META }), format(results, { ...context, rulesMeta: rulesMeta(registry) }), name);
    }
  });

  it("matches a path by an extractor's globs exactly as picomatch does; the ending check only skips what cannot match", () => {
    assert.deepEqual(['**/*.ts', '**/config', '**/bin/*', '**/Dockerfile.*', '**/buildspec*.yml', '**/*.{ts,js}', '!**/*.ts', '**/x?.ts'].map(requiredSuffix), ['.ts', 'config', '', '', '.yml', '', '', '']);
    const names = ['a.ts', 'a.d.ts', '.ts', 'a.tsx', 'a.json', 'a.tfvars.json', 'config', 'xconfig', 'config.json', 'Dockerfile', 'Dockerfile.dev', 'Makefile', 'x.mk', 'buildspec.yml', 'buildspec-ci.yaml', 'action.yml', 'README.md', 'f.css', 'a.sh', 'run', '.gitlab-ci.yml', 'x.gitlab-ci.yml', 'credentials', 'a.aws-config', 'main.tf', 't.hcl', 'x.template'];
    const dirs = ['', 'src/', '.github/workflows/', '.aws/', 'bin/', 'scripts/', 'a/bin/', 'buildspecs/', '.hidden/x/', 'deep/er/'];
    for (const extractor of DEFAULT_DISCOVERY) {
      const plain = picomatch(extractor.files as string[], { dot: true });
      for (const dir of dirs) for (const name of names) assert.equal(matcherOf(extractor)(dir + name), plain(dir + name), `${extractor.id}: ${dir}${name}`);
    }
  });
});
