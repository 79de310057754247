/**
 * Session-policy checks: the inline `Policy` string must be JSON (RFC 8259, no comments) and a valid IAM policy
 * document for a session policy. Grammar source: reference §7 ("Grammar of the IAM JSON policy language",
 * "IAM JSON policy elements reference", "Condition operators"); the facts (versions, effects, Sid pattern, condition
 * operators, qualifiers) come from the generated manifest through `POLICY_GRAMMAR`.
 *
 * Every finding carries the JSON path inside the policy and the UTF-16 range of the node it is about, taken from
 * jsonc-parser's syntax tree, so a linter can point at `"Effect": "allow"` inside a YAML block scalar.
 */
import { createScanner, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { IssueSeverity } from '../types.js';
import { POLICY_GRAMMAR } from '../schema/registry.js';
import { jsonErrorMessages, type policyGrammarMessages } from '../messages.js';
import { equalsIgnoreCase, lineColumn, quote, showValue } from '../internal/text.js';

export type PolicyRule = keyof typeof policyGrammarMessages;

export interface PolicyFinding {
  readonly rule: PolicyRule;
  readonly severity: IssueSeverity;
  /** Path inside the policy document (`['Statement', 0, 'Action']`). */
  readonly segments: readonly (string | number)[];
  readonly start: number;
  readonly end: number;
  readonly data: Readonly<Record<string, string | number>>;
}

export interface PolicyJsonError {
  /** jsonc-parser's ParseErrorCode name (`CommaExpected`). */
  readonly code: string;
  readonly message: string;
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
}

export interface PolicyCheck {
  readonly jsonError?: PolicyJsonError;
  readonly findings: readonly PolicyFinding[];
}

/*
 * Element names are the grammar's keywords (reference §7); the checker's logic is written per element, so they
 * are spelled here next to that logic rather than looked up.
 */
export const TOP_LEVEL_ELEMENTS: readonly string[] = ['Version', 'Id', 'Statement'];
export const STATEMENT_ELEMENTS: readonly string[] = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
];
/** The one operator that takes no `IfExists` suffix (reference §7, "Condition operators"). */
const NULL_OPERATOR = 'Null';

/**
 * `service:action` with `*`/`?` wildcards, or `*` (reference §7). Service prefixes are letters, digits and `-`
 * (`execute-api`); the action part is kept lenient on `_`/`.`/`-` so no real action is flagged.
 */
export const ACTION_FORMAT = /^(?:\*|[A-Za-z0-9*?-]+:[A-Za-z0-9*?_.-]+)$/;

export const CONDITION_OPERATORS: ReadonlySet<string> = new Set(
  POLICY_GRAMMAR.conditionOperators.filter((o) => !POLICY_GRAMMAR.setQualifiers.includes(o)),
);

/** JSON's four white-space characters (RFC 8259 §2); jsonc-parser also skips others such as U+00A0. */
function isJsonWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

// jsonc-parser's SyntaxKind is a `const enum` in its typings, which isolatedModules cannot read.
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const TRIVIA = 15;
const LINE_BREAK_TRIVIA = 14;
const EOF = 17;

/**
 * jsonc-parser builds its tree recursively, so a hostile `[[[[…` would exhaust the stack. The deepest element of a
 * policy (a condition value list) sits six levels down; past this many levels nothing can be valid, and the depth
 * is measured first with the (iterative) scanner.
 */
export const MAX_POLICY_DEPTH = 32;

/** @internal Shared with the trust-policy check. */
export function tooDeep(text: string): { readonly start: number; readonly end: number } | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let kind = scanner.scan(); kind !== EOF; kind = scanner.scan()) {
    if (kind === OPEN_BRACE || kind === OPEN_BRACKET) {
      if (++depth > MAX_POLICY_DEPTH) {
        const start = scanner.getTokenOffset();
        return { start, end: start + 1 };
      }
    } else if (kind === CLOSE_BRACE || kind === CLOSE_BRACKET) depth--;
  }
  return undefined;
}

