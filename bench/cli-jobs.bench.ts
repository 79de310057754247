/**
 * `--jobs 1` against `--jobs 2` on the generated corpus: the two commands alternate as whole
 * processes, round after round, and the row gives the median of the per-round ratios with its
 * spread (min–max), never each side's best. Needs the bundled CLI (`pnpm build`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './corpus.js';
import type { BenchRow } from './run.js';

const BIN = fileURLToPath(new URL('../packages/cli/bin/rolecall.js', import.meta.url));
const ROUNDS = 7;

function timeRun(args: readonly string[], cwd: string): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`rolecall ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return performance.now() - start;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function run(): Promise<BenchRow[]> {
  if (!existsSync(fileURLToPath(new URL('../packages/cli/dist/bin.js', import.meta.url)))) {
    return [{ name: '--jobs 1 / --jobs 2', note: 'skipped: run `pnpm build` first (the bench times the bundled CLI)' }];
  }
  const rows: BenchRow[] = [];
  for (const files of [2_000, 10_000]) {
    const corpus = writeCorpus(files);
    try {
      const args = ['--format', 'json', '--no-error-on-unmatched-pattern', '.'];
      timeRun(['--jobs', '1', ...args], corpus); // warm the file cache
      const ratios: number[] = [];
      const one: number[] = [];
      const two: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        // Alternate which side goes first, so drift in the machine's load hits both.
        const a = round % 2 === 0 ? timeRun(['--jobs', '1', ...args], corpus) : NaN;
        const b = timeRun(['--jobs', '2', ...args], corpus);
        const c = round % 2 === 1 ? timeRun(['--jobs', '1', ...args], corpus) : a;
        one.push(c);
        two.push(b);
        ratios.push(c / b);
      }
      rows.push({
        name: `--jobs 1 / --jobs 2, ${files.toLocaleString('en-US')} files`,
        ratio: median(ratios),
        note: `median ${median(ratios).toFixed(2)}× (spread ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}) over ${ROUNDS} alternating rounds; --jobs 1 ${median(one).toFixed(0)} ms, --jobs 2 ${median(two).toFixed(0)} ms`,
      });
    } finally {
      rmSync(corpus, { recursive: true, force: true });
    }
  }
  return rows;
}
