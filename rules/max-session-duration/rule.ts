import type { Rule } from '@rolecall/core';
import { getParameter, materialize } from '@rolecall/core';
import { validateDurationSeconds } from '@rolecall/validators';
import type { RuleConstraints } from '../_shared/constraints.js';
import { parameterRule, type ValidatorRule } from '../_shared/parameter-rule.js';
import { atRole, forEachMatchedCall, ROLE_OPTIONS_SCHEMA, type RoleOptions } from '../_shared/project-rule.js';
import { maxSessionDurationOf, roleLabel } from '../_shared/roles.js';

/**
 * Two sources for the role's MaxSessionDuration: the `maxSessionDuration` setting (checked per call
 * by the validators), and a role defined in the repository that the call assumes (checked in the
 * project pass). An explicit setting wins: with it, the project check stays silent for that call.
 */
const base: ValidatorRule = parameterRule({
  id: 'max-session-duration',
  description: 'Disallow DurationSeconds above the target role\'s MaxSessionDuration.',
  awsSource: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use.html',
  help: 'Request no more than the role\'s MaxSessionDuration, or raise that setting on the role.',
  parameters: ['DurationSeconds'],
  codes: ['maxSessionDurationExceeded'],
  semantic: true,
});

const rule: Rule<RoleOptions> = {
  ...base,
  meta: {
    ...base.meta,
    messages: {
      ...base.meta.messages,
      roleMaxSessionDuration:
        '{{parameter}} is {{actual}}; role {{role}} has a MaxSessionDuration of {{limit}}{{how}}, so STS rejects the call.{{weak}}',
    },
    schema: ROLE_OPTIONS_SCHEMA,
    defaultOptions: { requireAccount: false },
  },
  check: base.check!,
  checkProject(project, context) {
    forEachMatchedCall(project, context, (call, match, at, weak) => {
      if (call.context?.roleChaining === true || (at.settings.roleChaining ?? false)) return; // max-chained-duration's
      if (call.context?.maxSessionDuration !== undefined || at.settings.maxSessionDuration !== undefined) return;
      const parameter = getParameter(call, 'DurationSeconds');
      const duration = parameter === undefined ? undefined : materialize(parameter.value);
      if (typeof duration !== 'number') return;
      const limit = maxSessionDurationOf(match.role);
      if (limit === undefined) return;
      // The comparison and STS's answer come from the validators, as for the setting.
      const issue = validateDurationSeconds(duration, { operation: call.operation, maxSessionDuration: limit }).find((i) => i.code === 'maxSessionDurationExceeded');
      if (issue === undefined) return;
      const set = match.role.maxSessionDuration !== undefined;
      at.report({
        messageId: 'roleMaxSessionDuration',
        parameter: 'DurationSeconds',
        data: { parameter: parameter!.key, actual: duration, role: roleLabel(match.role), limit, how: set ? '' : " (IAM's default: the role sets none)", weak },
        related: [atRole(match.role, set ? 'The role\'s MaxSessionDuration is set here.' : 'The role is defined here, without MaxSessionDuration.', 'maxSessionDuration')],
        ...(issue.awsMessage !== undefined ? { awsMessage: issue.awsMessage } : {}),
      });
    });
  },
};

export default rule;

export const constraints: RuleConstraints = { documented: ['maxSessionDuration'] };
