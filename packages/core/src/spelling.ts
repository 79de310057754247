/**
 * Messages in the user's own spelling. Rules write one message per fact in STS terms
 * (`{{parameter}} is {{actual}}; STS accepts {{min}} to {{max}}.`); this step, run once for every
 * finding, fills those placeholders the way the user wrote the value: `duration "13h"` is 46800
 * seconds; STS accepts 900 to 43200 (15m to 12h). It also adds how the reading tool converted the
 * text (configure-aws-credentials' `parseInt`) and where a value resolved from another place came from.
 */
import type { CallParameter, DurationUnit, ValueNode } from './call.js';

type Data = Readonly<Record<string, string | number>> | undefined;

/** `46800` → `13h`, `5400` → `1h30m`, `90` → `1m30s` (Go's `time.Duration` String, whole seconds). */
export function formatGoDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  const sign = seconds < 0 ? '-' : '';
  let rest = Math.abs(seconds);
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  const s = rest - m * 60;
  let out = '';
  if (h > 0) out += `${h}h`;
  if (m > 0 || (h > 0 && s > 0)) out += `${m}m`;
  if (s > 0 || out === '') out += `${s}s`;
  return sign + out;
}

/** A number of seconds in the unit the user wrote. */
export function formatSeconds(seconds: number, unit: DurationUnit): string {
  switch (unit) {
    case 'go-duration':
      return formatGoDuration(seconds);
    case 'hours':
      return `${seconds / 3600} h`;
    case 'minutes':
      return `${seconds / 60} min`;
    case 'seconds':
      return `${seconds} s`;
  }
}

function finiteNumber(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+(?:\.\d+)?$/.test(value) ? Number(value) : undefined;
  return n !== undefined && Number.isFinite(n) ? n : undefined;
}

/**
 * The report's data with the user's spelling filled in, and a suffix for the message. Only
 * placeholders that a template may use are touched; the raw `data` on the diagnostic stays as the
 * rule gave it, for machine readers.
 */
export function spellData(data: Data, node: ValueNode | undefined, parameter: CallParameter | undefined): { data: Data; suffix: string } {
  let suffix = '';
  if (node?.definedAt !== undefined) suffix += ` The value comes from ${node.definedAt.description}.`;
  const written = node?.kind === 'literal' ? node.written : undefined;
  if (written === undefined || data === undefined) return { data, suffix };
  const out: Record<string, string | number> = { ...data };
  if (typeof out['parameter'] === 'string' && written.text !== JSON.stringify(node?.kind === 'literal' ? node.value : undefined)) {
    out['parameter'] = `${out['parameter']} ${written.text}`;
  }
  const value = node?.kind === 'literal' ? node.value : undefined;
  const isDuration = parameter?.member === 'DurationSeconds';
  if (isDuration && typeof value === 'number' && finiteNumber(out['actual']) === value) {
    out['actual'] = `${value} ${value === 1 ? 'second' : 'seconds'}`;
  }
  const min = finiteNumber(out['min']);
  const max = finiteNumber(out['max']);
  if (isDuration && written.unit !== undefined && written.unit !== 'seconds' && min !== undefined && max !== undefined) {
    out['max'] = `${out['max']} (${formatSeconds(min, written.unit)} to ${formatSeconds(max, written.unit)})`;
  }
  if (written.conversion !== undefined) suffix = ` ${written.conversion}` + suffix;
  return { data: out, suffix };
}
