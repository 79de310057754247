import type { Rule } from '@rolecall/core';
import { parameterRule, isTopLevel } from '../_shared/parameter-rule.js';

const rule: Rule = parameterRule({
  id: 'no-unknown-parameters',
  description: 'Disallow parameters the operation does not accept.',
  awsSource: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_RequestParameters',
  help: 'Remove the parameter, or call the operation that accepts it.',
  parameters: [],
  codes: ['unknownParameter'],
  keep: isTopLevel,
  atKey: true,
});

export default rule;
