import type { Rule } from '@rolecall/core';
import type { RuleConstraints } from '../_shared/constraints.js';
import { parameterRule } from '../_shared/parameter-rule.js';

const rule: Rule = parameterRule({
  id: 'valid-external-id',
  description: 'Require ExternalId to be within the length STS accepts and to use only the characters STS accepts.',
  awsSource: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_RequestParameters',
  help: 'Use the external ID exactly as the role owner gave it; it may hold letters, digits and + = , . @ : / _ - only.',
  parameters: ['ExternalId'],
  codes: ['invalidType', 'tooShort', 'tooLong', 'invalidCharacters'],
});

export default rule;

export const constraints: RuleConstraints = { members: ['ExternalId'] };
