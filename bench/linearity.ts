/**
 * The arithmetic of the scaling row (issue 14, "linear growth: time per file within ±30 % across
 * the 1k/10k/50k rows"), kept pure so bench/bench.test.ts can show what it accepts and rejects.
 *
 * A run over n files costs T(n) = fixed + Σ per-file costs. The fixed part is start-up, loading
 * every parser, and JIT warm-up: V8 runs a parser's code unoptimized until it is hot and optimizes
 * it on a background thread, so the first few hundred files of a run cost more than the rest.
 * Warm-up does not grow with n, but a fixed cost measured over one file of each kind leaves it
 * out, and dividing it by 1,000 files made the 1k row 1.39× the 10k row (idle machine) while 10k
 * and 50k agreed within 4 %. Measured by scale-14 (main-thread CPU, loaded machine, medians of
 * per-round differences over 4–6 rounds): the 1k corpus's files cost 0.80–0.88 ms/file as the
 * first files of a run, 0.78 after 500 other files and 0.70–0.76 after 1,000 (the 10k corpus:
 * 0.63–0.69); with `--no-opt --no-sparkplug` (no optimizing tiers) every copy costs the same, so
 * the excess is JIT warm-up, not growth.
 *
 * So the fixed cost is a run over a warm-up tree (files of the same kinds, another seed), and a
 * size's run lints the warm-up tree and the corpus together: time per file =
 * (T(warm-up + corpus) − T(warm-up)) / corpus files, per round, median — the cost of the corpus's
 * own files in a process that has started, loaded its parsers and warmed up, in whatever order it
 * reads them (warm-up is paid once in each of the two runs). Growth still shows: for
 * T = a + b·n + c·n² this is b + c·(n + 2·warm), which rises with n, so a quadratic term fails
 * the ±30 % check.
 */
import { median, withinTolerance } from './stats.js';

/** Per round, the time per file of the `files` a run lints beyond the warm-up run's. */
export function perFileByRound(run: readonly number[], warm: readonly number[], files: number): number[] {
  if (run.length !== warm.length) throw new Error(`rounds differ: ${run.length} against ${warm.length}`);
  if (files <= 0) throw new Error(`no files beyond the warm-up run: ${files}`);
  return run.map((t, i) => (t - warm[i]!) / files);
}

/** The median of `perFileByRound`. */
export function marginalPerFile(run: readonly number[], warm: readonly number[], files: number): number {
  return median(perFileByRound(run, warm, files));
}

/** One corpus size: the runs over warm-up tree + corpus, and over the warm-up tree alone, round by round (ms). */
export interface SizeRuns {
  readonly files: number;
  readonly run: readonly number[];
  readonly warm: readonly number[];
}

export interface Scaling {
  /** Each size's time per file (median over rounds) and its ratio to the reference size's (median of per-round ratios). */
  readonly sizes: readonly { readonly files: number; readonly perFile: number; readonly ratio: number; readonly ratios: readonly number[] }[];
  /** Every size's ratio within ±tolerance of 1. */
  readonly pass: boolean;
}

/**
 * Time per file at each size and its ratio to the reference size's. Every size runs in every
 * round (bench/scaling.bench.ts), so the ratio is taken within each round, between runs made
 * minutes apart at most, and a change of the machine's load between rounds moves all sizes alike.
 */
export function scaling(sizes: readonly SizeRuns[], referenceFiles: number, tolerance: number): Scaling {
  const reference = sizes.find((s) => s.files === referenceFiles);
  if (reference === undefined) throw new Error(`no run of ${referenceFiles} files to compare with`);
  const referenceRounds = perFileByRound(reference.run, reference.warm, reference.files);
  const rows = sizes.map((s) => {
    const rounds = perFileByRound(s.run, s.warm, s.files);
    if (rounds.length !== referenceRounds.length) throw new Error(`rounds differ: ${rounds.length} for ${s.files} files against ${referenceRounds.length} for ${referenceFiles}`);
    const ratios = rounds.map((p, i) => p / referenceRounds[i]!);
    return { files: s.files, perFile: median(rounds), ratio: median(ratios), ratios };
  });
  return {
    sizes: rows,
    pass: withinTolerance(
      rows.map((r) => r.ratio),
      1,
      tolerance,
    ),
  };
}
