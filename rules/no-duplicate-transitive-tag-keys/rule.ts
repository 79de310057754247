import type { Rule } from '@rolecall/core';
import { parameterRule } from '../_shared/parameter-rule.js';

const rule: Rule = parameterRule({
  id: 'no-duplicate-transitive-tag-keys',
  description: 'Disallow the same key twice in TransitiveTagKeys, compared case-insensitively.',
  awsSource: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html',
  help: 'List each transitive tag key once.',
  parameters: ['TransitiveTagKeys'],
  codes: ['duplicateKey'],
  defaultSeverity: 'warning',
  semantic: true,
});

export default rule;
