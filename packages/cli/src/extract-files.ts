/**
 * The I/O half of the pipeline: read a file, run the prefilters, load the parsers its extractors
 * need, and extract (core's `extractFile`). Runs in the main thread (`--jobs 1`) or in worker
 * threads (`worker.ts`); both give the same `ExtractedFile`, which is plain data.
 */
import type { ExtractedFile, Extractor, ExtractorPart } from '@rolecall/core';
import { extractFile, failedPart } from '@rolecall/core';
import { dotGlobExpression } from './globs.js';
import { readForLint, type ReadOutcome } from './read.js';
import type { Registry } from './registry.js';

/** One file to extract: its display path (cwd-relative POSIX) and where to read it. */
export interface FileJob {
  readonly path: string;
  readonly absolutePath: string;
  /** Named by the user rather than found by walking (see `ReadOptions.explicit`). */
  readonly explicit: boolean;
  /** Files larger than this are reported, not read (`--max-file-size`); default 4 MiB. */
  readonly maxBytes?: number;
}

/** The pseudo-extractor id under which read problems (not UTF-8, too large, unreadable) travel. */
export const READ_PROBLEM = 'read';

const matchers = new WeakMap<Pick<Extractor, 'files'>, (path: string) => boolean>();

/**
 * The literal text every path a glob matches ends with: the glob's last segment after its last `*` (`.ts` for a
 * `*.ts` glob, `config` for a glob whose last segment is `config`), or '' when nothing is known: the glob ends with
 * `*`, its tail holds other glob syntax, or it is negated.
 */
export function requiredSuffix(glob: string): string {
  if (glob.startsWith('!')) return '';
  const last = glob.slice(glob.lastIndexOf('/') + 1);
  const tail = last.slice(last.lastIndexOf('*') + 1);
  return /[?*[\]{}()!+@\\]/.test(tail) ? '' : tail;
}

/**
 * One test per extractor for all its globs: a glob's picomatch expression runs only on paths that end with the glob's
 * literal ending. A run tests every path twice (discovery, then reading); the check answers most paths (a `.md` is no
 * extractor's) without running an expression at all, and a `.ts` path runs only the `*.ts` glob's expression, not one
 * joined from all the extractor's globs (V8 compiles an expression on its first run: a joined one cost a run over 100
 * files a few milliseconds of start-up). An ending only rules out paths its glob could not match, so the answer is
 * the globs' expressions'.
 */
export function matcherOf(extractor: Pick<Extractor, 'files'>): (path: string) => boolean {
  let m = matchers.get(extractor);
  if (m === undefined) {
    // Each expression is looked up (or compiled) on the first path that gets past its ending.
    const expressions: (RegExp | undefined)[] = extractor.files.map(() => undefined);
    const suffixes = extractor.files.map(requiredSuffix);
    m = (path) => suffixes.some((s, i) => path.endsWith(s) && (expressions[i] ??= dotGlobExpression(extractor.files[i]!)).test(path));
    matchers.set(extractor, m);
  }
  return m;
}

/** Extractors that read a path by their default globs. */
export function extractorsFor(registry: Pick<Registry, 'extractors'>, path: string): Extractor[] {
  // Paths outside cwd (`../x.json`) are matched without their leading `../` segments; stdin is JSON.
  const candidate = path.startsWith('<') ? 'stdin.json' : path.startsWith('../') ? path.replace(/^(?:\.\.\/)+/, '') : path;
  const out: Extractor[] = [];
  for (const e of registry.extractors) if (matcherOf(e)(candidate)) out.push(e);
  return out;
}

export function prefilterOf(registry: Pick<Registry, 'extractors'>, path: string): (text: string) => boolean {
  const extractors = extractorsFor(registry, path);
  return (text) => extractors.some((e) => e.prefilter(text));
}

const loaded = new WeakSet<Extractor>();

/** Runs `load()` once per extractor, before the first file of its kind; a failed load is retried on the next file. */
async function ensureLoaded(extractor: Extractor): Promise<void> {
  if (extractor.load === undefined || loaded.has(extractor)) return;
  await extractor.load();
  loaded.add(extractor);
}

