import type { Rule } from '@rolecall/core';
import type { RuleConstraints } from '../_shared/constraints.js';
import { parameterRule } from '../_shared/parameter-rule.js';

const rule: Rule = parameterRule({
  id: 'valid-provider-id',
  description: 'Require ProviderId, when given, to name one of the OAuth 2.0 providers STS accepts.',
  awsSource: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html#API_AssumeRoleWithWebIdentity_RequestParameters',
  help: 'Omit ProviderId for OpenID Connect ID tokens; give only the host name (www.amazon.com or graph.facebook.com) for OAuth 2.0 access tokens.',
  parameters: ['ProviderId'],
  codes: ['invalidType', 'tooShort', 'tooLong', 'providerIdNotAllowed'],
});

export default rule;

export const constraints: RuleConstraints = { members: ['ProviderId'], documented: ['providerIdHosts'] };
