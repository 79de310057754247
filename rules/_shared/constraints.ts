import type { Operation, StsMember } from '@rolecall/core';
import { OPERATIONS } from '@rolecall/core';
import type { MemberConstraints } from '@rolecall/validators';
import { DEFAULT_PROFILE, DOCUMENTED_LIMITS, IAM, memberConstraints, PROFILES } from '@rolecall/validators';

export type DocumentedLimitKey = keyof typeof DOCUMENTED_LIMITS | 'maxSessionDuration';

/**
 * What a rule's README quotes in its generated "Constraints" block: the schema constraints of some
 * members and some limits AWS states only in prose. A rule module exports it as `constraints`.
 */
export interface RuleConstraints {
  readonly members?: readonly StsMember[];
  readonly documented?: readonly DocumentedLimitKey[];
}

function range(min: number | undefined, max: number | undefined, unit: string): string {
  if (min !== undefined && max !== undefined) return min === max ? `exactly ${min}${unit}` : `${min}–${max}${unit}`;
  if (min !== undefined) return `at least ${min}${unit}`;
  if (max !== undefined) return `at most ${max}${unit}`;
  return `any${unit}`;
}

function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/** One member's constraints in words: `length 2–64, characters [\w+=,.@-]`. */
export function describeConstraints(c: MemberConstraints): string {
  const parts: string[] = [];
  switch (c.type) {
    case 'string':
      parts.push(`length ${range(c.minLength, c.maxLength, '')}`);
      if (c.modelCharClass !== undefined) parts.push(`characters ${code(c.modelCharClass)}`);
      else if (c.pattern !== undefined) parts.push(`pattern ${code(c.pattern)}`);
      if (c.sensitive) parts.push('secret (never shown in output)');
      break;
    case 'integer':
      parts.push(`whole number ${range(c.min, c.max, '')}`);
      break;
    case 'list':
      parts.push(`${range(c.minItems, c.maxItems, ' items')}`);
      if (c.items !== undefined) parts.push(`each ${describeConstraints(c.items)}`);
      break;
    case 'structure':
      parts.push(
        Object.entries(c.fields ?? {})
          .map(([name, field]) => `${name}${field.required ? '' : ' (optional)'}: ${describeConstraints(field)}`)
          .join('; '),
      );
      break;
  }
  return parts.join(', ');
}

function sourceOf(c: MemberConstraints): string {
  const parts: string[] = [];
  if (c.source.shape !== undefined) parts.push(`model shape ${code(c.source.shape)}`);
  if (c.source.url !== undefined) parts.push(`[AWS documentation](${c.source.url})`);
  return parts.join(', ');
}

/** Lines describing `member` in one profile, operations with equal constraints grouped. */
function memberLines(profile: string, member: StsMember, operations: readonly Operation[], skip?: (op: Operation, text: string) => boolean): string[] {
  const groups = new Map<string, Operation[]>();
  for (const operation of operations) {
    const c = memberConstraints(profile, operation, member);
    if (c === undefined) continue;
    const text = `${describeConstraints(c)}${c.required ? ', required' : ''} (${sourceOf(c)})`;
    if (skip?.(operation, text)) continue;
    groups.set(text, [...(groups.get(text) ?? []), operation]);
  }
  return [...groups].map(([text, ops]) => `${code(member)} in ${ops.join(', ')}: ${text}.`);
}

function documentedLine(key: DocumentedLimitKey): string {
  if (key === 'maxSessionDuration') {
    const { min, max, shape } = IAM.maxSessionDuration as { min: number; max: number; shape?: string };
    return `A role's MaxSessionDuration is ${min}–${max} seconds (IAM model${shape !== undefined ? ` shape ${code(shape)}` : ''}).`;
  }
  const limit = DOCUMENTED_LIMITS[key];
  const value = Array.isArray(limit.value) ? limit.value.map((v) => code(String(v))).join(', ') : code(String(limit.value));
  return `${value}: “${limit.quote}” ([AWS documentation](${limit.url}), ${limit.status}${limit.unverified !== undefined ? `; unverified: ${limit.unverified.replace(/\.$/, "")}` : ''}).`;
}

/**
 * The Markdown lines of a rule README's "Constraints" block: each member's constraints in the
 * default profile, then what differs in the other compatibility profiles, then documented limits.
 */
export function constraintLines(refs: RuleConstraints | undefined, operations: readonly Operation[] = OPERATIONS): string[] {
  if (refs === undefined) return [];
  const lines: string[] = [];
  for (const member of refs.members ?? []) {
    for (const line of memberLines(DEFAULT_PROFILE, member, operations)) lines.push(`- ${line}`);
    for (const profile of PROFILES) {
      if (profile === DEFAULT_PROFILE) continue;
      const differs = memberLines(profile, member, operations, (op, text) => {
        const base = memberConstraints(DEFAULT_PROFILE, op, member);
        return base !== undefined && `${describeConstraints(base)}${base.required ? ', required' : ''} (${sourceOf(base)})` === text;
      });
      for (const line of differs) lines.push(`- Profile ${code(profile)}: ${line}`);
    }
  }
  for (const key of refs.documented ?? []) lines.push(`- ${documentedLine(key)}`);
  return lines;
}
