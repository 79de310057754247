/**
 * yaml's Document → the plain template tree. No custom tags are registered: an unknown tag such as
 * `!GetAtt [A, B]` keeps its node kind, range and `tag` (only a TAG_RESOLVE_FAILED warning, which
 * is dropped), which is exactly what rolecall needs, while custom collection tags would lose the
 * positions inside them (parsers.md §2.2). Aliases are followed with a node budget, so an alias bomb
 * ends with a finding instead of an explosion.
 */
import type { Span } from '@rolecall/core';
import type { Document, Node as YamlNode, Pair, Scalar } from 'yaml';
import { Budget, identityTable, type CEntry, type CNode } from './tree.js';

type YamlModule = typeof import('yaml');

/** A tag's `!` comes before the node's range; widen the span to include it. */
function withTag(text: string, span: Span, tag: string | undefined): Span {
  if (tag === undefined || !tag.startsWith('!')) return span;
  const at = text.lastIndexOf(tag, span.start);
  if (at < 0 || text.slice(at + tag.length, span.start).trim() !== '') return span;
  return { start: at, end: span.end };
}

function rangeOf(node: { range?: readonly [number, number, number] | null }): Span {
  const r = node.range;
  return r ? { start: r[0], end: r[1] } : { start: 0, end: 0 };
}

/**
 * Decoded index → offset for a scalar. Exact for plain and quoted scalars on one line (escapes in
 * double quotes and `''` in single quotes are mapped) and for block literals (`|`, the indentation
 * removed line by line, parsers.md §2.3); other multi-line forms map every index to the scalar's
 * start, so a finding inside them lands on the whole value's first character.
 */
function scalarOffsets(text: string, node: Scalar, span: Span, value: string): ArrayLike<number> {
  const raw = text.slice(span.start, span.end);
  const fallback = (): number[] => {
    const t = new Array<number>(value.length + 1).fill(span.start);
    t[value.length] = span.end;
    return t;
  };
  if (node.type === 'PLAIN' && raw === value) return identityTable(span.start, value.length);
  if (node.type === 'QUOTE_SINGLE' && !/[\r\n]/.test(raw)) {
    const table: number[] = [];
    for (let i = span.start + 1; i < span.end - 1; i++) {
      table.push(i);
      if (text[i] === "'" && text[i + 1] === "'") i++;
    }
    table.push(span.end - 1);
    return table.length === value.length + 1 ? table : fallback();
  }
  if (node.type === 'QUOTE_DOUBLE' && !/[\r\n]/.test(raw)) {
    if (!raw.includes('\\')) return raw.length === value.length + 2 ? identityTable(span.start + 1, value.length) : fallback();
    const table: number[] = [];
    for (let i = span.start + 1; i < span.end - 1; i++) {
      table.push(i);
      if (text[i] !== '\\') continue;
      const c = text[i + 1];
      const width = c === 'x' ? 3 : c === 'u' ? 5 : c === 'U' ? 9 : 1;
      // \U beyond the BMP decodes to two UTF-16 units.
      if (c === 'U' && value.length > 0) {
        const cp = parseInt(text.slice(i + 2, i + 10), 16);
        if (cp > 0xffff) table.push(i);
      }
      i += width;
    }
    table.push(span.end - 1);
    return table.length === value.length + 1 ? table : fallback();
  }
  if (node.type === 'BLOCK_LITERAL') {
    // Content starts on the line after the header; each line loses the same indentation.
    const table: number[] = [];
    let at = text.indexOf('\n', span.start) + 1;
    if (at <= 0) return fallback();
    const lines: { start: number; end: number }[] = [];
    while (at < span.end) {
      let end = text.indexOf('\n', at);
      if (end < 0 || end > span.end) end = span.end;
      const lineEnd = text[end - 1] === '\r' ? end - 1 : end;
      lines.push({ start: at, end: lineEnd });
      at = end + 1;
    }
    const indents = lines.filter((l) => text.slice(l.start, l.end).trim() !== '').map((l) => /^ */.exec(text.slice(l.start, l.end))![0].length);
    const indent = indents.length > 0 ? Math.min(...indents.slice(0, 1000)) : 0;
    for (const l of lines) {
      for (let i = Math.min(l.start + indent, l.end); i < l.end; i++) table.push(i);
      table.push(l.end);
      if (table.length >= value.length + 1) break;
    }
    table.length = Math.min(table.length, value.length + 1);
    while (table.length < value.length + 1) table.push(span.end);
    const decoded = table.slice(0, value.length).map((o) => text[o] ?? '\n').join('');
    return decoded.replace(/\r/g, '') === value.replace(/\r/g, '') ? table : fallback();
  }
  return fallback();
}

