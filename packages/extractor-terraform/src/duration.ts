/**
 * Go's `time.ParseDuration`, which the AWS provider and the S3 backend use for `duration`
 * (`1h`, `2h45m`, `900s`, `1.5h`). Hand-written because it is ~40 lines and no npm package follows
 * Go's grammar exactly (units ns us µs μs ms s m h, signs, fractions, a lone "0").
 */

const UNITS: Readonly<Record<string, number>> = { ns: 1e-9, us: 1e-6, 'µs': 1e-6, 'μs': 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };

export type GoDuration =
  | { readonly ok: true; readonly seconds: number }
  /** `reason`: what Go says is wrong, in the words of the finding. */
  | { readonly ok: false; readonly reason: 'missing-unit' | 'unknown-unit' | 'invalid'; readonly unit?: string };

export function parseGoDuration(text: string): GoDuration {
  let s = text;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return { ok: true, seconds: 0 };
  if (s === '') return { ok: false, reason: 'invalid' };
  let total = 0;
  const re = /^(\d*)(?:\.(\d*))?([^\d.]*)/;
  while (s !== '') {
    const m = re.exec(s)!;
    const [all, int = '', frac, unit = ''] = m;
    if (int === '' && (frac === undefined || frac === '')) return { ok: false, reason: 'invalid' };
    if (unit === '') return { ok: false, reason: 'missing-unit' };
    const factor = UNITS[unit];
    if (factor === undefined) return { ok: false, reason: 'unknown-unit', unit };
    total += Number(`${int || '0'}.${frac ?? '0'}`) * factor;
    s = s.slice(all.length);
  }
  return { ok: true, seconds: sign * total };
}
