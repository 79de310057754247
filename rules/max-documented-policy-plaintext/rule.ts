import type { Rule } from '@rolecall/core';
import { DOCUMENTED_LIMITS } from '@rolecall/validators';
import type { RuleConstraints } from '../_shared/constraints.js';
import { parameterRule } from '../_shared/parameter-rule.js';

/**
 * The documented 2,048-character plaintext limit where the model no longer caps Policy (AssumeRole since
 * 2023-10-02): a warning, because no AWS answer says whether STS still enforces it (model-update-2026-10.md).
 * Where the model caps Policy, `max-policy-plaintext` reports the same total as an error.
 */
const rule: Rule = parameterRule({
  id: 'max-documented-policy-plaintext',
  description: 'Warn when Policy and PolicyArns exceed the documented plaintext limit on an operation whose model no longer enforces it.',
  awsSource: DOCUMENTED_LIMITS.policyPlaintextMax.url,
  help: 'Minify the policy, merge statements, or move permissions into a managed policy and pass its ARN; whether STS still rejects this is unverified.',
  parameters: ['Policy', 'PolicyArns'],
  codes: ['policyPlaintextOverDocumented'],
  semantic: true,
  defaultSeverity: 'warning',
});

export default rule;

export const constraints: RuleConstraints = { documented: ['policyPlaintextMax'] };
