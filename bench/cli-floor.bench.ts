/**
 * The CLI against the floor (bench/floor.ts) on the 10,000-file / ~110 MB corpus: whole processes,
 * alternating, median of per-round ratios. The CLI runs as users get it: the committed bundle,
 * every extractor on, default `--jobs`, JSON formatted to /dev/null. Also each side's throughput
 * (corpus files and bytes per second of wall time) and peak RSS.
 * Targets (issue 14): lint ≤ 2× the floor; peak RSS < 400 MB.
 */
import { buildFloor } from './build-floor.js';
import { count, LINT_ARGS, mainCorpus, mb, ms, rolecall, rounds } from './cli.js';
import { sideBySide } from './processes.js';
import type { BenchContext, BenchRow } from './run.js';
import { formatRatio } from './stats.js';

const RSS_LIMIT = 400e6;

export async function run(context: BenchContext): Promise<BenchRow[]> {
  const corpus = mainCorpus(context);
  const floorBundle = await buildFloor();
  const n = rounds(context, 3, 2);
  context.log(`CLI and floor alternate, ${n} rounds after a warm-up pair`);
  let floorCounts = '';
  const result = sideBySide(
    rolecall('rolecall (every extractor, default --jobs)', LINT_ARGS, corpus.dir),
    { label: 'floor', argv: [process.execPath, floorBundle, corpus.dir] },
    {
      rounds: n,
      check: (_cli, floor) => {
        floorCounts = floor.stdout.trim();
      },
    },
  );
  const counts = JSON.parse(floorCounts) as { read: number; parsed: number };
  const size = `${count(corpus.files)} files, ${(corpus.bytes / 1e6).toFixed(0)} MB`;
  const throughput = (wallMs: number): string => `${count(corpus.files / (wallMs / 1000))} files/s, ${(corpus.bytes / 1e6 / (wallMs / 1000)).toFixed(1)} MB/s`;
  return [
    {
      name: `rolecall / floor, ${size}`,
      result: formatRatio(result.ratio),
      target: '≤ 2×',
      pass: result.ratio.median <= 2,
      ratio: result.ratio,
      note: `median of ${n} alternating rounds (spread min–max); rolecall ${ms(result.a.ms.median)}, floor ${ms(result.b.ms.median)}; the floor read ${count(counts.read)} files and parsed ${count(counts.parsed)}`,
    },
    { name: 'rolecall throughput', result: throughput(result.a.ms.median), ms: result.a.ms, note: `wall time ${ms(result.a.ms.median)} (${ms(result.a.ms.min)}–${ms(result.a.ms.max)}), start-up included` },
    { name: 'floor throughput', result: throughput(result.b.ms.median), ms: result.b.ms, note: `wall time ${ms(result.b.ms.median)} (${ms(result.b.ms.min)}–${ms(result.b.ms.max)})` },
    {
      name: `rolecall peak RSS, ${size}`,
      result: mb(result.a.peakRss),
      target: '< 400 MB',
      ...(result.a.peakRss !== undefined ? { pass: result.a.peakRss < RSS_LIMIT } : {}),
      peakRss: result.a.peakRss,
      note: `largest of ${n} runs (${result.rssMethod}); floor ${mb(result.b.peakRss)}`,
    },
  ];
}