function jsonError(text: string, code: string, offset: number, length: number): PolicyJsonError {
  const start = Math.min(offset, text.length);
  const end = Math.min(text.length, start + Math.max(length, 1));
  const { line, column } = lineColumn(text, start);
  return { code, message: jsonErrorMessages[code] ?? code, start, end, line, column };
}

/** First place where jsonc-parser accepted white space that JSON does not (it skips U+00A0, U+FEFF…). */
function nonJsonWhitespace(text: string): PolicyJsonError | undefined {
  const scanner = createScanner(text, false);
  for (let kind = scanner.scan(); kind !== EOF; kind = scanner.scan()) {
    if (kind !== TRIVIA && kind !== LINE_BREAK_TRIVIA) continue;
    const start = scanner.getTokenOffset();
    const end = start + scanner.getTokenLength();
    for (let i = start; i < end; i++) {
      if (!isJsonWhitespace(text.charCodeAt(i))) return jsonError(text, 'InvalidSymbol', i, 1);
    }
  }
  return undefined;
}

interface Walker {
  readonly findings: PolicyFinding[];
  readonly sids: Map<string, string>;
}

function add(
  w: Walker,
  rule: PolicyRule,
  node: Node,
  segments: readonly (string | number)[],
  data: Record<string, string | number> = {},
  severity: IssueSeverity = 'error',
): void {
  w.findings.push({ rule, severity, segments, start: node.offset, end: node.offset + node.length, data });
}

function nodeType(node: Node): string {
  switch (node.type) {
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    default:
      return 'null';
  }
}

function received(node: Node): string {
  return node.type === 'string' || node.type === 'number' || node.type === 'boolean'
    ? `${nodeType(node)} (${showValue(node.value)})`
    : nodeType(node);
}

interface Member {
  readonly key: string;
  readonly keyNode: Node;
  readonly value: Node;
}

/** Properties of an object node, reporting keys that repeat within it. */
function members(w: Walker, node: Node, segments: readonly (string | number)[]): Member[] {
  const out: Member[] = [];
  const seen = new Set<string>();
  for (const prop of node.children ?? []) {
    const keyNode = prop.children?.[0];
    const value = prop.children?.[1];
    if (!keyNode || !value) continue;
    const key = String(keyNode.value);
    if (seen.has(key)) add(w, 'duplicateKey', keyNode, [...segments, key], { key });
    else seen.add(key);
    out.push({ key, keyNode, value });
  }
  return out;
}

function checkStringOrArray(
  w: Walker,
  element: string,
  value: Node,
  segments: readonly (string | number)[],
  each?: (item: Node, segments: readonly (string | number)[]) => void,
): void {
  if (value.type === 'string') {
    each?.(value, segments);
    return;
  }
  if (value.type !== 'array') {
    add(w, 'stringOrArray', value, segments, { element, received: received(value) });
    return;
  }
  const items = value.children ?? [];
  if (items.length === 0) add(w, 'emptyArray', value, segments, { element });
  items.forEach((item, i) => {
    const s = [...segments, i];
    if (item.type !== 'string') add(w, 'stringEntry', item, s, { element, received: received(item) });
    else each?.(item, s);
  });
}

function checkAction(w: Walker, item: Node, segments: readonly (string | number)[]): void {
  const action = String(item.value);
  if (!ACTION_FORMAT.test(action)) add(w, 'actionFormat', item, segments, { found: quote(action) });
}

/** Canonical spelling of an operator written with the wrong case, for the "did you mean" hint. */
export function suggestOperator(key: string): string | undefined {
  let rest = key;
  let qualifier = '';
  for (const q of POLICY_GRAMMAR.setQualifiers) {
    if (rest.length >= q.length && equalsIgnoreCase(rest.slice(0, q.length), q)) {
      qualifier = q;
      rest = rest.slice(q.length);
      break;
    }
  }
  const suffix = POLICY_GRAMMAR.ifExistsSuffix;
  let ifExists = '';
  if (rest.length > suffix.length && equalsIgnoreCase(rest.slice(-suffix.length), suffix)) {
    ifExists = suffix;
    rest = rest.slice(0, -suffix.length);
  }
  for (const op of CONDITION_OPERATORS) {
    if (equalsIgnoreCase(op, rest)) {
      if (op === NULL_OPERATOR && ifExists) return undefined;
      return qualifier + op + ifExists;
    }
  }
  return undefined;
}

