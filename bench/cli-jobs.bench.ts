/**
 * `--jobs 1` against `--jobs 2` on the 10,000-file corpus (bench/corpus.ts), as alternating whole
 * processes (bench/processes.ts): the row gives the median of the per-round ratios with its spread
 * (min–max), never each side's best. Runs the committed bundle with every extractor on.
 * Target (issue 14): `--jobs 2` ≥ 1.6× faster than `--jobs 1`. A second row times the default job count
 * (idle cores, workers only once enough parse work is found) against `--jobs 1`: the default must never be slower.
 *
 * A third row (no target) checks what the cores allow at all, from the CLI's own CPU time per thread
 * (`TIMING=1`, Linux): a one-thread run keeps more than one core busy, since V8 compiles hot code
 * and collects garbage on helper threads beside the main thread. So `--jobs 1` takes at least its
 * main thread's CPU (or all its CPU spread over the cores), and `--jobs 2` at least all its CPU
 * spread over the cores (or its busiest thread); their ratio is the speed-up the split can reach
 * when `--jobs 1` runs at its own limit (on an idle machine its wall time is about its main thread's CPU).
 */
import { availableParallelism } from 'node:os';
import { THREAD_ROWS } from 'rolecall/internal';
import { LINT_ARGS, mainCorpus, mb, ms, rolecall, rounds, timingTable } from './cli.js';
import { runOnce, sideBySide } from './processes.js';
import type { BenchContext, BenchRow } from './run.js';
import { formatRatio, spread } from './stats.js';

/** CPU ms of one run per thread row (`main thread`, `worker <n>`, other threads, `total`), from its TIMING report. */
export interface ThreadCpu {
  readonly main: number;
  readonly total: number;
  /** The most CPU any one thread used (main or a worker; the other threads are many). */
  readonly busiest: number;
}

export function threadCpu(report: string): ThreadCpu {
  const rows = timingTable(report, 'Thread');
  const main = rows.get(THREAD_ROWS.main);
  const total = rows.get('total');
  if (main === undefined || total === undefined) throw new Error(`no main thread or total row in the thread table:\n${report.slice(-600)}`);
  let busiest = 0;
  for (const [name, cpu] of rows) if (name !== 'total' && name !== THREAD_ROWS.other) busiest = Math.max(busiest, cpu);
  return { main, total, busiest };
}

/** The speed-up of `two` over `one` that `cores` allow: the lower bounds of their wall times, divided (see the header). */
export function cpuBound(one: ThreadCpu, two: ThreadCpu, cores: number): number {
  return Math.max(one.main, one.total / cores) / Math.max(two.total / cores, two.busiest);
}

export async function run(context: BenchContext): Promise<BenchRow[]> {
  const corpus = mainCorpus(context);
  const n = rounds(context, 3, 2);
  context.log(`--jobs 1 and --jobs 2 alternate, ${n} rounds`);
  const one = rolecall('--jobs 1', ['--jobs', '1', ...LINT_ARGS], corpus.dir);
  const two = rolecall('--jobs 2', ['--jobs', '2', ...LINT_ARGS], corpus.dir);
  const r = sideBySide(one, two, { rounds: n });
  const d = sideBySide(one, rolecall('default', LINT_ARGS, corpus.dir), { rounds: n });
  context.log(`TIMING=1 --jobs 1 and --jobs 2, ${n} rounds: CPU per thread`);
  const cores = availableParallelism();
  const timed = (command: typeof one): ThreadCpu => threadCpu(runOnce({ ...command, env: { TIMING: '1' } }).stderr);
  const cpu = Array.from({ length: n }, () => ({ one: timed(one), two: timed(two) }));
  const bound = spread(cpu.map((c) => cpuBound(c.one, c.two, cores)));
  const s = (f: (c: (typeof cpu)[number]) => number): string => `${(spread(cpu.map(f)).median / 1000).toFixed(2)} s`;
  return [
    {
      name: `--jobs 1 / --jobs 2, ${corpus.files.toLocaleString('en-US')} files`,
      result: formatRatio(r.ratio),
      target: '≥ 1.6×',
      pass: r.ratio.median >= 1.6,
      ratio: r.ratio,
      note: `median of ${n} alternating rounds; --jobs 1 ${ms(r.a.ms.median)} (${mb(r.a.peakRss)} peak), --jobs 2 ${ms(r.b.ms.median)} (${mb(r.b.peakRss)} peak)`,
    },
    {
      name: `--jobs 1 / default job count, ${corpus.files.toLocaleString('en-US')} files`,
      result: formatRatio(d.ratio),
      target: '≥ 0.95× (never slower)',
      pass: d.ratio.median >= 0.95,
      ratio: d.ratio,
      note: `median of ${n} alternating rounds; --jobs 1 ${ms(d.a.ms.median)}, default ${ms(d.b.ms.median)} (${mb(d.b.peakRss)} peak)`,
    },
    {
      name: `--jobs 2 speed-up the CPU time allows on ${cores} cores`,
      result: formatRatio(bound),
      ratio: bound,
      note:
        `median of ${n} runs each with TIMING=1 (CPU per thread): --jobs 1 main thread ${s((c) => c.one.main)} of ${s((c) => c.one.total)} in all threads ` +
        `(the rest is V8's compiler and GC on helper threads); --jobs 2 ${s((c) => c.two.total)} in all threads, busiest ${s((c) => c.two.busiest)}; ` +
        `bound = max(main₁, all₁ / cores) / max(all₂ / cores, busiest₂)`,
    },
  ];
}
