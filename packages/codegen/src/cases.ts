/**
 * Test vectors for every member schema, in the JSON-Schema-Test-Suite layout: boundary values
 * n-1, n, n+1 for every length, range and item limit, plus the hand-curated character-class edges
 * from `schemas/source/charset-cases.json`. Long strings are written as `{ "$repeat": c, "count": n }`
 * so a 100,000-character boundary does not bloat the repository.
 */
import type { CharsetCases } from './reference.js';
import type { Constraints, MemberSpec } from './schemas.js';

export interface Vector {
  readonly description: string;
  readonly data: unknown;
  readonly valid: boolean;
  /** The ajv keyword that must reject an invalid vector. */
  readonly keyword?: string;
}

export interface CaseGroup {
  readonly description: string;
  readonly schema: { readonly $ref: string };
  readonly tests: readonly Vector[];
}

const INLINE_MAX = 256;

/** A string of `count` copies of `c`, written compactly when long. */
export function repeat(c: string, count: number): unknown {
  return count > INLINE_MAX ? { $repeat: c, count } : c.repeat(count);
}

/** Expands the compact `$repeat` form back into data. */
export function expand(data: unknown): unknown {
  if (Array.isArray(data)) return data.map(expand);
  if (data && typeof data === 'object') {
    const o = data as Record<string, unknown>;
    if (typeof o['$repeat'] === 'string' && typeof o['count'] === 'number' && Object.keys(o).length === 2) return o['$repeat'].repeat(o['count']);
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, expand(v)]));
  }
  return data;
}

function lengths(min: number | undefined, max: number | undefined, unbounded: number): { n: number; valid: boolean; keyword?: string; why: string }[] {
  const out: { n: number; valid: boolean; keyword?: string; why: string }[] = [];
  const push = (n: number, why: string): void => {
    if (n < 0 || out.some((o) => o.n === n)) return;
    const tooShort = min !== undefined && n < min;
    const tooLong = max !== undefined && n > max;
    out.push(tooShort ? { n, valid: false, keyword: 'minLength', why } : tooLong ? { n, valid: false, keyword: 'maxLength', why } : { n, valid: true, why });
  };
  if (min !== undefined) {
    push(min - 1, 'min-1');
    push(min, 'min');
    push(min + 1, 'min+1');
  }
  if (max !== undefined) {
    push(max - 1, 'max-1');
    push(max, 'max');
    push(max + 1, 'max+1');
  } else {
    // No maximum in the model: a value past every documented limit must still pass the schema.
    push(unbounded, 'past the documented plaintext limit; no model maximum');
  }
  return out;
}

function stringVectors(c: Constraints, charsets: CharsetCases, label: string, unbounded: number): Vector[] {
  const cs = c.modelPattern ? charsets.patterns[c.modelPattern] : undefined;
  if (c.modelPattern && !cs) throw new Error(`no charset cases for pattern ${c.modelPattern} (${label})`);
  const filler = cs?.filler ?? 'a';
  const vectors: Vector[] = [];
  for (const l of lengths(c.minLength, c.maxLength, unbounded)) {
    vectors.push({ description: `${label}: length ${l.n} (${l.why})`, data: repeat(filler, l.n), valid: l.valid, ...(l.keyword ? { keyword: l.keyword } : {}) });
  }
  const fit = (s: string): string | undefined => {
    const cps = [...s].length;
    const padded = c.minLength !== undefined && cps < c.minLength ? s + filler.repeat(c.minLength - cps) : s;
    return c.maxLength !== undefined && [...padded].length > c.maxLength ? undefined : padded;
  };
  for (const v of cs?.valid ?? []) {
    const data = fit(v);
    if (data !== undefined) vectors.push({ description: `${label}: accepted characters ${JSON.stringify(v)}`, data, valid: true });
  }
  for (const [v, why] of cs?.invalid ?? []) {
    const data = fit(v);
    if (data !== undefined) vectors.push({ description: `${label}: rejected character (${why})`, data, valid: false, keyword: 'pattern' });
  }
  return vectors;
}

function integerVectors(c: Constraints, label: string): Vector[] {
  const out: Vector[] = [];
  const seen = new Set<number>();
  const push = (n: number, why: string): void => {
    if (seen.has(n)) return;
    seen.add(n);
    const low = c.min !== undefined && n < c.min;
    const high = c.max !== undefined && n > c.max;
    out.push({ description: `${label}: ${n} (${why})`, data: n, valid: !low && !high, ...(low ? { keyword: 'minimum' } : high ? { keyword: 'maximum' } : {}) });
  };
  if (c.min !== undefined) [c.min - 1, c.min, c.min + 1].forEach((n, i) => push(n, ['min-1', 'min', 'min+1'][i]!));
  if (c.max !== undefined) [c.max - 1, c.max, c.max + 1].forEach((n, i) => push(n, ['max-1', 'max', 'max+1'][i]!));
  const mid = c.min ?? 0;
  out.push({ description: `${label}: fractional number`, data: mid + 0.5, valid: false, keyword: 'type' });
  out.push({ description: `${label}: numeric string`, data: String(mid), valid: false, keyword: 'type' });
  return out;
}

