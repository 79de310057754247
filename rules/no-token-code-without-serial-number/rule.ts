import type { Rule } from '@rolecall/core';
import { parameterRule } from '../_shared/parameter-rule.js';

const rule: Rule = parameterRule({
  id: 'no-token-code-without-serial-number',
  description: 'Require TokenCode and SerialNumber to be passed together.',
  awsSource: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_RequestParameters',
  help: 'Pass both the MFA device (SerialNumber) and its current code (TokenCode), or neither.',
  parameters: ['TokenCode', 'SerialNumber'],
  codes: ['tokenCodeWithoutSerialNumber', 'serialNumberWithoutTokenCode'],
  operations: ['AssumeRole'],
  defaultSeverity: 'warning',
  semantic: true,
  presence: true,
});

export default rule;
