/**
 * `pnpm bench [filter…] [--quick] [--json <file>] [--write <file>]`: runs every `bench/*.bench.ts`
 * (or those whose name contains a filter) in one process, one after another, and prints one table.
 * Benchmarks are scripts, never timed tests: each ratio is measured within one run, side by side,
 * against a named baseline (bench/processes.ts for whole processes, bench/harness.ts in-process).
 *
 * - `--quick`: fewer rounds and smaller corpora (see `BenchContext.quick`), for a check in a couple
 *   of minutes; its figures are indicative, the targets are stated for the full run.
 * - `--json <file>`: the machine line and every row as JSON (without it, one `JSON …` line is printed).
 * - `--write <file>`: puts the table, the machine line and the command into the file between the
 *   markers `<!-- bench:start -->` and `<!-- bench:end -->` (the rest of the file is kept), so
 *   `pnpm bench --write BENCHMARKS.md` regenerates the recorded run in one command. Both files are
 *   rewritten after every suite, so a run stopped part-way leaves what it measured (and says what is missing).
 *
 * Each module exports `run(context: BenchContext): Promise<BenchRow[]>`.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

export interface BenchRow {
  readonly name: string;
  readonly opsPerSec?: number;
  /** The row's headline figure as printed (`1.84× (1.70–2.02)`, `412 ms`); default from `opsPerSec`. */
  readonly result?: string;
  /** The goal the row is judged against, in words (`≤ 2× the floor`). */
  readonly target?: string;
  /** Whether the target is met; absent for rows without a target. */
  readonly pass?: boolean;
  readonly note?: string;
  readonly [key: string]: unknown;
}

export interface BenchContext {
  /** `--quick`: fewer rounds, smaller corpora. */
  readonly quick: boolean;
  /** Prints a progress line (stderr, so a table on stdout stays clean). */
  readonly log: (line: string) => void;
}

export interface Machine {
  readonly node: string;
  readonly cpu: string;
  readonly cpus: number;
  readonly memoryGiB: number;
  readonly platform: string;
  /** 1/5/15-minute load averages when the run started and when it ended. */
  readonly loadAtStart: readonly number[];
  loadAtEnd?: readonly number[];
}

