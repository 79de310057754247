/**
 * The project pass's share of a lint run, from the CLI's own `TIMING=1` report (phases on stderr,
 * see packages/cli/src/timing-report.ts): `project pass` (extractor project hooks, rules per file,
 * cross-file rules, suppressions) against the run's total (argument parsing to the written report;
 * process start-up, measured by cold-start, is outside it). `--jobs 1`, so reading and parsing are
 * counted in the same thread. No target in issue 14: the row shows where time goes beyond parsing.
 */
import { LINT_ARGS, mainCorpus, ms, rolecall, rounds, timingTable } from './cli.js';
import { runOnce } from './processes.js';
import type { BenchContext, BenchRow } from './run.js';
import { spread } from './stats.js';

/** `phase → ms` from the phase table of a `TIMING` report. */
export function phaseTimes(report: string): Map<string, number> {
  return timingTable(report, 'Phase');
}

export async function run(context: BenchContext): Promise<BenchRow[]> {
  const corpus = mainCorpus(context);
  const n = rounds(context, 3, 1);
  context.log(`TIMING=1 --jobs 1, ${n} runs`);
  const command = rolecall('rolecall TIMING=1 --jobs 1', ['--jobs', '1', ...LINT_ARGS], corpus.dir, { TIMING: '1' });
  runOnce(command); // warm the file cache
  const shares: number[] = [];
  const parts = { project: [] as number[], parse: [] as number[], total: [] as number[] };
  for (let i = 0; i < n; i++) {
    const phases = phaseTimes(runOnce(command).stderr);
    const total = phases.get('total')!;
    const project = phases.get('project pass')!;
    shares.push(project / total);
    parts.project.push(project);
    parts.parse.push(phases.get('read, prefilter and parse')!);
    parts.total.push(total);
  }
  const s = spread(shares);
  const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
  return [
    {
      name: `project pass share of lint time, ${corpus.files.toLocaleString('en-US')} files`,
      result: `${pct(s.median)} (${pct(s.min)}–${pct(s.max)})`,
      share: s,
      note: `median of ${n} runs of TIMING=1 --jobs 1: project pass ${ms(spread(parts.project).median)}, read/prefilter/parse ${ms(spread(parts.parse).median)}, total ${ms(spread(parts.total).median)}`,
    },
  ];
}
