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

