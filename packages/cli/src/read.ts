import { closeSync, lstatSync, openSync, readFileSync, readlinkSync, readSync, statSync } from 'node:fs';
import type { StdinRead } from './io.js';
import { formatCount } from './text.js';

/**
 * Files larger than this are not read. An STS input is at most a few hundred kilobytes (the
 * longest member, SAMLAssertion, is capped by STS at 100,000 characters), so 4 MiB leaves ample
 * room for arrays of inputs while keeping memory and parse time bounded on hostile input.
 */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
const MIB = 1024 * 1024;

export type ReadOutcome =
  /** Decoded text (a UTF-8 byte order mark is kept, so offsets index the file as written). */
  | { readonly kind: 'text'; readonly text: string }
  /** Not an input the extractors would look at; nothing to report. */
  | { readonly kind: 'skip' }
  /** Could not be linted; `text`/`offset` place the problem when something could be decoded. */
  | { readonly kind: 'problem'; readonly message: string; readonly text: string; readonly offset: number };

export interface ReadOptions {
  /**
   * Named by the user (argument, stdin, pre-commit). Such a file is always reported when it cannot
   * be linted; a file found by walking is reported only when its bytes look like an input, so a
   * repository's unrelated binary, Latin-1 or huge JSON files do not fail the run.
   */
  readonly explicit: boolean;
  /** The extractors' cheap content test, applied to raw bytes read as Latin-1. */
  readonly prefilter: (text: string) => boolean;
  readonly maxBytes?: number;
  /** The bytes are the first part of a longer input (stdin that went on past `maxBytes`): its size is unknown. */
  readonly truncated?: boolean;
}

const CHUNK = 1 << 20;
/** Bytes of overlap between chunks so a key split across a boundary is still seen. */
const OVERLAP = 256;

/** A read error in words (shared with the config loader). */
export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOENT':
      return 'no such file';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

/**
 * Streams the first `limit` bytes of a file and tests the prefilter chunk by chunk, without holding them in memory.
 * Reading stops at the limit: a 10 GB sparse file found by walking took 38.5 s when it was read to the end.
 */
function largeFileLooksLikeInput(path: string, prefilter: (text: string) => boolean, limit: number): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(CHUNK + OVERLAP);
    let carry = 0;
    for (let read = 0; read < limit; ) {
      const n = readSync(fd, buffer, carry, Math.min(CHUNK, limit - read), null);
      if (n <= 0) return false;
      read += n;
      const filled = carry + n;
      if (prefilter(buffer.toString('latin1', 0, filled))) return true;
      carry = Math.min(OVERLAP, filled);
      buffer.copy(buffer, 0, filled - carry, filled);
    }
    return false;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Finds where a UTF-8 byte sequence first goes wrong: the decoded text before the bad sequence and
 * the byte offset where it starts. A binary search over prefixes with a fatal streaming decoder
 * (which tolerates a sequence cut at the end of a prefix, so validity of prefixes is monotonic).
 */
function firstInvalidUtf8(bytes: Uint8Array): { text: string; byteOffset: number } {
  const decodes = (end: number): string | undefined => {
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, end), { stream: true });
    } catch {
      return undefined;
    }
  };
  let lo = 0;
  let hi = bytes.length;
  // Invariant: prefix lo decodes, prefix hi does not.
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (decodes(mid) === undefined) hi = mid;
    else lo = mid;
  }
  const text = decodes(lo) ?? '';
  return { text, byteOffset: Buffer.byteLength(text, 'utf8') };
}

