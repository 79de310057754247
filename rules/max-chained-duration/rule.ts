import type { ReportDescriptor, Rule } from '@rolecall/core';
import { callSettings, getParameter } from '@rolecall/core';
import { DOCUMENTED_LIMITS } from '@rolecall/validators';
import type { RuleConstraints } from '../_shared/constraints.js';
import { parameterRule, type ValidatorRule } from '../_shared/parameter-rule.js';
import { atRole, NAME_ONLY_NOTE, ROLE_OPTIONS_SCHEMA, type RoleOptions } from '../_shared/project-rule.js';
import { matchRole, maxSessionDurationOf, roleLabel } from '../_shared/roles.js';

/**
 * Two ways a call is known to be chained: the `roleChaining` setting (checked per call, as every
 * validator rule), or an extractor that saw where the source credentials come from and linked the
 * call to it (`context.chainedFrom`: an earlier workflow step, a Terragrunt `iam_role`, the
 * previous `assume_role` block, a source profile). The second kind is checked in the project pass,
 * where the chain's start can be named in the message and the role the call assumes, when the
 * repository defines it, is a related location: its MaxSessionDuration does not lift the cap.
 */
const base: ValidatorRule = parameterRule({
  id: 'max-chained-duration',
  description: 'Disallow DurationSeconds above the cap STS sets for role chaining.',
  awsSource: DOCUMENTED_LIMITS.roleChainingMaxDuration.url,
  help: 'Request at most one hour when assuming a role with role credentials, or get the credentials another way.',
  parameters: ['DurationSeconds'],
  codes: ['roleChainingDurationExceeded'],
  operations: ['AssumeRole'],
  semantic: true,
});

const rule: Rule<RoleOptions> = {
  ...base,
  meta: {
    ...base.meta,
    messages: {
      ...base.meta.messages,
      chained: '{{parameter}} is {{actual}}; its source credentials are the role session started at {{start}} (role chaining), so STS caps the session at {{limit}} seconds.',
      chainedRole:
        "{{parameter}} is {{actual}}; its source credentials are the role session started at {{start}} (role chaining), so STS caps the session at {{limit}} seconds, below the {{max}} that role {{role}}'s MaxSessionDuration allows.{{weak}}",
      chainedRoleToo:
        "{{parameter}} is {{actual}}; its source credentials are the role session started at {{start}} (role chaining), so STS caps the session at {{limit}} seconds, and role {{role}}'s MaxSessionDuration of {{max}}{{how}} allows no more either.{{weak}}",
    },
    schema: ROLE_OPTIONS_SCHEMA,
    defaultOptions: { requireAccount: false },
  },
  check(call, context) {
    if (call.context?.chainedFrom !== undefined) return; // the project pass reports these, with the chain's start
    base.check!(call, context);
  },
  checkProject(project, context) {
    for (const call of project.calls) {
      const start = call.context?.chainedFrom;
      if (start === undefined || call.operation !== 'AssumeRole' || getParameter(call, 'DurationSeconds') === undefined) continue;
      const at = context.at(call);
      const where = `${start.file}:${context.lineOf(start.file, start.span.start) ?? '?'}`;
      const match = matchRole(call, project.roles, { requireAccount: at.options?.requireAccount === true });
      const max = match === undefined ? undefined : maxSessionDurationOf(match.role);
      base.check!(call, {
        ...at,
        settings: callSettings(at.settings, call),
        report(d: ReportDescriptor) {
          if (d.messageId !== 'roleChainingDurationExceeded') return at.report(d);
          if (match === undefined || max === undefined) return at.report({ ...d, messageId: 'chained', data: { ...d.data, start: where } });
          const set = match.role.maxSessionDuration !== undefined;
          at.report({
            ...d,
            // The chain's cap decides when the role allows more; when it allows no more, both limits say no.
            messageId: Number(max) > Number(d.data?.limit) ? 'chainedRole' : 'chainedRoleToo',
            data: { ...d.data, start: where, role: roleLabel(match.role), max, how: set ? '' : " (IAM's default: the role sets none)", weak: match.strength === 'name-only' ? NAME_ONLY_NOTE : '' },
            related: [...(d.related ?? []), atRole(match.role, set ? "The role's MaxSessionDuration is set here; role chaining caps the session below it." : 'The role is defined here, without MaxSessionDuration.', 'maxSessionDuration')],
          });
        },
      });
    }
  },
};

export default rule;

export const constraints: RuleConstraints = { documented: ['roleChainingMaxDuration'] };
