import { runCli } from './cli.js';

import type { StdinRead } from './io.js';

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

const code = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin,
});
// Let stdout drain (a piped report can be large) instead of exiting mid-write.
process.exitCode = code;
