/**
 * What the CLI benchmarks share: the command that runs the committed CLI bundle (the product
 * users get, every extractor on), the corpus sizes and round counts of a full and a `--quick`
 * run, and how figures are printed.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureCorpus, type Corpus } from './corpus.js';
import type { Command } from './processes.js';
import type { BenchContext } from './run.js';

export const CLI_BUNDLE = fileURLToPath(new URL('../packages/cli/bundle/rolecall.js', import.meta.url));

/** `rolecall <args>` as a whole process; exit 1 (findings) counts as a good run. */
export function rolecall(label: string, args: readonly string[], cwd: string, env?: Record<string, string>): Command {
  if (!existsSync(CLI_BUNDLE)) throw new Error(`${CLI_BUNDLE} is missing: run \`pnpm build\``);
  return { label, argv: [process.execPath, CLI_BUNDLE, ...args], cwd, okStatus: [0, 1], ...(env !== undefined ? { env } : {}) };
}

/** The options of a full lint with every extractor on, output discarded (formatting is still done). */
export const LINT_OPTIONS = ['--format', 'json', '-o', '/dev/null', '--no-error-on-unmatched-pattern'] as const;
/** A full lint of `.`. */
export const LINT_ARGS = [...LINT_OPTIONS, '.'] as const;

/** The corpus the main rows use: 10,000 files (1,000 with `--quick`). */
export function mainCorpus(context: BenchContext): Corpus {
  return corpus(context.quick ? 1_000 : 10_000, context);
}

export function corpus(files: number, context: BenchContext): Corpus {
  context.log(`corpus of ${files.toLocaleString('en-US')} files (written once under the temp folder, then reused)`);
  return ensureCorpus(files);
}

/** Rounds for a row: `full` in a full run, `quick` with `--quick`. */
export function rounds(context: BenchContext, full: number, quick: number): number {
  return context.quick ? quick : full;
}

export const ms = (n: number): string => `${n >= 100 ? n.toFixed(0) : n.toFixed(1)} ms`;
export const mb = (bytes: number | undefined): string => (bytes === undefined ? 'n/a' : `${(bytes / 1e6).toFixed(0)} MB`);
export const count = (n: number): string => Math.round(n).toLocaleString('en-US');

/**
 * `name → figure` from one table of the CLI's `TIMING` report on stderr (packages/cli/src/timing-report.ts):
 * `Phase` (ms per phase) or `Thread` (CPU ms per thread, Linux only); throws when the table is missing.
 */
export function timingTable(report: string, header: 'Phase' | 'Thread'): Map<string, number> {
  const lines = report.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`${header} `));
  if (start < 0) throw new Error(`no TIMING ${header.toLowerCase()} table in the CLI's stderr:\n${report.slice(0, 500)}`);
  const out = new Map<string, number>();
  for (const line of lines.slice(start + 2)) {
    if (line.trim() === '') break;
    const [name, time] = line.split(' | ');
    out.set(name!.trim(), Number(time));
  }
  return out;
}
