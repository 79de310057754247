import type { Rule } from '@rolecall/core';
import type { RuleConstraints } from '../_shared/constraints.js';
import { notUnknownMember, parameterRule } from '../_shared/parameter-rule.js';

const rule: Rule = parameterRule({
  id: 'valid-provided-contexts',
  description: 'Require ProvidedContexts to hold valid provider ARNs and context assertions, and no more contexts than STS accepts.',
  awsSource: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_RequestParameters',
  help: 'Give each context as { "ProviderArn": …, "ContextAssertion": … } with the assertion your context provider issued.',
  parameters: ['ProvidedContexts'],
  codes: ['invalidType', 'tooFewItems', 'tooManyItems', 'unknownParameter', 'tooShort', 'tooLong', 'invalidCharacters'],
  keep: notUnknownMember,
});

export default rule;

export const constraints: RuleConstraints = { members: ['ProvidedContexts'] };
