/**
 * Terragrunt `generate` blocks write a file (usually `provider.tf`) from a heredoc. That text is
 * Terraform, so it is extracted like a file of its own, and every span of the result is moved back
 * to where the character is written in the Terragrunt file.
 */
import type { Node } from 'web-tree-sitter';
import type { LiteralNode } from '@rolecall/core';
import { heredocValue, quotedValue } from './strings.js';

/** The generated text with the file offset of each character (holes kept as written). */
export function generatedText(text: string, expression: Node): LiteralNode | undefined {
  let t: Node | null = expression;
  while (t !== null && t.type === 'expression' && t.namedChildCount === 1) t = t.namedChild(0);
  const inner = t?.type === 'template_expr' ? t.namedChild(0) : t?.type === 'literal_value' ? t.namedChild(0) : null;
  if (inner === null || inner === undefined) return undefined;
  const v = inner.type === 'heredoc_template' ? heredocValue(text, inner, true) : inner.type === 'quoted_template' || inner.type === 'string_lit' ? quotedValue(text, inner, true) : undefined;
  return v?.kind === 'literal' && typeof v.value === 'string' ? v : undefined;
}

/**
 * A copy of `value` (plain data) with every offset moved through `table` (generated index → file
 * offset): `{start, end}` spans, and the tables of offset maps. A span's end maps from its last
 * character, so a span never swallows the text between two mapped characters.
 */
export function remap<T>(value: T, table: ArrayLike<number>): T {
  const last = table.length - 1;
  const at = (i: number): number => table[Math.min(Math.max(i, 0), last)] as number;
  const walk = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (ArrayBuffer.isView(v)) return Uint32Array.from(v as Uint32Array, (o) => at(o));
    if (Array.isArray(v)) return v.map(walk);
    const o = v as Record<string, unknown>;
    if (typeof o['start'] === 'number' && typeof o['end'] === 'number' && Object.keys(o).length === 2) {
      const start = o['start'] as number;
      const end = o['end'] as number;
      return { start: at(start), end: end > start ? at(end - 1) + 1 : at(start) };
    }
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, walk(x)]));
  };
  return walk(value) as T;
}
