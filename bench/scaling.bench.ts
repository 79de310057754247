/**
 * Linear growth: the CLI on the 1k, 10k and 50k corpora (the same mix: the smaller corpus is the
 * start of the larger), each alternating with the CLI on a folder holding one file of each kind
 * that holds AssumeRole parameters (so start-up and the loading of every parser, the fixed cost
 * of any run, are measured next to it). Time per file = (run − fixed run) / files, per round,
 * median; the raw wall time per file is printed too. Both sides run with `--jobs 1`: by default a
 * run of 256 files or more starts worker threads (each loading the parsers again) and the
 * fixed-cost run does not, which put the workers' start into the 1k row's time per file (the first
 * recorded run gave 2.49× / 1.00× / 0.67× for 1k / 10k / 50k that way). The sizes run minutes
 * apart, so on a loaded machine a change of load moves this row more than the side-by-side ones. Target (issue 14): time per file within ±30 % across
 * sizes (judged against the 10k row). `--quick` uses 1k, 2k and 5k files.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { corpus, LINT_ARGS, mb, ms, rolecall } from './cli.js';
import { generateCorpus } from './corpus.js';
import { sideBySide } from './processes.js';
import type { BenchContext, BenchRow } from './run.js';
import { median, withinTolerance } from './stats.js';

const TOLERANCE = 0.3;

/** One file of each relevant kind, the first the corpus generates: a run over it loads every parser. */
function fixedCostTree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rolecall-fixed-'));
  const seen = new Set<string>();
  for (const file of generateCorpus(2_000)) {
    if (!file.relevant || seen.has(file.kind)) continue;
    seen.add(file.kind);
    mkdirSync(dirname(join(dir, file.name)), { recursive: true });
    writeFileSync(join(dir, file.name), file.bytes);
  }
  return dir;
}

export async function run(context: BenchContext): Promise<BenchRow[]> {
  const plan = context.quick
    ? [
        { files: 1_000, rounds: 2, warmup: 1 },
        { files: 2_000, rounds: 1, warmup: 1 },
        { files: 5_000, rounds: 1, warmup: 0 },
      ]
    : [
        { files: 1_000, rounds: 5, warmup: 1 },
        { files: 10_000, rounds: 2, warmup: 1 },
        { files: 50_000, rounds: 2, warmup: 0 },
      ];
  const reference = plan[1]!.files;
  const fixed = fixedCostTree();
  try {
    const measured: { files: number; perFile: number; raw: number; wall: number; start: number; peakRss: number | undefined }[] = [];
    for (const step of plan) {
      const c = corpus(step.files, context);
      context.log(`${step.files.toLocaleString('en-US')} files against one file of each kind, ${step.rounds} rounds`);
      const args = ['--jobs', '1', ...LINT_ARGS];
      const r = sideBySide(rolecall(`rolecall --jobs 1, ${step.files} files`, args, c.dir), rolecall('rolecall --jobs 1, one file of each kind', args, fixed), { rounds: step.rounds, warmup: step.warmup });
      const perFile = median(r.samples.a.map((t, i) => (t - r.samples.b[i]!) / step.files));
      measured.push({ files: step.files, perFile, raw: r.a.ms.median / step.files, wall: r.a.ms.median, start: r.b.ms.median, peakRss: r.a.peakRss });
    }
    const ref = measured.find((m) => m.files === reference)!.perFile;
    const pass = withinTolerance(
      measured.map((m) => m.perFile),
      ref,
      TOLERANCE,
    );
    return measured.map((m) => ({
      name: `time per file (--jobs 1), ${m.files.toLocaleString('en-US')} files`,
      result: `${(m.perFile * 1000).toFixed(0)} µs/file (${(m.perFile / ref).toFixed(2)}× the ${reference.toLocaleString('en-US')} row)`,
      target: `within ±30 % across sizes`,
      pass,
      perFileMs: m.perFile,
      note: `fixed cost subtracted (start-up and parser loading: a run over one file of each kind, ${ms(m.start)}); raw ${(m.raw * 1000).toFixed(0)} µs/file, wall ${ms(m.wall)}, peak RSS ${mb(m.peakRss)}`,
    }));
  } finally {
    rmSync(fixed, { recursive: true, force: true });
  }
}
