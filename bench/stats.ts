/**
 * The pure arithmetic of side-by-side measurement (unit-tested in test/bench-harness.test.ts):
 * medians, spreads and per-round ratios. A ratio is taken within each round, between two runs
 * made next to each other, and the rounds' ratios are summarized; never each side's best, which
 * lets noise on one side move the ratio (issue 14: 1.80×, 0.73× and 1.23× for the same input).
 */

/** A summary of samples: the median with the smallest and largest value. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly n: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error('spread of no values');
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { median: median(values), min, max, n: values.length };
}

/** Per-round ratios `a[i] / b[i]`: both lists come from the same rounds, in order. */
export function roundRatios(a: readonly number[], b: readonly number[]): number[] {
  if (a.length !== b.length) throw new Error(`rounds differ: ${a.length} against ${b.length}`);
  return a.map((x, i) => x / b[i]!);
}

/**
 * The order of the two sides in round `round`: A first in even rounds, B first in odd ones, so
 * a drift in the machine's load (or a cache warmed by the first run) falls on both sides.
 */
export function roundOrder(round: number): readonly ['a', 'b'] | readonly ['b', 'a'] {
  return round % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const);
}

/** `1.23× (1.10–1.41)`: a ratio summary as the tables print it. */
export function formatRatio(s: Spread, digits = 2): string {
  return `${s.median.toFixed(digits)}× (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
}

/** Whether every value lies within ±`tolerance` (0.3 = 30 %) of `reference`. */
export function withinTolerance(values: readonly number[], reference: number, tolerance: number): boolean {
  // A relative epsilon, so 1.3 against 1 counts as within 30 % despite binary rounding.
  return values.every((v) => Math.abs(v - reference) <= tolerance * reference * (1 + 1e-12));
}
