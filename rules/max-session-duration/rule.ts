import type { Rule } from '@rolecall/core';
import type { RuleConstraints } from '../_shared/constraints.js';
import { parameterRule } from '../_shared/parameter-rule.js';

const rule: Rule = parameterRule({
  id: 'max-session-duration',
  description: 'Disallow DurationSeconds above the target role\'s MaxSessionDuration.',
  awsSource: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use.html',
  help: 'Request no more than the role\'s MaxSessionDuration, or raise that setting on the role.',
  parameters: ['DurationSeconds'],
  codes: ['maxSessionDurationExceeded'],
  semantic: true,
});

export default rule;

export const constraints: RuleConstraints = { documented: ['maxSessionDuration'] };
