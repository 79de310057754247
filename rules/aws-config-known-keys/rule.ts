import type { Rule } from '@rolecall/core';
import { factRule } from '../_shared/fact-rule.js';

const rule: Rule = factRule({
  id: 'aws-config-known-keys',
  description: 'Report keys in AWS config and credentials files that are near misses of a setting the AWS CLI and SDKs read.',
  awsSource: 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html',
  help: 'Spell the setting as the AWS CLI documents it; a misspelt key is ignored without a word.',
  fact: 'aws-config/near-miss-key',
  pick: () => 'nearMiss',
  messages: {
    nearMiss: '{{key}} is not a setting the AWS CLI or SDKs read, so it is ignored; did you mean {{suggestion}}?',
  },
  type: 'suggestion',
  defaultSeverity: 'warning',
});

export default rule;
