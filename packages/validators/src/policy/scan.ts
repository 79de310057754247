/**
 * One pass over a session-policy text that answers "would the detailed checker (`checkPolicyDocument` in
 * grammar.ts) report nothing?" without building a value or a syntax tree.
 *
 * Why hand-written: every JSON library either builds a tree (jsonc-parser, `JSON.parse`) or only tokenises; none
 * checks a grammar while it reads, and none reports repeated keys without a tree. For a 400-character policy
 * `JSON.parse` alone costs about half of the whole generated request validator, and `validateAssumeRole` must stay
 * within 1.5× of that validator. So this is a recursive-descent reader that knows the shape of a clean policy and
 * nothing else:
 *
 *   document  = { "Version": <a POLICY_GRAMMAR version>, "Statement": statement | [ statement, … ] }
 *   statement = { "Sid": <sidPattern, unique>, "Effect": <an effect>, "Action"|"NotAction": strings(action format),
 *                 "Resource"|"NotResource": strings, "Condition": { <operator>: { <key>: scalar | [scalar, …] } } }
 *
 * Anything else — a JSON error, another element, a wrong type, a repeated key, Principal/NotPrincipal/Id (warnings
 * in the checker) — ends the scan with "not clean", and the detailed checker then produces the findings; so a gap
 * in this reader can only cost speed, and a wrong "clean" is the one bug it can have (the differential tests in
 * scan.test.ts compare it with the checker). Because every place in a clean policy has a fixed shape at most five
 * levels deep, the reader never skips an arbitrary JSON value and needs no stack beyond its own few calls; the
 * checker's 32-level nesting limit is unreachable for a clean text.
 *
 * JSON is read exactly as RFC 8259, which is what the checker accepts (jsonc-parser with comments and trailing
 * commas disallowed, plus its check that only the four JSON white-space characters appear): no comments, no
 * trailing commas, escapes `\" \\ \/ \b \f \n \r \t \uXXXX` only, no raw control characters in strings, numbers
 * `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, and `true`/`false` (`null` is never clean in a policy).
 *
 * Speed comes from reading bytes, not characters (see `load`), four at a time where the content does not matter
 * (string bodies, action-name letters) and by whole words where it does (element names, Version, Effect), so a
 * typical policy costs about 40% of `JSON.parse` (bench/validators.bench.ts, "policy scanner alone").
 * A string with a backslash is decoded (by `JSON.parse` of its already validated literal) only where its value
 * matters — element names, operators, Version, Effect, Sid, Action and keys compared for repeats — so an escape
 * costs an allocation but never changes the verdict. Repeated keys are found by comparing start/end offsets kept in
 * small preallocated buffers; an object with more keys than a buffer holds moves to a Set, so the scan stays linear
 * on hostile input.
 */
import { POLICY_GRAMMAR } from '../schema/registry.js';
import { ACTION_FORMAT, CONDITION_OPERATORS, parseOperator } from './grammar.js';

/*
 * Everything below lives in one closure, not at module level, because the package ships as esbuild bundles
 * (scripts/release/build.ts: the published dist/ and the CLI's committed bundles) and esbuild turns every top-level
 * `const`/`let` of a bundled module into `var` (deliberately, with no option to keep them: evanw/esbuild#623, FAQ
 * "Top-level var"). V8 cannot treat a module-level `var` as a constant, so the typed-array tables, name tables and
 * constants below were reloaded and re-checked on every use and the bundled scanner ran about 1.5× slower than the
 * sources (median of per-round ratios 1.57, 1.32–1.94, over 6 alternated process pairs). Inside a function `const`
 * stays `const` in every bundle; the bundled copy then runs as fast as the sources (0.80×, 0.62–1.02, over 6 pairs;
 * bench/validators.bench.ts times both, "source" and "bundled" rows). The cost: about 0.1 kB of the browser build.
 */
