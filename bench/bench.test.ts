/**
 * The benchmark harness's pure parts (bench/): the statistics every ratio is built from, the
 * corpus's determinism (same seed, same bytes) and cache, the report block `--write` replaces, the
 * reading of the CLI's TIMING table, the floor's counts, and one tiny side-by-side of two
 * processes. Benchmarks themselves are scripts (`pnpm bench`), never timed tests: nothing here
 * asserts a duration.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Timing } from '@rolecall/core';
import { ensureCorpus, generateCorpus, summarizeCorpus } from './corpus.js';
import { BUNDLE_ENTRY, bundleOptions, bundledValidators } from './bundled.js';
import { floor } from './floor.js';
import { runOnce, sideBySide } from './processes.js';
import { cpuBound, threadCpu } from './cli-jobs.bench.js';
import { phaseTimes } from './project-pass.bench.js';
import { replaceBlock } from './run.js';
import { marginalPerFile, scaling } from './linearity.js';
import { WARM_FILES, warmUpFiles } from './scaling.bench.js';
import { formatRatio, median, roundOrder, roundRatios, spread, withinTolerance } from './stats.js';
import { formatTiming, THREAD_ROWS } from 'rolecall/internal';
import { estimateSessionToken, validateAssumeRole } from '@rolecall/validators';
import { scanIsClean } from '@rolecall/validators/internal';

const scratch = mkdtempSync(join(tmpdir(), 'rolecall-bench-test-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('stats', () => {
  it('median of odd and even counts, without reordering the input', () => {
    const values = [5, 1, 3];
    assert.equal(median(values), 3);
    assert.deepEqual(values, [5, 1, 3]);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([7]), 7);
    assert.throws(() => median([]), /no values/);
  });

  it('spread gives median, min, max and count', () => {
    assert.deepEqual(spread([2, 9, 4, 1, 6]), { median: 4, min: 1, max: 9, n: 5 });
    assert.throws(() => spread([]), /no values/);
  });

  it('ratios are taken within each round, never between bests', () => {
    // Each side's best would give 10/5 = 2; the rounds say 1.
    assert.deepEqual(roundRatios([10, 20, 30], [10, 20, 30]), [1, 1, 1]);
    assert.deepEqual(roundRatios([10, 40], [20, 5]), [0.5, 8]);
    assert.throws(() => roundRatios([1, 2], [1]), /rounds differ: 2 against 1/);
    assert.equal(formatRatio(spread(roundRatios([12, 30, 22], [10, 20, 20]))), '1.20× (1.10–1.50)');
  });

  it('the order of the two sides alternates from round to round', () => {
    assert.deepEqual([0, 1, 2, 3].map(roundOrder), [['a', 'b'], ['b', 'a'], ['a', 'b'], ['b', 'a']]);
  });

  it('±30 % holds at the boundary and not past it', () => {
    assert.equal(withinTolerance([0.7, 1, 1.3], 1, 0.3), true);
    assert.equal(withinTolerance([1.31], 1, 0.3), false);
    assert.equal(withinTolerance([0.69], 1, 0.3), false);
  });
});

describe('scaling row arithmetic (bench/linearity.ts)', () => {
  // Model runs (ms for n files in one process): start-up and parser loading 860, 0.7 ms a file; each
  // size's run lints a 1,000-file warm-up tree with the corpus, the other side the warm-up tree alone;
  // three rounds each with a little noise.
  const sizes = [1_000, 10_000, 50_000];
  const warmFiles = 1_000;
  const noise = [1, 1.01, 0.99];
  const rows = (t: (n: number) => number) => sizes.map((files) => ({ files, run: noise.map((k) => t(warmFiles + files) * k), warm: noise.map(() => t(warmFiles)) }));
  const linear = (n: number): number => 860 + 0.7 * n;
  // JIT warm-up: the first 300 files of a run cost 1 ms more each (300 ms in all, whatever n is).
  const warmingUp = (n: number): number => linear(n) + Math.min(n, 300);
  const quadratic = (n: number): number => linear(n) + (0.7 * n * n) / 50_000;

  it('time per file is the median per-round time of the files beyond the warm-up run', () => {
    assert.equal(marginalPerFile([1_200, 1_260, 1_230], [900, 900, 930], 500), 0.6);
    assert.throws(() => marginalPerFile([1], [1, 2], 1_000), /rounds differ: 1 against 2/);
    assert.throws(() => marginalPerFile([1], [1], 0), /no files beyond the warm-up run: 0/);
  });

  it('a linear series, and one with a fixed JIT warm-up cost, pass', () => {
    for (const t of [linear, warmingUp]) {
      const r = scaling(rows(t), 10_000, 0.3);
      assert.equal(r.pass, true);
      for (const s of r.sizes) assert.ok(Math.abs(s.ratio - 1) < 0.03, `${s.files}: ${s.ratio}`);
    }
  });

  it('ratios between sizes are taken within each round, so a change of load between rounds moves every size alike', () => {
    // Round 2 runs at twice the time (another process took half the machine): per-round ratios stay 1.
    const load = [1, 2, 1];
    const r = scaling(
      sizes.map((files) => ({ files, run: load.map((k) => warmingUp(warmFiles + files) * k), warm: load.map((k) => warmingUp(warmFiles) * k) })),
      10_000,
      0.3,
    );
    assert.deepEqual(
      r.sizes.map((s) => s.ratio.toFixed(6)),
      ['1.000000', '1.000000', '1.000000'],
    );
    assert.equal(r.sizes[0]!.ratios.length, 3);
    assert.equal(r.pass, true);
    const short = rows(linear).map((s, i) => (i === 0 ? { ...s, run: s.run.slice(1), warm: s.warm.slice(1) } : s));
    assert.throws(() => scaling(short, 10_000, 0.3), /rounds differ: 2 for 1000 files against 3 for 10000/);
  });

  it('a quadratic series fails (the 50k row grows past +30 %)', () => {
    const r = scaling(rows(quadratic), 10_000, 0.3);
    assert.equal(r.pass, false);
    assert.ok(r.sizes[2]!.ratio > 1.5, String(r.sizes[2]!.ratio));
    assert.ok(r.sizes[0]!.ratio < 0.9, String(r.sizes[0]!.ratio));
  });

  it('subtracting a run without the warm-up (one file of each kind, the earlier method) fails the warm-up series at 1k', () => {
    const r = scaling(
      sizes.map((files) => ({ files, run: noise.map((k) => warmingUp(files) * k), warm: noise.map(() => warmingUp(7)) })),
      10_000,
      0.3,
    );
    assert.equal(r.pass, false);
    assert.ok(r.sizes[0]!.ratio > 1.35, String(r.sizes[0]!.ratio));
    assert.throws(() => scaling(rows(linear), 2_000, 0.3), /no run of 2000 files to compare with/);
  });

  it('the warm-up tree is 1,000 files of another seed plus the first file of every kind with parameters', () => {
    const warm = [...warmUpFiles()];
    const corpusKinds = new Set([...generateCorpus(3_000)].filter((f) => f.relevant).map((f) => f.kind));
    const warmKinds = new Set(warm.filter((f) => f.relevant).map((f) => f.kind));
    assert.deepEqual([...warmKinds].sort(), [...corpusKinds].sort());
    assert.ok(warm.length >= WARM_FILES && warm.length <= WARM_FILES + corpusKinds.size, String(warm.length));
    const corpusHashes = new Set([...generateCorpus(1_000)].map((f) => createHash('sha256').update(f.bytes).digest('hex')));
    assert.equal(warm.filter((f) => corpusHashes.has(createHash('sha256').update(f.bytes).digest('hex'))).length, 0);
  });
});

describe('corpus', () => {
  it('same seed, same bytes; another seed, other bytes', () => {
    const a = summarizeCorpus(400, 42);
    const b = summarizeCorpus(400, 42);
    assert.equal(a.sha256, b.sha256);
    assert.equal(a.bytes, b.bytes);
    assert.notEqual(summarizeCorpus(400, 43).sha256, a.sha256);
  });

  it('a smaller corpus is the start of a larger one (the scaling rows compare the same mix)', () => {
    const small = [...generateCorpus(50)];
    const large = [...generateCorpus(120)].slice(0, 50);
    assert.deepEqual(
      small.map((f) => f.name),
      large.map((f) => f.name),
    );
    assert.ok(small.every((f, i) => Buffer.from(f.bytes).equals(Buffer.from(large[i]!.bytes))));
  });

  it('has every kind, about 10 KB a file and a few percent of files with AssumeRole parameters', () => {
    const s = summarizeCorpus(1_500);
    assert.ok(s.relevant / s.files > 0.02 && s.relevant / s.files < 0.07, `${s.relevant} of ${s.files}`);
    assert.ok(s.bytes / s.files > 7_000 && s.bytes / s.files < 15_000, `${s.bytes / s.files} bytes a file`);
    for (const kind of ['input-json', 'typescript (STS call)', 'terraform (assume_role)', 'github workflow (configure-aws-credentials)', 'cloudformation (IAM role)', 'aws config (role profiles)', 'shell (aws sts assume-role)', 'markdown', 'binary asset']) {
      assert.ok((s.kinds[kind] ?? 0) > 0, kind);
    }
  });

  it('is written once to the cache folder and reused; the files on disk are the generated ones', () => {
    const first = ensureCorpus(200, { cacheRoot: scratch });
    const hash = createHash('sha256');
    for (const file of generateCorpus(200)) {
      const bytes = readFileSync(join(first.dir, file.name));
      hash.update(file.name).update('\0').update(bytes).update('\0');
    }
    assert.equal(hash.digest('hex'), first.sha256);
    assert.equal(first.sha256, summarizeCorpus(200).sha256);
    const marker = `${first.dir}.json`;
    const written = statSync(marker).mtimeMs;
    const again = ensureCorpus(200, { cacheRoot: scratch });
    assert.equal(again.dir, first.dir);
    assert.equal(statSync(marker).mtimeMs, written);
    const part = ensureCorpus(200, { cacheRoot: scratch, part: { name: 'md', test: (f) => f.name.endsWith('.md') } });
    assert.notEqual(part.dir, first.dir);
    assert.equal(part.files, first.kinds['markdown']);
  });
});

describe('--write block', () => {
  it('replaces the block between the markers and keeps the rest', () => {
    const file = 'intro\n<!-- bench:start -->\nold\n<!-- bench:end -->\noutro\n';
    assert.equal(replaceBlock(file, 'new'), 'intro\n<!-- bench:start -->\nnew\n<!-- bench:end -->\noutro\n');
    assert.equal(replaceBlock('intro', 'new'), 'intro\n<!-- bench:start -->\nnew\n<!-- bench:end -->\n');
    assert.equal(replaceBlock('', 'new'), '<!-- bench:start -->\nnew\n<!-- bench:end -->\n');
  });
});

describe('project-pass reads the CLI TIMING table', () => {
  it('phase names and times, sub-phases included', () => {
    const timing = new Timing();
    timing.addPhase('read, prefilter and parse', 40);
    timing.addPhase('project pass', 10);
    timing.addPhase('project pass › rules per file', 7.5);
    const phases = phaseTimes(`rolecall: a warning first\n${formatTiming(timing, 60, '1')}`);
    assert.deepEqual([...phases], [
      ['read, prefilter and parse', 40],
      ['project pass', 10],
      ['› rules per file', 7.5],
      ['total', 60],
    ]);
    assert.throws(() => phaseTimes('nothing'), /no TIMING phase table/);
  });
});

describe('cli-jobs reads the CLI thread table and bounds the speed-up by CPU time', () => {
  const report = (threads: Record<string, number>): string => {
    const timing = new Timing();
    timing.addPhase('read, prefilter and parse', 40);
    for (const [name, ms] of Object.entries(threads)) timing.threads.set(name, ms);
    return formatTiming(timing, 60, '1');
  };

  it('main thread, busiest thread and total', () => {
    assert.deepEqual(threadCpu(report({ [THREAD_ROWS.main]: 7400, [THREAD_ROWS.other]: 3300 })), { main: 7400, total: 10700, busiest: 7400 });
    assert.deepEqual(threadCpu(report({ [THREAD_ROWS.main]: 4300, 'worker 1': 4400, [THREAD_ROWS.other]: 3200 })), { main: 4300, total: 11900, busiest: 4400 });
    assert.throws(() => threadCpu(report({})), /no TIMING thread table/);
  });

  it('the lower bounds of both wall times, divided', () => {
    // One thread at its main thread's CPU; two threads at all their CPU over 2 cores: 7.4 / (10.6 / 2).
    assert.equal(cpuBound({ main: 7400, total: 10700, busiest: 7400 }, { main: 4300, total: 10600, busiest: 4300 }, 2).toFixed(3), '1.396');
    // Without helper work the split could double the speed.
    assert.equal(cpuBound({ main: 8000, total: 8000, busiest: 8000 }, { main: 4000, total: 8000, busiest: 4000 }, 2), 2);
    // An unbalanced split is bounded by its busiest thread; a one-thread run with more helper work than main by all its CPU over the cores.
    assert.equal(cpuBound({ main: 8000, total: 8000, busiest: 8000 }, { main: 6000, total: 8000, busiest: 6000 }, 2).toFixed(3), '1.333');
    assert.equal(cpuBound({ main: 3000, total: 8000, busiest: 3000 }, { main: 2000, total: 8000, busiest: 2000 }, 2), 1);
  });
});

describe('floor', () => {
  it('reads the files some extractor takes and parses those a prefilter passes', async () => {
    const dir = join(scratch, 'floor');
    const write = (name: string, text: string): void => {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    };
    write('in/assume-role.json', '{ "RoleArn": "arn:aws:iam::123456789012:role/r", "RoleSessionName": "s" }');
    write('data/plain.json', '{ "a": 1 }');
    write('src/sts.ts', "import { AssumeRoleCommand } from '@aws-sdk/client-sts';\nexport const c = new AssumeRoleCommand({ RoleArn: 'x', RoleSessionName: 'y' });\n");
    write('src/plain.ts', 'export const x = 1;\n');
    write('main.tf', 'provider "aws" {\n  assume_role {\n    role_arn = "arn:aws:iam::123456789012:role/r"\n  }\n}\n');
    write('docs/readme.md', 'AssumeRole role_arn\n');
    write('node_modules/dep/sts.ts', "import { AssumeRoleCommand } from '@aws-sdk/client-sts';\n");
    const bytesRead = sizes(dir, ['in/assume-role.json', 'data/plain.json', 'src/sts.ts', 'src/plain.ts', 'main.tf']);
    assert.deepEqual(await floor(dir), { walked: 6, read: 5, bytesRead, parsed: 3, parses: 3 });
  });
});

function sizes(dir: string, names: readonly string[]): number {
  return names.reduce((n, name) => n + statSync(join(dir, name)).size, 0);
}

describe('processes side by side', () => {
  it('alternates whole processes, gives per-round ratios and each child’s peak RSS', () => {
    const node = { label: 'node -e 0', argv: [process.execPath, '-e', '0'] } as const;
    const r = sideBySide(node, { label: 'node alloc', argv: [process.execPath, '-e', 'globalThis.b = Buffer.alloc(64e6, 1)'] }, { rounds: 2, warmup: 0 });
    assert.equal(r.ratio.n, 2);
    assert.equal(r.samples.a.length, 2);
    assert.ok(r.a.peakRss !== undefined && r.b.peakRss !== undefined, r.rssMethod);
    // The 64 MB buffer shows in the second child's peak and not in the first's.
    assert.ok(r.b.peakRss! - r.a.peakRss! > 50e6, `${r.a.peakRss} / ${r.b.peakRss}`);
  });

  it('a failing side stops the benchmark instead of giving a figure', () => {
    assert.throws(() => runOnce({ label: 'fails', argv: [process.execPath, '-e', 'process.exit(3)'] }), /fails: exit 3/);
    assert.equal(runOnce({ label: 'findings', argv: [process.execPath, '-e', 'process.exit(1)'], okStatus: [0, 1] }).stderr, '');
  });
});

describe('bundled validators (the copy users run)', () => {
  it('are built as the release builds them: one minified ESM bundle of the public entry and the internal floors', () => {
    const o = bundleOptions('/out/validators.mjs', '/bench');
    assert.deepEqual(
      { bundle: o.bundle, format: o.format, minify: o.minify, conditions: o.conditions, mainFields: o.mainFields, outfile: o.outfile, resolveDir: o.stdin?.resolveDir },
      { bundle: true, format: 'esm', minify: true, conditions: ['rolecall-source'], mainFields: ['module', 'main'], outfile: '/out/validators.mjs', resolveDir: '/bench' },
    );
    assert.match(BUNDLE_ENTRY, /export \* from '@rolecall\/validators'/);
    assert.match(BUNDLE_ENTRY, /scanIsClean/);
  });

  it('give the sources’ verdicts, and the bundle hoists module constants to `var` (what the bundled rows are for)', async () => {
    const dir = join(scratch, 'bundled');
    const lib = await bundledValidators(dir);
    const text = readFileSync(join(dir, 'validators.mjs'), 'utf8');
    assert.match(text, /^var |;var /m);
    const policy = '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}';
    const inputs = [
      { RoleArn: 'arn:aws:iam::123456789012:role/deploy', RoleSessionName: 'deploy', Policy: policy },
      { RoleArn: 'arn:aws:iam::123456789012:user/alice', RoleSessionName: 'deploy' },
      { RoleArn: 'arn:aws:iam::123456789012:role/deploy', RoleSessionName: 'x'.repeat(65), Policy: policy.replace('"Allow"', '"Allow",') },
    ];
    for (const x of inputs) {
      assert.deepEqual(lib.validateAssumeRole(x), validateAssumeRole(x));
      assert.deepEqual(lib.estimateSessionToken(x), estimateSessionToken(x));
      if (typeof x.Policy === 'string') assert.equal(lib.scanIsClean(x.Policy), scanIsClean(x.Policy));
    }
    assert.equal(lib.IAM.roleArn.test(inputs[0]!.RoleArn), true);
  });
});
