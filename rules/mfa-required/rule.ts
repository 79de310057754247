import type { Operation, Rule } from '@rolecall/core';
import { defineRule, getParameter } from '@rolecall/core';
import { atRole, forEachMatchedCall, ROLE_OPTIONS_SCHEMA, type RoleOptions } from '../_shared/project-rule.js';
import { roleLabel, trustPolicyOf } from '../_shared/roles.js';
import { conditionValues, covers, statementsOf, type Statement } from '../_shared/trust.js';

const ACTION: Readonly<Record<Operation, string>> = {
  AssumeRole: 'sts:AssumeRole',
  AssumeRoleWithWebIdentity: 'sts:AssumeRoleWithWebIdentity',
  AssumeRoleWithSAML: 'sts:AssumeRoleWithSAML',
};

/** The MFA condition a statement puts on the request, in words, or undefined. */
function mfaCondition(s: Statement): string | undefined {
  const present = conditionValues(s, ['Bool'], 'aws:MultiFactorAuthPresent');
  if (present?.some((v) => v.toLowerCase() === 'true')) return 'aws:MultiFactorAuthPresent is true';
  const age = conditionValues(s, ['NumericLessThan', 'NumericLessThanEquals'], 'aws:MultiFactorAuthAge');
  if (age !== undefined) return `aws:MultiFactorAuthAge at most ${age.join(' or ')} seconds`;
  return undefined;
}

const rule: Rule<RoleOptions> = defineRule<RoleOptions>({
  id: 'mfa-required',
  meta: {
    type: 'problem',
    docs: {
      description: "Require MFA (SerialNumber and TokenCode) when the assumed role's trust policy demands it.",
      recommended: true,
      awsSource: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html',
    },
    defaultSeverity: 'error',
    parameters: [],
    messages: {
      missing: "Role {{role}}'s trust policy requires MFA ({{condition}}), and this call passes no SerialNumber, so STS denies it (AccessDenied).{{weak}}",
      impossible: "Role {{role}}'s trust policy requires MFA ({{condition}}), which {{operation}} cannot supply, so STS denies the call (AccessDenied).{{weak}}",
    },
    schema: ROLE_OPTIONS_SCHEMA,
    defaultOptions: { requireAccount: false },
    help: 'Pass SerialNumber and TokenCode (in an AWS config profile: mfa_serial), or assume a role whose trust policy does not require MFA.',
  },
  checkProject(project, context) {
    forEachMatchedCall(project, context, (call, match, at, weak) => {
      const policy = trustPolicyOf(match.role);
      if (policy === undefined) return;
      const allowing = statementsOf(policy).filter((s) => s.effect === 'Allow' && covers(s, ACTION[call.operation]));
      const conditions = allowing.map(mfaCondition);
      // Required only when every statement that allows the operation requires MFA.
      if (conditions.length === 0 || conditions.some((c) => c === undefined)) return;
      const data = { role: roleLabel(match.role), condition: [...new Set(conditions)].join('; '), weak };
      const related = [atRole(match.role, 'The trust policy requires MFA here.', 'trustPolicy')];
      if (call.operation !== 'AssumeRole') {
        at.report({ messageId: 'impossible', parameter: 'RoleArn', data: { ...data, operation: call.operation }, related });
        return;
      }
      if (getParameter(call, 'SerialNumber') === undefined) at.report({ messageId: 'missing', parameter: 'RoleArn', data, related });
    });
  },
});

export default rule;