export interface YamlTree {
  readonly root: CNode | undefined;
  readonly problems: readonly { message: string; span: Span }[];
  readonly comments: readonly { text: string; span: Span }[];
}

/** yaml error codes in the words of a template author. */
function problemMessage(code: string, message: string, key?: string): string {
  const first = message.split('\n')[0] ?? message;
  if (code === 'DUPLICATE_KEY') return `${key === undefined ? 'A key' : `The key ${JSON.stringify(key)}`} appears twice in this mapping: cfn-lint rejects the template, and which value CloudFormation would keep is not defined.`;
  return `YAML syntax error: ${first.replace(/ at line \d+, column \d+:?$/, '')}.`.replace(/\.\.$/, '.');
}

const UNCLOSED_QUOTE = /^Missing closing .?quote/;

/**
 * The text with the line breaks inside every quoted scalar that spans lines replaced by spaces
 * (`\n` and `\r` one for one, so offsets do not move). A quoted scalar starts after `: `, `- `, `[`,
 * `{` or `,`; `''` inside single quotes and `\"` inside double quotes do not close it. Comments are
 * skipped. Linear in the text.
 */
export function joinQuotedContinuations(text: string): string {
  const out = text.split('');
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if ((c === "'" || c === '"') && /(?:^|[:\-[{,]\s*|\s)$/.test(text.slice(Math.max(0, i - 2), i)) && (i === 0 || /[\s[{,]/.test(text[i - 1]!) || text[i - 1] === '\n')) {
      let j = i + 1;
      for (; j < text.length; j++) {
        if (c === "'" && text[j] === "'") {
          if (text[j + 1] === "'") {
            j++;
            continue;
          }
          break;
        }
        if (c === '"' && text[j] === '\\') {
          j++;
          continue;
        }
        if (c === '"' && text[j] === '"') break;
      }
      if (j >= text.length) return out.join('');
      for (let k = i + 1; k < j; k++) if (text[k] === '\n' || text[k] === '\r') out[k] = ' ';
      i = j + 1;
      continue;
    }
    i++;
  }
  return out.join('');
}

/** Parses YAML and builds the tree; `budget` bounds the nodes built (aliases included). */
export function yamlTree(yaml: YamlModule, text: string, budget: Budget): YamlTree {
  const options = { uniqueKeys: true, strict: false, prettyErrors: false } as const;
  let doc: Document = yaml.parseDocument(text, options);
  if (doc.errors.some((e) => UNCLOSED_QUOTE.test(e.message))) {
    // yaml requires the continuation lines of a quoted scalar to be indented deeper than its key;
    // PyYAML (cfn-lint) and CloudFormation accept them at the key's indentation. Read such scalars
    // with their line breaks blanked out (same length, so every offset stays valid) and keep that
    // reading when it has fewer errors.
    const relaxed = yaml.parseDocument(joinQuotedContinuations(text), options);
    if (relaxed.errors.length < doc.errors.length) doc = relaxed;
  }
  const problems = doc.errors.map((e) => {
    const start = Math.min(e.pos[0], text.length);
    let end = Math.min(Math.max(e.pos[1], e.pos[0]), text.length);
    let key: string | undefined;
    // yaml marks one character of a repeated key; the finding covers the key, up to its colon.
    if (e.code === 'DUPLICATE_KEY') {
      const m = /^[^:\r\n]*?(?=\s*:)/.exec(text.slice(start, start + 1024));
      if (m !== null && m[0].length > 0) {
        end = start + m[0].length;
        key = m[0].replace(/^["']|["']$/g, '');
      }
    }
    return { message: problemMessage(e.code, e.message, key), span: { start, end } };
  });
  const comments = collectComments(yaml, text);
  const build = (node: YamlNode | Pair | null | undefined, aliasDepth: number): CNode | undefined => {
    if (node === null || node === undefined) return undefined;
    if (yaml.isAlias(node)) {
      const span = rangeOf(node);
      budget.spend(span);
      // An alias is the anchored node: its own span is the use, the anchor's place is its origin,
      // and what is inside keeps the anchor's positions (parsers.md §2.2: report both).
      if (aliasDepth > 64) return undefined;
      const target = node.resolve(doc);
      const built = target === undefined ? undefined : build(target as YamlNode, aliasDepth + 1);
      return built === undefined ? undefined : { ...built, span, anchor: { span: built.span, name: node.source } };
    }
    if (yaml.isScalar(node)) {
      const base = rangeOf(node);
      budget.spend(base);
      const tag = node.tag;
      const span = withTag(text, base, tag);
      const raw = node.value;
      const value = typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' || raw === null ? raw : String(raw);
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      const source = text.slice(base.start, base.end);
      if (typeof value === 'string') {
        return { kind: 'scalar', span, value, source, quoted, offsets: scalarOffsets(text, node, base, value), ...(tag !== undefined && tag.startsWith('!') ? { tag } : {}) };
      }
      return { kind: 'scalar', span, value, source, quoted, ...(tag !== undefined && tag.startsWith('!') ? { tag } : {}) };
    }
    if (yaml.isMap(node)) {
      const span = withTag(text, rangeOf(node), node.tag);
      budget.spend(span);
      const entries: CEntry[] = [];
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode | null;
        const key = yaml.isScalar(keyNode) ? String(keyNode.value) : keyNode !== null && keyNode !== undefined ? String(keyNode) : '';
        const keySpan = keyNode && 'range' in keyNode && keyNode.range ? rangeOf(keyNode) : span;
        const value = build(pair.value as YamlNode | null, aliasDepth);
        entries.push({ key, keySpan, value: value ?? { kind: 'scalar', span: { start: keySpan.end, end: keySpan.end }, value: null, source: '', quoted: false } });
      }
      return { kind: 'map', span, entries, ...(node.tag?.startsWith('!') ? { tag: node.tag } : {}) };
    }
    if (yaml.isSeq(node)) {
      const span = withTag(text, rangeOf(node), node.tag);
      budget.spend(span);
      const items: CNode[] = [];
      for (const item of node.items) {
        const built = build(item as YamlNode, aliasDepth);
        if (built !== undefined) items.push(built);
      }
      return { kind: 'seq', span, items, ...(node.tag?.startsWith('!') ? { tag: node.tag } : {}) };
    }
    return undefined;
  };
  return { root: build(doc.contents as YamlNode | null, 0), problems, comments };
}

/**
 * `#` comments, for suppression directives, from yaml's CST: every comment is a source token
 * `{ type: 'comment', offset, source }` somewhere in the token tree, so a generic walk finds them
 * all (a `#` inside a quoted string is no such token).
 */
function collectComments(yaml: YamlModule, text: string): { text: string; span: Span }[] {
  const out: { text: string; span: Span }[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const v of value) walk(v);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const token = value as { type?: unknown; offset?: unknown; source?: unknown };
    if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
      out.push({ text: token.source.slice(1), span: { start: token.offset, end: token.offset + token.source.length } });
      return;
    }
    for (const key of Object.keys(value)) if (key !== 'source') walk((value as Record<string, unknown>)[key]);
  };
  for (const token of new yaml.Parser().parse(text)) walk(token);
  out.sort((a, b) => a.span.start - b.span.start);
  return out;
}

