import type { Rule } from '@rolecall/core';
import type { RuleConstraints } from '../_shared/constraints.js';
import { parameterRule } from '../_shared/parameter-rule.js';

const rule: Rule = parameterRule({
  id: 'valid-principal-arn',
  description: 'Require PrincipalArn to be the ARN of an IAM SAML provider.',
  awsSource: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html#API_AssumeRoleWithSAML_RequestParameters',
  help: 'Pass the ARN of the SAML provider registered in IAM: arn:<partition>:iam::<account>:saml-provider/<name>.',
  parameters: ['PrincipalArn'],
  codes: ['invalidType', 'tooShort', 'tooLong', 'invalidCharacters', 'notASamlProviderArn'],
});

export default rule;

export const constraints: RuleConstraints = { members: ['PrincipalArn'] };
