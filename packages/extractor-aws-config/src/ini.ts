/**
 * A line parser for the INI dialect of `~/.aws/config` and `~/.aws/credentials`, following what
 * botocore reads: Python's `configparser.RawConfigParser()` with its defaults
 * (`botocore/configloader.py`, `raw_config_parse`).
 *
 * Hand-written because no INI library keeps positions, and the `ini` package also differs from
 * botocore on exactly the points a linter must see (parsers.md §4): it strips inline comments,
 * lets a duplicate key win silently, and reads a BOM'd header as a key. The rules mirrored here:
 *
 * - full-line comments only (`#` or `;` as the first non-blank character); text after a value is
 *   part of the value;
 * - `=` and `:` both delimit, the first one on the line wins; keys are lower-cased;
 * - a line indented deeper than its key continues the value (joined with `\n`, trailing blank lines
 *   dropped); an empty value followed by such lines is botocore's nested sub-section (`s3 =`);
 * - a duplicate section or key is an error for botocore (strict mode), so every occurrence is kept
 *   and reported rather than merged;
 * - a BOM is not whitespace for Python: `\uFEFF[default]` is no section header and the whole file
 *   fails to load. It is recorded, and the rest is parsed as if it were absent, so other findings show.
 *
 * Everything returned is plain data with UTF-16 offsets into the text.
 */
import type { ExtractionProblem, SourceComment, Span } from '@rolecall/core';

export interface IniEntry {
  /** Lower-cased, as configparser's `optionxform` does. */
  readonly key: string;
  /** The key as written. */
  readonly rawKey: string;
  readonly keySpan: Span;
  /** The value as botocore reads it (continuation lines joined with `\n`). */
  readonly value: string;
  /** From the first to the last character of the value; an empty value is an empty span after the delimiter. */
  readonly valueSpan: Span;
  /** Decoded index → file offset, length `value.length + 1`; only for values spanning lines. */
  readonly offsets?: readonly number[];
  /** Whether the value continued onto indented lines. */
  readonly multiline: boolean;
}

export interface IniSection {
  /** The text between `[` and the last `]`, as configparser takes it. */
  readonly header: string;
  /** The whole `[…]`. */
  readonly headerSpan: Span;
  /** From the header to the end of its last entry. */
  readonly span: Span;
  readonly entries: readonly IniEntry[];
}

export interface IniDocument {
  readonly sections: readonly IniSection[];
  /** Full-line comments (for suppression directives). */
  readonly comments: readonly SourceComment[];
  /** Lines botocore cannot read at all; each makes the whole file fail to load. */
  readonly problems: readonly ExtractionProblem[];
  /** Set when the text starts with U+FEFF. */
  readonly bom: boolean;
}

/** Python's `str.strip()` whitespace (the BOM is not among it). */
const PY_SPACE = /[\t\n\v\f\r \u001c-\u001f\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && PY_SPACE.test(ch);
}

interface Line {
  readonly start: number;
  readonly end: number;
}

/** Python reads text files with universal newlines: `\r\n`, `\r` and `\n` all end a line. */
function lines(text: string, from: number): Line[] {
  const out: Line[] = [];
  let start = from;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) {
      out.push({ start, end: i });
      if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      start = i + 1;
    }
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

/** The stripped extent of a line: `[first, last)` non-blank characters; empty when blank. */
function stripped(text: string, line: Line): Span {
  let s = line.start;
  let e = line.end;
  while (s < e && isSpace(text[s])) s++;
  while (e > s && isSpace(text[e - 1])) e--;
  return { start: s, end: e };
}

interface OpenEntry {
  key: string;
  rawKey: string;
  keySpan: Span;
  /** Pieces of the value, one per line (blank continuation lines are empty pieces). */
  pieces: { start: number; end: number }[];
  indent: number;
}

interface OpenSection {
  header: string;
  headerSpan: Span;
  end: number;
  entries: IniEntry[];
}

