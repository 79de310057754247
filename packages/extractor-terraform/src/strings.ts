/**
 * Decodes HCL string templates (quoted strings and heredocs) into text with a per-character map
 * back to the file, and holes for `${…}` / `%{…}`. tree-sitter gives only the raw text of a
 * template's literal runs, so the HCL escapes (`\n \r \t \" \\ \uNNNN \UNNNNNNNN`, `$${`, `%%{`)
 * and `<<-` indentation stripping are done here by hand, following hashicorp/hcl's hclsyntax
 * scanner (no JavaScript library decodes HCL strings).
 */
import type { Node } from 'web-tree-sitter';
import type { LiteralNode, Span, TemplateNode, TemplatePart } from '@rolecall/core';
import { offsetMap } from '@rolecall/core';

/** Text being assembled: decoded characters, the file offset of each, and holes. */
export class Assembly {
  readonly parts: TemplatePart[] = [];
  /**
   * @param rawHoles keep `${…}` as written instead of making holes: the text of a Terragrunt
   *   `generate` block is HCL itself, parsed again, and its interpolations stay templates there.
   */
  constructor(private readonly rawHoles = false) {}
  private text = '';
  private offsets: number[] = [];
  /** Offsets of every decoded character of the whole value (holes excluded), for literals. */
  readonly all: number[] = [];
  value = '';

  push(chars: string, offset: number): void {
    this.text += chars;
    this.value += chars;
    for (let i = 0; i < chars.length; i++) {
      this.offsets.push(offset);
      this.all.push(offset);
    }
  }

  hole(expression: string, span: Span, raw?: string): void {
    if (this.rawHoles && raw !== undefined) {
      for (let i = 0; i < raw.length; i++) this.push(raw[i]!, span.start + i);
      return;
    }
    this.flush();
    this.parts.push({ kind: 'hole', expression, span });
  }

  flush(): void {
    if (this.text === '') return;
    this.parts.push({ kind: 'text', value: this.text, span: { start: this.offsets[0]!, end: this.offsets[this.offsets.length - 1]! + 1 } });
    this.text = '';
    this.offsets = [];
  }

  get hasHoles(): boolean {
    return this.parts.some((p) => p.kind === 'hole');
  }

  /** A literal (no holes) or a template, spanning `span`; `end` is the offset just past the text. */
  finish(span: Span, end: number): LiteralNode | TemplateNode {
    this.flush();
    if (this.hasHoles) return { kind: 'template', span, parts: this.parts };
    const table = [...this.all, end];
    const trivial = table.every((o, i) => o === span.start + 1 + i);
    return trivial ? { kind: 'literal', value: this.value, span } : { kind: 'literal', value: this.value, span, offsets: offsetMap(Uint32Array.from(table)) };
  }
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** Appends the raw text `[start, end)` of a template literal run, decoding escapes. */
function pushRaw(out: Assembly, text: string, start: number, end: number, backslashes: boolean): void {
  let i = start;
  while (i < end) {
    const ch = text[i]!;
    if (backslashes && ch === '\\' && i + 1 < end) {
      const next = text[i + 1]!;
      const simple = SIMPLE_ESCAPES[next];
      if (simple !== undefined) {
        out.push(simple, i);
        i += 2;
        continue;
      }
      const width = next === 'u' ? 4 : next === 'U' ? 8 : 0;
      const hex = text.slice(i + 2, i + 2 + width);
      if (width > 0 && hex.length === width && /^[0-9a-fA-F]+$/.test(hex)) {
        const code = parseInt(hex, 16);
        out.push(code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd', i);
        i += 2 + width;
        continue;
      }
    }
    if ((ch === '$' || ch === '%') && text[i + 1] === ch && text[i + 2] === '{') {
      out.push(`${ch}{`, i);
      i += 3;
      continue;
    }
    out.push(ch, i);
    i++;
  }
}

/** Adds a template's children (literal runs, interpolations, directives) between two offsets. */
function pushChildren(out: Assembly, text: string, node: Node, from: number, to: number, backslashes: boolean, strip?: (start: number, end: number) => void): void {
  let pos = from;
  for (const child of node.children) {
    if (child === null) continue;
    if (child.type !== 'template_interpolation' && child.type !== 'template_directive') continue;
    if (child.startIndex < from || child.endIndex > to) continue;
    if (strip) strip(pos, child.startIndex);
    else pushRaw(out, text, pos, child.startIndex, backslashes);
    const inner = child.namedChildren.find((c) => c !== null && c.type === 'expression');
    out.hole(inner?.text ?? child.text, { start: child.startIndex, end: child.endIndex }, child.text);
    pos = child.endIndex;
  }
  if (strip) strip(pos, to);
  else pushRaw(out, text, pos, to, backslashes);
}

/** A quoted string (`string_lit` or `quoted_template`). */
export function quotedValue(text: string, node: Node, rawHoles = false): LiteralNode | TemplateNode {
  const out = new Assembly(rawHoles);
  const open = node.startIndex + 1;
  const last = node.children[node.children.length - 1];
  const close = last?.type === 'quoted_template_end' ? last.startIndex : node.endIndex;
  pushChildren(out, text, node, open, close, true);
  return out.finish({ start: node.startIndex, end: node.endIndex }, close);
}

/**
 * A heredoc (`<<EOT` or `<<-EOT`). The body runs from the line after the opening marker to the
 * start of the closing marker's line; `<<-` removes the smallest indentation of its non-blank
 * lines from every line (hclsyntax does the same).
 */
export function heredocValue(text: string, node: Node, rawHoles = false): LiteralNode | TemplateNode {
  const out = new Assembly(rawHoles);
  const markers = node.children.filter((c) => c !== null && c.type === 'heredoc_identifier');
  const openMarker = markers[0];
  const closeMarker = markers[1];
  const bodyStart = openMarker ? lineEnd(text, openMarker.endIndex) : node.endIndex;
  const bodyEnd = closeMarker ? lineStart(text, closeMarker.startIndex) : node.endIndex;
  const span = { start: node.startIndex, end: node.endIndex };
  if (bodyStart >= bodyEnd) return out.finish(span, bodyStart);
  const indented = node.children.some((c) => c !== null && c.type === 'heredoc_start' && c.text === '<<-');
  if (!indented) {
    pushChildren(out, text, node, bodyStart, bodyEnd, false);
    return out.finish(span, bodyEnd);
  }
  const width = minIndent(text, bodyStart, bodyEnd);
  pushChildren(out, text, node, bodyStart, bodyEnd, false, (start, end) => {
    // Drop up to `width` leading spaces of each line that starts inside [start, end).
    let i = start;
    while (i < end) {
      if (i === bodyStart || text[i - 1] === '\n') {
        let n = 0;
        while (n < width && i < end && (text[i] === ' ' || text[i] === '\t')) {
          i++;
          n++;
        }
      }
      const nl = text.indexOf('\n', i);
      const stop = nl < 0 || nl >= end ? end : nl + 1;
      pushRaw(out, text, i, stop, false);
      i = stop;
    }
  });
  return out.finish(span, bodyEnd);
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl + 1;
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

function minIndent(text: string, start: number, end: number): number {
  let min = Infinity;
  let i = start;
  while (i < end) {
    let n = 0;
    while (i + n < end && (text[i + n] === ' ' || text[i + n] === '\t')) n++;
    const nl = text.indexOf('\n', i);
    const stop = nl < 0 || nl >= end ? end : nl + 1;
    const blank = text.slice(i + n, stop).trim() === '';
    if (!blank) min = Math.min(min, n);
    i = stop;
  }
  return min === Infinity ? 0 : min;
}
