/**
 * Role trust policy checks: the grammar IAM enforces when a role is created or its trust policy updated
 * (CreateRole `AssumeRolePolicyDocument`, UpdateAssumeRolePolicy). The general policy grammar (Version and Effect
 * values, condition operators) is `POLICY_GRAMMAR`, shared with the session-policy check in grammar.ts, whose JSON
 * parsing and operator parsing this reuses; what only a trust policy has (Principal required, NotPrincipal,
 * Resource and NotResource refused, the sts actions, the principal forms, the length quota) is `TRUST_POLICY`, from
 * schemas/source/trust-policy.json.
 *
 * Input is the policy as JSON text. A linter that holds the policy as a value node (a CloudFormation YAML mapping)
 * serializes it and says which string values stand for values it does not know (`unknownAt`): those are never
 * reported, and the length is then not measured.
 */
import type { Node } from 'jsonc-parser';
import { POLICY_GRAMMAR, TRUST_POLICY } from '../schema/registry.js';
import { showValue } from '../internal/text.js';
import { parseOperator, parseStrictJson, suggestOperator, tooDeep, MAX_POLICY_DEPTH, type PolicyJsonError } from './grammar.js';

export type TrustRule =
  | 'trustNestingTooDeep'
  | 'trustNotAnObject'
  | 'trustVersion'
  | 'trustMissingStatement'
  | 'trustStatementType'
  | 'trustUnknownElement'
  | 'trustDuplicateKey'
  | 'trustEffect'
  | 'trustMissingElement'
  | 'trustProhibitedElement'
  | 'trustElementType'
  | 'trustAction'
  | 'trustPrincipalType'
  | 'trustPrincipalValue'
  | 'trustOperator'
  | 'trustTooLong';

export interface TrustFinding {
  readonly rule: TrustRule;
  /** Offsets in the policy text. */
  readonly start: number;
  readonly end: number;
  readonly data: Readonly<Record<string, string | number>>;
}

export interface TrustPolicyOptions {
  /** The account's trust policy length quota; default `TRUST_POLICY.maxLength`. */
  readonly maxLength?: number;
  /** True for the text offset of a string that stands for a value the caller does not know. */
  readonly unknownAt?: (offset: number) => boolean;
}

export interface TrustPolicyCheck {
  readonly jsonError?: PolicyJsonError;
  readonly findings: readonly TrustFinding[];
}

const TOP_LEVEL = ['Version', 'Id', 'Statement'];
const STATEMENT = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];
const or = (values: readonly string[]): string => values.map((v) => `"${v}"`).join(', ').replace(/, ([^,]*)$/, ' or $1');

/** An action pattern (`sts:Assume*`, `*`) as IAM matches it: case-insensitive, `*` any run, `?` one character. */
function actionMatcher(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'iu');
}

/** Characters of the text without JSON white space outside strings: the smaller of the two possible measures. */
export function trustPolicyLength(text: string): number {
  let n = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      n++;
      if (c === 0x5c) {
        n++;
        i++;
      } else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      n++;
      inString = true;
    } else if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) n++;
  }
  return n;
}

interface Walk {
  readonly findings: TrustFinding[];
  readonly unknownAt: (offset: number) => boolean;
}

function add(w: Walk, rule: TrustRule, node: Node, data: Record<string, string | number> = {}): void {
  w.findings.push({ rule, start: node.offset, end: node.offset + node.length, data });
}

function members(w: Walk, node: Node): { key: string; keyNode: Node; value: Node }[] {
  const out: { key: string; keyNode: Node; value: Node }[] = [];
  const seen = new Set<string>();
  for (const prop of node.children ?? []) {
    const [keyNode, value] = prop.children ?? [];
    if (!keyNode || !value) continue;
    const key = String(keyNode.value);
    if (seen.has(key)) add(w, 'trustDuplicateKey', keyNode, { key });
    seen.add(key);
    out.push({ key, keyNode, value });
  }
  return out;
}

const known = (w: Walk, node: Node): boolean => !(node.type === 'string' && w.unknownAt(node.offset));
/** A value the caller does not know stands where an object or array is expected: nothing can be said about it. */
const unknownValue = (w: Walk, node: Node): boolean => !known(w, node);

/** The strings of a string-or-array element; reports other shapes. */
function strings(w: Walk, element: string, value: Node): Node[] {
  if (value.type === 'string') return [value];
  // An array whose items are all unknown strings is still an array of strings; an unknown item is a string too.
  const items = value.type === 'array' ? (value.children ?? []) : undefined;
  if (items === undefined || items.length === 0 || items.some((i) => i.type !== 'string')) {
    add(w, 'trustElementType', value, { element, expected: 'a string or a non-empty array of strings' });
    return items?.filter((i) => i.type === 'string') ?? [];
  }
  return items;
}

const ACTIONS = TRUST_POLICY.actions;

function checkActions(w: Walk, element: string, value: Node): void {
  for (const item of strings(w, element, value)) {
    if (!known(w, item)) continue;
    const action = String(item.value);
    const matcher = actionMatcher(action);
    if (!ACTIONS.some((a) => matcher.test(a))) add(w, 'trustAction', item, { element, found: showValue(action), allowed: ACTIONS.join(', ') });
  }
}

