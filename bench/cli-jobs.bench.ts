/**
 * `--jobs 1` against `--jobs 2`, and against the default job count (which must never be slower),
 * on the generated corpus: the commands alternate as whole processes, round after round (the order
 * rotates, so drift in the machine's load hits every side), and each row gives the median of the
 * per-round ratios with its spread (min–max), never each side's best. Needs the bundled CLI
 * (`pnpm build`).
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
      const sides = [
        { label: '--jobs 2', args: ['--jobs', '2', ...args] },
        { label: 'default --jobs', args },
      ];
      const one: number[] = [];
      const other: number[][] = sides.map(() => []);
      for (let round = 0; round < ROUNDS; round++) {
        // Rotate which side goes first, so drift in the machine's load hits all of them.
        const order = [-1, ...sides.map((_, i) => i)];
        for (let k = 0; k < order.length; k++) {
          const side = order[(k + round) % order.length]!;
          if (side < 0) one.push(timeRun(['--jobs', '1', ...args], corpus));
          else other[side]!.push(timeRun(sides[side]!.args, corpus));
        }
      }
      sides.forEach((side, i) => {
        const ratios = one.map((t, r) => t / other[i]![r]!);
        rows.push({
          name: `--jobs 1 / ${side.label}, ${files.toLocaleString('en-US')} files`,
          ratio: median(ratios),
          note: `median ${median(ratios).toFixed(2)}× (spread ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}) over ${ROUNDS} rotating rounds; --jobs 1 ${median(one).toFixed(0)} ms, ${side.label} ${median(other[i]!).toFixed(0)} ms`,
        });
      });
    } finally {
      rmSync(corpus, { recursive: true, force: true });
    }
  }
  return rows;
}
