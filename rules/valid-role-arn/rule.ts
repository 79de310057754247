import type { Rule } from '@rolecall/core';
import type { RuleConstraints } from '../_shared/constraints.js';
import { parameterRule } from '../_shared/parameter-rule.js';

const rule: Rule = parameterRule({
  id: 'valid-role-arn',
  description: 'Require RoleArn to be the ARN of an IAM role.',
  awsSource: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_RequestParameters',
  help: 'Pass the ARN of the role to assume: arn:<partition>:iam::<12-digit account>:role/<path/><name>.',
  parameters: ['RoleArn'],
  codes: ['invalidType', 'tooShort', 'tooLong', 'invalidCharacters', 'notARoleArn', 'reservedSsoRole'],
});

export default rule;

export const constraints: RuleConstraints = { members: ['RoleArn'], documented: ['reservedSsoRolePrefix'] };
