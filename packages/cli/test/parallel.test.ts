// --jobs: which thread parses which file (the scheduler), when workers start, and that the
// result never depends on it.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Extractor } from '@rolecall/core';
import type { FileJob, ParseJob } from '../src/extract-files.js';
import { loadDefaultRegistry } from '../src/load-registry.js';
import { defaultJobs, prepareExtraction } from '../src/parallel.js';
import { Scheduler } from '../src/scheduler.js';

/** A stand-in extractor: only `id` and whether it has a parser to load matter to the scheduler. */
function extractor(id: string, loads: boolean): Extractor {
  return { id, files: [], prefilter: () => true, extract: () => ({ calls: [], comments: [], problems: [] }), ...(loads ? { load: async () => {} } : {}) } as Extractor;
}
const ts = extractor('typescript', true);
const tf = extractor('terraform', true);
const json = extractor('input-json', false);

/** A job of `kib` KiB read by `e`. */
function job(e: Extractor, kib: number, path = `f.${e.id}`): ParseJob {
  return { path, text: 'x'.repeat(kib * 1024), extractors: [e] };
}

describe('scheduler', () => {
  it('gives a thread a kind no other thread claimed, and keeps it there', () => {
    const s = new Scheduler();
    const worker = s.addThread();
    s.add(0, job(ts, 8));
    s.add(1, job(ts, 8));
    const first = s.take(worker, 0);
    assert.deepEqual(first.map((p) => p.index), [0]);
    // TypeScript is the worker's now; two small files do not repay loading it in the main thread.
    assert.deepEqual(s.take(Scheduler.MAIN, 0), []);
    assert.deepEqual(s.take(worker, 0).map((p) => p.index), [1]);
  });

  it('lets any thread take files whose extractor has no parser to load', () => {
    const s = new Scheduler();
    const worker = s.addThread();
    s.add(0, job(json, 1));
    s.add(1, job(json, 1));
    assert.deepEqual(s.take(worker, 0).map((p) => p.index), [0]);
    assert.deepEqual(s.take(Scheduler.MAIN, 0).map((p) => p.index), [1]);
  });

  it('loads another thread’s parser once the backlog is larger than the load', () => {
    const s = new Scheduler();
    const worker = s.addThread();
    s.add(0, job(tf, 1));
    const first = s.take(worker, 0);
    s.done(first, worker, first[0]!.ms + 30);
    // Terraform: ~30 ms to load, ~0.85 ms per KiB. 10 KiB waiting does not pay for a second load...
    s.add(1, job(tf, 10));
    assert.deepEqual(s.take(Scheduler.MAIN, 0), []);
    // ...200 KiB more does.
    s.add(2, job(tf, 200));
    assert.equal(s.take(Scheduler.MAIN, 0).length, 1);
  });

  it('prefers a parser it has loaded over a free kind, and a free kind over helping', () => {
    const s = new Scheduler();
    const worker = s.addThread();
    s.add(0, job(tf, 1));
    s.take(worker, 0);
    s.add(1, job(ts, 400));
    s.add(2, job(tf, 1));
    assert.deepEqual(s.take(worker, 0).map((p) => p.index), [2]);
    assert.deepEqual(s.take(worker, 0).map((p) => p.index), [1]);
  });

  it('fills a batch up to its budget, at least one file, and keeps count of what waits', () => {
    const s = new Scheduler();
    const worker = s.addThread();
    for (let i = 0; i < 10; i++) s.add(i, job(json, 20));
    assert.equal(s.pendingCount, 10);
    assert.equal(s.pendingBytes, 10 * 20 * 1024);
    // input-json: ~0.05 ms per KiB, so 20 KiB is ~1 ms (plus the per-file share).
    const batch = s.take(worker, 3);
    assert.equal(batch.length, 2);
    assert.equal(s.take(worker, 0).length, 1);
    assert.equal(s.pendingCount, 7);
    s.done(batch, worker, 2);
    assert.equal(s.inFlight(2).index, 2);
    assert.throws(() => s.inFlight(0), /was not sent/);
  });

  it('corrects its estimates by the measured speed of each thread', () => {
    const backlog = (slowdown: number): number => {
      const s = new Scheduler();
      const worker = s.addThread();
      s.add(0, job(tf, 100));
      const first = s.take(worker, 0);
      s.done(first, worker, slowdown * (first[0]!.ms + 30));
      s.add(1, job(tf, 30));
      return s.take(Scheduler.MAIN, 0).length;
    };
    // ~26 ms waiting for the worker against a 30 ms load: the main thread leaves it...
    assert.equal(backlog(1), 0);
    // ...unless the worker turns out ten times slower than estimated (a busy machine).
    assert.equal(backlog(10), 1);
  });
});

describe('the default job count', () => {
  it('is the idle cores: the cores minus the load average, rounded, at least 1', () => {
    assert.equal(defaultJobs(2, 0), 2);
    assert.equal(defaultJobs(2, 0.4), 2);
    assert.equal(defaultJobs(2, 0.6), 1);
    assert.equal(defaultJobs(8, 2.2), 6);
    assert.equal(defaultJobs(2, 15), 1);
    assert.equal(defaultJobs(1, 0), 1);
  });
});

describe('workers', () => {
  let root: string;
  let jobs: FileJob[];
  before(() => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'rolecall-parallel-')));
    mkdirSync(join(root, 'src'));
    jobs = [];
    for (let i = 0; i < 6; i++) {
      const path = `src/a${i}.json`;
      writeFileSync(join(root, path), JSON.stringify({ RoleArn: 'arn:aws:iam::123456789012:role/r', RoleSessionName: i % 2 === 0 ? 'bad name' : 'ok', DurationSeconds: 900 + i }));
      jobs.push({ path, absolutePath: join(root, path), explicit: false });
    }
    writeFileSync(join(root, 'src/unrelated.json'), '{"name": "x"}');
    jobs.push({ path: 'src/unrelated.json', absolutePath: join(root, 'src/unrelated.json'), explicit: false });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('start only when the parse work pays for them by default, at once when --jobs is given, with the same result', async () => {
    const registry = await loadDefaultRegistry();
    const inline = await prepareExtraction(registry, { jobs: 1, explicitJobs: true, defaultRegistry: true }).extract(jobs);
    const byDefault = prepareExtraction(registry, { jobs: 2, explicitJobs: false, defaultRegistry: true });
    assert.deepEqual(await byDefault.extract(jobs), inline);
    assert.equal(byDefault.workers, 0);
    const given = prepareExtraction(registry, { jobs: 2, explicitJobs: true, defaultRegistry: true });
    assert.equal(given.workers, 1);
    assert.deepEqual(await given.extract(jobs), inline);
    assert.equal(inline.filter((f) => f.parts.length > 0).length, 6);
  });
});
