import type { Rule } from '@rolecall/core';
import type { RuleConstraints } from '../_shared/constraints.js';
import { parameterRule } from '../_shared/parameter-rule.js';

const rule: Rule = parameterRule({
  id: 'valid-minimum-session-token-size',
  description: 'Require MinimumSessionTokenSize to be a whole number of bytes within the range STS accepts.',
  awsSource: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_RequestParameters',
  help: 'Pass a whole number of bytes no larger than the session-token maximum; 0 or no value leaves the token size unchanged.',
  parameters: ['MinimumSessionTokenSize'],
  codes: ['invalidType', 'notAnInteger', 'outOfRange'],
});

export default rule;

export const constraints: RuleConstraints = { members: ['MinimumSessionTokenSize'] };
