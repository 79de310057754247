/** Small helpers over tree-sitter-hcl's tree shape: `body > (attribute | block)`. */
import type { Node } from 'web-tree-sitter';
import type { Span } from '@rolecall/core';
import { spanOf } from './values.js';

export const namedChildren = (node: Node): Node[] => node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');

export interface RawAttribute {
  readonly key: string;
  readonly keySpan: Span;
  /** The `expression` node. */
  readonly expression: Node;
  readonly node: Node;
}

/** The `body` of a `config_file` or a `block`. */
export function bodyOf(node: Node): Node | undefined {
  return namedChildren(node).find((c) => c.type === 'body');
}

export function attributes(body: Node | undefined): RawAttribute[] {
  if (body === undefined) return [];
  const out: RawAttribute[] = [];
  for (const child of namedChildren(body)) {
    if (child.type !== 'attribute') continue;
    const [id, expression] = namedChildren(child);
    if (id?.type !== 'identifier' || expression?.type !== 'expression') continue;
    out.push({ key: id.text, keySpan: spanOf(id), expression, node: child });
  }
  return out;
}

export function blocks(body: Node | undefined, type?: string): Node[] {
  if (body === undefined) return [];
  return namedChildren(body).filter((c) => c.type === 'block' && (type === undefined || namedChildren(c)[0]?.text === type));
}

/** A block's labels, decoded (`provider "aws"` → ["aws"]; identifiers count too). */
export function labels(block: Node): string[] {
  return namedChildren(block)
    .slice(1)
    .filter((c) => c.type === 'string_lit' || c.type === 'identifier')
    .map((c) => (c.type === 'identifier' ? c.text : c.text.slice(1, -1)));
}

/** The block's type identifier node. */
export function blockHead(block: Node): Node {
  return namedChildren(block)[0] ?? block;
}
