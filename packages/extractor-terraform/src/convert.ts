/**
 * Turns one Terraform/Terragrunt attribute into an STS request parameter in the request's shape,
 * recording syntax-only facts (a `duration` that is no Go duration) on the way.
 */
import type { CallParameter, Fact, LiteralNode, ObjectEntry, Span, StsMember, ValueNode } from '@rolecall/core';
import { parseGoDuration } from './duration.js';

export const FACT_INVALID_DURATION = 'terraform/invalid-duration';

export interface Attribute {
  readonly key: string;
  readonly keySpan: Span;
  readonly value: ValueNode;
}

/** A string literal turned into the number the tool reads, keeping its span and origin (not its string offsets). */
function asNumber(v: LiteralNode, value: number, written: LiteralNode['written']): LiteralNode {
  return { kind: 'literal', value, span: v.span, ...(v.definedAt !== undefined ? { definedAt: v.definedAt } : {}), ...(written !== undefined ? { written } : {}) };
}

/** `Tags: { Project = "x" }` → `[{ Key: "Project", Value: "x" }]`, each entry spanning its line. */
function tagsOf(value: ValueNode): ValueNode {
  if (value.kind !== 'object') return value;
  return {
    kind: 'array',
    span: value.span,
    items: value.entries.map((e) => {
      const keyNode: LiteralNode = { kind: 'literal', value: e.key, span: e.keySpan };
      const entries: ObjectEntry[] = [
        { key: 'Key', keySpan: e.keySpan, value: keyNode },
        { key: 'Value', keySpan: e.keySpan, value: e.value },
      ];
      return { kind: 'object', span: { start: e.keySpan.start, end: e.value.span.end }, entries };
    }),
  };
}

/** `policy_arns = ["arn:…"]` → `[{ arn: "arn:…" }]`. */
function policyArnsOf(value: ValueNode): ValueNode {
  if (value.kind !== 'array') return value;
  return { kind: 'array', span: value.span, items: value.items.map((item) => ({ kind: 'object', span: item.span, entries: [{ key: 'arn', keySpan: item.span, value: item }] })) };
}

/**
 * `duration` (Go duration string, as the provider and the S3 backend read it). Whatever Go's
 * `time.ParseDuration` rejects, and values STS cannot take (negative, fractional seconds), become a
 * fact; a valid one a number of seconds that remembers how it was written.
 */
function goDuration(attr: Attribute, writtenOf: WrittenOf, facts: Fact[]): ValueNode | undefined {
  const v = attr.value;
  if (v.kind !== 'literal') return v;
  const written = writtenOf(v);
  const origin = v.definedAt;
  const fact = (reason: string, extra: Record<string, string | number> = {}): undefined => {
    const related = origin !== undefined ? { related: [{ file: origin.file, span: origin.span, message: `The value is defined here (${origin.description}).` }] } : {};
    facts.push({ kind: FACT_INVALID_DURATION, span: v.span, data: { key: attr.key, value: written, reason, ...extra }, ...related });
    return undefined;
  };
  if (typeof v.value === 'number') return fact('missing-unit', { seconds: v.value });
  if (typeof v.value !== 'string') return fact('invalid');
  const parsed = parseGoDuration(v.value);
  if (!parsed.ok) {
    if (parsed.reason === 'missing-unit' && /^\d+$/.test(v.value)) return fact('missing-unit', { seconds: Number(v.value) });
    return parsed.reason === 'unknown-unit' ? fact('unknown-unit', { unit: parsed.unit ?? '' }) : fact(parsed.reason);
  }
  if (parsed.seconds < 0) return fact('negative');
  if (!Number.isInteger(parsed.seconds)) {
    const seconds = Math.trunc(parsed.seconds);
    fact('fractional', { seconds });
    return asNumber(v, seconds, { text: written, conversion: 'the AWS SDK for Go truncates to whole seconds', unit: 'go-duration' });
  }
  return asNumber(v, parsed.seconds, { text: written, unit: 'go-duration' });
}

/** Seconds as Terraform/Terragrunt read a number attribute: a quoted "3600" is converted. */
function seconds(v: ValueNode, writtenOf: WrittenOf): ValueNode {
  if (v.kind === 'literal' && typeof v.value === 'string' && /^\s*\d+\s*$/.test(v.value)) {
    return asNumber(v, Number(v.value), { text: writtenOf(v), conversion: 'Terraform converts to a number', unit: 'seconds' });
  }
  return v;
}

/** The source text of a literal as the user wrote it (at the use, or at its definition when resolved). */
export type WrittenOf = (node: LiteralNode) => string;

export function toParameter(attr: Attribute, member: StsMember, goDurationKey: boolean, writtenOf: WrittenOf, facts: Fact[]): CallParameter | undefined {
  // `null` means "not set" in Terraform (modules pass it through to get the default).
  if (attr.value.kind === 'literal' && attr.value.value === null) return undefined;
  let value: ValueNode | undefined = attr.value;
  if (member === 'DurationSeconds') value = goDurationKey ? goDuration(attr, writtenOf, facts) : seconds(attr.value, writtenOf);
  else if (member === 'Tags') value = tagsOf(attr.value);
  else if (member === 'PolicyArns') value = policyArnsOf(attr.value);
  if (value === undefined) return undefined;
  return { member, key: attr.key, keySpan: attr.keySpan, value };
}