/** Splits `ForAnyValue:StringLikeIfExists` into its parts; `undefined` when the base is not an operator. */
export function parseOperator(key: string): { readonly base: string; readonly ifExists: boolean } | undefined {
  let rest = key;
  for (const q of POLICY_GRAMMAR.setQualifiers) {
    if (rest.startsWith(q)) {
      rest = rest.slice(q.length);
      break;
    }
  }
  if (CONDITION_OPERATORS.has(rest)) return { base: rest, ifExists: false };
  const suffix = POLICY_GRAMMAR.ifExistsSuffix;
  if (rest.length > suffix.length && rest.endsWith(suffix)) {
    const base = rest.slice(0, -suffix.length);
    if (CONDITION_OPERATORS.has(base)) return { base, ifExists: true };
  }
  return undefined;
}

function isConditionScalar(node: Node): boolean {
  return node.type === 'string' || node.type === 'number' || node.type === 'boolean';
}

function checkCondition(w: Walker, value: Node, segments: readonly (string | number)[]): void {
  if (value.type !== 'object') {
    add(w, 'conditionType', value, segments, { received: received(value) });
    return;
  }
  for (const { key, keyNode, value: block } of members(w, value, segments)) {
    const s = [...segments, key];
    const op = parseOperator(key);
    if (!op) {
      const suggestion = suggestOperator(key);
      add(w, 'unknownOperator', keyNode, s, {
        found: key,
        hint: suggestion ? ` Did you mean "${suggestion}"?` : '',
      });
    } else if (op.base === NULL_OPERATOR && op.ifExists) {
      add(w, 'ifExistsOnNull', keyNode, s, { found: key });
    }
    if (block.type !== 'object') {
      add(w, 'operatorBlockType', block, s, { operator: key, received: received(block) });
      continue;
    }
    for (const { key: conditionKey, value: v } of members(w, block, s)) {
      const ok = isConditionScalar(v) || (v.type === 'array' && (v.children ?? []).every(isConditionScalar));
      if (!ok) add(w, 'conditionValueType', v, [...s, conditionKey], { key: conditionKey, received: received(v) });
    }
  }
}

