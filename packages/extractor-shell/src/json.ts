/**
 * JSON written as a flag value (`--tags '[{"Key":"a","Value":"b"}]'`), parsed with jsonc-parser
 * over the decoded word, so positions map through the word's table back into the file.
 */
import type { ValueNode } from '@rolecall/core';
import { parseTree, type Node } from 'jsonc-parser';
import { valueOf, type Chars } from './words.js';

function convert(chars: Chars, node: Node, base: number): ValueNode {
  const start = base + node.offset;
  const end = start + node.length;
  const span = { start: chars.table[start] as number, end: chars.table[end] as number };
  switch (node.type) {
    case 'object':
      return {
        kind: 'object',
        span,
        entries: (node.children ?? []).flatMap((property) => {
          const [key, value] = property.children ?? [];
          if (key === undefined || value === undefined || typeof key.value !== 'string') return [];
          const keyStart = base + key.offset;
          return [{ key: key.value, keySpan: { start: chars.table[keyStart] as number, end: chars.table[keyStart + key.length] as number }, value: convert(chars, value, base) }];
        }),
      };
    case 'array':
      return { kind: 'array', span, items: (node.children ?? []).map((child) => convert(chars, child, base)) };
    case 'string': {
      const raw = chars.text.slice(start + 1, end - 1);
      // Without escapes the decoded string is the raw text, so the word's table applies as is.
      if (raw === node.value || (!raw.includes('\\') && raw.length === String(node.value).length)) return valueOf(chars, start + 1, end - 1);
      const table = new Array<number>(String(node.value).length + 1).fill(span.start);
      table[table.length - 1] = span.end;
      return { kind: 'literal', value: String(node.value), span, offsets: { table } };
    }
    default:
      return { kind: 'literal', value: (node.value as number | boolean | null | undefined) ?? null, span };
  }
}

/** The JSON value in `chars` from index `from`; the word as a plain value when it is not JSON. */
export function json(chars: Chars, from: number): ValueNode {
  const errors: { error: number; offset: number; length: number }[] = [];
  const root = parseTree(chars.text.slice(from), errors, { allowTrailingComma: false, disallowComments: true });
  if (root === undefined || errors.length > 0) return valueOf(chars, from);
  return convert(chars, root, from);
}
