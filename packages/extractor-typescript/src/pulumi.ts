/**
 * Pulumi's AWS provider: `new aws.Provider(name, { assumeRoles: [{ … }, …] })` (v7; applied in
 * order, so every element after the first is a chained hop) and the older single `assumeRole`.
 * Keys are the camelCase of the bridged Terraform block (design notes §2e); `duration` is a Go
 * duration string (`"1h"`), `tags` a map that STS receives as `Tags: [{ Key, Value }]`.
 */
import type { ArrayNode, CallParameter, LiteralNode, ObjectNode, Span, ValueNode } from '@rolecall/core';
import { offsetMap } from '@rolecall/core';
import type { TSESTree } from '@typescript-eslint/types';
import type { CallDraft } from './calls.js';
import { PULUMI_KEYS } from './modules.js';
import { valueOf, type UseSite, type ValueContext } from './values.js';

const GO_UNITS: Readonly<Record<string, number>> = { h: 3600, m: 60, s: 1, ms: 1e-3, us: 1e-6, 'µs': 1e-6, ns: 1e-9 };
const GO_DURATION = /^([0-9]+(?:\.[0-9]*)?)(h|ms|m|s|us|µs|ns)/;

/**
 * Seconds of a Go `time.ParseDuration` string (`1h30m`, `3600s`); undefined when Go rejects it
 * (no unit, unknown unit). Hand-written: a dozen lines, and no JS library follows Go's grammar.
 */
export function parseGoDuration(text: string): number | undefined {
  let rest = text.startsWith('+') || text.startsWith('-') ? text.slice(1) : text;
  const sign = text.startsWith('-') ? -1 : 1;
  if (rest === '0') return 0;
  if (rest === '') return undefined;
  let total = 0;
  while (rest.length > 0) {
    const m = GO_DURATION.exec(rest);
    if (m === null) return undefined;
    total += Number(m[1]) * GO_UNITS[m[2]!]!;
    rest = rest.slice(m[0].length);
  }
  return sign * total;
}

/** A tag map `{ team: 'x' }` as STS's `[{ Key, Value }]`, each key and value at its own place. */
function tagsOf(ctx: ValueContext, value: ValueNode): ValueNode {
  if (value.kind !== 'object' || ctx.open.has(value)) return value;
  const items: ObjectNode[] = value.entries.map((e) => {
    const quoted = ctx.text[e.keySpan.start] === '"' || ctx.text[e.keySpan.start] === "'";
    const first = e.keySpan.start + (quoted ? 1 : 0);
    const key: LiteralNode = { kind: 'literal', span: e.keySpan, value: e.key, offsets: offsetMap(Array.from({ length: e.key.length + 1 }, (_, i) => Math.min(first + i, e.keySpan.end))) };
    const span: Span = { start: e.keySpan.start, end: e.value.span.end };
    return { kind: 'object', span, entries: [{ key: 'Key', keySpan: e.keySpan, value: key }, { key: 'Value', keySpan: e.keySpan, value: e.value }] };
  });
  const array: ArrayNode = { kind: 'array', span: value.span, items };
  return array;
}

function durationOf(value: ValueNode, ctx: ValueContext): ValueNode {
  if (value.kind !== 'literal' || typeof value.value !== 'string') return value;
  const seconds = parseGoDuration(value.value);
  if (seconds === undefined) return value;
  return { ...value, value: seconds, written: { text: ctx.text.slice(value.span.start, value.span.end), unit: 'go-duration' } };
}

function elementCall(ctx: ValueContext, element: ValueNode, span: Span, chainedFrom: Span | undefined): CallDraft | undefined {
  if (element.kind !== 'object' || ctx.open.has(element)) return undefined;
  const byMember = new Map<string, CallParameter>();
  for (const e of element.entries) {
    const member = PULUMI_KEYS.get(e.key);
    if (member === undefined) continue;
    const value = e.key === 'duration' ? durationOf(e.value, ctx) : e.key === 'tags' ? tagsOf(ctx, e.value) : e.value;
    byMember.delete(member);
    byMember.set(member, { member, key: e.key, keySpan: e.keySpan, value });
  }
  return {
    kind: 'pulumi-provider',
    operation: 'AssumeRole',
    span,
    parameters: [...byMember.values()],
    ...(chainedFrom !== undefined
      ? { context: { roleChaining: true, chainedFrom: { file: ctx.file, span: chainedFrom, message: 'The previous entry of assumeRoles is the source of these credentials (role chaining).' } } }
      : {}),
  };
}

/** The AssumeRole calls of one `new aws.Provider(…)`. */
export function pulumiCalls(ctx: ValueContext, node: TSESTree.NewExpression, site: UseSite): CallDraft[] {
  const arg = node.arguments[1];
  if (arg === undefined || arg.type === 'SpreadElement') return [];
  const options = valueOf(ctx, arg, site);
  if (options.kind !== 'object') return [];
  const out: CallDraft[] = [];
  for (const entry of options.entries) {
    if (entry.key === 'assumeRole') {
      const call = elementCall(ctx, entry.value, entry.value.span, undefined);
      if (call !== undefined) out.push(call);
    } else if (entry.key === 'assumeRoles' && entry.value.kind === 'array') {
      let previous: Span | undefined;
      for (const item of entry.value.items) {
        const call = elementCall(ctx, item, item.span, previous);
        if (call !== undefined) out.push(call);
        previous = item.span;
      }
    }
  }
  return out;
}
