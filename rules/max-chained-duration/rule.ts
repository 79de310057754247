import type { Rule } from '@rolecall/core';
import { DOCUMENTED_LIMITS } from '@rolecall/validators';
import type { RuleConstraints } from '../_shared/constraints.js';
import { parameterRule } from '../_shared/parameter-rule.js';

const rule: Rule = parameterRule({
  id: 'max-chained-duration',
  description: 'Disallow DurationSeconds above the cap STS sets for role chaining.',
  awsSource: DOCUMENTED_LIMITS.roleChainingMaxDuration.url,
  help: 'Request at most one hour when assuming a role with role credentials, or get the credentials another way.',
  parameters: ['DurationSeconds'],
  codes: ['roleChainingDurationExceeded'],
  operations: ['AssumeRole'],
  semantic: true,
});

export default rule;

export const constraints: RuleConstraints = { documented: ['roleChainingMaxDuration'] };
