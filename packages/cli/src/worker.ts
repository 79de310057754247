/**
 * Worker-thread entry for `--jobs N`: each worker loads the default registry (its own extractors
 * and parsers), then reads and extracts the files it is sent and posts back each `ExtractedFile`
 * (plain data) with its index, so the main thread can put results in a deterministic order.
 */
import { parentPort } from 'node:worker_threads';
import { extractJob, type FileJob } from './extract-files.js';
import { loadDefaultRegistry } from './load-registry.js';

export interface WorkerRequest {
  readonly jobs: readonly { readonly index: number; readonly job: FileJob }[];
}

const port = parentPort;
if (port !== null) {
  port.on('message', (request: WorkerRequest | 'close') => {
    if (request === 'close') {
      port.close();
      return;
    }
    void (async () => {
      const registry = await loadDefaultRegistry();
      for (const { index, job } of request.jobs) {
        let file;
        try {
          file = await extractJob(job, registry);
        } catch (error) {
          file = { path: job.path, failure: error instanceof Error ? error.message : String(error) };
        }
        port.postMessage({ index, file });
      }
      port.postMessage({ done: true });
    })();
  });
}