/** A valid value for constraints `c`, made distinct by `i` where the type allows. */
function sample(c: Constraints, charsets: CharsetCases, example: unknown, i: number): unknown {
  if (c.type === 'structure') {
    const ex = (example ?? {}) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(c.fields ?? {}).map(([k, f], j) => [k, sample(f, charsets, ex[k], j === 0 ? i : 0)]));
  }
  if (c.type === 'integer') return c.min ?? 0;
  const filler = (c.modelPattern ? charsets.patterns[c.modelPattern]?.filler : undefined) ?? 'a';
  const base = typeof example === 'string' ? example : filler.repeat(Math.max(c.minLength ?? 1, 1));
  const distinct = i === 0 ? base : `${base}${filler.repeat(i % 7)}${String(i).replace(/\d/g, (d) => (/[\d]/.test(filler) ? d : filler))}`;
  return c.maxLength !== undefined && distinct.length > c.maxLength ? base : distinct;
}

function listVectors(c: Constraints, charsets: CharsetCases, label: string, example: unknown, unbounded: number): Vector[] {
  const out: Vector[] = [];
  const items = c.items!;
  const exItem = Array.isArray(example) ? example[0] : undefined;
  const list = (n: number): unknown[] => Array.from({ length: n }, (_, i) => sample(items, charsets, exItem, i));
  const seen = new Set<number>();
  const push = (n: number, why: string): void => {
    if (n < 0 || seen.has(n)) return;
    seen.add(n);
    const few = c.minItems !== undefined && n < c.minItems;
    const many = c.maxItems !== undefined && n > c.maxItems;
    out.push({ description: `${label}: ${n} items (${why})`, data: list(n), valid: !few && !many, ...(few ? { keyword: 'minItems' } : many ? { keyword: 'maxItems' } : {}) });
  };
  if (c.minItems !== undefined) [c.minItems - 1, c.minItems, c.minItems + 1].forEach((n, i) => push(n, ['min-1', 'min', 'min+1'][i]!));
  else push(0, 'empty list');
  if (c.maxItems !== undefined) [c.maxItems - 1, c.maxItems, c.maxItems + 1].forEach((n, i) => push(n, ['max-1', 'max', 'max+1'][i]!));
  // Item-level vectors: each item field's boundaries, wrapped in a one-item list.
  const one = (v: unknown): unknown[] => (c.minItems && c.minItems > 1 ? [v, ...list(c.minItems).slice(1)] : [v]);
  const itemVectors =
    items.type === 'structure'
      ? Object.entries(items.fields ?? {}).flatMap(([field, fc]) =>
          (fc.type === 'string' ? stringVectors(fc, charsets, `${label}[0].${field}`, unbounded) : fc.type === 'integer' ? integerVectors(fc, `${label}[0].${field}`) : []).map((v) => ({
            ...v,
            data: one({ ...(sample(items, charsets, exItem, 0) as object), [field]: v.data }),
          })),
        )
      : items.type === 'string'
        ? stringVectors(items, charsets, `${label}[0]`, unbounded).map((v) => ({ ...v, data: one(v.data) }))
        : [];
  out.push(...itemVectors);
  if (items.type === 'structure') {
    const required = Object.entries(items.fields ?? {}).filter(([, f]) => f.required);
    for (const [field] of required) {
      const item = { ...(sample(items, charsets, exItem, 0) as Record<string, unknown>) };
      delete item[field];
      out.push({ description: `${label}[0]: missing required ${field}`, data: one(item), valid: false, keyword: 'required' });
    }
    out.push({ description: `${label}[0]: unknown field`, data: one({ ...(sample(items, charsets, exItem, 0) as object), Unknown: 'x' }), valid: false, keyword: 'additionalProperties' });
  }
  out.push({ description: `${label}: not a list`, data: 'x', valid: false, keyword: 'type' });
  return out;
}

/**
 * `unbounded` is the length probed where the model sets no maximum (AssumeRole.Policy since 2023):
 * twice the documented plaintext limit, so the vector shows the schema follows the model, not the docs.
 */
export function buildCases(spec: MemberSpec, charsets: CharsetCases, unbounded: number): CaseGroup {
  const c = spec.constraints;
  const label = spec.member;
  const example = spec.refMember.shape ? charsets.examples[spec.refMember.shape] : undefined;
  const tests =
    c.type === 'string'
      ? [...stringVectors(c, charsets, label, unbounded), { description: `${label}: wrong type`, data: 42, valid: false, keyword: 'type' }]
      : c.type === 'integer'
        ? integerVectors(c, label)
        : c.type === 'list'
          ? listVectors(c, charsets, label, example, unbounded)
          : [];
  return { description: `${spec.operation}.${spec.member} (${spec.profile})`, schema: { $ref: spec.id }, tests };
}
