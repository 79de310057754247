/**
 * `--jobs 1` against `--jobs 2` on the 10,000-file corpus (bench/corpus.ts), as alternating whole
 * processes (bench/processes.ts): the row gives the median of the per-round ratios with its spread
 * (min–max), never each side's best. Runs the committed bundle with every extractor on.
 * Target (issue 14): `--jobs 2` ≥ 1.6× faster than `--jobs 1`. A second row times the default job count
 * (idle cores, workers only once enough parse work is found) against `--jobs 1`: the default must never be slower.
 */
import { LINT_ARGS, mainCorpus, mb, ms, rolecall, rounds } from './cli.js';
import { sideBySide } from './processes.js';
import type { BenchContext, BenchRow } from './run.js';
import { formatRatio } from './stats.js';

export async function run(context: BenchContext): Promise<BenchRow[]> {
  const corpus = mainCorpus(context);
  const n = rounds(context, 3, 2);
  context.log(`--jobs 1 and --jobs 2 alternate, ${n} rounds`);
  const r = sideBySide(rolecall('--jobs 1', ['--jobs', '1', ...LINT_ARGS], corpus.dir), rolecall('--jobs 2', ['--jobs', '2', ...LINT_ARGS], corpus.dir), { rounds: n });
  const d = sideBySide(rolecall('--jobs 1', ['--jobs', '1', ...LINT_ARGS], corpus.dir), rolecall('default', LINT_ARGS, corpus.dir), { rounds: n });
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
  ];
}
