import type { Rule } from '@rolecall/core';
import { parameterRule } from '../_shared/parameter-rule.js';

const rule: Rule = parameterRule({
  id: 'no-orphan-transitive-tag-keys',
  description: 'Require every TransitiveTagKeys entry to name a tag passed in Tags.',
  awsSource: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html',
  help: 'Add the tag to Tags or remove the key from TransitiveTagKeys.',
  parameters: ['TransitiveTagKeys', 'Tags'],
  codes: ['transitiveKeyNotInTags'],
  operations: ['AssumeRole'],
  semantic: true,
});

export default rule;
