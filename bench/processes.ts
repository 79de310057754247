/**
 * Whole processes side by side, for every CLI figure: the two commands alternate (A,B then B,A in
 * the next round, see `roundOrder`), many rounds, and the result is the median of the per-round
 * time ratios with its spread, plus each side's median wall time and peak RSS.
 *
 * Peak RSS is the child's own high-water mark, as the kernel counts it: GNU time's `%M` (maximum
 * resident set size in KB, from wait4's rusage) when /usr/bin/time exists, else a preload that
 * writes `process.resourceUsage().maxRSS` when the child exits (node children only). Wall time is
 * taken in this process around the whole child, so start-up counts, as a user sees it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { roundOrder, roundRatios, spread, type Spread } from './stats.js';

export interface Command {
  readonly label: string;
  /** Program and arguments; `process.execPath` for node. */
  readonly argv: readonly [string, ...string[]];
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string>>;
  /** Exit codes that mean the run worked (rolecall exits 1 when it has findings). */
  readonly okStatus?: readonly number[];
}

export interface Sample {
  readonly ms: number;
  /** Peak resident set size in bytes, when it could be measured. */
  readonly peakRss: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
}

export interface SideResult {
  readonly label: string;
  readonly ms: Spread;
  /** Peak RSS in bytes over all rounds (the largest, as a limit is about the worst run). */
  readonly peakRss: number | undefined;
}

export interface SideBySide {
  readonly a: SideResult;
  readonly b: SideResult;
  /** Per-round `a / b` time ratios. */
  readonly ratio: Spread;
  readonly rounds: number;
  /** How peak RSS was measured. */
  readonly rssMethod: string;
  /** Each round's wall times, in round order. */
  readonly samples: { readonly a: readonly number[]; readonly b: readonly number[] };
}

const GNU_TIME = '/usr/bin/time';
const HAS_GNU_TIME = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;
export const RSS_METHOD = HAS_GNU_TIME ? 'GNU time %M (kernel rusage)' : 'process.resourceUsage().maxRSS at exit (preload)';

let scratch: string | undefined;
function scratchDir(): string {
  scratch ??= mkdtempSync(join(tmpdir(), 'rolecall-bench-proc-'));
  return scratch;
}
process.once('exit', () => {
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
});

/** The preload for machines without GNU time: a CommonJS file node loads with `--require`. */
function preloadFile(): string {
  const path = join(scratchDir(), 'max-rss.cjs');
  if (!existsSync(path)) {
    writeFileSync(path, "process.on('exit', () => require('node:fs').writeFileSync(process.env.ROLECALL_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n");
  }
  return path;
}

/** Runs one command to its end; throws when it fails, so a broken side never yields a figure. */
export function runOnce(command: Command): Sample {
  const rssFile = join(scratchDir(), `rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  let argv: readonly string[] = command.argv;
  const env: Record<string, string | undefined> = { ...process.env, ...command.env };
  if (HAS_GNU_TIME) argv = [GNU_TIME, '-f', '%M', '-o', rssFile, ...command.argv];
  else if (command.argv[0] === process.execPath) {
    argv = [process.execPath, '--require', preloadFile(), ...command.argv.slice(1)];
    env.ROLECALL_BENCH_RSS_FILE = rssFile;
  }
  const start = performance.now();
  const r = spawnSync(argv[0]!, argv.slice(1), { cwd: command.cwd, env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - start;
  const ok = command.okStatus ?? [0];
  if (r.error !== undefined || r.status === null || !ok.includes(r.status)) {
    throw new Error(`${command.label}: ${r.error?.message ?? `exit ${r.status ?? r.signal}`}\n${(r.stderr ?? '').slice(0, 2000)}`);
  }
  let peakRss: number | undefined;
  if (existsSync(rssFile)) {
    // GNU time writes its own lines first when the child failed; the figure is the last line. Both give KB.
    const kb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
    if (Number.isFinite(kb) && kb > 0) peakRss = kb * 1024;
    rmSync(rssFile, { force: true });
  }
  return { ms, peakRss, stdout: r.stdout, stderr: r.stderr };
}

export interface SideBySideOptions {
  readonly rounds: number;
  /** Untimed runs of each side first (file cache, lazy compilation caches). */
  readonly warmup?: number;
  /** Called with each round's samples (a check that both sides did the same work, say). */
  readonly check?: (a: Sample, b: Sample) => void;
}

/** Runs A and B alternately, `rounds` times, and summarizes the per-round ratios `A / B`. */
export function sideBySide(a: Command, b: Command, options: SideBySideOptions): SideBySide {
  for (let i = 0; i < (options.warmup ?? 1); i++) {
    runOnce(a);
    runOnce(b);
  }
  const ta: number[] = [];
  const tb: number[] = [];
  const rss = { a: [] as number[], b: [] as number[] };
  for (let round = 0; round < options.rounds; round++) {
    const samples: Partial<Record<'a' | 'b', Sample>> = {};
    for (const side of roundOrder(round)) samples[side] = runOnce(side === 'a' ? a : b);
    const sa = samples.a!;
    const sb = samples.b!;
    options.check?.(sa, sb);
    ta.push(sa.ms);
    tb.push(sb.ms);
    if (sa.peakRss !== undefined) rss.a.push(sa.peakRss);
    if (sb.peakRss !== undefined) rss.b.push(sb.peakRss);
  }
  const side = (command: Command, ms: number[], peaks: number[]): SideResult => ({
    label: command.label,
    ms: spread(ms),
    peakRss: peaks.length > 0 ? Math.max(...peaks) : undefined,
  });
  return { a: side(a, ta, rss.a), b: side(b, tb, rss.b), ratio: spread(roundRatios(ta, tb)), rounds: options.rounds, rssMethod: RSS_METHOD, samples: { a: ta, b: tb } };
}
