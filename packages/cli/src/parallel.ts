/**
 * `--jobs N`: reading, prefiltering and parsing files (the costly part: TypeScript and HCL parsers)
 * spread over N worker threads, each with its own extractors and parsers. The project pass and the
 * rules run after the workers join, in the main thread, so results do not depend on N: each file's
 * extraction is put back at its index.
 */
import type { ExtractedFile } from '@rolecall/core';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { extractJob, type FileJob } from './extract-files.js';
import type { Registry } from './registry.js';

/** Below this many files a default `--jobs` stays in the main thread: starting workers costs more. */
export const MIN_FILES_FOR_WORKERS = 256;
/** Files sent to a worker at a time: small enough to balance, large enough to keep messages few. */
const BATCH = 32;

/** The default job count: the machine's cores. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

export interface ExtractAllOptions {
  /** Worker threads to use; 1 extracts in the main thread. */
  readonly jobs: number;
  /** The job count was chosen by the user (`--jobs`): use workers even for few files. */
  readonly explicitJobs: boolean;
  /** Workers load the default registry; a custom registry (API) is extracted in the main thread. */
  readonly defaultRegistry: boolean;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * In the bundle the worker is dist/worker.js beside this chunk. From sources (tests run through
 * tsx) it is worker.ts, and a worker thread does not inherit the parent's `--import tsx` loader
 * hooks, so a two-line bootstrap registers tsx in the worker before importing it.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url));
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
}

/** Reads and extracts every job, in the jobs' order. Never throws for a file's problem. */
export async function extractAll(jobs: readonly FileJob[], registry: Registry, options: ExtractAllOptions): Promise<ExtractedFile[]> {
  const threads = Math.min(options.jobs, jobs.length);
  const useWorkers = threads > 1 && options.defaultRegistry && (options.explicitJobs || jobs.length >= MIN_FILES_FOR_WORKERS);
  if (!useWorkers) return extractInline(jobs, registry, options.onProgress);
  return extractInWorkers(jobs, threads, options.onProgress);
}

async function extractInline(jobs: readonly FileJob[], registry: Registry, onProgress?: (done: number, total: number) => void): Promise<ExtractedFile[]> {
  const out: ExtractedFile[] = [];
  for (const job of jobs) {
    out.push(await extractJob(job, registry));
    onProgress?.(out.length, jobs.length);
    // Let progress output and signals through on long runs.
    if (out.length % 64 === 0) await new Promise((r) => setImmediate(r));
  }
  return out;
}

interface WorkerReply {
  readonly index?: number;
  readonly file?: ExtractedFile & { readonly failure?: string };
  readonly done?: boolean;
}

function extractInWorkers(jobs: readonly FileJob[], threads: number, onProgress?: (done: number, total: number) => void): Promise<ExtractedFile[]> {
  const results: (ExtractedFile | undefined)[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  let live = threads;
  return new Promise((resolve, reject) => {
    const finish = (): void => {
      if (--live > 0) return;
      const missing = results.findIndex((r) => r === undefined);
      if (missing >= 0) reject(new Error(`worker threads returned no result for ${jobs[missing]!.path}`));
      else resolve(results as ExtractedFile[]);
    };
    for (let t = 0; t < threads; t++) {
      const worker = startWorker();
      let ended = false;
      const end = (): void => {
        if (ended) return;
        ended = true;
        void worker.terminate();
        finish();
      };
      const send = (): void => {
        if (next >= jobs.length) {
          end();
          return;
        }
        const batch = [];
        for (let i = 0; i < BATCH && next < jobs.length; i++, next++) batch.push({ index: next, job: jobs[next]! });
        worker.postMessage({ jobs: batch });
      };
      worker.on('message', (reply: WorkerReply) => {
        if (reply.done === true) {
          send();
          return;
        }
        if (reply.index === undefined || reply.file === undefined) return;
        const file = reply.file;
        // A worker that failed on one file reports it as a tool failure of that file.
        results[reply.index] =
          file.failure !== undefined
            ? { path: file.path, text: '', parts: [{ extractor: 'read', calls: [], roles: [], facts: [], comments: [], problems: [{ message: `rolecall failed on this file: ${file.failure}`, span: { start: 0, end: 0 } }] }] }
            : file;
        onProgress?.(++done, jobs.length);
      });
      worker.on('error', (error) => {
        ended = true;
        reject(error);
      });
      send();
    }
  });
}
