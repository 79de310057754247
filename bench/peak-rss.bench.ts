/**
 * Peak RSS beyond the 10,000-file corpus (cli-floor has that row): one file with 400,000 findings, the
 * largest such file the default size limit lets in (4 MiB, about two million findings), and the
 * 50,000-file corpus, with the floor's peak on the same corpus beside it (the parsers' own share).
 * Each file is an input JSON whose Tags are numbers (`[1,1,…]`): one finding every two bytes, the
 * densest input known. The CLI runs as users get it (the committed bundle, default `--jobs`, JSON
 * formatted); the report's totals are checked, so a run that counted less never gives a figure.
 * Target (issue 14): peak RSS < 400 MB for any run, however many findings a file has.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFloor } from './build-floor.js';
import { corpus, count, LINT_ARGS, mb, rolecall } from './cli.js';
import { runOnce, RSS_METHOD, type Sample } from './processes.js';
import type { BenchContext, BenchRow } from './run.js';

const RSS_LIMIT = 400e6;
const ROLE = 'arn:aws:iam::731902345678:role/deploy';
/** The CLI's default `--max-file-size` (read.ts: MAX_FILE_BYTES). */
const DEFAULT_LIMIT = 4 * 1024 * 1024;

/** An input JSON with `tags` numbers as Tags: `tags` invalidType findings plus one tooManyItems. */
function findingsFile(tags: number): string {
  return JSON.stringify({ RoleArn: ROLE, RoleSessionName: 'deploy', Tags: Array.from({ length: tags }, () => 1) });
}

function largest(samples: readonly Sample[]): number | undefined {
  const peaks = samples.map((s) => s.peakRss).filter((p): p is number => p !== undefined);
  return peaks.length > 0 ? Math.max(...peaks) : undefined;
}

function rssRow(name: string, samples: readonly Sample[], note: string): BenchRow {
  const peakRss = largest(samples);
  return { name, result: mb(peakRss), target: '< 400 MB', ...(peakRss !== undefined ? { pass: peakRss < RSS_LIMIT } : {}), peakRss, note: `largest of ${samples.length} run${samples.length === 1 ? '' : 's'} (${RSS_METHOD}); ${note}` };
}

export async function run(context: BenchContext): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'rolecall-peak-rss-'));
  const rows: BenchRow[] = [];
  try {
    // Largest tag count whose file stays within the default size limit.
    const maxTags = Math.floor((DEFAULT_LIMIT - findingsFile(0).length) / 2);
    for (const tags of [400_000, maxTags]) {
      const text = findingsFile(tags);
      const file = join(dir, `assume-role-${tags}.json`);
      writeFileSync(file, text);
      const n = tags === 400_000 ? (context.quick ? 1 : 3) : 1;
      context.log(`one file with ${count(tags + 1)} findings (${(text.length / 1e6).toFixed(1)} MB), ${n} run${n === 1 ? '' : 's'}`);
      const samples: Sample[] = [];
      for (let i = 0; i < n; i++) {
        const sample = runOnce(rolecall(`rolecall, ${tags} findings`, ['--format', 'json', file], dir));
        const report = JSON.parse(sample.stdout) as { results: { errorCount: number; messages: unknown[] }[] };
        const [result] = report.results;
        if (result?.errorCount !== tags + 1) throw new Error(`expected ${tags + 1} errors, got ${result?.errorCount}`);
        samples.push(sample);
      }
      const listed = (JSON.parse(samples[0]!.stdout) as { results: { messages: unknown[] }[] }).results[0]!.messages.length;
      rows.push(rssRow(`rolecall peak RSS, one file with ${count(tags + 1)} findings (${(text.length / 1e6).toFixed(1)} MB)`, samples, `${count(tags + 1)} errors counted, ${count(listed)} listed`));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const files = context.quick ? 10_000 : 50_000;
  const c = corpus(files, context);
  const floorBundle = await buildFloor();
  context.log(`${count(files)} files: rolecall, then the floor, once each`);
  const cli = runOnce(rolecall(`rolecall, ${files} files`, LINT_ARGS, c.dir));
  const floor = runOnce({ label: 'floor', argv: [process.execPath, floorBundle, c.dir] });
  rows.push(rssRow(`rolecall peak RSS, ${count(files)} files, ${(c.bytes / 1e6).toFixed(0)} MB`, [cli], `the floor (walk, read, prefilter, parse) ${mb(floor.peakRss)} on the same corpus`));
  return rows;
}