function elementLabel(segments: readonly (string | number)[]): string {
  return segments.map((s) => (typeof s === 'number' ? `[${s}]` : s)).join('.').replace(/\.\[/g, '[');
}

function checkStatement(w: Walker, stmt: Node, segments: readonly (string | number)[]): void {
  if (stmt.type !== 'object') {
    add(w, 'statementEntryType', stmt, segments, { received: received(stmt) });
    return;
  }
  const present = new Set<string>();
  for (const { key, keyNode, value } of members(w, stmt, segments)) {
    const s = [...segments, key];
    present.add(key);
    switch (key) {
      case 'Sid': {
        if (value.type !== 'string') {
          add(w, 'sidType', value, s, { received: received(value) });
          break;
        }
        const sid = String(value.value);
        if (!POLICY_GRAMMAR.sidPattern.test(sid)) add(w, 'sidCharacters', value, s, { found: quote(sid) });
        if (sid !== '') {
          const first = w.sids.get(sid);
          if (first !== undefined) add(w, 'duplicateSid', value, s, { found: quote(sid), firstElement: first });
          else w.sids.set(sid, elementLabel(segments));
        }
        break;
      }
      case 'Effect':
        if (value.type !== 'string' || !POLICY_GRAMMAR.effects.includes(String(value.value))) {
          add(w, 'effectValue', value, s, {
            allowed: POLICY_GRAMMAR.effects.map((e) => `"${e}"`).join(' or '),
            found: value.type === 'string' ? quote(String(value.value)) : received(value),
          });
        }
        break;
      case 'Action':
      case 'NotAction':
        checkStringOrArray(w, key, value, s, (item, is) => checkAction(w, item, is));
        break;
      case 'Resource':
      case 'NotResource':
        checkStringOrArray(w, key, value, s);
        break;
      case 'Principal':
      case 'NotPrincipal':
        add(w, 'principalElement', keyNode, s, { element: key }, 'warning');
        break;
      case 'Condition':
        checkCondition(w, value, s);
        break;
      default:
        add(w, 'unknownElement', keyNode, s, { key, allowed: STATEMENT_ELEMENTS.join(', ') });
    }
  }
  if (!present.has('Effect')) add(w, 'missingEffect', stmt, segments);
  if (present.has('Action') && present.has('NotAction')) add(w, 'bothAction', stmt, segments);
  else if (!present.has('Action') && !present.has('NotAction')) add(w, 'missingAction', stmt, segments);
  if (present.has('Resource') && present.has('NotResource')) add(w, 'bothResource', stmt, segments);
  else if (!present.has('Resource') && !present.has('NotResource')) add(w, 'missingResource', stmt, segments);
}

/**
 * @internal (its result is jsonc-parser's tree, whose types are not a dependency of the published package)
 * A policy text as JSON (RFC 8259: no comments, no trailing commas, JSON's own white space) into jsonc-parser's
 * tree, or the first JSON error. The caller checks the depth first (`tooDeep`). Shared with the trust-policy check.
 */
export function parseStrictJson(text: string): { readonly root: Node } | { readonly jsonError: PolicyJsonError } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first) return { jsonError: jsonError(text, printParseErrorCode(first.error), first.offset, first.length) };
  const ws = nonJsonWhitespace(text);
  if (ws) return { jsonError: ws };
  if (!root) return { jsonError: jsonError(text, 'ValueExpected', 0, text.length) };
  return { root };
}

/**
 * Checks one inline session policy. Never throws; an empty string yields no findings (the schema's `minLength`
 * reports it).
 */
export function checkPolicyDocument(text: string): PolicyCheck {
  if (text.length === 0) return { findings: [] };
  const deep = tooDeep(text);
  if (deep) {
    return {
      findings: [{ rule: 'nestingTooDeep', severity: 'error', segments: [], ...deep, data: { limit: MAX_POLICY_DEPTH } }],
    };
  }
  const parsed = parseStrictJson(text);
  if ('jsonError' in parsed) return { jsonError: parsed.jsonError, findings: [] };
  const root = parsed.root;

  const w: Walker = { findings: [], sids: new Map() };
  if (root.type !== 'object') {
    add(w, 'notAnObject', root, [], { received: received(root) });
    return { findings: w.findings };
  }
  let statement: Node | undefined;
  for (const { key, keyNode, value } of members(w, root, [])) {
    switch (key) {
      case 'Version':
        if (value.type !== 'string') add(w, 'versionType', value, ['Version'], { received: received(value) });
        else if (!POLICY_GRAMMAR.versions.includes(String(value.value))) {
          add(w, 'unknownVersion', value, ['Version'], {
            found: quote(String(value.value)),
            allowed: POLICY_GRAMMAR.versions.map((v) => `"${v}"`).join(' or '),
          });
        }
        break;
      case 'Id':
        add(w, 'idElement', keyNode, ['Id'], {}, 'warning');
        break;
      case 'Statement':
        statement ??= value;
        if (value.type === 'object') checkStatement(w, value, ['Statement']);
        else if (value.type === 'array') (value.children ?? []).forEach((s, i) => checkStatement(w, s, ['Statement', i]));
        else add(w, 'statementType', value, ['Statement'], { received: received(value) });
        break;
      default:
        add(w, 'unknownElement', keyNode, [key], { key, allowed: TOP_LEVEL_ELEMENTS.join(', ') });
    }
  }
  if (!statement) add(w, 'missingStatement', root, []);
  const findings = w.findings.slice().sort((a, b) => a.start - b.start || a.end - b.end);
  return { findings };
}
