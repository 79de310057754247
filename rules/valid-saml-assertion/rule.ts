import type { Rule } from '@rolecall/core';
import type { RuleConstraints } from '../_shared/constraints.js';
import { parameterRule } from '../_shared/parameter-rule.js';

const rule: Rule = parameterRule({
  id: 'valid-saml-assertion',
  description: 'Require SAMLAssertion to be within the length STS accepts.',
  awsSource: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html#API_AssumeRoleWithSAML_RequestParameters',
  help: 'Pass the base64-encoded SAML response from the identity provider, read at run time; never commit an assertion.',
  parameters: ['SAMLAssertion'],
  codes: ['invalidType', 'tooShort', 'tooLong'],
});

export default rule;

export const constraints: RuleConstraints = { members: ['SAMLAssertion'] };
