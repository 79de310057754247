import type { Rule } from '@rolecall/core';
import { factRule } from '../_shared/fact-rule.js';

const rule: Rule = factRule({
  id: 'aws-config-no-duplicates',
  description: 'Disallow a section or a key that appears twice in an AWS config or credentials file.',
  awsSource: 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html',
  help: 'Keep one of the two; which one a tool would use differs between the AWS CLI and the SDKs.',
  fact: 'aws-config/duplicate-section',
  pick: () => 'duplicateSection',
  messages: {
    duplicateSection: '{{section}} appears twice: the AWS CLI and the Python SDK refuse to load the file, and other SDKs keep one of the two.',
    duplicateKey: '{{key}} is set twice in {{section}}: the AWS CLI and the Python SDK refuse to load the file, and other SDKs keep one of the two values.',
  },
});

export default rule;
