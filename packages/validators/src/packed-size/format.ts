/**
 * `formatEstimateTable`: the estimate as a plain-text table (component, legacy %, token bytes), then
 * the bands and the verdict. Used by `rolecall estimate`; pure, no colours, no trailing spaces.
 */
import type { BreakdownEntry, PackedSizeEstimate, PercentBand } from './types.js';

/** Fits every label the estimator writes (longest: an inherited tag with a 32-character key and a 256-character value). */
const LABEL_MAX = 72;
const pct = (x: number): string => x.toFixed(1);
const fit = (s: string, n: number): string => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

function bandText(b: PercentBand): string {
  return `${pct(b.percent)} % (${pct(b.low)}–${pct(b.high)})`;
}

export function formatEstimateTable(estimate: PackedSizeEstimate): string {
  const { legacy, token, breakdown, verdict, verdicts, notes } = estimate;
  const labels = breakdown.map((e) => fit(e.label, LABEL_MAX));
  const width = Math.max('Component'.length, 'Total'.length + 2, ...labels.map((l) => l.length + 2));
  const row = (label: string, legacyCol: string, tokenCol: string): string =>
    `${label.padEnd(width)}  ${legacyCol.padStart(9)}  ${tokenCol.padStart(11)}`.replace(/\s+$/u, '');

  const lines: string[] = [row('Component', 'Legacy %', 'Token bytes')];
  const section = (title: string, entries: BreakdownEntry[], total: string[]): void => {
    lines.push(title);
    for (const e of entries) lines.push(row(`  ${fit(e.label, LABEL_MAX)}`, e.component === 'token' ? '—' : pct(e.legacyPercent), String(e.tokenBytes)));
    for (const line of total) lines.push(line);
  };
  const policy = breakdown.filter((e) => e.component === 'policy');
  const tags = breakdown.filter((e) => e.component === 'tags');
  const base = breakdown.filter((e) => e.component === 'token');
  const sum = (es: BreakdownEntry[]): number => es.reduce((s, e) => s + e.tokenBytes, 0);
  section('Policy (legacy check: "Packed policy consumes N%")', policy, [row('  Total', pct(legacy.policy.percent), String(sum(policy)))]);
  section('Tags (legacy check: "Packed size of session tags consumes N%")', tags, [row('  Total', pct(legacy.tags.percent), String(sum(tags)))]);
  section('Session token', base, [row('  Total', '', String(token.bytes))]);
  lines.push('');
  lines.push(`Packed size, ${legacy.regime}: policy ${bandText(legacy.policy)}, tags ${bandText(legacy.tags)} of 100 %`);
  lines.push(`Session token: ${token.bytes} bytes (${token.low}–${token.high}) of ${token.limit} (${pct(token.utilization)} %)`);
  lines.push(`Verdict: ${verdict} (legacy: ${verdicts.legacy}, token: ${verdicts.token})`);
  for (const n of notes) lines.push(`Note: ${n}`);
  return `${lines.join('\n')}\n`;
}
