import type { Span } from './call.js';
import { LineIndex } from './line-index.js';

export interface CodeFrameOptions {
  /** Text after the carets on the span's last line. */
  readonly label?: string;
  /** Lines shown above and below the span; default 1. */
  readonly contextLines?: number;
  /** Source columns shown per line before the frame scrolls horizontally; default 100. */
  readonly maxWidth?: number;
  /** ANSI colours (dim gutter, red carets); default false. */
  readonly color?: boolean;
  /** Reuse an index already built for `text`. */
  readonly lineIndex?: LineIndex;
}

/** Span lines shown in full before the middle of a long span is elided. */
const MAX_SPAN_LINES = 6;

const DIM = '\u001b[2m';
const RED = '\u001b[31m';
const BOLD = '\u001b[1m';
const RESET = '\u001b[0m';

/**
 * Makes text safe to print on a terminal and stable in snapshots: C0 controls (except tab) become
 * their Control Pictures (`␛`), DEL becomes `␡`, and C1 controls and bidirectional overrides
 * (the "Trojan Source" characters) become U+FFFD, so a linted file cannot move the cursor, change
 * colours or reorder what the reader sees.
 */
export function sanitizeForTerminal(text: string): string {
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f\u0080-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return '\ufffd';
  });
}

/*
 * Terminal width of a code point. Hand-written because core has no dependencies (string-width
 * would be the library choice elsewhere): combining marks and zero-width characters take no
 * cell; East Asian wide/fullwidth ranges and emoji take two; everything else one.
 */
function codePointWidth(cp: number): number {
  if ((cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0xfeff) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/** Terminal cells taken by a (sanitized) string. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += codePointWidth(char.codePointAt(0) as number);
  return width;
}

/** Whitespace that lines up under `text` (tabs kept so they expand the same way). */
function padUnder(text: string): string {
  let out = '';
  for (const char of text) out += char === '\t' ? '\t' : ' '.repeat(codePointWidth(char.codePointAt(0) as number));
  return out;
}

function safeCut(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return index > 0 && code >= 0xdc00 && code <= 0xdfff ? index - 1 : index;
}

/**
 * Renders source lines around a span with line numbers and carets under the span (biome style):
 *
 * ```
 *   1 │ {
 * > 2 │   "RoleSessionName": "has space",
 *     │                      ^^^^^^^^^^^ label
 *   3 │ }
 * ```
 *
 * Multi-line spans get carets on every line they cover (the middle of very long spans is elided
 * with `⋮`); an empty span gets one caret. Long lines scroll horizontally to the span with `…` at
 * the cut ends. Trailing whitespace is trimmed from every output line. Never throws.
 */
export function renderCodeFrame(text: string, span: Span, options: CodeFrameOptions = {}): string {
  const index = options.lineIndex ?? new LineIndex(text);
  const contextLines = Math.max(0, Math.floor(options.contextLines ?? 1));
  const maxWidth = Math.max(20, Math.floor(options.maxWidth ?? 100));
  const color = options.color === true;
  const s = index.normalizeSpan(span);
  const start = index.positionAt(s.start);
  const end = index.positionAt(s.end);
  // A span ending right after a line break marks nothing on the next line.
  const lastLine = end.line > start.line && end.offset === index.lineStart(end.line) ? end.line - 1 : end.line;
  const firstShown = Math.max(1, start.line - contextLines);
  const lastShown = Math.min(index.lineCount, lastLine + contextLines);

  let shown: (number | 'gap')[] = [];
  for (let line = firstShown; line <= lastShown; line++) shown.push(line);
  if (lastLine - start.line + 1 > MAX_SPAN_LINES) {
    const head = shown.filter((l) => typeof l === 'number' && l < start.line + 3);
    const tail = shown.filter((l) => typeof l === 'number' && l > lastLine - 2);
    shown = [...head, 'gap', ...tail];
  }

  // One horizontal window for the whole frame, so carets on different lines stay comparable.
  const longest = shown.reduce<number>((m, l) => Math.max(m, l === 'gap' ? 0 : index.lineEnd(l) - index.lineStart(l)), -Infinity);
  const windowStart = longest > maxWidth ? safeCut(index.text, index.lineStart(start.line) + Math.max(0, start.column - 1 - Math.floor(maxWidth / 3))) - index.lineStart(start.line) : 0;

  const gutterWidth = String(lastShown).length;
  const paint = (code: string, value: string): string => (color && value !== '' ? `${code}${value}${RESET}` : value);
  const out: string[] = [];
  for (const line of shown) {
    if (line === 'gap') {
      out.push(`  ${' '.repeat(gutterWidth)} ${paint(DIM, '⋮')}`);
      continue;
    }
    const lineStart = index.lineStart(line);
    const lineEnd = index.lineEnd(line);
    const raw = index.text.slice(lineStart, lineEnd);
    const from = Math.min(windowStart, raw.length);
    const to = raw.length - from > maxWidth ? safeCut(raw, from + maxWidth) : raw.length;
    const prefix = from > 0 ? '…' : '';
    const suffix = to < raw.length ? '…' : '';
    const visible = sanitizeForTerminal(raw.slice(from, to));
    const inSpan = line >= start.line && line <= lastLine;
    const marker = inSpan ? paint(RED + BOLD, '>') : ' ';
    out.push(`${marker} ${paint(DIM, String(line).padStart(gutterWidth))} ${paint(DIM, '│')} ${prefix}${visible}${suffix}`.trimEnd());
    if (!inSpan) continue;

    // Caret range on this line, in code units relative to the line.
    let caretFrom = line === start.line ? s.start - lineStart : raw.length - raw.trimStart().length;
    let caretTo = line === lastLine ? Math.min(s.end, lineEnd) - lineStart : raw.length;
    if (line !== start.line && caretFrom >= caretTo) continue;
    caretFrom = Math.min(Math.max(caretFrom, from), to);
    caretTo = Math.min(Math.max(caretTo, caretFrom), to);
    const before = prefix + sanitizeForTerminal(raw.slice(from, caretFrom));
    const carets = '^'.repeat(Math.max(1, displayWidth(sanitizeForTerminal(raw.slice(caretFrom, caretTo)))));
    const label = line === lastLine && options.label ? ` ${sanitizeForTerminal(options.label)}` : '';
    out.push(`  ${' '.repeat(gutterWidth)} ${paint(DIM, '│')} ${padUnder(before)}${paint(RED + BOLD, carets)}${label}`.trimEnd());
  }
  return out.join('\n');
}
