import type { Rule } from '@rolecall/core';
import type { RuleConstraints } from '../_shared/constraints.js';
import { parameterRule } from '../_shared/parameter-rule.js';

const rule: Rule = parameterRule({
  id: 'valid-source-identity',
  description: 'Require SourceIdentity to be within the length and characters STS accepts and not to start with the reserved aws: prefix.',
  awsSource: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_RequestParameters',
  help: 'Use a user name or email-like identifier of letters, digits and + = , . @ _ - that does not start with "aws:".',
  parameters: ['SourceIdentity'],
  codes: ['invalidType', 'tooShort', 'tooLong', 'invalidCharacters', 'reservedPrefix'],
});

export default rule;

export const constraints: RuleConstraints = { members: ['SourceIdentity'], documented: ['reservedPrefix'] };
