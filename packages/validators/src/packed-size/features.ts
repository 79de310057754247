/**
 * What the packed-size model measures in an input (PACKED-SIZE.md, "The model"). Shared by the
 * estimator and by `pnpm calibrate`, so the constants are fitted on exactly the numbers the library
 * computes. Nothing here depends on the fitted constants.
 *
 * - Inline policy: the policy is parsed; its grammar keywords (`Version`, `Statement`, `Effect`,
 *   `Action`, …) and fixed values (`2012-10-17`, `Allow`, `Deny`) are dropped; every other non-empty
 *   string (Sids, actions, resources, condition operators, keys and values, unknown members) is kept.
 *   The kept strings are measured by a compressed-size measure that is monotone by construction
 *   (`novelGramBits`): only byte q-grams not seen before cost anything, and the last byte of each new
 *   q-gram is coded with an adaptive (Krichevsky–Trofimov) code over the 256 byte values. Each string
 *   also costs its varint length prefix. Policy text that is not JSON is measured as one string.
 * - Managed policy ARNs: raw UTF-8 length plus the length prefix (no compression).
 * - Session tags (and inherited transitive tags): UTF-8 length of key and value, not compressed;
 *   the per-tag overhead is a fitted constant, applied by the model.
 *
 * Why not DEFLATE itself: its size is not monotone. Adding a statement can shrink the output by a
 * few bytes (its parse and Huffman tables are global), which fast-check finds within thousands of
 * runs; the issue requires that adding a statement never lowers the estimate. The measure here has
 * the LZ77-like property that matters (repeated text is nearly free) and the entropy-coder property
 * (a small alphabet such as hex costs fewer bits per character), fits the public observations as
 * well as raw DEFLATE does (`pnpm calibrate` prints both), and never decreases when strings are
 * added, in any order: the set of q-grams only grows, and the KT code length of a multiset only
 * grows with it (the code is exchangeable, so the total does not depend on the order).
 */
import manifest from '../generated/constraints.generated.json' with { type: 'json' };
import { STATEMENT_ELEMENTS, TOP_LEVEL_ELEMENTS } from '../policy/grammar.js';


/** Grammar keywords of a policy document and of a statement: tokens, not strings. */
const DOCUMENT_KEYWORDS: ReadonlySet<string> = new Set(TOP_LEVEL_ELEMENTS);
const STATEMENT_KEYWORDS: ReadonlySet<string> = new Set(STATEMENT_ELEMENTS);
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
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++; // a pair: 2 units, 4 bytes
      n += 2; // a pair adds 2; a lone high surrogate (U+FFFD, 3 bytes) adds 2 too
    } else n += 2;
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
  /** Compressed bytes charged to this statement's strings (in document order) plus their length prefixes. */
  readonly units: number;
}

