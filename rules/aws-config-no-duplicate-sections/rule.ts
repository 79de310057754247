import type { Rule } from '@rolecall/core';
import { factRule } from '../_shared/fact-rule.js';

const rule: Rule = factRule({
  id: 'aws-config-no-duplicate-sections',
  description: 'Disallow a section that appears twice in an AWS config or credentials file.',
  awsSource: 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html',
  help: 'Merge the two sections into one; which one a tool would use differs between the AWS CLI and the SDKs.',
  // A key set twice within a section is the shared duplicate-key fact, reported by no-duplicate-keys.
  fact: 'aws-config/duplicate-section',
  pick: () => 'duplicateSection',
  messages: {
    duplicateSection: '{{section}} appears twice: the AWS CLI and the Python SDK refuse to load the file, and other SDKs keep one of the two.',
  },
});

export default rule;
