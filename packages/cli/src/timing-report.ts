/**
 * `TIMING=1 rolecall …`: where the run's time went, as ESLint reports it with the same variable
 * (https://eslint.org/docs/latest/extend/custom-rules#profile-rule-performance): a Markdown table
 * of the rules that took longest (`Rule | Time (ms) | Relative`, 10 rows; `TIMING=<n>` shows n,
 * at least 10; `TIMING=all` every rule), preceded here by a table of the pipeline's phases with
 * their share of the run. Any non-empty value turns it on, as in ESLint. Unlike ESLint, the tables
 * go to stderr, so a JSON or SARIF report on stdout stays valid. Where the platform tells a
 * thread's CPU time (Linux), a third table gives it per thread (`Thread | CPU (ms) | Relative`):
 * the main thread, each `--jobs` worker, and the process's other threads (thread-cpu.ts).
 */
import type { Timing } from '@rolecall/core';
import { THREAD_ROWS } from './thread-cpu.js';

const MINIMUM_ROWS = 10;

/** Whether `TIMING` asks for the report (any non-empty value, as ESLint). */
export function timingEnabled(env: Readonly<Record<string, string | undefined>>): boolean {
  return env['TIMING'] !== undefined && env['TIMING'] !== '';
}

/** How many rules to list: ESLint's rule (`all`, a number above 10, else 10). */
export function listSize(value: string | undefined): number {
  if (value === undefined) return MINIMUM_ROWS;
  if (value.toLowerCase() === 'all') return Number.POSITIVE_INFINITY;
  const n = Number.parseInt(value, 10);
  return n > MINIMUM_ROWS ? n : MINIMUM_ROWS;
}

function table(headers: readonly [string, string, string], rows: readonly (readonly [string, number, number])[], digits = 3): string {
  const body = rows.map(([name, ms, share]) => [name, ms.toFixed(digits), `${(share * 100).toFixed(1)}%`] as const);
  const widths = headers.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ');
  // ESLint's alignment row: `:---|---:|---:`, as wide as the ` | `-joined rows.
  const rule = widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w)}` : i === widths.length - 1 ? `${'-'.repeat(w)}:` : `${'-'.repeat(w + 1)}:`)).join('|');
  return [line(headers), rule, ...body.map(line)].join('\n');
}

/** Phases in the order they first ran, each sub-phase (`parent › child`) right after its parent, shown as `  › child`. */
function orderPhases(phases: readonly (readonly [string, number])[]): [string, number][] {
  const out: [string, number][] = [];
  const top = phases.filter(([name]) => !name.includes(' › '));
  for (const [name, ms] of top) {
    out.push([name, ms]);
    for (const [child, childMs] of phases) if (child.startsWith(`${name} › `)) out.push([`  ›${child.slice(name.length + 2)}`, childMs]);
  }
  // Sub-phases whose parent was not recorded still show.
  for (const [name, ms] of phases) if (name.includes(' › ') && !top.some(([t]) => name.startsWith(`${t} › `))) out.push([name, ms]);
  return out;
}

/**
 * The report: phases (share of `totalMs`, the whole command from argument parsing to the written
 * report; `project pass › …` rows are parts of `project pass`), then the slowest rules (share of
 * all rule time), as `TIMING` asks.
 */
export function formatTiming(timing: Timing, totalMs: number, value: string | undefined): string {
  const phases = orderPhases([...timing.phases]).map(([name, ms]) => [name, ms, totalMs > 0 ? ms / totalMs : 0] as const);
  phases.push(['total', totalMs, 1]);
  const ruleTotal = [...timing.rules.values()].reduce((a, b) => a + b, 0);
  const rules = [...timing.rules]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, listSize(value))
    .map(([id, ms]) => [id, ms, ruleTotal > 0 ? ms / ruleTotal : 0] as const);
  const report = `${table(['Phase', 'Time (ms)', 'Relative'], phases)}\n\n${table(['Rule', 'Time (ms)', 'Relative'], rules)}\n`;
  return timing.threads.size === 0 ? report : `${report}\n${threadTable(timing.threads)}\n`;
}

/** CPU per thread: the main thread, the workers in the order they started, the other threads, and the total (share of it). */
function threadTable(threads: ReadonlyMap<string, number>): string {
  const named = [THREAD_ROWS.main as string, THREAD_ROWS.other as string];
  const order = [THREAD_ROWS.main, ...[...threads.keys()].filter((name) => !named.includes(name)), THREAD_ROWS.other].filter((name) => threads.has(name));
  const total = [...threads.values()].reduce((a, b) => a + b, 0);
  const rows = order.map((name) => [name, threads.get(name)!, total > 0 ? threads.get(name)! / total : 0] as const);
  // /proc counts in 10 ms ticks: whole milliseconds say all there is.
  return table(['Thread', 'CPU (ms)', 'Relative'], [...rows, ['total', total, 1]], 0);
}
