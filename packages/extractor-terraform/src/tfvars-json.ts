/**
 * `*.tfvars.json`: a JSON object of variable values (Terraform reads it like `terraform.tfvars`).
 * Read with jsonc-parser; values become the same value nodes as HCL literals.
 */
import type { ArrayNode, ExtractionProblem, ObjectNode, ValueNode } from '@rolecall/core';
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import type { Definition, FileExports } from './exports.js';

const spanOf = (n: Node) => ({ start: n.offset, end: n.offset + n.length });

function valueOf(text: string, n: Node, depth: number): ValueNode {
  const span = spanOf(n);
  if (depth > 64) return { kind: 'reference', text: text.slice(span.start, span.end), span };
  switch (n.type) {
    case 'string':
      // Positions map 1:1 only without escapes; otherwise every character points at the string.
      return text.slice(span.start + 1, span.end - 1) === n.value ? { kind: 'literal', value: n.value as string, span } : { kind: 'literal', value: n.value as string, span, offsets: { table: new Uint32Array((n.value as string).length + 1).fill(span.start) } };
    case 'number':
    case 'boolean':
    case 'null':
      return { kind: 'literal', value: n.value as number | boolean | null, span };
    case 'array':
      return { kind: 'array', span, items: (n.children ?? []).map((c) => valueOf(text, c, depth + 1)) } satisfies ArrayNode;
    case 'object':
      return {
        kind: 'object',
        span,
        entries: (n.children ?? []).flatMap((prop) => {
          const [k, v] = prop.children ?? [];
          return k !== undefined && v !== undefined ? [{ key: String(k.value), keySpan: spanOf(k), value: valueOf(text, v, depth + 1) }] : [];
        }),
      } satisfies ObjectNode;
    default:
      return { kind: 'reference', text: text.slice(span.start, span.end), span };
  }
}

export function extractTfvarsJson(text: string): { exports?: FileExports; problems: ExtractionProblem[] } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const problems: ExtractionProblem[] = errors.slice(0, 1).map((e) => ({ message: 'JSON syntax error in a .tfvars.json file; Terraform would reject it.', span: { start: e.offset, end: e.offset + Math.max(e.length, 1) } }));
  if (root?.type !== 'object') return { problems };
  const tfvars: Definition[] = [];
  for (const prop of root.children ?? []) {
    const [k, v] = prop.children ?? [];
    if (k === undefined || v === undefined) continue;
    const value = valueOf(text, v, 1);
    tfvars.push({ name: String(k.value), value, text: text.slice(v.offset, v.offset + v.length), span: value.span });
  }
  return { ...(tfvars.length > 0 ? { exports: { tfvars } } : {}), problems };
}
