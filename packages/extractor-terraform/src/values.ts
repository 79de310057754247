/**
 * HCL expressions (tree-sitter nodes) → the call model's value nodes. Literals keep their exact
 * spans; strings map each decoded character back to the file; `jsonencode({ … })` becomes the JSON
 * text Terraform would send, every character mapped to the HCL that produced it; anything that
 * needs evaluation (`var.x`, `local.x`, functions, conditionals) is a `reference` the project
 * pass may resolve later.
 */
import type { Node } from 'web-tree-sitter';
import type { ArrayNode, LiteralNode, ObjectEntry, ObjectNode, ReferenceNode, Span, TemplateNode, ValueNode } from '@rolecall/core';
import { offsetMap } from '@rolecall/core';
import { Assembly, heredocValue, quotedValue } from './strings.js';

/** Nesting deeper than this inside one value becomes a reference (no real policy nests this deep). */
export const MAX_VALUE_DEPTH = 64;

export const spanOf = (node: Node): Span => ({ start: node.startIndex, end: node.endIndex });

const named = (node: Node): Node[] => node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');

/** `aws_iam_role.<name>.arn`: a reference to a role of the module, by the handle its definition lists. */
const ROLE_ARN_REFERENCE = /^aws_iam_role\.([A-Za-z_][\w-]*)\.arn$/;

function reference(node: Node): ReferenceNode {
  const role = ROLE_ARN_REFERENCE.exec(node.text);
  return { kind: 'reference', text: node.text, span: spanOf(node), ...(role !== null ? { refersTo: `aws_iam_role.${role[1]}` } : {}) };
}

/** Strips `expression` wrappers; undefined when the expression has accessors (`a.b`, `a[0]`). */
function term(node: Node): Node | undefined {
  let n = node;
  while (n.type === 'expression') {
    const kids = named(n);
    if (kids.length !== 1) return undefined;
    n = kids[0]!;
  }
  return n;
}

/** The value of an attribute's expression. */
export function valueOf(text: string, node: Node, depth = 0): ValueNode {
  const t = term(node);
  if (t === undefined || depth > MAX_VALUE_DEPTH) return reference(node);
  switch (t.type) {
    case 'literal_value':
      return literal(text, t, node);
    case 'template_expr': {
      const inner = named(t)[0];
      if (inner?.type === 'quoted_template') return quotedValue(text, inner);
      if (inner?.type === 'heredoc_template') return heredocValue(text, inner);
      return reference(node);
    }
    case 'collection_value': {
      const inner = named(t)[0];
      if (inner?.type === 'tuple') return { kind: 'array', span: spanOf(t), items: named(inner).filter((c) => c.type === 'expression').map((c) => valueOf(text, c, depth + 1)) } satisfies ArrayNode;
      if (inner?.type === 'object') return objectOf(text, inner, depth);
      return reference(node);
    }
    case 'operation': {
      // `-1`: a negative number is an operation in HCL's grammar.
      const unary = named(t)[0];
      const operand = unary?.type === 'unary_operation' ? named(unary)[0] : undefined;
      if (unary !== undefined && unary.text.startsWith('-') && operand?.type === 'literal_value' && named(operand)[0]?.type === 'numeric_lit') {
        return { kind: 'literal', value: -Number(named(operand)[0]!.text), span: spanOf(t) };
      }
      return reference(node);
    }
    case 'function_call': {
      const name = named(t)[0];
      if (name?.text === 'jsonencode') {
        const args = named(t).find((c) => c.type === 'function_arguments');
        const arg = args ? named(args) : [];
        if (arg.length === 1) return jsonencode(text, arg[0]!, spanOf(t));
      }
      return reference(node);
    }
    default:
      return reference(node);
  }
}

function literal(text: string, t: Node, whole: Node): ValueNode {
  const inner = named(t)[0];
  if (inner === undefined) return reference(whole);
  switch (inner.type) {
    case 'string_lit':
      return quotedValue(text, inner);
    case 'numeric_lit':
      return { kind: 'literal', value: Number(inner.text), span: spanOf(inner) };
    case 'bool_lit':
      return { kind: 'literal', value: inner.text === 'true', span: spanOf(inner) };
    case 'null_lit':
      return { kind: 'literal', value: null, span: spanOf(inner) };
    default:
      return reference(whole);
  }
}

