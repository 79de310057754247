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
 * way). The sizes run minutes apart, so on a loaded machine a change of load moves this row more
 * than the side-by-side ones. Target (issue 14): time per file within ±30 % across sizes (judged
 * against the 10k row). `--quick` uses 1k, 2k and 5k files.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { corpus, LINT_OPTIONS, mb, ms, rolecall } from './cli.js';
import { DEFAULT_SEED, generateCorpus, type CorpusFile } from './corpus.js';
import { sideBySide } from './processes.js';
import type { BenchContext, BenchRow } from './run.js';
import { scaling, type SizeRuns } from './linearity.js';

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
  const plan = context.quick
    ? [
        { files: 1_000, rounds: 3, warmup: 1 },
        { files: 2_000, rounds: 1, warmup: 1 },
        { files: 5_000, rounds: 1, warmup: 0 },
      ]
    : [
        { files: 1_000, rounds: 7, warmup: 1 },
        { files: 10_000, rounds: 2, warmup: 1 },
        { files: 50_000, rounds: 2, warmup: 0 },
      ];
  const reference = plan[1]!.files;
  const warm = warmUpTree();
  try {
    const runs: (SizeRuns & { wall: number; start: number; peakRss: number | undefined })[] = [];
    for (const step of plan) {
      const c = corpus(step.files, context);
      context.log(`${step.files.toLocaleString('en-US')} files and the ${warm.files.toLocaleString('en-US')}-file warm-up tree against the warm-up tree alone, ${step.rounds} rounds`);
      // Both in the corpus's folder, so the lint's working directory (config, ignores) is the same.
      const options = ['--jobs', '1', ...LINT_OPTIONS];
      const r = sideBySide(
        rolecall(`rolecall --jobs 1, warm-up tree + ${step.files} files`, [...options, warm.dir, '.'], c.dir),
        rolecall(`rolecall --jobs 1, the ${warm.files.toLocaleString('en-US')}-file warm-up tree`, [...options, warm.dir], c.dir),
        { rounds: step.rounds, warmup: step.warmup },
      );
      runs.push({ files: step.files, run: r.samples.a, warm: r.samples.b, wall: r.a.ms.median, start: r.b.ms.median, peakRss: r.a.peakRss });
    }
    const result = scaling(runs, reference, TOLERANCE);
    return runs.map((m, i) => {
      const { perFile, ratio } = result.sizes[i]!;
      return {
        name: `time per file (--jobs 1), ${m.files.toLocaleString('en-US')} files`,
        result: `${(perFile * 1000).toFixed(0)} µs/file (${ratio.toFixed(2)}× the ${reference.toLocaleString('en-US')} row)`,
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
