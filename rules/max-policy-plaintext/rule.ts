import type { Rule } from '@rolecall/core';
import { DOCUMENTED_LIMITS } from '@rolecall/validators';
import type { RuleConstraints } from '../_shared/constraints.js';
import { parameterRule } from '../_shared/parameter-rule.js';

const rule: Rule = parameterRule({
  id: 'max-policy-plaintext',
  description: 'Limit the combined plaintext length of the inline Policy and the PolicyArns.',
  awsSource: DOCUMENTED_LIMITS.policyPlaintextMax.url,
  help: 'Minify the policy, merge statements, or move permissions into a managed policy and pass its ARN.',
  parameters: ['Policy', 'PolicyArns'],
  codes: ['policyPlaintextTooLong'],
  semantic: true,
  certainty: 'verified',
});

export default rule;

export const constraints: RuleConstraints = { documented: ['policyPlaintextMax'] };
