import type { CliIo } from '../src/io.js';

export interface CapturedIo extends CliIo {
  readonly out: () => string;
  readonly err: () => string;
}

/** An in-memory CliIo: captures stdout and stderr, serves `stdin`, with TTY flags as given. */
export function captureIo(cwd: string, options: { stdin?: string | Uint8Array; env?: Record<string, string>; stdoutTTY?: boolean; stderrTTY?: boolean } = {}): CapturedIo {
  let out = '';
  let err = '';
  return {
    cwd,
    env: options.env ?? {},
    stdout: { write: (t: string) => (out += t), isTTY: options.stdoutTTY ?? false },
    stderr: { write: (t: string) => (err += t), isTTY: options.stderrTTY ?? false },
    readStdin: async (maxBytes: number) => {
      const all = typeof options.stdin === 'string' ? Buffer.from(options.stdin) : (options.stdin ?? new Uint8Array());
      return all.length > maxBytes ? { bytes: all.subarray(0, maxBytes + 1), truncated: true } : { bytes: all, truncated: false };
    },
    out: () => out,
    err: () => err,
  };
}
