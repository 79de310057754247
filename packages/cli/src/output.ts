import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

interface Io {
  readonly cwd: string;
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/** Writes a report to stdout or to `--output-file` (creating its directory); false after a message when it cannot. */
export function writeReport(text: string, outputFile: string | undefined, io: Io): boolean {
  if (outputFile === undefined) {
    if (text !== '') io.stdout.write(text);
    return true;
  }
  const target = resolve(io.cwd, outputFile);
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    return true;
  } catch (error) {
    io.stderr.write(`rolecall: cannot write --output-file ${outputFile}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return false;
  }
}
