import type { ArrayNode, AssumeRoleCall, CallParameter, LiteralNode, ObjectNode, Operation, Span, StsMember, ValueNode } from '../src/index.js';

/** Span of the `nth` (0-based) occurrence of `needle` in `text`; fails loudly when absent. */
export function spanOf(text: string, needle: string, nth = 0): Span {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' (#${nth}) not in test text`);
  }
  return { start: at, end: at + needle.length };
}

/** A string literal written as `"value"` (no escapes) in `text`. */
export function str(text: string, value: string, nth = 0): LiteralNode {
  return { kind: 'literal', value, span: spanOf(text, JSON.stringify(value), nth) };
}

export function num(text: string, value: number, nth = 0): LiteralNode {
  return { kind: 'literal', value, span: spanOf(text, String(value), nth) };
}

export function arr(span: Span, items: ValueNode[]): ArrayNode {
  return { kind: 'array', span, items };
}

export function obj(text: string, span: Span, entries: [string, ValueNode][], nth = 0): ObjectNode {
  return { kind: 'object', span, entries: entries.map(([key, value]) => ({ key, keySpan: spanOf(text, JSON.stringify(key), nth), value })) };
}

export function param(text: string, member: StsMember, value: ValueNode, key: string = member): CallParameter {
  const quoted = JSON.stringify(key);
  return text.includes(quoted) ? { member, key, keySpan: spanOf(text, quoted), value } : { member, key, value };
}

export function call(text: string, parameters: CallParameter[], extra: Partial<AssumeRoleCall> = {}): AssumeRoleCall {
  return {
    id: 'test:0',
    file: 'input.json',
    extractor: 'test',
    kind: 'cli-input-json',
    operation: 'AssumeRole' as Operation,
    span: { start: 0, end: text.length },
    parameters,
    ...extra,
  };
}
