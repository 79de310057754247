/**
 * The fast path's policy gate: `isCleanPolicy(text)` is true exactly when `checkPolicyDocument(text)` reports
 * nothing (no JSON error, no grammar error, no warning). It only decides "clean or not"; every finding is produced
 * by the detailed checker in grammar.ts, so the wording and ranges have one source.
 *
 * Why not just call the detailed checker: jsonc-parser's syntax tree costs about twice as much as the whole
 * generated request validator for a 400-character policy, and `validateAssumeRole` must stay within 1.5× of that
 * validator. The native `JSON.parse` accepts exactly RFC 8259 JSON (the detailed checker rejects comments, trailing
 * commas and non-JSON white space the same way), so the grammar can be checked on the parsed value. What
 * `JSON.parse` hides is a key repeated within one object (the last one wins); the gate catches that by comparing
 * the number of members it walked with the number of key separators in the text (see `countKeySeparators`).
 */
import { POLICY_GRAMMAR } from '../schema/registry.js';
import { ACTION_FORMAT, parseOperator } from './grammar.js';

/*
 * Texts already found clean, so an input validated again (the SDK plugin on every credential refresh, a linter
 * seeing the same policy in several files) skips the parse. Bounded in entries and in text size; only clean
 * verdicts are stored, so a hit can never hide a finding.
 */
const MEMO_ENTRIES = 64;
const MEMO_MAX_TEXT = 8192;
const memo = new Set<string>();

const NULL_OPERATOR = 'Null';

/**
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

interface Count {
  members: number;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringsOk(v: unknown, check: ((s: string) => boolean) | undefined): boolean {
  if (typeof v === 'string') return check === undefined || check(v);
  if (!Array.isArray(v) || v.length === 0) return false;
  for (const s of v) if (typeof s !== 'string' || (check !== undefined && !check(s))) return false;
  return true;
}

const actionOk = (s: string): boolean => ACTION_FORMAT.test(s);

function isScalar(v: unknown): boolean {
  const t = typeof v;
  return t === 'string' || t === 'number' || t === 'boolean';
}

function conditionOk(cond: unknown, count: Count): boolean {
  if (!isPlainObject(cond)) return false;
  for (const opKey in cond) {
    count.members++;
    const op = parseOperator(opKey);
    if (!op || (op.base === NULL_OPERATOR && op.ifExists)) return false;
    const block = cond[opKey];
    if (!isPlainObject(block)) return false;
    for (const k in block) {
      count.members++;
      const v = block[k];
      if (isScalar(v)) continue;
      if (!Array.isArray(v)) return false;
      for (const x of v) if (!isScalar(x)) return false;
    }
  }
  return true;
}

function statementOk(stmt: unknown, count: Count, sids: string[]): boolean {
  if (!isPlainObject(stmt)) return false;
  let effect = false;
  let action = 0;
  let resource = 0;
  for (const key in stmt) {
    count.members++;
    const v = stmt[key];
    switch (key) {
      case 'Sid':
        if (typeof v !== 'string' || !POLICY_GRAMMAR.sidPattern.test(v)) return false;
        if (v !== '') {
          if (sids.includes(v)) return false;
          sids.push(v);
        }
        break;
      case 'Effect':
        if (typeof v !== 'string' || !POLICY_GRAMMAR.effects.includes(v)) return false;
        effect = true;
        break;
      case 'Action':
      case 'NotAction':
        if (!stringsOk(v, actionOk)) return false;
        action++;
        break;
      case 'Resource':
      case 'NotResource':
        if (!stringsOk(v, undefined)) return false;
        resource++;
        break;
      case 'Condition':
        if (!conditionOk(v, count)) return false;
        break;
      default:
        // Principal, NotPrincipal (warnings) and unknown elements (errors) are reported by the detailed checker.
        return false;
    }
  }
  return effect && action === 1 && resource === 1;
}

function documentOk(doc: unknown, count: Count): boolean {
  if (!isPlainObject(doc)) return false;
  let statement = false;
  const sids: string[] = [];
  for (const key in doc) {
    count.members++;
    const v = doc[key];
    if (key === 'Version') {
      if (typeof v !== 'string' || !POLICY_GRAMMAR.versions.includes(v)) return false;
    } else if (key === 'Statement') {
      statement = true;
      if (Array.isArray(v)) {
        for (const s of v) if (!statementOk(s, count, sids)) return false;
      } else if (!statementOk(v, count, sids)) return false;
    } else {
      return false; // Id (warning) and unknown elements (errors).
    }
  }
  return statement;
}

/** True when the detailed policy checker would report nothing for `text`. */
export function isCleanPolicy(text: string): boolean {
  if (memo.has(text)) return true;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return false;
  }
  const count: Count = { members: 0 };
  if (!documentOk(doc, count) || countKeySeparators(text) !== count.members) return false;
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

