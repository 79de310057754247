import type { Rule } from '@rolecall/core';
import { parameterRule } from '../_shared/parameter-rule.js';

const rule: Rule = parameterRule({
  id: 'no-duplicate-tag-keys',
  description: 'Disallow two session tags whose keys are equal ignoring letter case.',
  awsSource: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html',
  help: 'Keep one tag per key; tag keys are case-insensitive, so "Team" and "team" are the same key.',
  parameters: ['Tags'],
  codes: ['duplicateKey'],
  semantic: true,
});

export default rule;