/** An object key: a bare identifier (`Project`), a quoted string, or an expression in parentheses. */
export function keyOf(text: string, node: Node): { key: string; span: Span; value: LiteralNode } | undefined {
  const t = term(node);
  if (t === undefined) return undefined;
  if (t.type === 'variable_expr') {
    const span = spanOf(t);
    const table = Array.from({ length: t.text.length + 1 }, (_, i) => span.start + i);
    return { key: t.text, span, value: { kind: 'literal', value: t.text, span, offsets: offsetMap(Uint32Array.from(table)) } };
  }
  if (t.type === 'literal_value' && named(t)[0]?.type === 'string_lit') {
    const v = quotedValue(text, named(t)[0]!);
    if (v.kind === 'literal' && typeof v.value === 'string') return { key: v.value, span: v.span, value: v };
  }
  return undefined;
}

function objectOf(text: string, node: Node, depth: number): ValueNode {
  const entries: ObjectEntry[] = [];
  for (const elem of named(node)) {
    if (elem.type !== 'object_elem') continue;
    const [k, v] = named(elem).filter((c) => c.type === 'expression');
    if (k === undefined || v === undefined) continue;
    const key = keyOf(text, k);
    if (key === undefined) return reference(node);
    entries.push({ key: key.key, keySpan: key.span, value: valueOf(text, v, depth + 1) });
  }
  return { kind: 'object', span: spanOf(node), entries } satisfies ObjectNode;
}

/**
 * Go's encoding/json string escaping, which Terraform's jsonencode uses: `<`, `>` and `&` become
 * `\u003c` and friends, U+2028/U+2029 are escaped, other control characters as `\u00XX`.
 */
function jsonEscape(ch: string): string {
  switch (ch) {
    case '"':
      return '\\"';
    case '\\':
      return '\\\\';
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    default: {
      const code = ch.charCodeAt(0);
      if (code < 0x20 || ch === '<' || ch === '>' || ch === '&' || code === 0x2028 || code === 0x2029) return `\\u${code.toString(16).padStart(4, '0')}`;
      return ch;
    }
  }
}

/**
 * Renders `jsonencode(value)` as Terraform does (compact, object keys sorted, Go escaping) into an
 * `Assembly`, so every character of the JSON maps back to the HCL that produced it. Unknown
 * values become holes, and the result a template.
 */
function jsonencode(text: string, arg: Node, span: Span): LiteralNode | TemplateNode {
  const out = new Assembly();
  render(out, text, valueOf(text, arg, 1));
  return out.finish(span, span.end - 1);
}

function renderString(out: Assembly, value: string, offsets: (i: number) => number, quoteOpen: number, quoteClose: number): void {
  out.push('"', quoteOpen);
  for (let i = 0; i < value.length; i++) out.push(jsonEscape(value[i]!), offsets(i));
  out.push('"', quoteClose);
}

function literalOffsets(node: LiteralNode): (i: number) => number {
  const table = node.offsets?.table;
  return table ? (i) => table[i] as number : (i) => node.span.start + 1 + i;
}

function render(out: Assembly, text: string, node: ValueNode): void {
  switch (node.kind) {
    case 'literal': {
      const v = node.value;
      if (typeof v === 'string') renderString(out, v, literalOffsets(node), node.span.start, Math.max(node.span.end - 1, node.span.start));
      else if (typeof v === 'number') out.push(Number.isFinite(v) ? String(v) : text.slice(node.span.start, node.span.end), node.span.start);
      else out.push(String(v), node.span.start);
      return;
    }
    case 'template':
      out.push('"', node.span.start);
      for (const part of node.parts) {
        if (part.kind === 'hole') out.hole(part.expression, part.span);
        else for (let i = 0; i < part.value.length; i++) out.push(jsonEscape(part.value[i]!), Math.min(part.span.start + i, part.span.end - 1));
      }
      out.push('"', node.span.end - 1);
      return;
    case 'array':
      out.push('[', node.span.start);
      node.items.forEach((item, i) => {
        if (i > 0) out.push(',', item.span.start);
        render(out, text, item);
      });
      out.push(']', node.span.end - 1);
      return;
    case 'object': {
      out.push('{', node.span.start);
      const sorted = [...node.entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      sorted.forEach((entry, i) => {
        if (i > 0) out.push(',', entry.keySpan.start);
        const quoted = text[entry.keySpan.start] === '"';
        const base = quoted ? entry.keySpan.start + 1 : entry.keySpan.start;
        renderString(out, entry.key, (k) => base + k, entry.keySpan.start, entry.keySpan.end - 1);
        out.push(':', entry.value.span.start);
        render(out, text, entry.value);
      });
      out.push('}', node.span.end - 1);
      return;
    }
    default:
      out.hole(text.slice(node.span.start, node.span.end), node.span);
      return;
  }
}
