/** Small string helpers shared by the checks. None allocates on the common (valid) path. */

/** Length in Unicode code points, which is how the STS model (Smithy) and ajv count `minLength`/`maxLength`. */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/**
 * Case-insensitive equality with the semantics of Java's `String.equalsIgnoreCase` (STS runs on the JVM; tag keys
 * are compared case-insensitively, reference §5.3.2): same length in UTF-16 units, and each unit equal after
 * upper- or lower-casing. Matches `toLowerCase()` equality for every ASCII key; beyond ASCII the service's exact
 * rule is not recorded. Allocation-free for ASCII, since tag keys are compared pairwise on the fast path.
 */
export function equalsIgnoreCase(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x > 0x7f || y > 0x7f) {
      const cx = String.fromCharCode(x);
      const cy = String.fromCharCode(y);
      if (cx.toUpperCase() === cy.toUpperCase() || cx.toLowerCase() === cy.toLowerCase()) continue;
      return false;
    }
    if (x >= 0x41 && x <= 0x5a) x += 0x20;
    if (y >= 0x41 && y <= 0x5a) y += 0x20;
    if (x !== y) return false;
  }
  return true;
}

/** `s` starts with the ASCII `prefix`, ignoring ASCII case. */
export function startsWithIgnoreCase(s: string, prefix: string): boolean {
  if (s.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) {
    let x = s.charCodeAt(i);
    let y = prefix.charCodeAt(i);
    if (x >= 0x41 && x <= 0x5a) x += 0x20;
    if (y >= 0x41 && y <= 0x5a) y += 0x20;
    if (x !== y) return false;
  }
  return true;
}

/** `"'x' (U+0078)"`: a character made visible, also when it is white space or a control character. */
const CHARACTER_NAMES: Readonly<Record<number, string>> = {
  0x09: 'a tab',
  0x0a: 'a line feed',
  0x0d: 'a carriage return',
  0x20: 'a space',
  0xa0: 'a no-break space',
};

export function describeCharacter(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = CHARACTER_NAMES[cp];
  if (name !== undefined) return `${name} (${hex})`;
  const printable = cp > 0x20 && cp !== 0x7f && !(cp >= 0x80 && cp <= 0xa0) && cp !== 0xad;
  return printable ? `'${ch}' (${hex})` : hex;
}

/** Index (UTF-16) and text of the first code point of `s` at or after `from` that `allowed` does not match. */
export function firstDisallowed(
  s: string,
  allowed: RegExp,
  from = 0,
): { readonly index: number; readonly char: string } | undefined {
  for (let i = from; i < s.length; i++) {
    const cp = s.codePointAt(i) ?? 0;
    const ch = cp > 0xffff ? s.slice(i, i + 2) : s[i] ?? '';
    if (!allowed.test(ch)) return { index: i, char: ch };
    if (cp > 0xffff) i++;
  }
  return undefined;
}

/** JSON Pointer token escaping (RFC 6901). */
export function pointerToken(key: string | number): string {
  return typeof key === 'number' ? String(key) : key.replace(/~/g, '~0').replace(/\//g, '~1');
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Human label for a member path: `Tags[3].Key`, `Policy.Statement[0].Condition.StringEquals["aws:SourceIp"]`. */
export function labelOf(root: string, segments: readonly (string | number)[]): string {
  let out = root;
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (s.length <= MAX_SHOWN && IDENTIFIER.test(s)) out += `.${s}`;
    else out += `[${quote(s)}]`;
  }
  return out;
}

/** A member name from the input as shown in messages: as written when it is a plain identifier, else quoted. */
export function keyLabel(key: string): string {
  return key.length <= MAX_SHOWN && IDENTIFIER.test(key) ? key : quote(key);
}

/** Splits an ajv `instancePath` (`/3/Key`) into segments, numbers for array indices. */
export function segmentsOfPointer(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((t) => {
      const s = t.replace(/~1/g, '/').replace(/~0/g, '~');
      return /^(0|[1-9]\d*)$/.test(s) ? Number(s) : s;
    });
}

const MAX_SHOWN = 64;

/** A short quoted rendering of a non-secret value for messages (`"abc"`, `3600.5`, `null`). */
export function showValue(value: unknown): string {
  if (typeof value === 'string') {
    const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === null) return 'null';
  return describeType(value);
}

/** A value from the input as it appears in messages: a JSON string literal, escaped and shortened. */
export function quote(s: string): string {
  return showValue(s);
}

/** Text of a thrown error for a message: control characters escaped, at most 200 characters. */
export function cleanText(s: string): string {
  const escaped = s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return escaped.length > 200 ? `${escaped.slice(0, 200)}…` : escaped;
}

/** `a string`, `an array`, `null`… (never the value itself). */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      return Number.isFinite(value) ? 'a number' : String(value);
    case 'boolean':
      return 'a boolean';
    case 'bigint':
      return 'a bigint';
    case 'undefined':
      return 'undefined';
    case 'function':
      return 'a function';
    case 'symbol':
      return 'a symbol';
    default:
      return 'an object';
  }
}

/** What a value is, for invalidType: `a string ("3600")` for non-secrets, only the type for secrets. */
export function describeReceived(value: unknown, sensitive: boolean): string {
  if (sensitive) return describeType(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return `${describeType(value)} (${showValue(value)})`;
  }
  return describeType(value);
}

/** 1-based line and column (UTF-16 code units) of `offset` in `text`. */
export function lineColumn(text: string, offset: number): { readonly line: number; readonly column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** `1 character`, `5 characters`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
