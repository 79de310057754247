import type { Rule } from '@rolecall/core';
import type { RuleConstraints } from '../_shared/constraints.js';
import { parameterRule } from '../_shared/parameter-rule.js';

const rule: Rule = parameterRule({
  id: 'valid-web-identity-token',
  description: 'Require WebIdentityToken to be within the length STS accepts.',
  awsSource: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html#API_AssumeRoleWithWebIdentity_RequestParameters',
  help: 'Pass the OAuth 2.0 access token or OpenID Connect ID token itself, read at run time; never commit a token.',
  parameters: ['WebIdentityToken'],
  codes: ['invalidType', 'tooShort', 'tooLong'],
});

export default rule;

export const constraints: RuleConstraints = { members: ['WebIdentityToken'] };