const scanner = (() => {
  const FAIL = -1;

  const END = 0; // the sentinel after the last code unit (see `load`)
  const TAB = 0x09;
  const LF = 0x0a;
  const CR = 0x0d;
  const SPACE = 0x20;
  const QUOTE = 0x22;
  const ASTERISK = 0x2a;
  const PLUS = 0x2b;
  const COMMA = 0x2c;
  const MINUS = 0x2d;
  const DOT = 0x2e;
  const SLASH = 0x2f;
  const ZERO = 0x30;
  const ONE = 0x31;
  const NINE = 0x39;
  const COLON = 0x3a;
  const UPPER_E = 0x45;
  const OPEN_BRACKET = 0x5b;
  const BACKSLASH = 0x5c;
  const CLOSE_BRACKET = 0x5d;
  const LOWER_A = 0x61;
  const LOWER_B = 0x62;
  const LOWER_E = 0x65;
  const LOWER_F = 0x66;
  const LOWER_L = 0x6c;
  const LOWER_N = 0x6e;
  const LOWER_R = 0x72;
  const LOWER_S = 0x73;
  const LOWER_T = 0x74;
  const LOWER_U = 0x75;
  const OPEN_BRACE = 0x7b;
  const CLOSE_BRACE = 0x7d;

  // Element names are the grammar's keywords (reference §7); as in grammar.ts they are spelled next to the logic
  // that handles each of them. Indexes double as bit positions in the "seen" masks.
  const ROOT_NAMES: readonly string[] = ['Version', 'Statement'];
  const VERSION = 0;
  const STATEMENT_BIT = 1 << 1;

  const STATEMENT_NAMES: readonly string[] = ['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];
  const SID = 0;
  const EFFECT = 1;
  const ACTION = 2;
  const NOT_ACTION = 3;
  const RESOURCE = 4;
  const NOT_RESOURCE = 5;
  const EFFECT_BIT = 1 << EFFECT;
  const ACTION_BITS = (1 << ACTION) | (1 << NOT_ACTION);
  const RESOURCE_BITS = (1 << RESOURCE) | (1 << NOT_RESOURCE);

  /** The one operator that takes no `IfExists` suffix (reference §7, "Condition operators"; as in grammar.ts). */
  const NULL_OPERATOR = 'Null';

  /**
   * Every condition-operator key the checker accepts without a finding: qualifier × operator × optional IfExists,
   * kept only where `parseOperator` (the checker's own reading) accepts it, so the two cannot disagree. Any key
   * parseOperator accepts has this form (it strips at most one qualifier and one suffix), so nothing is missing.
   */
  const CLEAN_OPERATOR_KEYS: readonly string[] = (() => {
    const out: string[] = [];
    for (const qualifier of ['', ...POLICY_GRAMMAR.setQualifiers]) {
      for (const op of CONDITION_OPERATORS) {
        for (const suffix of ['', POLICY_GRAMMAR.ifExistsSuffix]) {
          const key = qualifier + op + suffix;
          const parsed = parseOperator(key);
          if (parsed && !(parsed.base === NULL_OPERATOR && parsed.ifExists) && !out.includes(key)) out.push(key);
        }
      }
    }
    return out;
  })();

  /*
   * Name tables: fixed sets of names looked up by the bytes of a string in place. All tables live in the same few
   * module-level typed arrays (so the optimising compiler folds their addresses); a table is a small number.
   *  - `quoted` tries the names that start with the string's first byte, comparing the name and its closing quote
   *    four bytes at a time, before the string is read at all (element names, Version, Effect);
   *  - `find` looks up a string already read through a hash of its length and three of its bytes (operators).
   * A name with a character above U+007F cannot be compared in place (the buffer keeps one byte per code unit) and
   * is found only when decoded, so such a name written plainly gets "not clean", never a wrong "clean".
   */
  const TABLES: readonly (readonly string[])[] = [
    ROOT_NAMES,
    STATEMENT_NAMES,
    [...new Set(POLICY_GRAMMAR.versions)],
    [...new Set(POLICY_GRAMMAR.effects)],
    CLEAN_OPERATOR_KEYS,
  ];
  const ROOT_KEYS = 0;
  const STATEMENT_KEYS = 1;
  const VERSIONS = 2;
  const EFFECTS = 3;
  const OPERATORS = 4;

  const HASH_SIZE = 512;
  function hashOf(n: number, first: number, last: number, middle: number): number {
    return (n * 31 + first * 7 + last * 3 + middle) & (HASH_SIZE - 1);
  }
  const TAIL_MASK = new Int32Array([0, 0xff, 0xffff, 0xffffff]);

  const NAME_COUNT = TABLES.reduce((sum, names) => sum + names.length, 0);
  /** Per name (numbered across all tables): its index in its table, its length (-1: not comparable in place)… */
  const NAME_INDEX = new Int16Array(NAME_COUNT);
  const NAME_LENGTH = new Int32Array(NAME_COUNT).fill(-1);
  /** …the first of its little-endian four-byte words in NAME_WORDS (the name, its closing quote, zero padding)… */
  const NAME_FIRST_WORD = new Int32Array(NAME_COUNT);
  /** …and the next name in its chains. Chain heads per table: by first byte, and by `hashOf`. */
  const NEXT_BY_FIRST = new Int16Array(NAME_COUNT).fill(-1);
  const NEXT_BY_HASH = new Int16Array(NAME_COUNT).fill(-1);
  const HEAD_BY_FIRST = new Int16Array(TABLES.length * 256).fill(-1);
  const HEAD_BY_HASH = new Int16Array(TABLES.length * HASH_SIZE).fill(-1);
  const NAME_WORDS: Int32Array = (() => {
    const bytes = new Uint8Array(TABLES.flat().reduce((sum, name) => sum + ((name.length + 4) & ~3), 4));
    let at = 0;
    let id = 0;
    TABLES.forEach((names, table) => {
      names.forEach((name, index) => {
        const k = id++;
        NAME_INDEX[k] = index;
        if (name.length === 0 || /[^\x00-\x7f]/.test(name)) return;
        for (let j = 0; j < name.length; j++) bytes[at + j] = name.charCodeAt(j);
        bytes[at + name.length] = QUOTE;
        NAME_FIRST_WORD[k] = at >> 2;
        NAME_LENGTH[k] = name.length;
        at += (name.length + 4) & ~3;
        const h = table * HASH_SIZE + hashOf(name.length, name.charCodeAt(0), name.charCodeAt(name.length - 1), name.charCodeAt(name.length >> 1));
        NEXT_BY_HASH[k] = HEAD_BY_HASH[h] as number;
        HEAD_BY_HASH[h] = k;
        // The first-byte chains keep the table's order.
        const f = table * 256 + name.charCodeAt(0);
        if (HEAD_BY_FIRST[f] === -1) HEAD_BY_FIRST[f] = k;
        else {
          let last = HEAD_BY_FIRST[f] as number;
          while (NEXT_BY_FIRST[last] !== -1) last = NEXT_BY_FIRST[last] as number;
          NEXT_BY_FIRST[last] = k;
        }
      });
    });
    const view = new DataView(bytes.buffer);
    const words = new Int32Array(bytes.length >> 2);
    for (let w = 0; w < words.length; w++) words[w] = view.getInt32(w * 4, true);
    return words;
  })();

  /** True when the `n` bytes from `B[s]` equal those of name `k` (from its first word on). */
  function sameBytes(k: number, s: number, n: number): boolean {
    let w = NAME_FIRST_WORD[k] as number;
    let j = 0;
    while (j + 4 <= n) {
      if (WORDS.getInt32(s + j, true) !== NAME_WORDS[w]) return false;
      j += 4;
      w++;
    }
    // 1–3 bytes left (or none): compared under a mask (the name's padding is zero).
    return j === n || ((WORDS.getInt32(s + j, true) ^ (NAME_WORDS[w] as number)) & (TAIL_MASK[n - j] as number)) === 0;
  }

  /**
   * Index in `table` of the name written plainly at `B[i]` (its opening quote) and closed right after it, or -1 (an
   * escape, or another string: the caller then reads the string). Sets `nameEnd`; reads no further than the name.
   */
  function quoted(table: number, i: number): number {
    const s = i + 1;
    for (let k = HEAD_BY_FIRST[table * 256 + (B[s] as number)] as number; k >= 0; k = NEXT_BY_FIRST[k] as number) {
      const n = NAME_LENGTH[k] as number;
      if (sameBytes(k, s, n + 1)) {
        nameEnd = s + n;
        return NAME_INDEX[k] as number;
      }
    }
    return -1;
  }

  /** Index in `table` of the name spelled by `B[s, e)`, or -1. */
  function find(table: number, s: number, e: number): number {
    const n = e - s;
    if (n === 0) return -1;
    const h = table * HASH_SIZE + hashOf(n, B[s] as number, B[e - 1] as number, B[s + (n >> 1)] as number);
    for (let k = HEAD_BY_HASH[h] as number; k >= 0; k = NEXT_BY_HASH[k] as number) {
      if (NAME_LENGTH[k] === n && sameBytes(k, s, n)) return NAME_INDEX[k] as number;
    }
    return -1;
  }

  /*
   * Character tables for values read in the same pass as their string: bit ACTION_SERVICE / ACTION_NAME when the
   * action format (`ACTION_FORMAT`: `*`, or service characters, `:`, action characters) allows the character in that
   * part, bit SID when the Sid pattern allows it. They are read off the regular expressions themselves (one
   * definition), and only for printable ASCII other than `"` and `\`, so a tabled character is always plain string
   * content. A value with any other character goes the slow way: the string is read, then the regular expression
   * tests the decoded value. scan.test.ts checks both fast readings against the regular expressions.
   */
  const ACTION_SERVICE = 1;
  const ACTION_NAME = 2;
  const SID_CHAR = 4;
  const LONE_ASTERISK_OK = ACTION_FORMAT.test('*');
  /**
   * The Sid pattern can be tabled only when it is one character class repeated (`^[A-Za-z0-9]*$` today); otherwise
   * every Sid goes the slow way.
   */
  const SID_TABLED = /^\^\[[^\]]*\]\*\$$/.test(POLICY_GRAMMAR.sidPattern.source);
  const SID_EMPTY_OK = POLICY_GRAMMAR.sidPattern.test('');

  const CHARS: Uint8Array = (() => {
    const table = new Uint8Array(256);
    for (let c = SPACE + 1; c < 0x7f; c++) {
      if (c === QUOTE || c === BACKSLASH || c === COLON) continue;
      const ch = String.fromCharCode(c);
      const name = ACTION_FORMAT.test(`a:a${ch}`);
      table[c] =
        (ACTION_FORMAT.test(`a${ch}:a`) ? ACTION_SERVICE : 0) |
        (name ? ACTION_NAME : 0) |
        (SID_TABLED && POLICY_GRAMMAR.sidPattern.test(ch) ? SID_CHAR : 0);
    }
    return table;
  })();
  /**
   * Whether every ASCII letter may appear in an action name; then `action` skips four letters at a time with a word
   * test (each byte ASCII, and `byte | 0x20` within 'a'..'z').
   */
  const SID_LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'].every(
    (ch) => ((CHARS[ch.charCodeAt(0)] as number) & SID_CHAR) !== 0,
  );
  const NAME_LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'].every(
    (ch) => ((CHARS[ch.charCodeAt(0)] as number) & ACTION_NAME) !== 0,
  );

  /*
   * Key offsets for the repeated-key check: triples (start, end, 1 if escaped). The Condition object's operator keys
   * use the first half, the keys of the operator block being read the second; Sids (unique per document) have their
   * own buffer. An object with more than SMALL keys (a document with more than SMALL Sids) moves to a Set.
   */
  const SMALL = 16;
  const KEYS = new Int32Array(SMALL * 3 * 2);
  const OPERATOR_BASE = 0;
  const BLOCK_BASE = SMALL * 3;
  const SIDS = new Int32Array(SMALL * 3);

  /*
   * The text is read from a byte array rather than with `charCodeAt`: V8 re-checks the string's representation on
   * every `charCodeAt`, which made a bare loop over a policy cost half of `JSON.parse`. The array is one module
   * constant, so the optimising compiler knows its address and length and every read is a plain load (a buffer that
   * could be swapped for a bigger one made the scan about 30% slower). An ASCII text is copied in natively by
   * TextEncoder; any other text, or a runtime without TextEncoder, is copied unit by unit, a code unit above U+00FF
   * becoming OTHER. So offsets into the array are UTF-16 offsets into the text, and `text.slice` agrees with them.
   * OTHER is valid only inside a string, as every code unit it stands for is; where a value's characters matter
   * (Action, Sid, keys compared for repeats) the text itself is consulted. A 0 after the last unit stops every
   * loop: U+0000 is valid nowhere in JSON outside a string and is a control character inside one.
   *
   * A text longer than SCAN_CAPACITY is not read at all and gets "not clean" (the detailed checker decides). The fast
   * path never needs more: a policy over the 2,048-character plaintext limit (`policyPlaintextMax`) fails it anyway.
   */
  const SCAN_CAPACITY = 16_384;
  const OTHER = 0x80;
  // Eight spare bytes: the sentinel, and four-byte reads that start at or before it.
  const BUFFER = new ArrayBuffer(SCAN_CAPACITY + 8);
  const B = new Uint8Array(BUFFER);
  const WORDS = new DataView(BUFFER);
  const ENCODER = typeof TextEncoder === 'function' ? new TextEncoder() : undefined;

  function load(t: string): void {
    const n = t.length;
    if (ENCODER !== undefined) {
      const { read, written } = ENCODER.encodeInto(t, B);
      if (read === n && written === n) {
        B[n] = END;
        return;
      }
    }
    for (let i = 0; i < n; i++) {
      const c = t.charCodeAt(i);
      B[i] = c < 0x100 ? c : OTHER;
    }
    B[n] = END;
  }

  // Scan state, set by the functions below and read by their caller right after (no per-call allocation).
  /** The text being scanned, for the rare values that are decoded or matched with a regular expression. */
  let text = '';
  /** Whether the string last read by `scanString` has a backslash. */
  let escapedString = false;
  /** The closing quote of the string last read by `readName`. */
  let nameEnd = 0;
  let sidCount = 0;
  let sidSet: Set<string> | undefined;

  function skipWhitespace(i: number): number {
    let c = B[i] as number;
    if (c > SPACE) return i;
    // Mostly one space (after "," and ":" in formatted text).
    if (c === SPACE) {
      c = B[++i] as number;
      if (c > SPACE) return i;
    }
    while (c === SPACE || c === LF || c === CR || c === TAB) c = B[++i] as number;
    return i;
  }

  function isHex(c: number | undefined): boolean {
    return c !== undefined && ((c >= ZERO && c <= NINE) || (c >= 0x41 && c <= 0x46) || (c >= LOWER_A && c <= LOWER_F));
  }

  /**
   * Reads a string whose opening quote is at `i - 1`; returns the offset of its closing quote, or FAIL. Plain content
   * is skipped four bytes at a time: the word tests below flag a byte that is `"`, `\` or below U+0020 (classic
   * "has zero byte" / "has byte less than" bit tricks). A flag can be spurious only above a real one, so the lowest
   * flagged byte is always a real stop; bytes of 0x80 and up are never flagged.
   */
  function scanString(i: number): number {
    let escaped = false;
    for (;;) {
      const v = WORDS.getInt32(i, true);
      const quote = v ^ 0x22222222;
      const backslash = v ^ 0x5c5c5c5c;
      const flags =
        (((v - 0x20202020) & ~v) | ((quote - 0x01010101) & ~quote) | ((backslash - 0x01010101) & ~backslash)) & 0x80808080;
      if (flags === 0) {
        i += 4;
        continue;
      }
      i += (31 - Math.clz32(flags & -flags)) >> 3;
      const c = B[i];
      if (c === QUOTE) break;
      if (c !== BACKSLASH) return FAIL; // a control character, or the END sentinel
      escaped = true;
      const e = B[i + 1];
      if (e === LOWER_U) {
        if (!isHex(B[i + 2]) || !isHex(B[i + 3]) || !isHex(B[i + 4]) || !isHex(B[i + 5])) return FAIL;
        i += 6;
      } else if (
        e === QUOTE ||
        e === BACKSLASH ||
        e === SLASH ||
        e === LOWER_B ||
        e === LOWER_F ||
        e === LOWER_N ||
        e === LOWER_R ||
        e === LOWER_T
      ) {
        i += 2;
      } else {
        return FAIL;
      }
    }
    escapedString = escaped;
    return i;
  }

  function isDigit(c: number | undefined): boolean {
    return c !== undefined && c >= ZERO && c <= NINE;
  }

  /** An RFC 8259 number at `i`; returns the offset after it, or FAIL. */
  function scanNumber(i: number): number {
    let c = B[i];
    if (c === MINUS) c = B[++i];
    if (c === ZERO) c = B[++i];
    else if (c !== undefined && c >= ONE && c <= NINE) {
      do c = B[++i];
      while (isDigit(c));
    } else return FAIL;
    if (c === DOT) {
      if (!isDigit(B[++i])) return FAIL;
      do c = B[++i];
      while (isDigit(c));
    }
    if (c === LOWER_E || c === UPPER_E) {
      c = B[++i];
      if (c === PLUS || c === MINUS) c = B[++i];
      if (!isDigit(c)) return FAIL;
      do c = B[++i];
      while (isDigit(c));
    }
    return i;
  }

  /** The value of the string whose content is `[s, e)`. */
  function decode(s: number, e: number, escaped: boolean): string {
    // The literal was validated by scanString, so JSON.parse cannot throw here.
    return escaped ? (JSON.parse(text.slice(s - 1, e + 1)) as string) : text.slice(s, e);
  }

  /**
   * Reads the string at `i` (its opening quote) as a name of `table`: returns its index and sets `nameEnd` to its
   * closing quote; -1 when it is another string, FAIL when the string itself is broken.
   */
  function readName(table: number, i: number): number {
    const k = quoted(table, i);
    if (k >= 0) return k;
    const e = scanString(i + 1);
    if (e === FAIL) return FAIL;
    nameEnd = e;
    return (TABLES[table] as readonly string[]).indexOf(decode(i + 1, e, escapedString));
  }

  /** `find` for the string `[s, e)`, decoding it first when it has escapes. */
  function lookup(table: number, s: number, e: number, escaped: boolean): number {
    return escaped ? (TABLES[table] as readonly string[]).indexOf(decode(s, e, true)) : find(table, s, e);
  }

  /**
   * After a key's closing quote at `i - 1`: white space, `:`, white space; returns the offset of the value. `":"` and
   * `": "` are taken in one step.
   */
  function afterColon(i: number): number {
    let c = B[i] as number;
    if (c !== COLON) {
      i = skipWhitespace(i);
      if (B[i] !== COLON) return FAIL;
    }
    c = B[++i] as number;
    if (c > SPACE) return i;
    if (c === SPACE && (B[i + 1] as number) > SPACE) return i + 1;
    return skipWhitespace(i);
  }

  function sameString(buf: Int32Array, at: number, s: number, e: number, escaped: boolean): boolean {
    const s2 = buf[at] as number;
    const e2 = buf[at + 1] as number;
    const escaped2 = buf[at + 2] === 1;
    if (!escaped && !escaped2) {
      const n = e - s;
      if (e2 - s2 !== n) return false;
      let j = 0;
      while (j < n && B[s + j] === B[s2 + j]) j++;
      // Equal bytes may still differ where OTHER stands for different characters: the text decides.
      return j === n && text.slice(s, e) === text.slice(s2, e2);
    }
    return decode(s, e, escaped) === decode(s2, e2, escaped2);
  }

  /**
   * Records `[s, e)` as the `count`-th key of an object whose keys are kept from `buf[base]`; false when it repeats
   * an earlier one.
   */
  function recordKey(buf: Int32Array, base: number, count: number, s: number, e: number, escaped: boolean): boolean {
    for (let k = 0, at = base; k < count; k++, at += 3) if (sameString(buf, at, s, e, escaped)) return false;
    const at = base + count * 3;
    buf[at] = s;
    buf[at + 1] = e;
    buf[at + 2] = escaped ? 1 : 0;
    return true;
  }

  /** The keys recorded so far, decoded, when an object outgrows its buffer. */
  function toSet(buf: Int32Array, base: number, count: number): Set<string> {
    const set = new Set<string>();
    for (let k = 0, at = base; k < count; k++, at += 3) set.add(decode(buf[at] as number, buf[at + 1] as number, buf[at + 2] === 1));
    return set;
  }

  /** True when `[s, e)` was not in `set` (and is now). */
  function addNew(set: Set<string>, s: number, e: number, escaped: boolean): boolean {
    const key = decode(s, e, escaped);
    if (set.has(key)) return false;
    set.add(key);
    return true;
  }

  /** A string value that is one of `names`; returns the offset after it, or FAIL. */
  function oneOf(i: number, table: number): number {
    if (B[i] !== QUOTE || readName(table, i) < 0) return FAIL;
    return nameEnd + 1;
  }

  /**
   * An Action/NotAction string at `i` (its opening quote) in the action format; returns the offset after it, or FAIL.
   * A plain ASCII action is checked as it is read.
   */
  function action(i: number): number {
    const s = i + 1;
    let j = s;
    let c = B[j] as number;
    while ((CHARS[c] as number) & ACTION_SERVICE) c = B[++j] as number;
    if (c === COLON && j > s) {
      const name = ++j;
      for (;;) {
        // Four letters at a time while they last (see NAME_LETTERS), then one character by the table.
        const v = WORDS.getInt32(j, true);
        const x = v | 0x20202020;
        if (NAME_LETTERS && ((v | ((x - 0x61616161) & ~x) | (x + 0x05050505)) & 0x80808080) === 0) {
          j += 4;
          continue;
        }
        c = B[j] as number;
        if (!((CHARS[c] as number) & ACTION_NAME)) break;
        j++;
      }
      if (c === QUOTE && j > name) return j + 1;
    } else if (c === QUOTE && j === s + 1 && B[s] === ASTERISK) {
      return LONE_ASTERISK_OK ? j + 1 : FAIL;
    }
    const e = scanString(s);
    if (e === FAIL || !ACTION_FORMAT.test(decode(s, e, escapedString))) return FAIL;
    return e + 1;
  }

  /** Any string at `i` (its opening quote); returns the offset after it, or FAIL. */
  function plainString(i: number): number {
    const e = scanString(i + 1);
    return e === FAIL ? FAIL : e + 1;
  }

  /** Action/NotAction (`actions`) or Resource/NotResource at `i`: a string or a non-empty array of strings. */
  function strings(i: number, actions: boolean): number {
    let c = B[i];
    if (c === QUOTE) return actions ? action(i) : plainString(i);
    if (c !== OPEN_BRACKET) return FAIL;
    i = skipWhitespace(i + 1);
    for (;;) {
      if (B[i] !== QUOTE) return FAIL; // also the empty array, which the checker reports
      i = actions ? action(i) : plainString(i);
      if (i === FAIL) return FAIL;
      i = skipWhitespace(i);
      c = B[i];
      if (c === COMMA) i = skipWhitespace(i + 1);
      else return c === CLOSE_BRACKET ? i + 1 : FAIL;
    }
  }

  /** A condition value's scalar at `i`: a string, a number, true or false (the checker reports null). */
  function scalar(i: number): number {
    const c = B[i];
    if (c === QUOTE) {
      const e = scanString(i + 1);
      return e === FAIL ? FAIL : e + 1;
    }
    if (c === LOWER_T) return B[i + 1] === LOWER_R && B[i + 2] === LOWER_U && B[i + 3] === LOWER_E ? i + 4 : FAIL;
    if (c === LOWER_F) {
      return B[i + 1] === LOWER_A && B[i + 2] === LOWER_L && B[i + 3] === LOWER_S && B[i + 4] === LOWER_E ? i + 5 : FAIL;
    }
    return scanNumber(i);
  }

  /** An operator block `{ key: scalar | [scalar, …], … }` whose `{` is at `i - 1`. */
  function operatorBlock(i: number): number {
    i = skipWhitespace(i);
    if (B[i] === CLOSE_BRACE) return i + 1;
    let count = 0;
    let big: Set<string> | undefined;
    for (;;) {
      if (B[i] !== QUOTE) return FAIL;
      const s = i + 1;
      const e = scanString(s);
      if (e === FAIL) return FAIL;
      const escaped = escapedString;
      if (big !== undefined) {
        if (!addNew(big, s, e, escaped)) return FAIL;
      } else {
        if (!recordKey(KEYS, BLOCK_BASE, count, s, e, escaped)) return FAIL;
        if (++count === SMALL) big = toSet(KEYS, BLOCK_BASE, count);
      }
      i = afterColon(e + 1);
      if (i === FAIL) return FAIL;
      if (B[i] === OPEN_BRACKET) {
        i = skipWhitespace(i + 1);
        if (B[i] !== CLOSE_BRACKET) {
          for (;;) {
            i = scalar(i);
            if (i === FAIL) return FAIL;
            i = skipWhitespace(i);
            const c = B[i];
            if (c === COMMA) i = skipWhitespace(i + 1);
            else if (c === CLOSE_BRACKET) break;
            else return FAIL;
          }
        }
        i++;
      } else {
        i = scalar(i);
        if (i === FAIL) return FAIL;
      }
      i = skipWhitespace(i);
      const c = B[i];
      if (c === COMMA) i = skipWhitespace(i + 1);
      else return c === CLOSE_BRACE ? i + 1 : FAIL;
    }
  }

  /** The Condition element `{ operator: block, … }` at `i`. */
  function condition(i: number): number {
    if (B[i] !== OPEN_BRACE) return FAIL;
    i = skipWhitespace(i + 1);
    if (B[i] === CLOSE_BRACE) return i + 1;
    let count = 0;
    let big: Set<string> | undefined;
    for (;;) {
      if (B[i] !== QUOTE) return FAIL;
      const s = i + 1;
      const e = scanString(s);
      if (e === FAIL) return FAIL;
      const escaped = escapedString;
      if (lookup(OPERATORS, s, e, escaped) < 0) return FAIL;
      if (big !== undefined) {
        if (!addNew(big, s, e, escaped)) return FAIL;
      } else {
        if (!recordKey(KEYS, OPERATOR_BASE, count, s, e, escaped)) return FAIL;
        if (++count === SMALL) big = toSet(KEYS, OPERATOR_BASE, count);
      }
      i = afterColon(e + 1);
      if (i === FAIL || B[i] !== OPEN_BRACE) return FAIL;
      i = operatorBlock(i + 1);
      if (i === FAIL) return FAIL;
      i = skipWhitespace(i);
      const c = B[i];
      if (c === COMMA) i = skipWhitespace(i + 1);
      else return c === CLOSE_BRACE ? i + 1 : FAIL;
    }
  }

  /** A Sid value at `i`: matches the Sid pattern and, unless empty, no earlier Sid of the document. */
  function sid(i: number): number {
    if (B[i] !== QUOTE) return FAIL;
    const s = i + 1;
    let e = s;
    for (;;) {
      const v = WORDS.getInt32(e, true);
      const x = v | 0x20202020;
      if (SID_LETTERS && ((v | ((x - 0x61616161) & ~x) | (x + 0x05050505)) & 0x80808080) === 0) {
        e += 4;
        continue;
      }
      if (!((CHARS[B[e] as number] as number) & SID_CHAR)) break;
      e++;
    }
    let escaped = false;
    if (B[e] !== QUOTE || (e === s && !SID_EMPTY_OK)) {
      e = scanString(s);
      if (e === FAIL) return FAIL;
      escaped = escapedString;
      if (!POLICY_GRAMMAR.sidPattern.test(decode(s, e, escaped))) return FAIL;
    }
    if (s === e) return e + 1; // the checker lets any number of statements have an empty Sid
    if (sidSet !== undefined) {
      if (!addNew(sidSet, s, e, escaped)) return FAIL;
    } else {
      if (!recordKey(SIDS, 0, sidCount, s, e, escaped)) return FAIL;
      if (++sidCount === SMALL) sidSet = toSet(SIDS, 0, sidCount);
    }
    return e + 1;
  }

  /** A statement object whose `{` is at `i - 1`. */
  function statement(i: number): number {
    let seen = 0;
    i = skipWhitespace(i);
    for (;;) {
      if (B[i] !== QUOTE) return FAIL; // also `{}`, which has no Effect
      const k = readName(STATEMENT_KEYS, i);
      if (k < 0) return FAIL; // Principal, NotPrincipal (warnings) and unknown elements (errors)
      const bit = 1 << k;
      if (seen & bit) return FAIL;
      seen |= bit;
      i = afterColon(nameEnd + 1);
      if (i === FAIL) return FAIL;
      if (k === SID) i = sid(i);
      else if (k === EFFECT) i = oneOf(i, EFFECTS);
      else if (bit & ACTION_BITS) i = strings(i, true);
      else if (bit & RESOURCE_BITS) i = strings(i, false);
      else i = condition(i);
      if (i === FAIL) return FAIL;
      i = skipWhitespace(i);
      const c = B[i];
      if (c === COMMA) i = skipWhitespace(i + 1);
      else if (c === CLOSE_BRACE) break;
      else return FAIL;
    }
    const actions = seen & ACTION_BITS;
    const resources = seen & RESOURCE_BITS;
    // Effect, and exactly one of Action/NotAction and of Resource/NotResource.
    if (!(seen & EFFECT_BIT) || actions === 0 || actions === ACTION_BITS || resources === 0 || resources === RESOURCE_BITS) {
      return FAIL;
    }
    return i + 1;
  }

  /** The Statement element at `i`: one statement or an array of them (an empty array is clean). */
  function statements(i: number): number {
    let c = B[i];
    if (c === OPEN_BRACE) return statement(i + 1);
    if (c !== OPEN_BRACKET) return FAIL;
    i = skipWhitespace(i + 1);
    if (B[i] === CLOSE_BRACKET) return i + 1;
    for (;;) {
      if (B[i] !== OPEN_BRACE) return FAIL;
      i = statement(i + 1);
      if (i === FAIL) return FAIL;
      i = skipWhitespace(i);
      c = B[i];
      if (c === COMMA) i = skipWhitespace(i + 1);
      else return c === CLOSE_BRACKET ? i + 1 : FAIL;
    }
  }

  function document(n: number): boolean {
    let i = skipWhitespace(0);
    if (B[i] !== OPEN_BRACE) return false;
    i = skipWhitespace(i + 1);
    let seen = 0;
    for (;;) {
      if (B[i] !== QUOTE) return false; // also `{}`, which has no Statement
      const k = readName(ROOT_KEYS, i);
      if (k < 0) return false; // Id (a warning) and unknown elements (errors)
      const bit = 1 << k;
      if (seen & bit) return false;
      seen |= bit;
      i = afterColon(nameEnd + 1);
      if (i === FAIL) return false;
      i = k === VERSION ? oneOf(i, VERSIONS) : statements(i);
      if (i === FAIL) return false;
      i = skipWhitespace(i);
      const c = B[i];
      if (c === COMMA) i = skipWhitespace(i + 1);
      else if (c === CLOSE_BRACE) break;
      else return false;
    }
    return (seen & STATEMENT_BIT) !== 0 && skipWhitespace(i + 1) === n;
  }

  /** True exactly when `checkPolicyDocument(policy)` would report no JSON error, no finding and no warning. */
  function scanIsClean(policy: string): boolean {
    text = policy;
    sidCount = 0;
    sidSet = undefined;
    if (policy.length > SCAN_CAPACITY) return false;
    load(policy);
    const clean = document(policy.length);
    text = ''; // keep no caller strings alive
    sidSet = undefined;
    return clean;
  }

  return { scanIsClean, CLEAN_OPERATOR_KEYS, SCAN_CAPACITY };
})();

/** True exactly when `checkPolicyDocument(policy)` would report no JSON error, no finding and no warning. */
export const scanIsClean: (policy: string) => boolean = scanner.scanIsClean;
/** Every condition-operator key the checker accepts without a finding (see inside the closure). */
export const CLEAN_OPERATOR_KEYS: readonly string[] = scanner.CLEAN_OPERATOR_KEYS;
/** Texts longer than this are not read and get "not clean" (see inside the closure). */
export const SCAN_CAPACITY: number = scanner.SCAN_CAPACITY;
