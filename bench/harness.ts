/**
 * In-process side-by-side timing for the benchmark rows.
 *
 * Why side by side: on a shared machine the load changes from one second to the next. Timing each side in its own
 * rounds and keeping each side's best lets noise on one side move the ratio (three runs once gave 1.80×, 0.73× and
 * 1.23× for the same input). Here the two functions alternate in short slices (10 ms by default) within one round,
 * the side that goes first alternates from round to round, and every round yields one ratio of the two sides' cost
 * per call, measured within a few milliseconds of each other. A row reports the median of those per-round ratios
 * and their spread (min–max and interquartile range), never a best-of-N.
 *
 * Calls are timed in batches (sized during warm-up so that one batch takes about a millisecond), so reading the
 * clocks costs nothing measurable even for sub-microsecond calls. The cost of a call is CPU time
 * (`process.cpuUsage`, microsecond resolution on Linux; the whole process, so V8's GC threads count): on a shared
 * machine a slice can wait for a core longer than it runs, which wall time would charge to whichever side it hit.
 * Wall time is kept too, per side, beside CPU time for rows stated per CPU-second.
 *
 * The statistics and the slice scheduler are pure given a clock; `test/bench-harness.test.ts` runs them with a
 * fake clock.
 */

export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** First and third quartiles (linear interpolation between order statistics). */
  readonly q1: number;
  readonly q3: number;
  readonly n: number;
}

/** The `q` quantile (0–1) of already sorted values, linearly interpolated (the usual "type 7" definition). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new Error('quantile of no values');
  const pos = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

export function median(values: readonly number[]): number {
  return quantile([...values].sort((a, b) => a - b), 0.5);
}

export function spreadOf(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5),
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    n: sorted.length,
  };
}

/** `1.23× (IQR 1.20–1.27, min–max 1.15–1.40, 31 rounds)`. */
export function formatSpread(s: Spread, digits = 2): string {
  const f = (x: number): string => x.toFixed(digits);
  return `${f(s.median)}× (IQR ${f(s.q1)}–${f(s.q3)}, min–max ${f(s.min)}–${f(s.max)}, ${s.n} rounds)`;
}

/** A target for a ratio or a rate, printed with the row and checked against the median. */
export interface Target {
  readonly op: '<=' | '>=';
  readonly value: number;
}

export function meets(value: number, target: Target): boolean {
  return target.op === '<=' ? value <= target.value : value >= target.value;
}

/** `target ≤ 1.5×: PASS`. */
export function verdict(value: number, target: Target, unit = '×'): string {
  return `target ${target.op === '<=' ? '≤' : '≥'} ${target.value.toLocaleString('en-US')}${unit}: ${meets(value, target) ? 'PASS' : 'MISS'}`;
}

export interface Clock {
  /** Wall time in milliseconds. */
  readonly now: () => number;
  /** CPU time of the process in milliseconds (user + system). */
  readonly cpu: () => number;
}

export const realClock: Clock = {
  now: () => performance.now(),
  cpu: () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  },
};

export interface SideBySideOptions {
  /** Rounds, each one slice of every side. */
  readonly rounds?: number;
  /** Length of one slice in milliseconds of CPU time. */
  readonly sliceMs?: number;
  /** Warm-up per side before the first round (JIT, caches), also used to size the batches. */
  readonly warmupMs?: number;
  /** Target length of one timed batch in milliseconds. */
  readonly batchMs?: number;
  readonly clock?: Clock;
}

export interface SideTotals {
  readonly calls: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  /** Calls per wall second and per CPU second over all slices. */
  readonly perSec: number;
  readonly perCpuSec: number;
}

export interface SideBySideResult {
  /** Per-round cost ratio: `sides[i]` CPU time per call over `sides[0]`'s; `ratios[0]` is all ones. */
  readonly ratios: readonly Spread[];
  readonly totals: readonly SideTotals[];
}

let sink: unknown;

/** Calls `fn` `n` times; the result goes to a module variable so the work cannot be optimised away. */
function batch(fn: () => unknown, n: number): void {
  for (let i = 0; i < n; i++) sink = fn();
}

/** Batch size for which one batch of `fn` takes about `batchMs`, found by doubling. */
function batchSize(fn: () => unknown, warmupMs: number, batchMs: number, clock: Clock): number {
  let n = 1;
  const end = clock.now() + warmupMs;
  for (;;) {
    const t0 = clock.now();
    batch(fn, n);
    const took = clock.now() - t0;
    if (took < batchMs && n < 1 << 24) n *= 2;
    if (clock.now() >= end) return n;
  }
}

