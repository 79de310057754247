/**
 * Linear growth: the CLI on the 1k, 10k and 50k corpora (the same mix: the smaller corpus is the
 * start of the larger), each run linting a warm-up tree together with the corpus, and alternating
 * with a run over the warm-up tree alone. The warm-up tree is 1,000 files of the same generator with
 * another seed (joined by the first file of any kind with AssumeRole parameters they lack): a run
 * over it pays what any run pays whatever its size — start-up, the loading of every parser, and JIT warm-up
 * (V8 optimizes a parser only once it is hot, so the first files of a run cost more). Time per
 * file = (warm-up tree + corpus − warm-up tree alone) / corpus files, per round, median: the cost
 * of the corpus's own files, all of them, in a process that has warmed up (the arithmetic and why
 * it still catches real growth: bench/linearity.ts, tested in bench/bench.test.ts). The raw wall
 * time per file of the corpus alone is not measured any more; the note gives the two runs' times.
 *
 * Why not a run over one file of each kind (the method until scale-14): it leaves out JIT warm-up,
 * about 300 ms on the idle machine, which divided by 1,000 files made the 1k row 1.39× the 10k row
 * while 10k and 50k agreed within 4 % (and (T(10k) − T(1k)) / 9,000 = 0.70 ms/file, as the 50k
 * row: the runs grow linearly beyond the first files). Measured on a loaded machine (main-thread
 * CPU, medians of per-round differences over 4–6 rounds): the 1k corpus's files cost 0.80–0.88
 * ms/file as the first files of a run, 0.78 after 500 other files, 0.70–0.76 after 1,000 (the 10k
 * corpus: 0.63–0.69); with `--no-opt --no-sparkplug` (no optimizing tiers) every copy costs the
 * same: the excess is JIT warm-up, and it lasts about 1,000 files, hence the tree's size. The
 * warm-up files are another seed's, not the corpus's first files, so no content is linted twice
 * and each row covers its whole corpus (a 500-file slice of the corpus differs in mix: files
 * 501–1,000 hold 3× the average share of shell scripts with `aws sts assume-role`).
 *
 * Both sides run with `--jobs 1`: by default a run of 256 files or more starts worker threads
 * (each loading the parsers again) and a small run does not, which put the workers' start into the
 * 1k row's time per file (the first recorded run gave 2.49× / 1.00× / 0.67× for 1k / 10k / 50k that
 * way). Every size runs in every round (3 rounds, about a minute each on the idle machine), and a
 * size's ratio to the 10k row is the median of per-round ratios: until scale-14 the sizes ran
 * minutes apart, one after another, so a change of load between them moved the row (on a loaded
 * machine the 50k row came out 1.57× in one run and 0.85× in the next). Target (issue 14): time per
 * file within ±30 % across sizes (judged against the 10k row). `--quick` uses 1k, 2k and 5k files.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { corpus, LINT_OPTIONS, mb, ms, rolecall } from './cli.js';
import { DEFAULT_SEED, generateCorpus, type CorpusFile } from './corpus.js';
import { runOnce } from './processes.js';
import type { BenchContext, BenchRow } from './run.js';
import { scaling } from './linearity.js';
import { formatRatio, median, roundOrder, spread } from './stats.js';

const TOLERANCE = 0.3;

/** Files of another seed's corpus in the warm-up tree (plus the first file of each kind with parameters, if not among them). */
export const WARM_FILES = 1_000;
const WARM_SEED = DEFAULT_SEED + 1;

/**
 * The warm-up tree's files: the first `WARM_FILES` files of the corpus of seed `WARM_SEED` plus
 * the first file of each kind holding AssumeRole parameters among its first 2,000 (so every parser
 * is loaded and warmed).
 */
export function* warmUpFiles(): Generator<CorpusFile> {
  const seen = new Set<string>();
  let index = 0;
  for (const file of generateCorpus(2_000, WARM_SEED)) {
    const firstOfKind = file.relevant && !seen.has(file.kind);
    if (file.relevant) seen.add(file.kind);
    if (index++ < WARM_FILES || firstOfKind) yield file;
  }
}

/** The warm-up tree on disk: its folder and file count. */
function warmUpTree(): { dir: string; files: number } {
  const dir = mkdtempSync(join(tmpdir(), 'rolecall-warm-'));
  let files = 0;
  for (const file of warmUpFiles()) {
    mkdirSync(dirname(join(dir, file.name)), { recursive: true });
    writeFileSync(join(dir, file.name), file.bytes);
    files++;
  }
  return { dir, files };
}

export async function run(context: BenchContext): Promise<BenchRow[]> {
  const sizes = context.quick ? [1_000, 2_000, 5_000] : [1_000, 10_000, 50_000];
  const rounds = 3;
  const reference = sizes[1]!;
  const warm = warmUpTree();
  try {
    // Both runs of a size in the corpus's folder, so the lint's working directory (config, ignores) is the same.
    const options = ['--jobs', '1', ...LINT_OPTIONS];
    const steps = sizes.map((files) => {
      const dir = corpus(files, context).dir;
      return {
        files,
        withCorpus: rolecall(`rolecall --jobs 1, warm-up tree + ${files} files`, [...options, warm.dir, '.'], dir),
        alone: rolecall(`rolecall --jobs 1, the ${warm.files.toLocaleString('en-US')}-file warm-up tree`, [...options, warm.dir], dir),
        run: [] as number[],
        warm: [] as number[],
        peaks: [] as number[],
      };
    });
    // Untimed first runs (file cache, lazy compilation caches), but not of the largest corpus (about 35 s).
    for (const step of steps.slice(0, -1)) {
      runOnce(step.withCorpus);
      runOnce(step.alone);
    }
    // Every size in every round (ascending, then descending), each size's two runs next to each
    // other in alternating order: the ratio between sizes is then taken within a round.
    for (let round = 0; round < rounds; round++) {
      context.log(`round ${round + 1} of ${rounds}: ${sizes.map((n) => n.toLocaleString('en-US')).join(', ')} files, each with the ${warm.files.toLocaleString('en-US')}-file warm-up tree and against it alone`);
      for (const step of round % 2 === 0 ? steps : [...steps].reverse()) {
        for (const side of roundOrder(round)) {
          const sample = runOnce(side === 'a' ? step.withCorpus : step.alone);
          (side === 'a' ? step.run : step.warm).push(sample.ms);
          if (side === 'a' && sample.peakRss !== undefined) step.peaks.push(sample.peakRss);
        }
      }
    }
    const runs = steps.map((step) => ({ files: step.files, run: step.run, warm: step.warm, wall: median(step.run), start: median(step.warm), peakRss: step.peaks.length > 0 ? Math.max(...step.peaks) : undefined }));
    const result = scaling(runs, reference, TOLERANCE);
    return runs.map((m, i) => {
      const { perFile, ratios } = result.sizes[i]!;
      return {
        name: `time per file (--jobs 1), ${m.files.toLocaleString('en-US')} files`,
        result: `${(perFile * 1000).toFixed(0)} µs/file (${formatRatio(spread(ratios))} the ${reference.toLocaleString('en-US')} row, ${rounds} rounds)`,
        target: `within ±30 % across sizes`,
        pass: result.pass,
        perFileMs: perFile,
        note: `fixed cost subtracted (start-up, parser loading and JIT warm-up: a run over a ${warm.files.toLocaleString('en-US')}-file warm-up tree, ${ms(m.start)}; with the corpus ${ms(m.wall)}); peak RSS ${mb(m.peakRss)}`,
      };
    });
  } finally {
    rmSync(warm.dir, { recursive: true, force: true });
  }
}
