import type { Rule } from '@rolecall/core';
import type { RuleConstraints } from '../_shared/constraints.js';
import { parameterRule } from '../_shared/parameter-rule.js';

const rule: Rule = parameterRule({
  id: 'valid-role-session-name',
  description: 'Require RoleSessionName to be within the length STS accepts and to use only letters, digits and + = , . @ _ -.',
  awsSource: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_RequestParameters',
  help: 'Shorten the session name and replace spaces, colons and other characters STS does not accept, e.g. with "-".',
  parameters: ['RoleSessionName'],
  codes: ['invalidType', 'tooShort', 'tooLong', 'invalidCharacters'],
});

export default rule;

export const constraints: RuleConstraints = { members: ['RoleSessionName'] };
