import type { Rule } from '@rolecall/core';
import type { RuleConstraints } from '../_shared/constraints.js';
import { parameterRule } from '../_shared/parameter-rule.js';

const rule: Rule = parameterRule({
  id: 'valid-duration-seconds',
  description: 'Require DurationSeconds to be a whole number of seconds within the range STS accepts.',
  awsSource: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_RequestParameters',
  help: 'Pass a whole number of seconds within the range; omit DurationSeconds to get the one-hour default.',
  parameters: ['DurationSeconds'],
  codes: ['invalidType', 'notAnInteger', 'outOfRange'],
});

export default rule;

export const constraints: RuleConstraints = { members: ['DurationSeconds'] };
