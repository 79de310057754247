/**
 * `--jobs N`: the main thread walks, reads and prefilters every file (cheap, and it decides how
 * much parse work there is); the files that passed are parsed by the main thread and up to N - 1
 * worker threads. The project pass and the rules run after they join, in the main thread, so
 * results do not depend on N: each file's extraction is put back at its index.
 *
 * Why not one worker per core from the start: a worker costs a thread start plus loading the
 * registry, and each parser it loads costs again (TypeScript alone ~350 ms), while on a typical
 * repository only a few percent of files pass the prefilters. So workers start only once the
 * parse work found so far pays for them, and parse work is steered by parser: a thread keeps to
 * the parsers it has loaded, and loads another thread's parser only when enough of that kind is
 * left to repay the load (`scheduler.ts`).
 *
 * What N threads can gain is bounded by CPU time, not by this split: V8 compiles hot code and
 * collects garbage on helper threads, so a one-thread run already keeps part of a second core busy
 * (on the bench corpus 7.4 s on the main thread of 10.8 s in all; `--jobs 2` needs about 11.1 s, so
 * 2 cores allow it about 1.3–1.4×). `TIMING=1` shows CPU per thread (thread-cpu.ts), and the
 * cli-jobs bench prints that bound beside the measured ratio.
 */
import type { ExtractedFile, Timing } from '@rolecall/core';
import { availableParallelism, loadavg } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { extractJob, parseJob, readJob, type FileJob } from './extract-files.js';
import type { Registry } from './registry.js';
import { Scheduler, type Pending } from './scheduler.js';
import type { WorkerReply, WorkerRequest } from './worker-protocol.js';

/**
 * Estimated parse work (ms, parser loads left out) found before a default `--jobs` starts a
 * worker: a worker's start and registry load (~100 ms on its own core) and the hand-over must be
 * repaid by the share it parses. An explicit `--jobs` starts one before the walk.
 */
export const MIN_PARSE_MS_FOR_WORKERS = 200;
/** Text held for parsing (bytes) after which the main thread parses while it reads, to bound memory. */
const MAX_PENDING_BYTES = 32 * 1024 * 1024;
/** Estimated work per message to a worker (ms): small enough to balance the end, large enough to keep messages few. */
const BATCH_MS = 8;
/** Batches a worker holds at once, so it never waits for the main thread between two. */
const IN_FLIGHT = 2;

/**
 * The default job count: the cores that are idle, as `make -l` judges it (cores minus the
 * one-minute load average, rounded). A worker on a core that other processes keep busy only adds
 * its start-up and its own parser loads to the run: on a 2-core machine at a load average of
 * 15–20, `--jobs 2` took about 1.3× as long as `--jobs 1` on the bench corpus. Where the platform
 * has no load average (Windows reports 0) this is the number of cores.
 */
export function defaultJobs(cores: number = availableParallelism(), load: number = loadavg()[0] ?? 0): number {
  return Math.max(1, Math.min(cores, Math.round(cores - load)));
}

export interface ExtractAllOptions {
  /** Threads to use at most, the main thread included; 1 extracts in the main thread. */
  readonly jobs: number;
  /** The job count was chosen by the user (`--jobs`): a worker starts at the first file to parse. */
  readonly explicitJobs: boolean;
  /** Workers load the default registry; a custom registry (API) is extracted in the main thread. */
  readonly defaultRegistry: boolean;
  readonly onProgress?: (done: number, total: number) => void;
  /** `TIMING=1`: each worker's CPU time goes to `timing.threads` as `worker <n>` (thread-cpu.ts). */
  readonly timing?: Timing;
}

/**
 * In the bundle the worker is dist/worker.js beside this chunk. From sources (tests run through
 * tsx) it is worker.ts, and a worker thread does not inherit the parent's `--import tsx` loader
 * hooks, so a two-line bootstrap registers tsx in the worker before importing it.
 */
