/** Messages between the main thread and a `--jobs` worker (plain data, structured-cloned). */
import type { ExtractorPart } from '@rolecall/core';

/** Files to parse: their text (the main thread read them) and the ids of the extractors whose prefilters passed. */
export interface WorkerRequest {
  readonly files: readonly { readonly index: number; readonly path: string; readonly text: string; readonly extractors: readonly string[] }[];
}

/**
 * One reply per request: each file's extractor parts, without the text the main thread already
 * holds (`keepsText`: the extraction keeps it, as `extractFile` does when there is something to
 * report), or the message of an error the worker caught.
 */
export interface WorkerReply {
  /** Wall time the worker spent on the request (parser loads included), to correct the scheduler's estimates. */
  readonly ms: number;
  /** The worker thread's CPU time so far (ms), when the run measures it (`TIMING=1` on Linux). */
  readonly cpuMs?: number;
  readonly results: readonly { readonly index: number; readonly parts: readonly ExtractorPart[]; readonly keepsText: boolean; readonly failure?: string }[];
}