function closeEntry(text: string, open: OpenEntry): IniEntry {
  // configparser joins the lines with "\n" and strips trailing whitespace (blank lines).
  while (open.pieces.length > 1 && open.pieces[open.pieces.length - 1]!.start === open.pieces[open.pieces.length - 1]!.end) open.pieces.pop();
  const first = open.pieces[0]!;
  const last = open.pieces[open.pieces.length - 1]!;
  const multiline = open.pieces.length > 1;
  if (!multiline) {
    return { key: open.key, rawKey: open.rawKey, keySpan: open.keySpan, value: text.slice(first.start, first.end), valueSpan: { start: first.start, end: first.end }, multiline };
  }
  let value = '';
  const offsets: number[] = [];
  open.pieces.forEach((piece, i) => {
    if (i > 0) {
      value += '\n';
      offsets.push(open.pieces[i - 1]!.end);
    }
    value += text.slice(piece.start, piece.end);
    for (let o = piece.start; o < piece.end; o++) offsets.push(o);
  });
  offsets.push(last.end);
  // An empty first line (the nested `s3 =` form) starts the span at the first real piece.
  const start = first.start === first.end ? (open.pieces.find((p) => p.end > p.start)?.start ?? first.start) : first.start;
  return { key: open.key, rawKey: open.rawKey, keySpan: open.keySpan, value, valueSpan: { start, end: last.end }, offsets, multiline };
}

/** Parses the text as botocore would; never throws, linear in the text's length. */
export function parseIni(text: string): IniDocument {
  const bom = text.charCodeAt(0) === 0xfeff;
  const sections: IniSection[] = [];
  const comments: SourceComment[] = [];
  const problems: ExtractionProblem[] = [];
  let section: OpenSection | undefined;
  let entry: OpenEntry | undefined;
  let indentLevel = 0;
  let orphanReported = false;

  const flushEntry = (): void => {
    if (entry !== undefined && section !== undefined) {
      const closed = closeEntry(text, entry);
      section.entries.push(closed);
      section.end = Math.max(section.end, closed.valueSpan.end, closed.keySpan.end);
    }
    entry = undefined;
  };
  const flushSection = (): void => {
    flushEntry();
    if (section !== undefined) sections.push({ header: section.header, headerSpan: section.headerSpan, span: { start: section.headerSpan.start, end: section.end }, entries: section.entries });
    section = undefined;
  };

  for (const line of lines(text, bom ? 1 : 0)) {
    const s = stripped(text, line);
    const first = text[s.start];
    if (s.start === s.end || first === '#' || first === ';') {
      if (s.start < s.end) comments.push({ text: text.slice(s.start + 1, s.end), span: s });
      // A blank line inside a value is kept (and dropped again if trailing); a comment line is not.
      else if (entry !== undefined) entry.pieces.push({ start: s.start, end: s.start });
      continue;
    }
    const indent = s.start - line.start;
    if (entry !== undefined && indent > indentLevel) {
      entry.pieces.push(s);
      continue;
    }
    indentLevel = indent;
    if (first === '[') {
      const close = text.lastIndexOf(']', s.end - 1);
      if (close > s.start + 1) {
        flushSection();
        section = { header: text.slice(s.start + 1, close), headerSpan: { start: s.start, end: close + 1 }, end: close + 1, entries: [] };
        continue;
      }
    }
    flushEntry();
    if (section === undefined) {
      if (!orphanReported) problems.push({ message: 'This line comes before any [section] header; the AWS CLI and SDKs cannot read the file.', span: s });
      orphanReported = true;
      continue;
    }
    let delimiter = -1;
    for (let i = s.start; i < s.end; i++) {
      const c = text[i];
      if (c === '=' || c === ':') {
        delimiter = i;
        break;
      }
    }
    let keyEnd = delimiter;
    while (keyEnd > s.start && isSpace(text[keyEnd - 1])) keyEnd--;
    if (delimiter < 0 || keyEnd === s.start) {
      problems.push({ message: 'This line is neither a [section] header, a "key = value" setting nor a comment; the AWS CLI and SDKs cannot read the file.', span: s });
      continue;
    }
    let valueStart = delimiter + 1;
    while (valueStart < s.end && isSpace(text[valueStart])) valueStart++;
    const rawKey = text.slice(s.start, keyEnd);
    entry = { key: rawKey.toLowerCase(), rawKey, keySpan: { start: s.start, end: keyEnd }, pieces: [{ start: valueStart, end: s.end }], indent };
  }
  flushSection();
  return { sections, comments, problems, bom };
}
