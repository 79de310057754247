import type { Rule } from '@rolecall/core';
import type { RuleConstraints } from '../_shared/constraints.js';
import { parameterRule } from '../_shared/parameter-rule.js';

const rule: Rule = parameterRule({
  id: 'valid-serial-number',
  description: 'Require SerialNumber to be within the length STS accepts and to use only the characters STS accepts.',
  awsSource: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_RequestParameters',
  help: 'Pass the serial number of a hardware MFA device (GAHT12345678) or the ARN of a virtual one (arn:aws:iam::123456789012:mfa/user).',
  parameters: ['SerialNumber'],
  codes: ['invalidType', 'tooShort', 'tooLong', 'invalidCharacters'],
});

export default rule;

export const constraints: RuleConstraints = { members: ['SerialNumber'] };
