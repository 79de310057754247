import type { Rule } from '@rolecall/core';
import type { RuleConstraints } from '../_shared/constraints.js';
import { parameterRule } from '../_shared/parameter-rule.js';

const rule: Rule = parameterRule({
  id: 'valid-policy',
  description: 'Require the inline session Policy to use only the characters STS accepts and to be a valid JSON session policy.',
  awsSource: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session',
  help: 'Fix the policy at the reported element; check it with the IAM policy simulator or Access Analyzer policy validation.',
  parameters: ['Policy'],
  codes: ['invalidType', 'tooShort', 'tooLong', 'invalidCharacters', 'invalidPolicyJson', 'invalidPolicyGrammar'],
  certainty: 'verified',
});

export default rule;

export const constraints: RuleConstraints = { members: ['Policy'] };
