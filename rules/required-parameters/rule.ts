import type { Rule } from '@rolecall/core';
import { parameterRule, isTopLevel } from '../_shared/parameter-rule.js';

const rule: Rule = parameterRule({
  id: 'required-parameters',
  description: 'Require every parameter the operation cannot do without.',
  awsSource: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_RequestParameters',
  help: 'Add the missing parameter; if a tool supplies it (a default session name), make sure that tool is the one making the call.',
  parameters: [],
  codes: ['missingRequired'],
  keep: isTopLevel,
});

export default rule;
