import type { Rule } from '@rolecall/core';
import { parameterRule } from '../_shared/parameter-rule.js';

const rule: Rule = parameterRule({
  id: 'no-inherited-tag-conflict',
  description: 'Disallow session tags whose key is a transitive tag key inherited from the calling session.',
  awsSource: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html',
  help: 'Drop the tag: the calling session already passes it on as a transitive tag and its value cannot be changed in the chain.',
  parameters: ['Tags'],
  codes: ['inheritedTransitiveKeyConflict'],
  operations: ['AssumeRole'],
  semantic: true,
});

export default rule;