/** A read outcome as an extracted file: a problem travels as a `parse-error` of the pseudo-extractor `read`. */
function fromProblem(path: string, outcome: Extract<ReadOutcome, { kind: 'problem' }>): ExtractedFile {
  return {
    path,
    text: outcome.text,
    parts: [{ extractor: READ_PROBLEM, calls: [], roles: [], facts: [], comments: [], problems: [{ message: outcome.message, span: { start: outcome.offset, end: outcome.offset } }] }],
  };
}

/**
 * Extracts decoded text (or a read outcome) as the file `path`. `passed`, when the reader already
 * ran the prefilters on the raw bytes, names the extractors that passed, so no prefilter runs twice
 * on a file. Never throws.
 */
export async function extractOutcome(path: string, outcome: ReadOutcome, registry: Pick<Registry, 'extractors'>, passed?: readonly Extractor[]): Promise<ExtractedFile> {
  if (outcome.kind === 'skip') return { path, parts: [] };
  if (outcome.kind === 'problem') return fromProblem(path, outcome);
  const extractors = passed ?? extractorsFor(registry, path).filter((e) => e.prefilter(outcome.text));
  const failed: ExtractorPart[] = [];
  const ready: Extractor[] = [];
  for (const extractor of extractors) {
    try {
      await ensureLoaded(extractor);
      ready.push(extractor);
    } catch (error) {
      // The tool's own failure, not the file's: an internal-error for this file; the next file retries.
      failed.push(failedPart(extractor.id, error));
    }
  }
  const extracted = extractFile({ path, text: outcome.text }, ready, { prefiltered: true });
  if (failed.length === 0) return extracted;
  return { path, text: outcome.text, parts: [...extracted.parts, ...failed] };
}

/** A file that passed the prefilters: its text and the extractors that will parse it. */
export interface ParseJob {
  readonly path: string;
  readonly text: string;
  readonly extractors: readonly Extractor[];
}

/**
 * The cheap half of a file: read it and run the prefilters once, in the reader, on the bytes read
 * as Latin-1 (their keywords are ASCII, so the verdict is the decoded text's); a file named
 * explicitly skips that gate in the reader, and its prefilters run on the decoded text. Gives the
 * finished extraction when no extractor has work (skipped, unreadable, or no prefilter passed),
 * else the parse job. Never throws.
 */
export function readJob(job: FileJob, registry: Pick<Registry, 'extractors'>): ExtractedFile | ParseJob {
  const candidates = extractorsFor(registry, job.path);
  let passed: Extractor[] | undefined;
  const prefilter = (text: string): boolean => {
    passed = candidates.filter((e) => e.prefilter(text));
    return passed.length > 0;
  };
  const outcome = readForLint(job.absolutePath, { explicit: job.explicit, prefilter, ...(job.maxBytes !== undefined ? { maxBytes: job.maxBytes } : {}) });
  if (outcome.kind === 'skip') return { path: job.path, parts: [] };
  if (outcome.kind === 'problem') return fromProblem(job.path, outcome);
  // Text comes back only for files within the size limit, which the reader prefilters whole
  // (an explicit file skips that gate, so its prefilters run here).
  const extractors = passed ?? candidates.filter((e) => e.prefilter(outcome.text));
  if (extractors.length === 0) return { path: job.path, parts: [] };
  return { path: job.path, text: outcome.text, extractors };
}

/** The costly half: load the parsers and extract. Never throws. */
export function parseJob(job: ParseJob, registry: Pick<Registry, 'extractors'>): Promise<ExtractedFile> {
  return extractOutcome(job.path, { kind: 'text', text: job.text }, registry, job.extractors);
}

/** Reads and extracts one file (both halves). Never throws. */
export async function extractJob(job: FileJob, registry: Pick<Registry, 'extractors'>): Promise<ExtractedFile> {
  const read = readJob(job, registry);
  return 'extractors' in read ? parseJob(read, registry) : read;
}