/** Reads bytes given on stdin or by the Node API with the same checks as a file. */
export function decodeBytes(bytes: Uint8Array, options: ReadOptions): ReadOutcome {
  const max = options.maxBytes ?? MAX_FILE_BYTES;
  if (bytes.length > max) {
    if (!options.explicit && !options.prefilter(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'))) return { kind: 'skip' };
    return tooLarge(options.truncated === true ? undefined : bytes.length, max);
  }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const utf16 = buffer.length >= 2 && ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff));
  if (utf16) {
    const encoding = buffer[0] === 0xff ? 'utf-16le' : 'utf-16be';
    if (!options.explicit && !options.prefilter(new TextDecoder(encoding).decode(buffer))) return { kind: 'skip' };
    return {
      kind: 'problem',
      message: `The file is ${encoding.toUpperCase()} encoded (it starts with a byte order mark); rolecall and the AWS CLI read UTF-8. Save it as UTF-8.`,
      text: '',
      offset: 0,
    };
  }
  if (!options.explicit && !options.prefilter(buffer.toString('latin1'))) return { kind: 'skip' };
  const nul = buffer.indexOf(0);
  if (nul >= 0) {
    return {
      kind: 'problem',
      message: `The file contains a NUL byte (at byte ${formatCount(nul)}), so it is binary or UTF-16 without a byte order mark; it was not linted.`,
      text: '',
      offset: 0,
    };
  }
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buffer) };
  } catch {
    const { text, byteOffset } = firstInvalidUtf8(buffer);
    const byte = buffer[byteOffset] ?? 0;
    return {
      kind: 'problem',
      message: `The file is not valid UTF-8 (byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} at byte ${formatCount(byteOffset)}); rolecall and the AWS CLI read UTF-8. Save it as UTF-8.`,
      text,
      offset: text.length,
    };
  }
}

/** `size` undefined: input whose reading stopped at the limit (stdin). */
function tooLarge(size: number | undefined, max: number): ReadOutcome {
  const what = size === undefined ? `The input is larger than ${formatCount(max)} bytes (reading stopped there)` : `The file is ${formatCount(size)} bytes`;
  return {
    kind: 'problem',
    message: `${what}; rolecall reads files of at most ${formatCount(max)} bytes${max % MIB === 0 ? ` (${max / MIB} MiB)` : ''}, so it was not linted (--max-file-size raises the limit).`,
    text: '',
    offset: 0,
  };
}

/** The target of a symbolic link whose target is missing, or undefined. */
function danglingTarget(path: string, error: unknown): string | undefined {
  if ((error as NodeJS.ErrnoException | undefined)?.code !== 'ENOENT') return undefined;
  try {
    return lstatSync(path).isSymbolicLink() ? JSON.stringify(readlinkSync(path)) : undefined;
  } catch {
    return undefined;
  }
}

/** Reads one file for linting. Never throws. */
export function readForLint(path: string, options: ReadOptions): ReadOutcome {
  const max = options.maxBytes ?? MAX_FILE_BYTES;
  let size: number;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) return { kind: 'problem', message: 'Cannot read the file: it is a directory.', text: '', offset: 0 };
    if (!stats.isFile()) return { kind: 'problem', message: 'Cannot read the file: it is not a regular file.', text: '', offset: 0 };
    size = stats.size;
  } catch (error) {
    const dangling = danglingTarget(path, error);
    if (dangling !== undefined) return { kind: 'problem', message: `Cannot read the file: it is a symbolic link to ${dangling}, which does not exist.`, text: '', offset: 0 };
    return { kind: 'problem', message: `Cannot read the file: ${describeError(error)}.`, text: '', offset: 0 };
  }
  if (size > max) {
    if (!options.explicit && !largeFileLooksLikeInput(path, options.prefilter, max)) return { kind: 'skip' };
    return tooLarge(size, max);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { kind: 'problem', message: `Cannot read the file: ${describeError(error)}.`, text: '', offset: 0 };
  }
  return decodeBytes(bytes, options);
}

/** What a command that reads exactly one input file (or `-` for stdin) got, or why it stops. */
export type SingleInput = { readonly ok: true; readonly outcome: ReadOutcome } | { readonly ok: false; readonly message: string };

/**
 * Reads the one file `check-input` and `estimate` take: `-` reads stdin, a missing path or a
 * directory is a usage problem (exit 2 for the caller), anything else goes through the same
 * decoding as a lint run with the file treated as explicitly named.
 */
export async function readSingleInput(
  file: string,
  absolute: string,
  readStdin: (maxBytes: number) => Promise<StdinRead>,
  what: string,
  maxBytes: number = MAX_FILE_BYTES,
): Promise<SingleInput> {
  const options: ReadOptions = { explicit: true, prefilter: () => true, maxBytes };
  if (file === '-') {
    const read = await readStdin(maxBytes);
    return { ok: true, outcome: decodeBytes(read.bytes, { ...options, truncated: read.truncated }) };
  }
  try {
    if (statSync(absolute).isDirectory()) return { ok: false, message: `${file} is a directory; ${what}` };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, message: `no such file: ${file}` };
  }
  return { ok: true, outcome: readForLint(absolute, options) };
}
