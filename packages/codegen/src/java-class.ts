/**
 * Reads the model's pattern strings the way STS applies them: with a Java regex engine (STS echoes the
 * model's pattern strings in its validation errors; reference `observedErrors`, model-update-2026-10.md).
 * The result is a list of code-point ranges, which codegen writes out as an explicit ECMAScript class, so
 *
 *  - `\u10000-\u10FFFF` means what Java reads (`\u1000`, `0-\u10FF`, `F`, `F`), not what the model may
 *    have intended (no code point above U+FFFF, and U+007F–U+009F inside `0-\u10FF`);
 *  - `\p{L}`, `\p{Z}`, `\p{N}` are expanded from one stated Unicode version (UNICODE_VERSION), so the
 *    verdict does not depend on the ICU of the Node that runs rolecall.
 *
 * Written by hand because no library reads Java regex syntax into code-point sets; it accepts only the
 * constructs the model's patterns use (a single character class repeated with `*` or `+`) and throws on
 * anything else, so a new construct in a model update stops codegen instead of being misread.
 */
import { createRequire } from 'node:module';

/** Unicode version of the `\p{…}` expansion: Java 21's (Java 17 has 13.0); which one STS runs is unverified. */
export const UNICODE_VERSION = '15.0.0';
/** regenerate-unicode-properties 10.1.0 is built from @unicode/unicode-15.0.0 (pinned exactly in package.json). */
const require = createRequire(import.meta.url);

export type Range = readonly [number, number];

const CATEGORY_FILES: Readonly<Record<string, string>> = { L: 'Letter', N: 'Number', Z: 'Separator' };

function categoryRanges(name: string): Range[] {
  const file = CATEGORY_FILES[name];
  if (!file) throw new Error(`\\p{${name}} is not a category codegen knows (known: ${Object.keys(CATEGORY_FILES).join(', ')})`);
  const set = (require(`regenerate-unicode-properties/General_Category/${file}.js`) as { characters: { toArray(): number[] } }).characters;
  return toRanges(set.toArray());
}

/** Sorted, merged ranges from a list of code points. */
export function toRanges(points: readonly number[]): Range[] {
  const sorted = [...points].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && p <= last[1] + 1) last[1] = Math.max(last[1], p);
    else out.push([p, p]);
  }
  return out;
}

/** Sorted, merged union of ranges. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

const HEX4 = /^[0-9A-Fa-f]{4}$/;

interface Atom {
  readonly point?: number;
  readonly set?: readonly Range[];
  readonly next: number;
}

/** One item of a Java class at `i`: a literal, `\uXXXX` (exactly four digits, as Java reads it), an escape or a set escape. */
function atom(body: string, i: number): Atom {
  const ch = body.codePointAt(i)!;
  if (ch !== 0x5c) return { point: ch, next: i + String.fromCodePoint(ch).length };
  const e = body[i + 1];
  if (e === undefined) throw new Error('pattern ends in a backslash');
  if (e === 'u') {
    const hex = body.slice(i + 2, i + 6);
    if (!HEX4.test(hex)) throw new Error(`\\u at ${i} is not followed by four hex digits`);
    return { point: parseInt(hex, 16), next: i + 6 };
  }
  if (e === 'w') return { set: [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]], next: i + 2 };
  if (e === 'd') return { set: [[0x30, 0x39]], next: i + 2 };
  if (e === 'p') {
    const m = /^\{([A-Za-z]+)\}/.exec(body.slice(i + 2));
    if (!m) throw new Error(`\\p at ${i} without {Name}`);
    return { set: categoryRanges(m[1]!), next: i + 2 + m[0].length };
  }
  // Java: a backslash before a non-alphabetic character quotes it.
  if (/[A-Za-z0-9]/.test(e)) throw new Error(`escape \\${e} is not one codegen reads`);
  return { point: e.codePointAt(0)!, next: i + 1 + e.length };
}

export interface JavaClassPattern {
  /** Code points the class accepts, as Java reads the model's text. */
  readonly ranges: readonly Range[];
  /** `+` (at least one character) or `*`. */
  readonly quantifier: '+' | '*';
}

/** Reads a model pattern of the form `[class]*` or `[class]+` as Java does. Throws on anything else. */
export function readJavaClassPattern(pattern: string): JavaClassPattern {
  const m = /^\[(.*)\]([*+])$/s.exec(pattern);
  if (!m) throw new Error(`pattern ${pattern} is not a single character class with * or +`);
  const body = m[1]!;
  if (body.startsWith('^') || /(?<!\\)\[|&&/.test(body)) throw new Error(`pattern ${pattern} uses negation, nesting or intersection`);
  const ranges: Range[] = [];
  let i = 0;
  while (i < body.length) {
    const a = atom(body, i);
    if (a.set) {
      ranges.push(...a.set);
      i = a.next;
      continue;
    }
    // A range `x-y`: Java treats `-` literally at the end of the class.
    if (body[a.next] === '-' && a.next + 1 < body.length) {
      const b = atom(body, a.next + 1);
      if (b.set) throw new Error(`range ending in a set escape in ${pattern}`);
      if (b.point! < a.point!) throw new Error(`illegal range in ${pattern}`);
      ranges.push([a.point!, b.point!]);
      i = b.next;
      continue;
    }
    ranges.push([a.point!, a.point!]);
    i = a.next;
  }
  return { ranges: mergeRanges(ranges), quantifier: m[2] as '+' | '*' };
}

const hex = (n: number): string => n.toString(16).toUpperCase();
/** Printable ASCII that needs no escape inside an ECMAScript class under the `u` flag. */
const PLAIN = /^[A-Za-z0-9 !"#$%&'()*+,.:;<=>?@_`{|}~]$/;

function classChar(p: number): string {
  const c = String.fromCodePoint(p);
  if (PLAIN.test(c)) return c;
  if ('-/[]\\^'.includes(c)) return `\\${c}`;
  return p <= 0xffff ? `\\u${hex(p).padStart(4, '0')}` : `\\u{${hex(p)}}`;
}

/** An ECMAScript character class (for the `u` flag) with exactly these code points. */
export function rangesToClass(ranges: readonly Range[]): string {
  let out = '[';
  for (const [a, b] of ranges) {
    out += classChar(a);
    if (b === a + 1) out += classChar(b);
    else if (b > a) out += `-${classChar(b)}`;
  }
  return `${out}]`;
}

/** Whether a code point is in sorted, merged ranges (binary search). */
export function inRanges(ranges: readonly Range[], p: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = ranges[mid]!;
    if (p < a) hi = mid - 1;
    else if (p > b) lo = mid + 1;
    else return true;
  }
  return false;
}
