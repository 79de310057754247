/**
 * The shape every cross-file rule shares: for each call of the project, the role it assumes
 * (`matchRole`), then the rule's own check of call against role. The match strength and the
 * `requireAccount` option are handled here once.
 */
import type { AssumeRoleCall, ProjectModel, ProjectRuleContext, RelatedSpan, RoleDefinition, RuleContext } from '@rolecall/core';
import { matchRole, type RoleMatch } from './roles.js';

export interface RoleOptions {
  /** Only match a call to a role when the repository states the role's account (no name-only matches). */
  readonly requireAccount?: boolean;
}

/** JSON Schema of the options every cross-file rule takes. */
export const ROLE_OPTIONS_SCHEMA = {
  type: 'object',
  properties: {
    requireAccount: { type: 'boolean', description: "Match a call to a role only when the role's account is known (no name-only matches)." },
  },
  additionalProperties: false,
} as const;

/** Appended to a message when the call matched the role by name and path only. */
export const NAME_ONLY_NOTE = ' (Matched by role name and path only: the repository does not say which account the role is in.)';

/** Runs `check` for every call that matches exactly one role defined in the project. */
export function forEachMatchedCall(
  project: ProjectModel,
  context: ProjectRuleContext<RoleOptions>,
  check: (call: AssumeRoleCall, match: RoleMatch, at: RuleContext<RoleOptions>, weak: string) => void,
): void {
  if (project.roles.length === 0) return;
  for (const call of project.calls) {
    const at = context.at(call);
    const match = matchRole(call, project.roles, { requireAccount: at.options?.requireAccount === true });
    if (match === undefined) continue;
    check(call, match, at, match.strength === 'name-only' ? NAME_ONLY_NOTE : '');
  }
}

/** A related location at a role (its property when given, else the whole definition). */
export function atRole(role: RoleDefinition, message: string, property?: keyof Pick<RoleDefinition, 'maxSessionDuration' | 'trustPolicy'>): RelatedSpan {
  const p = property !== undefined ? role[property] : undefined;
  return { file: role.file, span: p !== undefined ? p.value.span : role.span, message };
}
