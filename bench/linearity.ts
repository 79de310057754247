/**
 * The arithmetic of the scaling row (issue 14, "linear growth: time per file within ±30 % across
 * the 1k/10k/50k rows"), kept pure so bench/bench.test.ts can show what it accepts and rejects.
 *
 * A run over n files costs T(n) = fixed + Σ per-file costs. The fixed part is start-up, loading
 * every parser, and JIT warm-up: V8 runs a parser's code unoptimized until it is hot, and
 * optimizes it on a background thread, so the first few hundred files of a run cost more than the
 * rest. That warm-up does not grow with n, but a fixed cost measured over one file of each kind
 * leaves it out, and dividing it by 1,000 files made the 1k row 1.39× the 10k row (idle machine)
 * while 10k and 50k agreed within 4 %. Measured (scale-14, main-thread CPU on a loaded machine):
 * the same 1,000 files cost 0.84 ms/file as the first 1,000 of a run and 0.67–0.76 ms/file as the
 * second; with V8's optimizing tiers off (`--no-opt --no-sparkplug`) every copy costs the same.
 *
 * So the fixed cost is a run over the first `warm` files of the same corpus (which hold the first
 * file of every kind, so it loads every parser and warms them), and time per file at size n is the
 * marginal cost of the other n − warm files: (T(n) − T(warm)) / (n − warm), per round, median.
 * The warm files are a subset of every corpus (the corpora are prefixes of one another), so the
 * subtraction removes the same files' work. Growth still shows: for T = a + b·n + c·n² this gives
 * b + c·(n + warm), which rises with n, so a quadratic term fails the ±30 % check.
 */
import { median, withinTolerance } from './stats.js';

/** Per round, the marginal time per file of the files a run holds beyond the warm-up run's. */
export function marginalPerFile(run: readonly number[], warm: readonly number[], files: number, warmFiles: number): number {
  if (run.length !== warm.length) throw new Error(`rounds differ: ${run.length} against ${warm.length}`);
  if (files <= warmFiles) throw new Error(`a run of ${files} files measures nothing beyond the ${warmFiles} warm-up files`);
  return median(run.map((t, i) => (t - warm[i]!) / (files - warmFiles)));
}

/** One corpus size: its runs' times and the warm-up run's, in the same rounds (ms). */
export interface SizeRuns {
  readonly files: number;
  readonly run: readonly number[];
  readonly warm: readonly number[];
}

export interface Scaling {
  readonly sizes: readonly { readonly files: number; readonly perFile: number; readonly ratio: number }[];
  /** Every size's time per file within ±tolerance of the reference size's. */
  readonly pass: boolean;
}

/** Time per file at each size (`marginalPerFile`), over the reference size's, and the verdict. */
export function scaling(sizes: readonly SizeRuns[], warmFiles: number, referenceFiles: number, tolerance: number): Scaling {
  const perFile = sizes.map((s) => ({ files: s.files, perFile: marginalPerFile(s.run, s.warm, s.files, warmFiles) }));
  const reference = perFile.find((s) => s.files === referenceFiles);
  if (reference === undefined) throw new Error(`no run of ${referenceFiles} files to compare with`);
  return {
    sizes: perFile.map((s) => ({ ...s, ratio: s.perFile / reference.perFile })),
    pass: withinTolerance(
      perFile.map((s) => s.perFile),
      reference.perFile,
      tolerance,
    ),
  };
}
