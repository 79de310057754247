/**
 * `pnpm bench`: runs every `bench/*.bench.ts` in one process, one after another, and prints one
 * table plus a JSON line. Each module exports `run(): Promise<BenchRow[]>`. Benchmarks are scripts,
 * never timed tests: ratios are measured within one run against a named baseline.
 */
import { readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

export interface BenchRow {
  readonly name: string;
  readonly opsPerSec?: number;
  readonly note?: string;
  readonly [key: string]: unknown;
}

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const all: (BenchRow & { suite: string })[] = [];
console.log(`rolecall benchmarks — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`);
for (const f of files) {
  const mod = (await import(pathToFileURL(join(dir, f)).href)) as { run: () => Promise<BenchRow[]> };
  const suite = f.replace(/\.bench\.ts$/, '');
  console.log(`\n## ${suite}`);
  const rows = await mod.run();
  for (const r of rows) {
    const ops = typeof r.opsPerSec === 'number' ? `${Math.round(r.opsPerSec).toLocaleString('en-US')} ops/s` : '';
    console.log(`  ${r.name.padEnd(58)} ${ops.padStart(18)}  ${r.note ?? ''}`);
    all.push({ suite, ...r });
  }
}
console.log(`\nJSON ${JSON.stringify(all)}`);
