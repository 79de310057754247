import type { Span } from './call.js';
import type { Location, Position } from './diagnostic.js';

const BOM = 0xfeff;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Set only while `withText` constructs an index that takes this one's line table (the constructor stays one-argument). */
let sharing: LineIndex | undefined;

/**
 * Converts between 0-based UTF-16 offsets and 1-based lines / 1-based UTF-16 columns. This is the
 * ONE place such conversions happen; extractors and rules only ever deal in offsets.
 *
 * - Line terminators are `\n`, `\r\n` and a lone `\r` (what editors, GitHub and SARIF viewers
 *   count). `\u2028`/`\u2029` are not line breaks: JSON, YAML and HCL treat them as ordinary text.
 * - A byte-order mark at offset 0 takes no column: the first character after it is column 1, as
 *   every editor shows it. Offsets still count it, because they index the text as given.
 * - Offsets are clamped to `[0, text.length]`; non-finite offsets count as 0. Nothing here throws
 *   (except `withText` given a text of another length: a caller's bug, see there).
 * - One index per file: the engine builds it, and `withText` hands the same line table to the
 *   formatters over the redacted text, so no code frame builds a second one.
 * - Columns count UTF-16 code units (SARIF `columnKind: utf16CodeUnits`, LSP, VS Code), so an
 *   astral character such as an emoji is two columns wide.
 */
export class LineIndex {
  readonly text: string;
  /** Offset at which each line starts; `lineStarts[0] === 0`. */
  readonly #lineStarts: number[];
  readonly #hasBom: boolean;

  constructor(text: string) {
    this.text = text;
    this.#hasBom = text.charCodeAt(0) === BOM;
    if (sharing !== undefined) {
      this.#lineStarts = sharing.#lineStarts;
      return;
    }
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x0a) {
        starts.push(i + 1);
      } else if (code === 0x0d) {
        if (text.charCodeAt(i + 1) === 0x0a) i++;
        starts.push(i + 1);
      }
    }
    this.#lineStarts = starts;
  }

  /**
   * This index's line table over another text of the same length with the same line breaks and
   * leading BOM: the redacted text formatters print code frames from (secrets masked one code unit
   * for one, line breaks kept; see the CLI's redact.ts). Constant time: nothing is rescanned, so
   * every position stays what the engine computed. Throws a RangeError when the lengths differ or
   * only one text starts with a BOM, which no such redaction produces.
   */
  withText(text: string): LineIndex {
    if (text.length !== this.text.length || (text.charCodeAt(0) === BOM) !== this.#hasBom) {
      throw new RangeError(`LineIndex.withText: the text must keep length ${this.text.length} and its line breaks (got length ${text.length})`);
    }
    if (text === this.text) return this;
    sharing = this;
    try {
      return new LineIndex(text);
    } finally {
      sharing = undefined;
    }
  }

  /** Whether two indexes share one line table (one was made from the other by `withText`). */
  sharesLinesWith(other: LineIndex): boolean {
    return this.#lineStarts === other.#lineStarts;
  }

  /** Number of lines; an empty text and a text ending in a newline both count their last (empty) line. */
  get lineCount(): number {
    return this.#lineStarts.length;
  }

  /** Clamps an arbitrary number to a valid offset. */
  clamp(offset: number): number {
    if (!Number.isFinite(offset) || offset < 0) return 0;
    if (offset > this.text.length) return this.text.length;
    return Math.floor(offset);
  }

  /** 1-based line and column of an offset (clamped). */
  positionAt(offset: number): Position {
    const at = this.clamp(offset);
    const line = this.#lineOf(at);
    const start = this.#contentStart(line);
    return { line, column: Math.max(at, start) - start + 1, offset: at };
  }

  /**
   * Offset of a 1-based line and column. Lines are clamped to the text; a column past the end of
   * the line gives the offset just before its terminator.
   */
  offsetAt(line: number, column: number): number {
    const l = Number.isFinite(line) ? Math.min(Math.max(Math.floor(line), 1), this.lineCount) : 1;
    const c = Number.isFinite(column) ? Math.max(Math.floor(column), 1) : 1;
    const start = this.#contentStart(l);
    return Math.min(start + c - 1, this.lineEnd(l));
  }

  /** Offset where a 1-based line starts (after a BOM on line 1). */
  lineStart(line: number): number {
    return this.#contentStart(Math.min(Math.max(Math.floor(line) || 1, 1), this.lineCount));
  }

  /** Offset just past the last character of a 1-based line, before its terminator. */
  lineEnd(line: number): number {
    const l = Math.min(Math.max(Math.floor(line) || 1, 1), this.lineCount);
    const next = this.#lineStarts[l];
    if (next === undefined) return this.text.length;
    const end = next - 1;
    // `\r\n` ends at the `\r`.
    return end > 0 && this.text.charCodeAt(end) === 0x0a && this.text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
  }

  /** The text of a 1-based line without its terminator. */
  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /**
   * Widens a span so it never splits a surrogate pair, and orders and clamps it. A start inside a
   * pair moves back to the high surrogate; an end inside a pair moves past the low surrogate.
   */
  normalizeSpan(span: Span): Span {
    let start = this.clamp(span.start);
    let end = this.clamp(span.end);
    if (end < start) [start, end] = [end, start];
    if (start > 0 && isLowSurrogate(this.text.charCodeAt(start)) && isHighSurrogate(this.text.charCodeAt(start - 1))) start--;
    if (end > 0 && end < this.text.length && isLowSurrogate(this.text.charCodeAt(end)) && isHighSurrogate(this.text.charCodeAt(end - 1))) end++;
    return { start, end };
  }

  #lineOf(offset: number): number {
    const starts = this.#lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  #contentStart(line: number): number {
    const start = this.#lineStarts[line - 1] ?? 0;
    return line === 1 && this.#hasBom ? 1 : start;
  }
}

/** The location of a span in a file: normalized (see `LineIndex.normalizeSpan`), end exclusive. */
export function locationOf(file: string, index: LineIndex, span: Span): Location {
  const s = index.normalizeSpan(span);
  return { file, start: index.positionAt(s.start), end: index.positionAt(s.end) };
}
