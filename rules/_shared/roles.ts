/**
 * Matching calls to the IAM roles defined in the repository, for the cross-file rules. A call's
 * RoleArn matches a role when it is a literal ARN naming the role's name and path (in the role's
 * account and partition when the repository states them), or a reference the extractor tied to the
 * role's handle (`aws_iam_role.deploy.arn`, `!GetAtt DeployRole.Arn`). An ARN in another account,
 * partition or path is no match; an unresolvable ARN is no match and no finding.
 */
import type { AssumeRoleCall, RoleDefinition, RoleProperty, ValueNode } from '@rolecall/core';
import { getParameter, materialize, UNKNOWN } from '@rolecall/core';
import { IAM } from '@rolecall/validators';

export interface RoleMatch {
  readonly role: RoleDefinition;
  /**
   * `exact`: by handle, or by an ARN whose account the role states too. `name-only`: the ARN's
   * name and path match but the repository does not say which account the role lives in.
   */
  readonly strength: 'exact' | 'name-only';
}

export interface MatchOptions {
  /** Treat a name-only match as no match (the `requireAccount` option of the cross-file rules). */
  readonly requireAccount?: boolean;
}

/** `arn:<partition>:iam::<account>:role/<path><name>` split into its parts, or undefined. */
export function parseRoleArn(arn: string): { partition: string; account: string; path: string; name: string } | undefined {
  const match = /^arn:([a-z-]+):iam::(\d{12}):role(\/(?:[^/]+\/)*)([^/]+)$/.exec(arn);
  if (match === null) return undefined;
  return { partition: match[1]!, account: match[2]!, path: match[3]!, name: match[4]! };
}

/** A role property's value when it is a known string. */
function knownString(property: RoleProperty | undefined): string | undefined {
  if (property === undefined) return undefined;
  const value = materialize(property.value);
  return typeof value === 'string' ? value : undefined;
}

/** The role's path as IAM stores it (`/` when absent), or undefined when written but not known. */
function pathOf(role: RoleDefinition): string | undefined {
  if (role.path === undefined) return '/';
  return knownString(role.path);
}

/**
 * The role a call assumes, among the repository's role definitions. When several definitions fit
 * (the same name in two templates), there is no single match and the call is left alone.
 */
export function matchRole(call: AssumeRoleCall, roles: readonly RoleDefinition[], options: MatchOptions = {}): RoleMatch | undefined {
  const parameter = getParameter(call, 'RoleArn');
  if (parameter === undefined) return undefined;
  const node: ValueNode = parameter.value.kind === 'implicit' ? parameter.value.value : parameter.value;
  const found: RoleMatch[] = [];
  if (node.kind === 'reference' && node.refersTo !== undefined) {
    for (const role of roles) if (role.handles.includes(node.refersTo)) found.push({ role, strength: 'exact' });
  } else if (node.kind === 'literal' && typeof node.value === 'string') {
    const arn = parseRoleArn(node.value);
    if (arn === undefined) return undefined;
    for (const role of roles) {
      const name = knownString(role.name);
      if (name === undefined || name !== arn.name || pathOf(role) !== arn.path) continue;
      if (role.partition !== undefined && role.partition !== arn.partition) continue;
      if (role.account !== undefined) {
        if (role.account === arn.account) found.push({ role, strength: 'exact' });
        continue;
      }
      if (options.requireAccount !== true) found.push({ role, strength: 'name-only' });
    }
  }
  return found.length === 1 ? found[0] : undefined;
}

/** A role's MaxSessionDuration in seconds: as written, IAM's default when absent, undefined when not known. */
export function maxSessionDurationOf(role: RoleDefinition): number | undefined {
  if (role.maxSessionDuration === undefined) return IAM.maxSessionDuration.documentedDefault;
  const value = materialize(role.maxSessionDuration.value);
  // CloudFormation coerces a quoted number; the extractor records the number with `written`.
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined;
  return n !== undefined && Number.isSafeInteger(n) ? n : undefined;
}

/** How a role is named in messages: its name when known, else its first handle. */
export function roleLabel(role: RoleDefinition): string {
  return JSON.stringify(knownString(role.name) ?? role.handles[0] ?? role.id);
}

/** The trust policy as a parsed object, when it is known (an object, or a string holding JSON). */
export function trustPolicyOf(role: RoleDefinition): Record<string, unknown> | undefined {
  if (role.trustPolicy === undefined) return undefined;
  let value = materialize(role.trustPolicy.value);
  if (value === UNKNOWN) return undefined;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return undefined;
    }
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
