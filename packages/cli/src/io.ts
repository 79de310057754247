/** Where the CLI reads and writes; the bin passes the process, tests pass buffers. Its own module so commands need not import cli.ts. */
export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  /**
   * Reads standard input, at most `maxBytes` bytes: with more, reading stops there and `truncated` is true, so
   * endless input costs bounded memory and time.
   */
  readStdin(maxBytes: number): Promise<StdinRead>;
}

export interface StdinRead {
  readonly bytes: Uint8Array;
  /** True when stdin held more than the bytes asked for (reading stopped). */
  readonly truncated: boolean;
}
