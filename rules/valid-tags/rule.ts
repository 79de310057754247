import type { Rule } from '@rolecall/core';
import type { RuleConstraints } from '../_shared/constraints.js';
import { notUnknownMember, parameterRule } from '../_shared/parameter-rule.js';

const rule: Rule = parameterRule({
  id: 'valid-tags',
  description: 'Require session Tags to have valid keys and values, and no more tags than STS accepts.',
  awsSource: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html',
  help: 'Give each tag a Key and a Value of letters, digits, spaces and _ . : / = + - @, not starting with "aws:".',
  parameters: ['Tags'],
  codes: ['invalidType', 'tooManyItems', 'missingRequired', 'unknownParameter', 'tooShort', 'tooLong', 'invalidCharacters', 'reservedPrefix'],
  keep: notUnknownMember,
});

export default rule;

export const constraints: RuleConstraints = { members: ['Tags'], documented: ['reservedPrefix'] };
