/**
 * What the packed-size model measures in an input (PACKED-SIZE.md §"The model"). Shared by the
 * estimator and by `pnpm calibrate`, so the constants are fitted on exactly the numbers the library
 * computes. Nothing here depends on the fitted constants.
 *
 * - Inline policy: the policy is parsed; its grammar keywords (`Version`, `Statement`, `Effect`,
 *   `Action`, …) and fixed values (`2012-10-17`, `Allow`, `Deny`) are dropped; every other string
 *   (Sids, actions, resources, condition operators, keys and values, unknown members) is kept in
 *   document order. The kept strings, each followed by a NUL, are compressed with raw DEFLATE; each
 *   string also costs its varint length prefix (1 byte below 128 bytes). Policy text that is not JSON
 *   is measured as one string.
 * - Managed policy ARNs: raw UTF-8 length plus the length prefix (no compression).
 * - Session tags (and inherited transitive tags): UTF-8 length of key and value, not compressed;
 *   the per-tag overhead is a fitted constant, applied by the model.
 */
import { deflateSync } from 'fflate';
import manifest from '../generated/constraints.generated.json' with { type: 'json' };
import { inflateWithCosts } from './inflate-costs.js';

export type DeflateLevel = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** Grammar keywords of a policy document and of a statement: tokens, not strings. */
const DOCUMENT_KEYWORDS: ReadonlySet<string> = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_KEYWORDS: ReadonlySet<string> = new Set([
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
]);
const VERSIONS: ReadonlySet<string> = new Set(manifest.policyGrammar.versions);
const EFFECTS: ReadonlySet<string> = new Set(manifest.policyGrammar.effects);

/** Bytes of the varint length prefix of a string of `n` bytes. */
export function framingBytes(n: number): number {
  let size = 1;
  while (n >= 128) {
    n = Math.floor(n / 128);
    size++;
  }
  return size;
}

/** UTF-8 length of a string without allocating (lone surrogates count 3, as TextEncoder writes U+FFFD). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** Who a policy string belongs to: a statement index, or one of the catch-alls. */
export const OUTSIDE_STATEMENTS = -1;
export const UNPARSED_TEXT = -2;

export interface StatementMeasure {
  /** Index in the `Statement` array (0 when `Statement` is a single object). */
  readonly index: number;
  /** JSON Pointer inside the policy document, e.g. `/Statement/2`. */
  readonly pointer: string;
  readonly sid: string | undefined;
  /** Up to three actions (or not-actions) for the label. */
  readonly actions: readonly string[];
  /** Compressed bytes charged to this statement's strings plus their length prefixes. */
  readonly units: number;
}

export interface PolicyMeasure {
  /** `json`: parsed; `text`: not JSON, measured as raw text; `absent`: no policy. */
  readonly kind: 'json' | 'text' | 'absent';
  /** Raw DEFLATE size of the kept strings. */
  readonly deflateBytes: number;
  /** Sum of the strings' length prefixes. */
  readonly framingBytes: number;
  readonly stringCount: number;
  /** deflateBytes + framingBytes: the policy document's packed bytes under the model. */
  readonly units: number;
  readonly statements: readonly StatementMeasure[];
  /** Units of strings outside any statement (`Id`, unknown top-level members) or of unparsed text. */
  readonly otherUnits: number;
  /** Plaintext length of the policy as sent (characters), for the 2,048-character limit. */
  readonly plaintextLength: number;
  /** The parsed document when `kind` is `json`. */
  readonly document?: unknown;
}

interface Collected {
  strings: string[];
  owners: number[];
  statements: { index: number; pointer: string; sid: string | undefined; actions: string[] }[];
}

/** Pushes the strings of an arbitrary JSON value (keys and values) in document order, without recursion. */
function collectValue(value: unknown, owner: number, out: Collected): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      out.strings.push(v);
      out.owners.push(owner);
    } else if (typeof v === 'number' || typeof v === 'boolean') {
      out.strings.push(String(v));
      out.owners.push(owner);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, x] = entries[i]!;
        stack.push(x);
        stack.push(k);
      }
    }
  }
}

function collectStatement(stmt: unknown, index: number, pointer: string, out: Collected): void {
  const info = { index, pointer, sid: undefined as string | undefined, actions: [] as string[] };
  out.statements.push(info);
  if (stmt === null || typeof stmt !== 'object' || Array.isArray(stmt)) {
    collectValue(stmt, index, out);
    return;
  }
  for (const [key, value] of Object.entries(stmt)) {
    if (!STATEMENT_KEYWORDS.has(key)) collectValue(key, index, out);
    if (key === 'Effect' && typeof value === 'string' && EFFECTS.has(value)) continue;
    if (key === 'Sid' && typeof value === 'string') info.sid = value;
    if ((key === 'Action' || key === 'NotAction') && info.actions.length < 3) {
      for (const a of Array.isArray(value) ? value : [value]) if (typeof a === 'string' && info.actions.length < 3) info.actions.push(a);
    }
    collectValue(value, index, out);
  }
}

