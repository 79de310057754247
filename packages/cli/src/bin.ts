/**
 * The `rolecall` executable. Start-up reads as little JavaScript as it can: `--version` is answered here, before
 * the argument parser loads; everything else is imported from cli.ts, which reads the usual lint command lines
 * itself (fast-args.ts; yargs loads for the rest) and loads the rules, the validators and the extractors' code only
 * once a file passes a prefilter or a command needs them (default-discovery.ts), each parser with its first file.
 */
import * as nodeModule from 'node:module';
import { TOOL_VERSION } from './version.js';

import type { StdinRead } from './io.js';

// Node 22.1+ can keep V8's compiled code on disk between runs (a no-op where unsupported: Node 20 has no such API,
// and Node skips it when NODE_DISABLE_COMPILE_CACHE is set or the cache folder cannot be written).
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();

/** Reads stdin until it ends or holds more than `maxBytes`; then stops, so endless input costs bounded memory. */
async function readStdin(maxBytes: number): Promise<StdinRead> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    total += (chunk as Buffer).length;
    if (total > maxBytes) {
      process.stdin.destroy();
      return { bytes: Buffer.concat(chunks).subarray(0, maxBytes + 1), truncated: true };
    }
  }
  return { bytes: Buffer.concat(chunks), truncated: false };
}

// A reader that stops early (`rolecall . | head`) closes the pipe: stop quietly, as other CLIs do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  // What the argument parser would print for this exact command line (cli-parser.ts gives it the same TOOL_VERSION).
  process.stdout.write(`${TOOL_VERSION}\n`);
} else {
  const { runCli } = await import('./cli.js');
  const code = await runCli(argv, {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin,
  });
  // Let stdout drain (a piped report can be large) instead of exiting mid-write.
  process.exitCode = code;
}
