import { mkdirSync, statSync, writeFileSync } from 'node:fs';
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
    makeParents(dirname(target));
    writeFileSync(target, text);
    return true;
  } catch (error) {
    io.stderr.write(`rolecall: cannot write --output-file ${outputFile}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return false;
  }
}

/**
 * Creates the missing directories above an output file, one level at a time. Node's `mkdirSync(…, { recursive })`
 * never returns for some impossible paths (`-o /proc/nope/x` looped forever); here each missing level is one
 * `mkdirSync`, so the work is bounded by the path's depth and a path that cannot exist fails with its error code.
 */
function makeParents(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    try {
      if (!statSync(d).isDirectory()) throw Object.assign(new Error(`${d} is not a directory`), { code: 'ENOTDIR' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      if (dirname(d) === d) break;
      missing.push(d);
    }
  }
  for (const d of missing.reverse()) mkdirSync(d);
}