export function machine(): Machine {
  const list = cpus();
  return {
    node: process.version,
    cpu: list[0]?.model.trim() ?? 'unknown cpu',
    cpus: list.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    platform: `${process.platform}-${process.arch}`,
    loadAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export function machineLine(m: Machine): string {
  const load = (l: readonly number[]): string => l.map((x) => x.toFixed(2)).join(' / ');
  const busy = (m.loadAtStart[0] ?? 0) > m.cpus * 0.25 ? ` — LOADED MACHINE (load ≥ ${(m.cpus * 0.25).toFixed(1)}): absolute times are inflated and noisy, only the side-by-side ratios mean much` : '';
  return `node ${m.node} on ${m.platform}, ${m.cpus} × ${m.cpu}, ${m.memoryGiB} GiB RAM; load average (1/5/15 min) at start ${load(m.loadAtStart)}${m.loadAtEnd !== undefined ? `, at end ${load(m.loadAtEnd)}` : ''}${busy}`;
}

type SuiteRow = BenchRow & { readonly suite: string };

function status(r: BenchRow): string {
  return r.pass === undefined ? (r.target === undefined ? '' : '—') : r.pass ? 'PASS' : 'MISS';
}

function headline(r: BenchRow): string {
  if (r.result !== undefined) return r.result;
  return typeof r.opsPerSec === 'number' ? `${Math.round(r.opsPerSec).toLocaleString('en-US')} ops/s` : '';
}

function markdownTable(rows: readonly SuiteRow[]): string {
  const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = ['| suite | row | result | target | status | details |', '|---|---|---|---|---|---|'];
  for (const r of rows) lines.push(`| ${cell(r.suite)} | ${cell(r.name)} | ${cell(headline(r))} | ${cell(r.target ?? '')} | ${status(r)} | ${cell(r.note ?? '')} |`);
  return lines.join('\n');
}

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/** The file with its generated block replaced (or appended when it has none). */
export function replaceBlock(existing: string, block: string): string {
  const body = `${START}\n${block}\n${END}`;
  const s = existing.indexOf(START);
  const e = existing.indexOf(END);
  if (s >= 0 && e > s) return existing.slice(0, s) + body + existing.slice(e + END.length);
  return `${existing}${existing === '' || existing.endsWith('\n') ? '' : '\n'}${body}\n`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string): string | undefined => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a file name`);
    args.splice(i, 2);
    return value;
  };
  const jsonFile = option('--json');
  const writeFile = option('--write');
  const quick = args.includes('--quick');
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--quick');
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(', ')} (pnpm bench [filter…] [--quick] [--json <file>] [--write <file>])`);
  const only = args.filter((a) => !a.startsWith('--'));

  const dir = fileURLToPath(new URL('.', import.meta.url));
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  if (files.length === 0) throw new Error(`no benchmark matches ${only.join(', ')}`);

  const m = machine();
  const started = new Date();
  const context: BenchContext = { quick, log: (line) => process.stderr.write(`  · ${line}\n`) };
  console.log(`rolecall benchmarks${quick ? ' (--quick)' : ''} — ${machineLine(m)}`);
  const all: SuiteRow[] = [];
  const done: string[] = [];
  const command = `pnpm bench${quick ? ' --quick' : ''}${only.length > 0 ? ` ${only.join(' ')}` : ''}`;
  const report = (complete: boolean) => {
    m.loadAtEnd = loadavg().map((l) => Math.round(l * 100) / 100);
    const seconds = Math.round((Date.now() - started.getTime()) / 1000);
    const missing = files.map((f) => f.replace(/\.bench\.ts$/, '')).filter((s) => !done.includes(s));
    return { command, startedAt: started.toISOString(), seconds, complete, ...(complete ? {} : { notRunYet: missing }), machine: m, rows: all };
  };
  // Written after every suite, so a run stopped part-way still leaves what it measured.
  const save = (complete: boolean): void => {
    const r = report(complete);
    if (jsonFile !== undefined) writeFileSync(jsonFile, `${JSON.stringify(r, null, 2)}\n`);
    if (writeFile === undefined) return;
    const block = [
      `Run \`${command}\` on ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${r.seconds} s${complete ? ' in all' : ` so far; not run yet: ${r.notRunYet?.join(', ')}`}.`,
      '',
      `Machine: ${machineLine(m)}.`,
      '',
      markdownTable(all),
    ].join('\n');
    writeFileSync(writeFile, replaceBlock(existsSync(writeFile) ? readFileSync(writeFile, 'utf8') : '', block));
  };
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as { run: (context: BenchContext) => Promise<BenchRow[]> };
    const suite = f.replace(/\.bench\.ts$/, '');
    console.log(`\n## ${suite}`);
    const t0 = performance.now();
    const rows = await mod.run(context);
    for (const r of rows) {
      const mark = status(r);
      console.log(`  ${r.name.padEnd(56)} ${headline(r).padStart(26)}  ${r.target !== undefined ? `[target ${r.target}: ${mark}] ` : ''}${r.note ?? ''}`);
      all.push({ suite, ...r });
    }
    context.log(`${suite} took ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    done.push(suite);
    save(false);
  }
  save(true);
  console.log(`\n${machineLine(m)}; ${Math.round((Date.now() - started.getTime()) / 1000)} s in all`);
  if (jsonFile === undefined) console.log(`\nJSON ${JSON.stringify(report(true))}`);
}

// Imported for its types by the bench modules and the harness test; runs only as the entry point.
const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  await main().catch((error: unknown) => {
    // A usage mistake or a failed side: say what, without a stack trace for the former.
    const usage = error instanceof Error && /^(unknown option|no benchmark matches|--\w+ needs)/.test(error.message);
    process.stderr.write(`pnpm bench: ${usage ? (error as Error).message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = usage ? 2 : 1;
  });
}
