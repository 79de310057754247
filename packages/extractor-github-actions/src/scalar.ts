/**
 * YAML scalars as rolecall values: the decoded text plus an offset map from each decoded index to
 * the file, so a finding inside a value (a bad character in a session name, a statement inside a
 * policy block scalar) points at the character in the workflow. yaml gives the decoded value and
 * the scalar's range but no per-character positions, so the alignment here is hand-written:
 * - double-quoted: escapes decoded one by one (the only style whose decoded characters are not
 *   all in the source);
 * - every other style (plain, single-quoted, `|`, `>`): each decoded character is the next
 *   matching source character, where a folded line break may stand for a space and indentation
 *   is skipped. Linear, and checked against yaml's own decoding: on any mismatch the whole
 *   scalar's start is used (never a wrong character).
 */
import type { OffsetMap, Span, TemplateNode, TemplatePart } from '@rolecall/core';
import { offsetMap } from '@rolecall/core';

export interface DecodedScalar {
  readonly value: string;
  readonly span: Span;
  readonly offsets: OffsetMap;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
  N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};

/** Decodes a double-quoted scalar (`start` at the opening quote), with a table; undefined when unsure. */
function decodeDoubleQuoted(text: string, start: number, end: number): { value: string; table: number[] } | undefined {
  let value = '';
  const table: number[] = [];
  let i = start + 1;
  const close = end - 1;
  while (i < close) {
    const c = text[i]!;
    if (c === '\\') {
      const e = text[i + 1] ?? '';
      const simple = SIMPLE_ESCAPES[e];
      if (simple !== undefined) {
        value += simple;
        table.push(i);
        i += 2;
        continue;
      }
      const hex = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
      if (hex > 0) {
        const digits = text.slice(i + 2, i + 2 + hex);
        if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== hex) return undefined;
        const s = String.fromCodePoint(parseInt(digits, 16));
        for (let k = 0; k < s.length; k++) table.push(i);
        value += s;
        i += 2 + hex;
        continue;
      }
      if (e === '\n' || e === '\r') {
        // An escaped line break joins the lines without a space.
        i += e === '\r' && text[i + 2] === '\n' ? 3 : 2;
        while (i < close && (text[i] === ' ' || text[i] === '\t')) i++;
        continue;
      }
      return undefined;
    }
    if (c === '\n' || c === '\r') {
      // Line folding: trailing blanks go, a single break becomes a space, each empty line a "\n".
      while (value.endsWith(' ') || value.endsWith('\t')) {
        value = value.slice(0, -1);
        table.pop();
      }
      const breakAt = i;
      let empty = 0;
      for (;;) {
        i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
        while (i < close && (text[i] === ' ' || text[i] === '\t')) i++;
        if (i < close && (text[i] === '\n' || text[i] === '\r')) empty++;
        else break;
      }
      const fill = empty > 0 ? '\n'.repeat(empty) : ' ';
      for (let k = 0; k < fill.length; k++) table.push(breakAt);
      value += fill;
      continue;
    }
    value += c;
    table.push(i);
    i++;
  }
  table.push(close);
  return { value, table };
}

/** Aligns a decoded value with its source (see the header); undefined when a character is missing. */
function align(text: string, from: number, end: number, value: string): number[] | undefined {
  const table: number[] = [];
  let p = from;
  for (let k = 0; k < value.length; k++) {
    const c = value[k]!;
    for (;;) {
      if (p >= end) return undefined;
      const s = text[p]!;
      if (s === c) break;
      if (s === '\n' && (c === ' ' || c === '\n')) break; // a folded or kept line break
      p++;
    }
    table.push(p);
    p++;
  }
  table.push(Math.min(p, end));
  return table;
}

/** Where a scalar's content starts: after the quote, or on the line after a block header. */
function contentStart(text: string, start: number, type: string | undefined): number {
  if (type === 'QUOTE_SINGLE') return start + 1;
  if (type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED') {
    const nl = text.indexOf('\n', start);
    return nl < 0 ? start : nl + 1;
  }
  return start;
}

/**
 * Decodes the scalar at `[start, end)` (yaml's `range[0]`/`range[1]`) whose decoded string is
 * `value` (yaml's). Never wrong: unsure positions collapse to the scalar's start.
 */
export function decodeScalar(text: string, start: number, end: number, type: string | undefined, value: string): DecodedScalar {
  const span = { start, end };
  if (type === 'QUOTE_DOUBLE') {
    const d = decodeDoubleQuoted(text, start, end);
    if (d !== undefined && d.value === value) return { value, span, offsets: offsetMap(d.table) };
  } else {
    const closeAt = type === 'QUOTE_SINGLE' ? end - 1 : end;
    const table = align(text, contentStart(text, start, type), closeAt, value);
    if (table !== undefined) return { value, span, offsets: offsetMap(table) };
  }
  const fallback = new Array<number>(value.length + 1).fill(start);
  fallback[value.length] = end;
  return { value, span, offsets: offsetMap(fallback) };
}

/** One `${{ … }}` expression inside a decoded string: indices into the decoded value. */
export interface Expression {
  readonly start: number;
  readonly end: number;
  /** The expression text, trimmed (`env.ROLE_ARN`). */
  readonly expression: string;
}

/** Every `${{ … }}` in a decoded value, in order (an unclosed one runs to the end). */
export function expressionsIn(value: string): Expression[] {
  const out: Expression[] = [];
  let from = 0;
  for (;;) {
    const open = value.indexOf('${{', from);
    if (open < 0) return out;
    const close = value.indexOf('}}', open + 3);
    const end = close < 0 ? value.length : close + 2;
    out.push({ start: open, end, expression: value.slice(open + 3, close < 0 ? value.length : close).trim() });
    from = end;
  }
}

/** A decoded value with `${{ }}` holes as a template node (text parts keep their file spans). */
export function templateOf(decoded: DecodedScalar, expressions: readonly Expression[]): TemplateNode {
  const at = (i: number): number => decoded.offsets.table[i] as number;
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const e of expressions) {
    if (e.start > last) parts.push({ kind: 'text', value: decoded.value.slice(last, e.start), span: { start: at(last), end: at(e.start) } });
    parts.push({ kind: 'hole', expression: e.expression, span: { start: at(e.start), end: at(e.end) } });
    last = e.end;
  }
  if (last < decoded.value.length) parts.push({ kind: 'text', value: decoded.value.slice(last), span: { start: at(last), end: at(decoded.value.length) } });
  return { kind: 'template', span: decoded.span, parts };
}
