import type { Rule } from '@rolecall/core';
import { defineRule, getParameter, materialize } from '@rolecall/core';
import { atRole, forEachMatchedCall, ROLE_OPTIONS_SCHEMA, type RoleOptions } from '../_shared/project-rule.js';
import { roleLabel, trustPolicyOf } from '../_shared/roles.js';
import { conditionValues, covers, statementsOf, stringLike } from '../_shared/trust.js';

/** Condition operators that pin sts:ExternalId, and how each compares. */
const OPERATORS = ['StringEquals', 'StringLike'] as const;

const rule: Rule<RoleOptions> = defineRule<RoleOptions>({
  id: 'external-id-required',
  meta: {
    type: 'problem',
    docs: {
      description: "Require the ExternalId that the assumed role's trust policy demands.",
      recommended: true,
      awsSource: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html',
    },
    defaultSeverity: 'error',
    parameters: [],
    operations: ['AssumeRole'],
    messages: {
      missing: "Role {{role}} trusts AssumeRole only with sts:ExternalId {{expected}}, and this call passes no ExternalId, so STS denies it (AccessDenied).{{weak}}",
      mismatch: "{{parameter}} is {{value}}, but role {{role}}'s trust policy requires sts:ExternalId {{expected}}, so STS denies the call (AccessDenied).{{weak}}",
    },
    schema: ROLE_OPTIONS_SCHEMA,
    defaultOptions: { requireAccount: false },
    help: "Pass the ExternalId the role's owner gave you (it is in the trust policy's sts:ExternalId condition).",
  },
  checkProject(project, context) {
    forEachMatchedCall(project, context, (call, match, at, weak) => {
      if (call.operation !== 'AssumeRole') return;
      const policy = trustPolicyOf(match.role);
      if (policy === undefined) return;
      const allowing = statementsOf(policy).filter((s) => s.effect === 'Allow' && covers(s, 'sts:AssumeRole'));
      // Required only when every statement that allows AssumeRole pins the external id: another
      // statement may allow the caller without one (the caller's principal is not known here).
      const pinned = allowing.map((s) => ({ s, values: conditionValues(s, OPERATORS, 'sts:ExternalId') }));
      if (pinned.length === 0 || pinned.some((p) => p.values === undefined)) return;
      const expected = pinned.flatMap((p) => p.values!.map((v) => JSON.stringify(v))).join(' or ');
      const related = [atRole(match.role, 'The trust policy requires sts:ExternalId here.', 'trustPolicy')];
      const parameter = getParameter(call, 'ExternalId');
      if (parameter === undefined) {
        at.report({ messageId: 'missing', parameter: 'RoleArn', data: { role: roleLabel(match.role), expected, weak }, related });
        return;
      }
      const value = materialize(parameter.value);
      if (typeof value !== 'string') return; // not known statically: no guess
      const matches = pinned.some(({ s, values }) => values!.some((v) => (conditionValues(s, ['StringLike'], 'sts:ExternalId')?.includes(v) ? stringLike(v, value) : v === value)));
      if (!matches) at.report({ messageId: 'mismatch', parameter: 'ExternalId', data: { parameter: parameter.key, value: JSON.stringify(value), role: roleLabel(match.role), expected, weak }, related });
    });
  },
});

export default rule;
