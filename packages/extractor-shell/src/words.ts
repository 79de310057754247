/**
 * Shell words as rolecall values. mvdan/sh gives each word's parts (unquoted literal, '…', $'…',
 * "…", $VAR, $(…), …) with byte offsets; this module decodes the quoting the way bash does and
 * records, for every decoded character, its offset in the file, so a finding points at the
 * character (through the host file's map when the script is embedded, e.g. a workflow `run:`).
 * What bash would only know at run time (`$VAR` not assigned a literal earlier, `$(…)`, `$((…))`)
 * is a hole. Hand-written: the parser gives the parts, no library decodes them with positions.
 */
import type { Span, TemplatePart, ValueNode, ValueOrigin } from '@rolecall/core';

/** Stands for one hole in a decoded word (shell words cannot hold NUL, so it never collides). */
export const HOLE = '\u0000';

export interface Hole {
  readonly expression: string;
  readonly span: Span;
}

/** A decoded word: its text (holes as `HOLE`), the file offset of each character, and the holes. */
export interface Chars {
  readonly text: string;
  /** `table[i]` = file offset of character i; `table[text.length]` = the end. */
  readonly table: number[];
  /** Hole by index in `text`. */
  readonly holes: Map<number, Hole>;
  /** The whole word's span in the file. */
  readonly span: Span;
  /** Set when the word was one `$VAR` resolved to a literal assignment. */
  readonly definedAt?: ValueOrigin;
}

/** Maps script positions to file positions. */
export interface Positions {
  /** The script text (after `${{ }}` placeholders, if any). */
  readonly script: string;
  /** mvdan byte offset → index in `script`. */
  index(byte: number): number;
  /** Index in `script` → file offset. */
  file(index: number): number;
  /** The host expression (`${{ … }}`) starting at a script index, if any. */
  expressionAt?(index: number): { end: number; expression: string } | undefined;
}

/** `Positions` for a script embedded at `table` (script index → file offset), or standing alone. */
export function positions(script: string, table?: ArrayLike<number>, expressions?: readonly { start: number; end: number; expression: string }[]): Positions {
  const byStart = new Map((expressions ?? []).map((e) => [e.start, e]));
  let bytes: Uint32Array | undefined;
  // mvdan/sh counts UTF-8 bytes; JS strings count UTF-16 units. ASCII needs no table.
  if (/[^\x00-\x7f]/.test(script)) {
    const encoded = new TextEncoder().encode(script);
    bytes = new Uint32Array(encoded.length + 1);
    let b = 0;
    for (let i = 0; i < script.length; i++) {
      const code = script.codePointAt(i) as number;
      const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
      for (let k = 0; k < size; k++) bytes[b + k] = i;
      b += size;
      if (code >= 0x10000) i++;
    }
    bytes[encoded.length] = script.length;
  }
  return {
    script,
    index: (byte) => (bytes === undefined ? byte : (bytes[Math.min(byte, bytes.length - 1)] as number)),
    file: (index) => (table === undefined ? index : (table[Math.min(Math.max(index, 0), table.length - 1)] as number)),
    ...(byStart.size > 0 ? { expressionAt: (index: number) => byStart.get(index) } : {}),
  };
}

/** A decoded substring `[a, b)` of a word as a value node: a literal, or a template when it holds holes. */
export function valueOf(chars: Chars, a = 0, b = chars.text.length): ValueNode {
  const text = chars.text.slice(a, b);
  const table = chars.table.slice(a, b + 1);
  const span = a === 0 && b === chars.text.length ? chars.span : { start: table[0] as number, end: table[table.length - 1] as number };
  const origin = chars.definedAt !== undefined ? { definedAt: chars.definedAt } : {};
  if (!text.includes(HOLE)) return { kind: 'literal', value: text, span, offsets: { table }, ...origin };
  const parts: TemplatePart[] = [];
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== HOLE) continue;
    if (i > last) parts.push({ kind: 'text', value: text.slice(last, i), span: { start: table[last] as number, end: table[i] as number } });
    const hole = chars.holes.get(a + i) as Hole;
    parts.push({ kind: 'hole', expression: hole.expression, span: hole.span });
    last = i + 1;
  }
  if (last < text.length) parts.push({ kind: 'text', value: text.slice(last), span: { start: table[last] as number, end: table[text.length] as number } });
  return { kind: 'template', span, parts, ...origin };
}

/** Decodes `\x` escapes of `$'…'` (bash's ANSI-C quoting); undefined for an escape it does not know. */
const ANSI: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };

export interface WordBuilder {
  text: string;
  table: number[];
  holes: Map<number, Hole>;
  /** The first variable definition spliced into the word, if any. */
  origin?: ValueOrigin;
}

/** Appends the characters of raw script text `[from, to)`, decoding escapes for the given quoting. */
export function appendRaw(out: WordBuilder, pos: Positions, from: number, to: number, quoting: 'none' | 'double' | 'single' | 'ansi'): void {
  const s = pos.script;
  for (let i = from; i < to; i++) {
    const expression = pos.expressionAt?.(i);
    if (expression !== undefined) {
      // A `${{ … }}` the runner substitutes before the shell runs: unknown here, whatever the quoting.
      appendHole(out, pos, i, expression.end, expression.expression);
      i = expression.end - 1;
      continue;
    }
    const c = s[i] as string;
    if (c === '\\' && quoting !== 'single' && i + 1 < to) {
      const n = s[i + 1] as string;
      if (n === '\n') {
        i++; // a line continuation: nothing
        continue;
      }
      if (quoting === 'none' || (quoting === 'double' && '$`"\\'.includes(n))) {
        out.text += n;
        out.table.push(pos.file(i + 1));
        i++;
        continue;
      }
      if (quoting === 'ansi') {
        const simple = ANSI[n];
        if (simple !== undefined) {
          out.text += simple;
          out.table.push(pos.file(i));
          i++;
          continue;
        }
        const hex = /^x([0-9a-fA-F]{1,2})|^u([0-9a-fA-F]{1,4})|^([0-7]{1,3})/.exec(s.slice(i + 1, Math.min(to, i + 6)));
        if (hex !== null) {
          const code = hex[1] !== undefined ? parseInt(hex[1], 16) : hex[2] !== undefined ? parseInt(hex[2], 16) : parseInt(hex[3] as string, 8);
          out.text += String.fromCharCode(code);
          out.table.push(pos.file(i));
          i += hex[0].length;
          continue;
        }
      }
    }
    out.text += c;
    out.table.push(pos.file(i));
  }
}

/** Appends one hole covering script indices `[from, to)`. */
export function appendHole(out: WordBuilder, pos: Positions, from: number, to: number, expression: string): void {
  out.holes.set(out.text.length, { expression, span: { start: pos.file(from), end: pos.file(to) } });
  out.text += HOLE;
  out.table.push(pos.file(from));
}