function checkPrincipal(w: Walk, value: Node): void {
  if (value.type === 'string') {
    if (known(w, value) && value.value !== '*') add(w, 'trustElementType', value, { element: 'Principal', expected: '"*" or an object of principal types' });
    return;
  }
  if (value.type !== 'object') {
    add(w, 'trustElementType', value, { element: 'Principal', expected: '"*" or an object of principal types' });
    return;
  }
  for (const { key, keyNode, value: v } of members(w, value)) {
    const format = TRUST_POLICY.principalFormats[key];
    if (format === undefined) {
      add(w, 'trustPrincipalType', keyNode, { found: showValue(key), allowed: or(TRUST_POLICY.principalTypes) });
      continue;
    }
    for (const item of strings(w, `Principal.${key}`, v)) {
      if (known(w, item) && !format.pattern.test(String(item.value))) add(w, 'trustPrincipalValue', item, { type: key, found: showValue(item.value), expected: format.describe });
    }
  }
}

function checkCondition(w: Walk, value: Node): void {
  if (unknownValue(w, value)) return;
  if (value.type !== 'object') {
    add(w, 'trustElementType', value, { element: 'Condition', expected: 'an object of condition operators' });
    return;
  }
  for (const { key, keyNode } of members(w, value)) {
    const op = parseOperator(key);
    if (op === undefined || (op.base === 'Null' && op.ifExists)) {
      const suggestion = suggestOperator(key);
      add(w, 'trustOperator', keyNode, { found: showValue(key), hint: suggestion !== undefined && suggestion !== key ? ` Did you mean "${suggestion}"?` : '' });
    }
  }
}

function checkStatement(w: Walk, stmt: Node): void {
  if (unknownValue(w, stmt)) return;
  if (stmt.type !== 'object') {
    add(w, 'trustStatementType', stmt);
    return;
  }
  const present = new Set<string>();
  for (const { key, keyNode, value } of members(w, stmt)) {
    present.add(key);
    const prohibited = TRUST_POLICY.prohibited[key];
    if (prohibited !== undefined) {
      add(w, 'trustProhibitedElement', keyNode, { element: key, aws: prohibited });
      continue;
    }
    switch (key) {
      case 'Effect':
        if (known(w, value) && (value.type !== 'string' || !POLICY_GRAMMAR.effects.includes(String(value.value)))) {
          add(w, 'trustEffect', value, { found: showValue(value.value ?? value.type), allowed: or(POLICY_GRAMMAR.effects) });
        }
        break;
      case 'Action':
      case 'NotAction':
        checkActions(w, key, value);
        break;
      case 'Principal':
        checkPrincipal(w, value);
        break;
      case 'Condition':
        checkCondition(w, value);
        break;
      case 'Sid':
        break;
      default:
        add(w, 'trustUnknownElement', keyNode, { key: showValue(key), allowed: STATEMENT.filter((e) => TRUST_POLICY.prohibited[e] === undefined).join(', ') });
    }
  }
  // The grammar's mutually exclusive pair (sts-constraints.json policyGrammar.rules).
  if (present.has('Action') && present.has('NotAction')) add(w, 'trustElementType', stmt, { element: 'A statement', expected: 'given Action or NotAction, not both' });
  for (const [element, aws] of Object.entries(TRUST_POLICY.required)) {
    const has = element === 'Action' ? present.has('Action') || present.has('NotAction') : present.has(element);
    if (!has) add(w, 'trustMissingElement', stmt, { element: element === 'Action' ? 'Action (or NotAction)' : element, aws });
  }
}

/** Checks one role trust policy given as JSON text. Never throws; findings in text order. */
export function checkTrustPolicyDocument(text: string, options: TrustPolicyOptions = {}): TrustPolicyCheck {
  const deep = tooDeep(text);
  if (deep) return { findings: [{ rule: 'trustNestingTooDeep', ...deep, data: { limit: MAX_POLICY_DEPTH } }] };
  const parsed = parseStrictJson(text);
  if ('jsonError' in parsed) return { jsonError: parsed.jsonError, findings: [] };
  const unknownAt = options.unknownAt ?? (() => false);
  const w: Walk = { findings: [], unknownAt };
  const root = parsed.root;
  if (root.type !== 'object') {
    add(w, 'trustNotAnObject', root);
    return { findings: w.findings };
  }
  let statement = false;
  for (const { key, keyNode, value } of members(w, root)) {
    if (key === 'Version') {
      if (known(w, value) && (value.type !== 'string' || !POLICY_GRAMMAR.versions.includes(String(value.value)))) {
        add(w, 'trustVersion', value, { found: showValue(value.value ?? value.type), allowed: or(POLICY_GRAMMAR.versions) });
      }
    } else if (key === 'Statement') {
      statement = true;
      if (value.type === 'object' || unknownValue(w, value)) checkStatement(w, value);
      else if (value.type === 'array' && (value.children ?? []).length > 0) for (const s of value.children ?? []) checkStatement(w, s);
      else add(w, 'trustStatementType', value);
    } else if (key !== 'Id') {
      add(w, 'trustUnknownElement', keyNode, { key: showValue(key), allowed: TOP_LEVEL.join(', ') });
    }
  }
  if (!statement) add(w, 'trustMissingStatement', root);
  // The length is measured only when every value is known (a placeholder's length says nothing).
  const max = options.maxLength ?? TRUST_POLICY.maxLength;
  if (options.unknownAt === undefined || !hasUnknown(root, unknownAt)) {
    const length = trustPolicyLength(text);
    if (length > max) w.findings.push({ rule: 'trustTooLong', start: root.offset, end: root.offset + root.length, data: { actual: length, max, quota: TRUST_POLICY.maxLengthQuota } });
  }
  return { findings: w.findings.sort((a, b) => a.start - b.start || a.end - b.end) };
}

function hasUnknown(node: Node, unknownAt: (offset: number) => boolean): boolean {
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'string' && unknownAt(n.offset)) return true;
    for (const c of n.children ?? []) stack.push(c);
  }
  return false;
}
