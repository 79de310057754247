import type { Rule } from '@rolecall/core';
import type { RuleConstraints } from '../_shared/constraints.js';
import { parameterRule } from '../_shared/parameter-rule.js';

const rule: Rule = parameterRule({
  id: 'valid-transitive-tag-keys',
  description: 'Require TransitiveTagKeys to hold valid tag keys, and no more keys than STS accepts.',
  awsSource: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_RequestParameters',
  help: 'List the keys (not the values) of session tags passed in Tags that later sessions in a role chain should keep.',
  parameters: ['TransitiveTagKeys'],
  codes: ['invalidType', 'tooManyItems', 'tooShort', 'tooLong', 'invalidCharacters'],
});

export default rule;

export const constraints: RuleConstraints = { members: ['TransitiveTagKeys'] };