function collectDocument(doc: unknown, out: Collected): void {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    collectValue(doc, OUTSIDE_STATEMENTS, out);
    return;
  }
  for (const [key, value] of Object.entries(doc)) {
    if (!DOCUMENT_KEYWORDS.has(key)) collectValue(key, OUTSIDE_STATEMENTS, out);
    if (key === 'Version' && typeof value === 'string' && VERSIONS.has(value)) continue;
    if (key === 'Statement') {
      if (Array.isArray(value)) value.forEach((s, i) => collectStatement(s, i, `/Statement/${i}`, out));
      else collectStatement(value, 0, '/Statement', out);
      continue;
    }
    collectValue(value, OUTSIDE_STATEMENTS, out);
  }
}

const encoder = new TextEncoder();

/** Encodes the strings, each followed by NUL, and returns the buffer with each string's end offset (after its NUL). */
function encode(strings: readonly string[]): { bytes: Uint8Array; ends: Uint32Array; framing: number } {
  let max = 0;
  for (const s of strings) max += s.length * 3 + 1;
  const buf = new Uint8Array(max);
  const ends = new Uint32Array(strings.length);
  let pos = 0;
  let framing = 0;
  for (let i = 0; i < strings.length; i++) {
    const s = strings[i]!;
    const { written } = encoder.encodeInto(s, buf.subarray(pos));
    framing += framingBytes(written);
    pos += written;
    buf[pos++] = 0;
    ends[i] = pos;
  }
  return { bytes: buf.subarray(0, pos), ends, framing };
}

export const ABSENT_POLICY: PolicyMeasure = {
  kind: 'absent',
  deflateBytes: 0,
  framingBytes: 0,
  stringCount: 0,
  units: 0,
  statements: [],
  otherUnits: 0,
  plaintextLength: 0,
};

/**
 * Measures an inline session policy given as text (what STS receives). `level` is the DEFLATE level
 * the constants were fitted with.
 */
export function measurePolicy(text: string, level: DeflateLevel): PolicyMeasure {
  const out: Collected = { strings: [], owners: [], statements: [] };
  let kind: 'json' | 'text' = 'json';
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    kind = 'text';
  }
  if (kind === 'json' && (document === null || typeof document !== 'object' || Array.isArray(document))) kind = 'text';
  if (kind === 'json') collectDocument(document, out);
  else {
    out.strings.push(text);
    out.owners.push(UNPARSED_TEXT);
  }
  const statements = out.statements.map((s) => ({ ...s, units: 0 }));
  if (out.strings.length === 0) {
    return { ...ABSENT_POLICY, kind, plaintextLength: text.length, statements, ...(kind === 'json' ? { document } : {}) };
  }
  const { bytes, ends, framing } = encode(out.strings);
  const compressed = deflateSync(bytes, { level });
  const deflateBytes = compressed.length;

  // Split the compressed bytes between the strings' owners (statements / outside / raw text).
  const perString = new Float64Array(out.strings.length);
  const costs = inflateWithCosts(compressed, bytes.length);
  let start = 0;
  for (let i = 0; i < out.strings.length; i++) {
    const end = ends[i]!;
    let b = 0;
    if (costs) for (let j = start; j < end; j++) b += costs.bits[j] ?? 0;
    perString[i] = costs ? b / 8 : (deflateBytes * (end - start)) / bytes.length;
    start = end;
  }
  const byIndex = new Map<number, number>();
  let otherUnits = 0;
  start = 0;
  for (let i = 0; i < out.strings.length; i++) {
    const end = ends[i]!;
    const units = perString[i]! + framingBytes(end - start - 1);
    start = end;
    const owner = out.owners[i]!;
    if (owner >= 0) byIndex.set(owner, (byIndex.get(owner) ?? 0) + units);
    else otherUnits += units;
  }
  for (const s of statements) s.units = byIndex.get(s.index) ?? 0;
  return {
    kind,
    deflateBytes,
    framingBytes: framing,
    stringCount: out.strings.length,
    units: deflateBytes + framing,
    statements,
    otherUnits,
    plaintextLength: text.length,
    ...(kind === 'json' ? { document } : {}),
  };
}

/** Packed bytes of one managed policy ARN: raw UTF-8 length plus its length prefix. */
export function arnUnits(arn: string): number {
  const n = utf8Length(arn);
  return n + framingBytes(n);
}

/** Characters of one tag under the model: UTF-8 length of key plus value (the per-tag overhead is fitted). */
export function tagChars(key: string, value: string): number {
  return utf8Length(key) + utf8Length(value);
}
