/**
 * Linear growth: the CLI on the 1k, 10k and 50k corpora (the same mix: the smaller corpus is the
 * start of the larger), each alternating with the CLI on the warm-up tree: the first 500 files of
 * the corpus plus the first file of each kind that holds AssumeRole parameters (all of them within
 * the first 1,000 files, so the tree is a subset of every corpus). A run over it pays everything a
 * run pays whatever its size: start-up, the loading of every parser, and JIT warm-up (V8 optimizes
 * a parser only once it is hot, so the first files of a run cost more). Time per file =
 * (run − warm-up run) / (files − warm-up files), per round, median: the marginal cost of the files
 * beyond the warm-up tree, in a process that has warmed up (the arithmetic and why it still catches
 * real growth: bench/linearity.ts, tested in bench/bench.test.ts). The raw wall time per file is
 * printed too.
 *
 * Why not a run over one file of each kind (the method until scale-14): it leaves out JIT warm-up,
 * about 300 ms on the idle machine, which divided by 1,000 files made the 1k row 1.39× the 10k row
 * while 10k and 50k agreed within 4 % (and (T(10k) − T(1k)) / 9,000 = 0.70 ms/file, the same as
 * the 50k row: the runs grow linearly beyond the first files). Measured on a loaded machine
 * (main-thread CPU, median of 4 rounds): the same 1,000 files cost 0.84 ms/file as the first files
 * of a run and 0.67–0.76 ms/file after 1,000 others; with `--no-opt --no-sparkplug` (no
 * optimizing tiers) each copy costs the same, so the excess is JIT warm-up, not growth.
 *
 * Both sides run with `--jobs 1`: by default a run of 256 files or more starts worker threads
 * (each loading the parsers again) and a small run does not, which put the workers' start into the
 * 1k row's time per file (the first recorded run gave 2.49× / 1.00× / 0.67× for 1k / 10k / 50k that
 * way). The sizes run minutes apart, so on a loaded machine a change of load moves this row more
 * than the side-by-side ones. Target (issue 14): time per file within ±30 % across sizes (judged
 * against the 10k row). `--quick` uses 1k, 2k and 5k files.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { corpus, LINT_ARGS, mb, ms, rolecall } from './cli.js';
import { generateCorpus, type CorpusFile } from './corpus.js';
import { sideBySide } from './processes.js';
import type { BenchContext, BenchRow } from './run.js';
import { scaling, type SizeRuns } from './linearity.js';

const TOLERANCE = 0.3;

/** Files of the corpus a warm-up run lints first (the 1k row measures the 500 after them). */
export const WARM_FILES = 500;

/**
 * The warm-up tree's files: the first `WARM_FILES` files of the corpus plus the first file of each
 * kind holding AssumeRole parameters among the first `within` files (so every parser is loaded),
 * all of them files of every corpus of `within` files or more.
 */
export function* warmUpFiles(within: number): Generator<CorpusFile> {
  const seen = new Set<string>();
  let index = 0;
  for (const file of generateCorpus(within)) {
    const firstOfKind = file.relevant && !seen.has(file.kind);
    if (file.relevant) seen.add(file.kind);
    if (index++ < WARM_FILES || firstOfKind) yield file;
  }
}

/** The warm-up tree on disk: its folder and file count. */
function warmUpTree(within: number): { dir: string; files: number } {
  const dir = mkdtempSync(join(tmpdir(), 'rolecall-warm-'));
  let files = 0;
  for (const file of warmUpFiles(within)) {
    mkdirSync(dirname(join(dir, file.name)), { recursive: true });
    writeFileSync(join(dir, file.name), file.bytes);
    files++;
  }
  return { dir, files };
}

export async function run(context: BenchContext): Promise<BenchRow[]> {
  const plan = context.quick
    ? [
        { files: 1_000, rounds: 3, warmup: 1 },
        { files: 2_000, rounds: 1, warmup: 1 },
        { files: 5_000, rounds: 1, warmup: 0 },
      ]
    : [
        { files: 1_000, rounds: 7, warmup: 1 },
        { files: 10_000, rounds: 2, warmup: 1 },
        { files: 50_000, rounds: 2, warmup: 0 },
      ];
  const reference = plan[1]!.files;
  const warm = warmUpTree(plan[0]!.files);
  try {
    const runs: (SizeRuns & { raw: number; wall: number; start: number; peakRss: number | undefined })[] = [];
    for (const step of plan) {
      const c = corpus(step.files, context);
      context.log(`${step.files.toLocaleString('en-US')} files against the ${warm.files}-file warm-up tree, ${step.rounds} rounds`);
      const args = ['--jobs', '1', ...LINT_ARGS];
      const r = sideBySide(rolecall(`rolecall --jobs 1, ${step.files} files`, args, c.dir), rolecall(`rolecall --jobs 1, the ${warm.files}-file warm-up tree`, args, warm.dir), { rounds: step.rounds, warmup: step.warmup });
      runs.push({ files: step.files, run: r.samples.a, warm: r.samples.b, raw: r.a.ms.median / step.files, wall: r.a.ms.median, start: r.b.ms.median, peakRss: r.a.peakRss });
    }
    const result = scaling(runs, warm.files, reference, TOLERANCE);
    return runs.map((m, i) => {
      const { perFile, ratio } = result.sizes[i]!;
      return {
        name: `time per file (--jobs 1), ${m.files.toLocaleString('en-US')} files`,
        result: `${(perFile * 1000).toFixed(0)} µs/file (${ratio.toFixed(2)}× the ${reference.toLocaleString('en-US')} row)`,
        target: `within ±30 % across sizes`,
        pass: result.pass,
        perFileMs: perFile,
        note: `marginal time per file beyond a warm-up run (start-up, parser loading, JIT warm-up: the first ${warm.files} files, ${ms(m.start)}), over the other ${(m.files - warm.files).toLocaleString('en-US')}; raw ${(m.raw * 1000).toFixed(0)} µs/file, wall ${ms(m.wall)}, peak RSS ${mb(m.peakRss)}`,
      };
    });
  } finally {
    rmSync(warm.dir, { recursive: true, force: true });
  }
}
