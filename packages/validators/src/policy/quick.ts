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
import { CleanMemo, clearMemos } from '../internal/memo.js';
import { scanIsClean } from './scan.js';

/*
 * Texts already found clean (internal/memo.ts). The target does not depend on it: the bench's "new policy each call"
 * rows defeat it on every call.
 */
const memo = new CleanMemo(64, 8192);

/** True when the detailed policy checker would report nothing for `text`. */
export function isCleanPolicy(text: string): boolean {
  return memo.clean(text, scanIsClean);
}

/** Test hook: forget remembered verdicts, the policy's and every other (benchmarks measure the uncached path). */
export function clearPolicyMemo(): void {
  clearMemos();
}