/**
 * One slice: whole batches until `sliceMs` of CPU time has passed (or ten times that of wall time, should the
 * process get no CPU at all). CPU time, not wall time, because on a loaded machine a slice is often descheduled for
 * longer than it runs, and that wait says nothing about the function.
 */
function slice(fn: () => unknown, n: number, sliceMs: number, clock: Clock): { calls: number; wallMs: number; cpuMs: number } {
  const c0 = clock.cpu();
  const t0 = clock.now();
  let calls = 0;
  let cpu = 0;
  let wall = 0;
  do {
    batch(fn, n);
    calls += n;
    cpu = clock.cpu() - c0;
    wall = clock.now() - t0;
  } while (cpu < sliceMs && wall < 10 * sliceMs);
  return { calls, wallMs: wall, cpuMs: cpu };
}

/**
 * Times `sides` against each other: `sides[0]` is the baseline. Every round runs one slice of each side, in an
 * order that rotates from round to round, and records each side's time per call relative to the baseline's.
 */
export function sideBySide(sides: readonly (() => unknown)[], options: SideBySideOptions = {}): SideBySideResult {
  const { rounds = 31, sliceMs = 10, warmupMs = 150, batchMs = 1, clock = realClock } = options;
  if (sides.length < 2) throw new Error('sideBySide needs a baseline and at least one other side');
  const sizes = sides.map((fn) => batchSize(fn, warmupMs, batchMs, clock));
  const perRound: number[][] = sides.map(() => []);
  const totals = sides.map(() => ({ calls: 0, wallMs: 0, cpuMs: 0 }));
  for (let r = 0; r < rounds; r++) {
    const cost: number[] = new Array<number>(sides.length);
    for (let k = 0; k < sides.length; k++) {
      const i = (r + k) % sides.length; // rotate who goes first
      const s = slice(sides[i] as () => unknown, sizes[i] as number, sliceMs, clock);
      cost[i] = (s.cpuMs > 0 ? s.cpuMs : s.wallMs) / s.calls;
      const t = totals[i] as { calls: number; wallMs: number; cpuMs: number };
      t.calls += s.calls;
      t.wallMs += s.wallMs;
      t.cpuMs += s.cpuMs;
    }
    for (let i = 0; i < sides.length; i++) (perRound[i] as number[]).push((cost[i] as number) / (cost[0] as number));
  }
  if (sink === Symbol.for('rolecall.bench.never')) console.log(sink);
  return {
    ratios: perRound.map(spreadOf),
    totals: totals.map((t) => ({ ...t, perSec: (t.calls * 1000) / t.wallMs, perCpuSec: t.cpuMs > 0 ? (t.calls * 1000) / t.cpuMs : Infinity })),
  };
}

export interface RateResult {
  /** Calls per CPU-second, one figure per slice. */
  readonly perCpuSec: Spread;
  readonly totals: SideTotals;
}

/**
 * An absolute rate, for rows stated per CPU-second: `fn` alone in `rounds` slices, each slice's calls per CPU-second,
 * median with spread. Alone, because a function timed beside another one pays for part of the other's garbage
 * collection (they share a heap); the figure still depends on the machine, so it is printed with it, and a ratio
 * measured side by side stays the figure to compare.
 */
export function rate(fn: () => unknown, options: SideBySideOptions = {}): RateResult {
  const { rounds = 31, sliceMs = 10, warmupMs = 150, batchMs = 1, clock = realClock } = options;
  const n = batchSize(fn, warmupMs, batchMs, clock);
  const rates: number[] = [];
  const t = { calls: 0, wallMs: 0, cpuMs: 0 };
  for (let r = 0; r < rounds; r++) {
    const s = slice(fn, n, sliceMs, clock);
    rates.push((s.calls * 1000) / (s.cpuMs > 0 ? s.cpuMs : s.wallMs));
    t.calls += s.calls;
    t.wallMs += s.wallMs;
    t.cpuMs += s.cpuMs;
  }
  if (sink === Symbol.for('rolecall.bench.never')) console.log(sink);
  return {
    perCpuSec: spreadOf(rates),
    totals: { ...t, perSec: (t.calls * 1000) / t.wallMs, perCpuSec: t.cpuMs > 0 ? (t.calls * 1000) / t.cpuMs : Infinity },
  };
}
