/**
 * `formatEstimateTable`: the estimate as a plain-text table (component, session-token bytes, legacy %), then
 * `SessionTokenSize` and `SessionTokenUtilization` with their band, the legacy percentages, and the verdict. Used by `rolecall estimate`; pure, no colours, no trailing spaces.
 */
import type { BreakdownEntry, SessionTokenEstimate, PercentBand } from './types.js';

/** Fits every label the estimator writes (longest: an inherited tag with a 32-character key and a 256-character value). */
const LABEL_MAX = 72;
const pct = (x: number): string => x.toFixed(1);
const fit = (s: string, n: number): string => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

function bandText(b: PercentBand): string {
  return `${pct(b.percent)} % (${pct(b.low)}–${pct(b.high)})`;
}

export function formatEstimateTable(estimate: SessionTokenEstimate): string {
  const { sessionToken, legacy, breakdown, verdict, verdicts, notes } = estimate;
  const labels = breakdown.map((e) => fit(e.label, LABEL_MAX));
  const width = Math.max('Component'.length, 'Total'.length + 2, ...labels.map((l) => l.length + 2));
  const row = (label: string, tokenCol: string, legacyCol: string): string =>
    `${label.padEnd(width)}  ${tokenCol.padStart(11)}  ${legacyCol.padStart(9)}`.replace(/\s+$/u, '');

  const lines: string[] = [row('Component', 'Token bytes', 'Legacy %')];
  const section = (title: string, entries: BreakdownEntry[], total: string[]): void => {
    lines.push(title);
    for (const e of entries) lines.push(row(`  ${fit(e.label, LABEL_MAX)}`, String(e.sessionTokenBytes), e.component === 'token' ? '—' : pct(e.legacyPercent)));
    for (const line of total) lines.push(line);
  };
  const policy = breakdown.filter((e) => e.component === 'policy');
  const tags = breakdown.filter((e) => e.component === 'tags');
  const base = breakdown.filter((e) => e.component === 'token');
  const sum = (es: BreakdownEntry[]): number => es.reduce((s, e) => s + e.sessionTokenBytes, 0);
  section('Policy (legacy check: "Packed policy consumes N%")', policy, [row('  Total', String(sum(policy)), pct(legacy.policy.percent))]);
  section('Tags (legacy check: "Packed size of session tags consumes N%")', tags, [row('  Total', String(sum(tags)), pct(legacy.tags.percent))]);
  section('Session token', base, [row('  Total', String(sessionToken.sessionTokenSize), '')]);
  lines.push('');
  const floor = sessionToken.minimumSessionTokenSize !== undefined ? `, at least MinimumSessionTokenSize ${sessionToken.minimumSessionTokenSize}` : '';
  lines.push(`SessionTokenSize: ${sessionToken.sessionTokenSize} bytes (${sessionToken.low}–${sessionToken.high}) of ${sessionToken.limit}${floor}`);
  lines.push(`SessionTokenUtilization: ${pct(sessionToken.sessionTokenUtilization)} %`);
  lines.push(`Legacy PackedPolicySize, ${legacy.regime}, deprecated by STS since 2026-06-17 (may still apply in aws-cn): policy ${bandText(legacy.policy)}, tags ${bandText(legacy.tags)} of 100 %`);
  lines.push(`Verdict: ${verdict} (session token: ${verdicts.sessionToken}, legacy: ${verdicts.legacy})`);
  for (const n of notes) lines.push(`Note: ${n}`);
  return `${lines.join('\n')}\n`;
}
