/**
 * Worker-thread entry for `--jobs N`: parses the files the main thread read and sent (their
 * extractors' parsers load on first use, so a worker loads only the parsers of the kinds it is
 * given) and replies with each file's extractor parts, by index, so the main thread puts results
 * in a deterministic order.
 */
import type { Extractor } from '@rolecall/core';
import { parentPort, workerData } from 'node:worker_threads';
import { parseJob } from './extract-files.js';
import { loadDefaultRegistry } from './load-registry.js';
import { threadCpuMs } from './thread-cpu.js';
import type { WorkerReply, WorkerRequest } from './worker-protocol.js';

const port = parentPort;
/** `TIMING=1`: each reply carries this thread's CPU so far (see thread-cpu.ts). */
const measureCpu = (workerData as { measureCpu?: boolean } | null)?.measureCpu === true;
if (port !== null) {
  // Requests are handled one at a time, in order, so a batch never overtakes the one before it.
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (request: WorkerRequest) => {
    queue = queue.then(async () => {
      const start = performance.now();
      const registry = await loadDefaultRegistry();
      const byId = new Map<string, Extractor>(registry.extractors.map((e) => [e.id, e]));
      const results: WorkerReply['results'][number][] = [];
      for (const { index, path, text, extractors } of request.files) {
        try {
          const file = await parseJob({ path, text, extractors: extractors.map((id) => byId.get(id)!) }, registry);
          results.push({ index, parts: file.parts, keepsText: file.text !== undefined });
        } catch (error) {
          results.push({ index, parts: [], keepsText: false, failure: error instanceof Error ? error.message : String(error) });
        }
      }
      const cpuMs = measureCpu ? threadCpuMs() : undefined;
      const reply: WorkerReply = { ms: performance.now() - start, results, ...(cpuMs !== undefined ? { cpuMs } : {}) };
      port.postMessage(reply);
    });
  });
}
