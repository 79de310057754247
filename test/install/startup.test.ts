/**
 * What start-up loads, checked on the structure of the committed bundles (esbuild's metafile of the same build that
 * the freshness test compares), not on a clock: `rolecall --version` reads only the entry file, and a lint run reads
 * no parser and no schema compiler until a file needs one. The parsers are loaded by an extractor's `load()` only
 * after a file passed its prefilter (packages/core/src/extractor.ts); here they must sit in chunks that only a
 * dynamic `import()` reaches.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, describe, it } from 'node:test';
import type { Metafile } from 'esbuild';
import { committedBundleGraph } from '../../scripts/release/build.js';
import { ROOT } from '../../scripts/release/workspace.js';

const DIR = 'packages/cli/bundle';
/** Everything `rolecall --version` may load, the entry file included. */
const VERSION_BUDGET_BYTES = 8 * 1024;
/** Everything a lint run over files no prefilter accepts may load (about 139 KB in 13 files today; 730 KB before issue 14). */
const IRRELEVANT_TREE_BUDGET_BYTES = 146 * 1024;
/**
 * Heavy packages that must not load before a file needs them: parsers (TypeScript and its ESTree adapter, yaml,
 * mvdan-sh, web-tree-sitter) and ajv's compiler. ajv's run-time helpers (`ajv/dist/runtime/*`, a few hundred
 * bytes that the generated validators call) are allowed.
 */
const HEAVY: readonly RegExp[] = [
  /node_modules\/typescript\//,
  /node_modules\/@typescript-eslint\//,
  /node_modules\/yaml\//,
  /node_modules\/mvdan-sh\//,
  /node_modules\/web-tree-sitter\//,
  /node_modules\/ajv\/(?!dist\/runtime\/)/,
];

/**
 * What a lint run over files no prefilter accepts must not load (issue 14, cold start): the rules, the validators,
 * the extractors' code beyond their light `discovery` entries, any parser, the config parser and validators (there is
 * no config file), yargs (the usual command line is read by fast-args.ts) and every other command's module.
 */
const NOT_FOR_AN_IRRELEVANT_TREE: readonly RegExp[] = [
  ...HEAVY,
  /^rules\//,
  /^packages\/validators\//,
  /^packages\/extractor-[^/]+\/src\/(?!discovery\.ts$|modules\.ts$|prefilter\.ts$)/,
  /node_modules\/jsonc-parser\//,
  /node_modules\/yargs/,
  /node_modules\/ajv\//,
  /^packages\/cli\/src\/(?:default-registry|config-load|config-schema|config-check|rule-options|check-input|estimate|init|list-rules|print-config)\.ts$/,
  /^packages\/cli\/src\/generated\/config-validators/,
];

let graph: Metafile;
before(async () => {
  graph = await committedBundleGraph();
});

/** Output files statically imported (transitively) from the outputs that hold any of `sources`, or from `entry`. */
function staticClosure(entry: string, sources: readonly string[] = []): string[] {
  const outputs = graph.outputs;
  const roots = Object.keys(outputs).filter((o) => o === entry || Object.keys(outputs[o]!.inputs).some((i) => sources.includes(i)));
  for (const s of sources) assert.ok(Object.values(outputs).some((o) => s in o.inputs), `${s} is in no output`);
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const o = stack.pop()!;
    if (seen.has(o)) continue;
    seen.add(o);
    for (const i of outputs[o]!.imports) if (i.kind === 'import-statement' && !i.external) stack.push(i.path);
  }
  return [...seen];
}

const inputsOf = (outputs: readonly string[]): string[] => outputs.flatMap((o) => Object.keys(graph.outputs[o]!.inputs));
const heavyIn = (outputs: readonly string[]): string[] => inputsOf(outputs).filter((i) => HEAVY.some((h) => h.test(i)));