export interface PolicyMeasure {
  /** `json`: parsed; `text`: not JSON, measured as raw text; `absent`: no policy. */
  readonly kind: 'json' | 'text' | 'absent';
  /** Compressed size of the kept strings under the monotone measure (bytes, fractional). */
  readonly compressedBytes: number;
  /** Sum of the strings' length prefixes. */
  readonly framingBytes: number;
  readonly stringCount: number;
  /** compressedBytes + framingBytes: the policy document's packed bytes under the model. */
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

function pushScalar(v: unknown, owner: number, out: Collected): boolean {
  if (typeof v === 'string') {
    // An empty string carries nothing to measure.
    if (v.length > 0) {
      out.strings.push(v);
      out.owners.push(owner);
    }
    return true;
  }
  if (typeof v === 'number' || typeof v === 'boolean') {
    out.strings.push(String(v));
    out.owners.push(owner);
    return true;
  }
  return v === null || v === undefined;
}

/** Pushes the strings of an arbitrary JSON value (keys and values) in document order, without recursion. */
function collectValue(value: unknown, owner: number, out: Collected): void {
  if (pushScalar(value, owner, out)) return; // the common case: a string
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (pushScalar(v, owner, out)) continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
    } else if (typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o);
      for (let i = keys.length - 1; i >= 0; i--) {
        stack.push(o[keys[i]!]);
        stack.push(keys[i]);
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
  const st = stmt as Record<string, unknown>;
  for (const key of Object.keys(st)) {
    const value = st[key];
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
  const d = doc as Record<string, unknown>;
  for (const key of Object.keys(d)) {
    const value = d[key];
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

export const ABSENT_POLICY: PolicyMeasure = {
  kind: 'absent',
  compressedBytes: 0,
  framingBytes: 0,
  stringCount: 0,
  units: 0,
  statements: [],
  otherUnits: 0,
  plaintextLength: 0,
};

/** Size of the byte alphabet the novel bytes are coded over, and the KT prior (Krichevsky–Trofimov: 1/2). */
const ALPHABET = 256;
const KT_ALPHA = 0.5;
/** Two odd multipliers for the rolling polynomial hashes of q-grams (mod 2^32). */
const M1 = 0x9e3779b1 | 0;
const M2 = 0x85ebca77 | 0;
/** The padding symbol before a string's first byte: outside the byte range, so it never equals a byte. */
const PAD = 256;

/**
 * Slot of a q-gram: the top bits of its first hash times 2^32/φ (Fibonacci hashing: one multiplication carries every
 * bit of the rolling sum, whose low bits follow the newest byte, into the top bits). Which slot a q-gram gets never
 * changes a result: q-grams are told apart by both hashes.
 */
const FIBONACCI = 0x9e3779b9 | 0;

function powMod32(m: number, e: number): number {
  let r = 1;
  for (let i = 0; i < e; i++) r = Math.imul(r, m);
  return r;
}

/*
 * The q-gram table is kept between calls and marked with a stamp per call instead of being allocated and zeroed:
 * for a 2,000-character policy the arrays were 36 KB per estimate, and their allocation and collection were a sixth
 * of the estimator's time. A slot is four integers side by side (stamp, first hash, second hash, unused), so a probe
 * touches one cache line, not three arrays. The table grows to the largest input seen, up to MAX_KEPT_SLOTS; a larger
 * input gets a table of its own for that call. The estimator is synchronous and never re-entered while it runs.
 */
const MAX_KEPT_SLOTS = 1 << 14;
let table = { slots: new Int32Array(0), size: 0, stamp: 0 };

function gramTable(capacity: number): { slots: Int32Array; size: number; stamp: number } {
  if (capacity > MAX_KEPT_SLOTS) return { slots: new Int32Array(capacity * 4), size: capacity, stamp: 1 };
  if (table.size < capacity || table.stamp === 0x7fffffff) {
    const size = Math.max(capacity, table.size);
    table = { slots: new Int32Array(size * 4), size, stamp: 0 };
  }
  table.stamp++;
  return table;
}

/**
 * Bits the monotone compressed-size measure charges to each string (same order as `strings`): every
 * byte ends a q-gram (bytes before the string's start are padding); a q-gram already seen in any
 * string costs nothing; a new one costs −log2 of the KT probability of its last byte given the last
 * bytes of all new q-grams so far. The sum is the KT code length of that multiset of bytes, which
 * does not depend on the order of the strings and never decreases when strings are added.
 *
 * A q-gram is identified by two independent 32-bit rolling polynomial hashes (64 bits in all), kept in
 * an open-addressing table sized for the input. A collision would only make two q-grams count as one
 * (a negligible underestimate); it cannot break the monotonicity.
 */
export function novelGramBits(strings: readonly string[], q: number): Float64Array {
  const bits = new Float64Array(strings.length);
  let total = 0;
  for (const str of strings) total += utf8Length(str);
  let capacity = 64;
  while (capacity < 2 * total) capacity *= 2;
  const { slots, size, stamp } = gramTable(capacity);
  // The module's table may be larger than this input needs: only probe positions change, not which q-grams are
  // equal (that is decided by both hashes), so the bits are the same as with a table of exactly `capacity`.
  const mask = size - 1;
  const shift = Math.clz32(size) + 1; // 32 − log2(table size)
  const counts = new Float64Array(ALPHABET);
  const ring = new Uint16Array(q);
  const p1 = powMod32(M1, q);
  const p2 = powMod32(M2, q);
  let padded1 = 0;
  let padded2 = 0;
  for (let i = 0; i < q; i++) {
    padded1 = (Math.imul(padded1, M1) + PAD) | 0;
    padded2 = (Math.imul(padded2, M2) + PAD) | 0;
  }
  const prior = ALPHABET * KT_ALPHA;
  let novel = 0;
  // State of the string being fed, byte by byte.
  let at = 0;
  let h1 = 0;
  let h2 = 0;
  let b = 0;
  const feed = (x: number): void => {
    const out = ring[at]!;
    ring[at] = x;
    at = at + 1 === q ? 0 : at + 1;
    h1 = (Math.imul(h1, M1) - Math.imul(out, p1) + x) | 0;
    h2 = (Math.imul(h2, M2) - Math.imul(out, p2) + x) | 0;
    let slot = Math.imul(h1, FIBONACCI) >>> shift;
    let k = slot << 2;
    while (slots[k] === stamp && (slots[k + 1] !== h1 || slots[k + 2] !== h2)) {
      slot = (slot + 1) & mask;
      k = slot << 2;
    }
    if (slots[k] !== stamp) {
      slots[k] = stamp;
      slots[k + 1] = h1;
      slots[k + 2] = h2;
      b += Math.log2((novel + prior) / (counts[x]! + KT_ALPHA));
      counts[x]!++;
      novel++;
    }
  };
  for (let s = 0; s < strings.length; s++) {
    const str = strings[s]!;
    ring.fill(PAD);
    at = 0;
    h1 = padded1;
    h2 = padded2;
    b = 0;
    // UTF-8 on the fly, as TextEncoder would write it (lone surrogates become U+FFFD); TextEncoder is a
    // host API that bare JS engines lack, and encoding here avoids a buffer per call.
    for (let i = 0; i < str.length; i++) {
      let c = str.charCodeAt(i);
      if (c < 0x80) {
        // `feed(c)` written out: this is the hot path (policies are almost all ASCII), and calling a
        // closure that writes the hash state measured ~7 % slower on the bench input.
        const out = ring[at]!;
        ring[at] = c;
        at = at + 1 === q ? 0 : at + 1;
        h1 = (Math.imul(h1, M1) - Math.imul(out, p1) + c) | 0;
        h2 = (Math.imul(h2, M2) - Math.imul(out, p2) + c) | 0;
        let slot = Math.imul(h1, FIBONACCI) >>> shift;
        let k = slot << 2;
        while (slots[k] === stamp && (slots[k + 1] !== h1 || slots[k + 2] !== h2)) {
          slot = (slot + 1) & mask;
          k = slot << 2;
        }
        if (slots[k] !== stamp) {
          slots[k] = stamp;
          slots[k + 1] = h1;
          slots[k + 2] = h2;
          b += Math.log2((novel + prior) / (counts[c]! + KT_ALPHA));
          counts[c]!++;
          novel++;
        }
      } else if (c < 0x800) {
        feed(0xc0 | (c >> 6));
        feed(0x80 | (c & 63));
      } else {
        if (c >= 0xd800 && c <= 0xdfff) {
          const d = i + 1 < str.length ? str.charCodeAt(i + 1) : 0;
          if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
            const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
            feed(0xf0 | (cp >> 18));
            feed(0x80 | ((cp >> 12) & 63));
            feed(0x80 | ((cp >> 6) & 63));
            feed(0x80 | (cp & 63));
            i++;
            continue;
          }
          c = 0xfffd;
        }
        feed(0xe0 | (c >> 12));
        feed(0x80 | ((c >> 6) & 63));
        feed(0x80 | (c & 63));
      }
    }
    bits[s] = b;
  }
  return bits;
}

/** The strings of a policy text the model keeps, in document order (the raw text when it is not a JSON object). */
export function keptStrings(text: string): string[] {
  const out: Collected = { strings: [], owners: [], statements: [] };
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return text.length > 0 ? [text] : [];
  }
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return text.length > 0 ? [text] : [];
  collectDocument(document, out);
  return out.strings;
}

/**
 * Measures an inline session policy given as text (what STS receives). `q` is the q-gram length the
 * constants were fitted with.
 */
export function measurePolicy(text: string, q: number): PolicyMeasure {
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
  else if (text.length > 0) {
    out.strings.push(text);
    out.owners.push(UNPARSED_TEXT);
  }
  // Written out, not `{ ...s, units: 0 }`: object spread was a twenty-fifth of an estimate. Same keys, same order.
  const statements = out.statements.map((s) => ({ index: s.index, pointer: s.pointer, sid: s.sid, actions: s.actions, units: 0 }));
  if (out.strings.length === 0) {
    return { ...ABSENT_POLICY, kind, plaintextLength: text.length, statements, ...(kind === 'json' ? { document } : {}) };
  }
  const bits = novelGramBits(out.strings, q);
  const byIndex = new Float64Array(statements.length);
  let otherUnits = 0;
  let compressed = 0;
  let framing = 0;
  for (let i = 0; i < out.strings.length; i++) {
    const prefix = framingBytes(utf8Length(out.strings[i]!));
    const units = bits[i]! / 8 + prefix;
    compressed += bits[i]! / 8;
    framing += prefix;
    const owner = out.owners[i]!;
    if (owner >= 0) byIndex[owner] = (byIndex[owner] ?? 0) + units;
    else otherUnits += units;
  }
  for (const s of statements) s.units = byIndex[s.index] ?? 0;
  return {
    kind,
    compressedBytes: compressed,
    framingBytes: framing,
    stringCount: out.strings.length,
    units: compressed + framing,
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
