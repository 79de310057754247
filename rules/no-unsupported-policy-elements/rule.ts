import type { Rule } from '@rolecall/core';
import { parameterRule } from '../_shared/parameter-rule.js';

const rule: Rule = parameterRule({
  id: 'no-unsupported-policy-elements',
  description: 'Disallow Principal, NotPrincipal and Id in an inline session policy.',
  awsSource: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html',
  help: 'Remove the element: a session policy is an identity-based policy and applies to the session itself.',
  parameters: ['Policy'],
  codes: ['invalidPolicyGrammar'],
  defaultSeverity: 'warning',
  certainty: 'unverified',
});

export default rule;