describe('start-up path of the committed bundles', () => {
  it(`--version loads only the entry and what it imports statically: no dependency, under ${VERSION_BUDGET_BYTES / 1024} KB`, () => {
    const closure = staticClosure(`${DIR}/rolecall.js`);
    const bytes = closure.reduce((n, o) => n + graph.outputs[o]!.bytes, 0);
    assert.ok(bytes < VERSION_BUDGET_BYTES, `${bytes} bytes load before --version is answered (${closure.join(', ')})`);
    assert.deepEqual(inputsOf(closure).filter((i) => i.includes('node_modules')), []);
  });

  it('a lint run loads the CLI, the config checks and the registry without any parser or ajv compiler', () => {
    const closure = staticClosure(`${DIR}/rolecall.js`, ['packages/cli/src/cli.ts', 'packages/cli/src/default-registry.ts', 'packages/cli/src/lint.ts']);
    assert.deepEqual(heavyIn(closure), []);
  });

  it('a worker thread loads its registry without any parser or ajv compiler', () => {
    assert.deepEqual(heavyIn(staticClosure(`${DIR}/worker.js`, ['packages/cli/src/default-registry.ts'])), []);
  });

  it('the parsers are in the bundle, in chunks of their own that only import() reaches', () => {
    const all = Object.keys(graph.outputs);
    for (const heavy of HEAVY.slice(0, 5)) assert.ok(inputsOf(all).some((i) => heavy.test(i)), `${heavy} is not bundled`);
  });

  it('every parser loads from its chunk: the committed bundle lints each kind of example with no internal error', () => {
    // A parser that is CommonJS reaches a split chunk's import() under `default`; an extractor that misses that fails here.
    const r = spawnSync(process.execPath, [join(ROOT, DIR, 'rolecall.js'), '--config', 'examples/rolecall.config.json', 'examples', '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    const results = (JSON.parse(r.stdout) as { results: { filePath: string; messages: { ruleId: string; message: string }[] }[] }).results;
    assert.deepEqual(results.flatMap((f) => f.messages.filter((m) => m.ruleId === 'internal-error').map((m) => `${f.filePath}: ${m.message}`)), []);
    for (const kind of [/\.ya?ml$/, /\.tf$/, /\.[cm]?[jt]s$/, /\.sh$/, /\.json$/]) assert.ok(results.some((f) => kind.test(f.filePath) && f.messages.length > 0), `no finding in a file matching ${kind}`);
  });

  it(`a lint run over files no prefilter accepts loads no rule, validator, extract code, parser, config parser or yargs, under ${IRRELEVANT_TREE_BUDGET_BYTES / 1024} KB`, () => {
    // What the bundle actually loads (static and dynamic imports alike), recorded by a module loader hook.
    const dir = mkdtempSync(join(tmpdir(), 'rolecall-startup-'));
    try {
      for (let i = 0; i < 20; i++) {
        mkdirSync(join(dir, `d${i % 4}`), { recursive: true });
        writeFileSync(join(dir, `d${i % 4}`, `f${i}.ts`), `export const x${i} = ${i};\n`);
        writeFileSync(join(dir, `d${i % 4}`, `f${i}.json`), JSON.stringify({ name: `p${i}` }));
        writeFileSync(join(dir, `d${i % 4}`, `f${i}.md`), `# ${i}\n`);
      }
      const hooks = `export async function load(url, context, next) { if (url.startsWith('file:')) process.stderr.write('LOADED ' + url + '\\n'); return next(url, context); }`;
      // Node's own modules as the process loaded them (import, require and getBuiltinModule alike), listed at exit.
      const builtins = `process.on('exit', () => process.stderr.write('BUILTINS ' + process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13)).join(' ') + '\\n'));`;
      const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
      // Without loader hooks: they run in a worker thread of their own, which would load worker_threads.
      const builtinsOf = (args: readonly string[]): string[] => {
        const run = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(builtins)}`, ...args], { cwd: dir, encoding: 'utf8' });
        return /^BUILTINS (.*)$/m.exec(run.stderr)?.[1]?.split(' ') ?? [];
      };
      const baseline = new Set(builtinsOf(['-e', '0']));
      for (const format of ['json', 'stylish']) {
        const r = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(register)}`, join(ROOT, DIR, 'rolecall.js'), '--format', format, '.'], { cwd: dir, encoding: 'utf8' });
        assert.equal(r.status, 0, r.stderr);
        // What the run adds to `node -e 0`: no worker_threads (a worker starts only for parse work, parallel.ts loads it
        // then) and no perf_hooks (the `performance` clock is read only under TIMING).
        const added = builtinsOf([join(ROOT, DIR, 'rolecall.js'), '--format', format, '.']).filter((m) => !baseline.has(m));
        assert.ok(baseline.has('fs') && added.includes('os'), `the exit hook saw nothing (${added.join(' ')})`);
        assert.deepEqual(added.filter((m) => /^(?:worker_threads|perf_hooks)$|^internal\/(?:worker|perf)\//.test(m)), [], `--format ${format} over an irrelevant tree`);
        const loaded = [...r.stderr.matchAll(/^LOADED (\S+)$/gm)].map((m) => relative(ROOT, fileURLToPath(m[1]!)).split('\\').join('/'));
        assert.ok(loaded.includes(`${DIR}/rolecall.js`), `the hook saw nothing: ${r.stderr}`);
        for (const file of loaded) assert.ok(file in graph.outputs, `${file} is not an output of the committed build`);
        const wrong = inputsOf(loaded).filter((i) => NOT_FOR_AN_IRRELEVANT_TREE.some((h) => h.test(i)));
        assert.deepEqual(wrong, [], `--format ${format} over an irrelevant tree loaded ${wrong.join(', ')}`);
        // The committed files' sizes: the build drops the require banner from files that do not use it (build.ts).
        const bytes = loaded.reduce((n, o) => n + statSync(join(ROOT, o)).size, 0);
        assert.ok(bytes < IRRELEVANT_TREE_BUDGET_BYTES, `--format ${format} over an irrelevant tree loaded ${bytes} bytes (${loaded.join(', ')})`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

