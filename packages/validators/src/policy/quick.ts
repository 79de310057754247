/**
 * The fast path's policy gate: `isCleanPolicy(text)` is true only when `checkPolicyDocument(text)` reports nothing
 * (no JSON error, no grammar error, no warning). It only decides "clean or not"; every finding is produced by the
 * detailed checker in grammar.ts, so the wording and ranges have one source.
 *
 * Why not just call the detailed checker: jsonc-parser's syntax tree costs about twice as much as the whole
 * generated request validator for a 400-character policy, and `validateAssumeRole` must stay within 1.5× of that
 * validator. Neither is `JSON.parse` cheap enough (it builds the whole value, about half the validator's time, and
 * hides repeated keys), so the decision is made by the single-pass scanner in scan.ts, which reads the text in
 * place and answers "not clean" for anything it does not fully understand (texts over `SCAN_CAPACITY`).
 */
import { scanIsClean } from './scan.js';

/*
 * Texts already found clean, so an input validated again (the SDK plugin on every credential refresh, a linter
 * seeing the same policy in several files) skips the scan. Bounded in entries and in text size; only clean
 * verdicts are stored, so a hit can never hide a finding. The target does not depend on it: the bench's "new policy
 * each call" scenario defeats it on every call.
 */
const MEMO_ENTRIES = 64;
const MEMO_MAX_TEXT = 8192;
const memo = new Set<string>();

/**
 * @deprecated No longer used by the gate (scan.ts finds repeated keys itself); kept only for the tests in
 * policy.test.ts until they are removed.
 *
 * Counts `"` + JSON white space + `:` where the quote is not escaped. In valid JSON every object key ends this way,
 * so the count is never lower than the number of keys; it can only be higher (a string value that starts with
 * white space and `:`), which makes the gate fall back to the detailed checker. So equality with the number of
 * members of the parsed value proves that no key was dropped by `JSON.parse`. Hand-written because no JSON library
 * reports duplicate keys without building a syntax tree, which is the cost this gate avoids.
 */
export function countKeySeparators(text: string): number {
  let n = 0;
  let i = text.indexOf('"');
  while (i !== -1) {
    let j = i + 1;
    let c = text.charCodeAt(j);
    while (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) c = text.charCodeAt(++j);
    if (c === 0x3a) {
      let backslashes = 0;
      for (let k = i - 1; k >= 0 && text.charCodeAt(k) === 0x5c; k--) backslashes++;
      if ((backslashes & 1) === 0) n++;
    }
    i = text.indexOf('"', i + 1);
  }
  return n;
}

/** True when the detailed policy checker would report nothing for `text`. */
export function isCleanPolicy(text: string): boolean {
  if (memo.has(text)) return true;
  if (!scanIsClean(text)) return false;
  if (text.length <= MEMO_MAX_TEXT) {
    if (memo.size >= MEMO_ENTRIES) memo.clear();
    memo.add(text);
  }
  return true;
}

/** Test hook: forget remembered verdicts (benchmarks measure the uncached path with it). */
export function clearPolicyMemo(): void {
  memo.clear();
}