function startWorker(measureCpu: boolean): Worker {
  // node:worker_threads loads when the first worker starts, not at every start-up (most runs start none); synchronously.
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  const workerData = { measureCpu };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url), { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`, { eval: true, workerData });
}

/** Reading and extracting for one run; `prepareExtraction` before discovery, `extract` after. */
export interface Extraction {
  /** Reads and extracts every job, in the jobs' order. Never throws for a file's problem. */
  extract(jobs: readonly FileJob[]): Promise<ExtractedFile[]>;
  /** Worker threads started so far. */
  readonly workers: number;
}

/**
 * Call before walking the tree: with an explicit `--jobs` above 1 the first worker starts now, so
 * its start-up overlaps the walk and the reading; otherwise workers start (or not) as the parse
 * work is found.
 */
export function prepareExtraction(registry: Pick<Registry, 'extractors'>, options: ExtractAllOptions): Extraction {
  if (options.jobs <= 1 || !options.defaultRegistry) {
    return { extract: (jobs) => extractInline(jobs, registry, options.onProgress), workers: 0 };
  }
  return new Run(registry, options);
}

async function extractInline(jobs: readonly FileJob[], registry: Pick<Registry, 'extractors'>, onProgress?: (done: number, total: number) => void): Promise<ExtractedFile[]> {
  const out: ExtractedFile[] = [];
  for (const job of jobs) {
    out.push(await extractJob(job, registry));
    onProgress?.(out.length, jobs.length);
    // Let progress output and signals through on long runs.
    if (out.length % 64 === 0) await new Promise((r) => setImmediate(r));
  }
  return out;
}

/** A worker thread as the run sees it. */
interface Thread {
  readonly worker: Worker;
  /** Scheduler id of this thread. */
  readonly id: number;
  inFlight: number;
}

/** A failed file as a tool failure of that file (the worker caught the error). */
function failure(path: string, message: string): ExtractedFile {
  return {
    path,
    text: '',
    parts: [{ extractor: 'read', calls: [], roles: [], facts: [], comments: [], problems: [{ message: `rolecall failed on this file: ${message}`, span: { start: 0, end: 0 } }] }],
  };
}

/** One lint run's reading and parsing with workers started as the work warrants. */
class Run implements Extraction {
  private jobs: readonly FileJob[] = [];
  private results: (ExtractedFile | undefined)[] = [];
  private readonly scheduler: Scheduler;
  private readonly threads: Thread[] = [];
  private done = 0;
  private failed: unknown;
  /** Wakes the main thread when it waits for a worker's reply. */
  private wake: (() => void) | undefined;

  constructor(
    private readonly registry: Pick<Registry, 'extractors'>,
    private readonly options: ExtractAllOptions,
  ) {
    this.scheduler = new Scheduler();
    if (options.explicitJobs) this.start();
  }

  get workers(): number {
    return this.threads.length;
  }

  async extract(jobs: readonly FileJob[]): Promise<ExtractedFile[]> {
    this.jobs = jobs;
    this.results = new Array(jobs.length);
    try {
      for (let i = 0; i < this.jobs.length; i++) {
        const read = readJob(this.jobs[i]!, this.registry);
        if ('extractors' in read) this.scheduler.add(i, read);
        else this.finish(i, read);
        this.grow();
        this.feed();
        if (this.scheduler.pendingBytes > MAX_PENDING_BYTES) await this.parseOne();
        // Let worker replies (and progress output, signals) through while reading.
        if (i % 32 === 31) await new Promise((r) => setImmediate(r));
        this.check();
      }
      // Reading is done: the main thread parses beside the workers until every file is back.
      for (;;) {
        this.check();
        this.feed();
        if (await this.parseOne()) continue;
        if (this.scheduler.pendingCount === 0 && this.threads.every((t) => t.inFlight === 0)) break;
        await new Promise<void>((r) => (this.wake = r));
      }
      this.check();
      if (this.options.timing !== undefined) await this.askCpu();
      return this.results as ExtractedFile[];
    } finally {
      for (const t of this.threads) void t.worker.terminate();
    }
  }

  /** `TIMING=1`: an empty request to each worker, whose reply carries the thread's CPU time up to its last file. */
  private async askCpu(): Promise<void> {
    for (const thread of this.threads) {
      thread.inFlight++;
      thread.worker.postMessage({ files: [] } satisfies WorkerRequest);
    }
    while (this.threads.some((t) => t.inFlight > 0)) {
      this.check();
      await new Promise<void>((r) => (this.wake = r));
    }
  }

  private check(): void {
    if (this.failed !== undefined) throw this.failed;
  }

  private finish(index: number, file: ExtractedFile): void {
    this.results[index] = file;
    this.options.onProgress?.(++this.done, this.jobs.length);
  }

  /** Parses one job in the main thread, if the scheduler gives it one; yields after it so replies get in. */
  private async parseOne(): Promise<boolean> {
    const job = this.scheduler.take(Scheduler.MAIN, 0)[0];
    if (job === undefined) return false;
    const start = performance.now();
    this.finish(job.index, await parseJob(job.job, this.registry));
    this.scheduler.done([job], Scheduler.MAIN, performance.now() - start);
    if (this.threads.length > 0) await new Promise((r) => setImmediate(r));
    return true;
  }

  /** Starts a worker while the parse work found so far pays for another thread. */
  private grow(): void {
    if (this.threads.length >= this.options.jobs - 1 || this.scheduler.pendingCount === 0) return;
    // Worker k starts once k shares of work are found (an explicit --jobs started the first before the walk).
    const shares = this.options.explicitJobs ? this.threads.length : this.threads.length + 1;
    if (this.scheduler.foundMs < shares * MIN_PARSE_MS_FOR_WORKERS) return;
    this.start();
  }

  private start(): void {
    const timing = this.options.timing;
    const worker = startWorker(timing !== undefined);
    const thread: Thread = { worker, id: this.scheduler.addThread(), inFlight: 0 };
    this.threads.push(thread);
    const name = `worker ${this.threads.length}`;
    worker.on('message', (reply: WorkerReply) => {
      thread.inFlight--;
      if (reply.cpuMs !== undefined) timing?.threads.set(name, reply.cpuMs);
      const back = reply.results.map((r) => {
        const pending = this.scheduler.inFlight(r.index);
        const file = r.failure !== undefined ? failure(pending.job.path, r.failure) : { path: pending.job.path, ...(r.keepsText ? { text: pending.job.text } : {}), parts: r.parts };
        this.finish(r.index, file);
        return pending;
      });
      this.scheduler.done(back, thread.id, reply.ms);
      this.feed();
      this.wake?.();
    });
    worker.on('error', (error) => {
      this.failed ??= error;
      this.wake?.();
    });
    worker.on('exit', (code) => {
      if (thread.inFlight > 0) this.failed ??= new Error(`a worker thread stopped (exit code ${code}) before returning its files`);
      this.wake?.();
    });
  }

  /** Sends each worker batches up to `IN_FLIGHT`. */
  private feed(): void {
    for (const thread of this.threads) {
      while (thread.inFlight < IN_FLIGHT) {
        const batch = this.scheduler.take(thread.id, BATCH_MS);
        if (batch.length === 0) break;
        thread.inFlight++;
        const request: WorkerRequest = { files: batch.map((p: Pending) => ({ index: p.index, path: p.job.path, text: p.job.text, extractors: p.job.extractors.map((e) => e.id) })) };
        thread.worker.postMessage(request);
      }
    }
  }
}
