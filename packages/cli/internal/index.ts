/**
 * `rolecall/internal`: what the repository's own tests need beyond the public Node API (the CLI's choice of
 * extractors for a path). Declared in package.json `exports` with only the `rolecall-source` condition and absent
 * from `publishConfig.exports` and `files`: it resolves inside this workspace and does not exist in the published
 * package (test/architecture.test.ts checks both).
 */
export { extractorsFor } from '../src/extract-files.js';
export { formatTiming } from '../src/timing-report.js';
export { THREAD_ROWS } from '../src/thread-cpu.js';
