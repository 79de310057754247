import type { Rule } from '@rolecall/core';
import type { RuleConstraints } from '../_shared/constraints.js';
import { notUnknownMember, parameterRule } from '../_shared/parameter-rule.js';

const rule: Rule = parameterRule({
  id: 'valid-policy-arns',
  description: 'Require PolicyArns to list no more managed policies than STS accepts, each as a valid IAM policy ARN.',
  awsSource: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_RequestParameters',
  help: 'Pass each managed policy as { "arn": "arn:aws:iam::<account>:policy/<name>" }; merge policies if you need more than the limit.',
  parameters: ['PolicyArns'],
  codes: ['invalidType', 'tooManyItems', 'unknownParameter', 'tooShort', 'tooLong', 'invalidCharacters', 'invalidPolicyArn'],
  keep: notUnknownMember,
});

export default rule;

export const constraints: RuleConstraints = { members: ['PolicyArns'], documented: ['policyArnsMax'] };
