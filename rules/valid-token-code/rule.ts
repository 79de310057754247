import type { Rule } from '@rolecall/core';
import type { RuleConstraints } from '../_shared/constraints.js';
import { parameterRule } from '../_shared/parameter-rule.js';

const rule: Rule = parameterRule({
  id: 'valid-token-code',
  description: 'Require TokenCode to be an MFA code of exactly the number of digits STS expects.',
  awsSource: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_RequestParameters',
  help: 'Pass the current code shown by the MFA device, as a string of digits; read it at run time, never commit one.',
  parameters: ['TokenCode'],
  codes: ['invalidType', 'invalidTokenCode'],
});

export default rule;

export const constraints: RuleConstraints = { members: ['TokenCode'] };
