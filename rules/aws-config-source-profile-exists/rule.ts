import type { Rule } from '@rolecall/core';
import { factRule } from '../_shared/fact-rule.js';

const rule: Rule = factRule({
  id: 'aws-config-source-profile-exists',
  description: 'Require source_profile to name a profile the AWS config or credentials file defines.',
  awsSource: 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-role.html',
  help: 'Define the profile, fix the name, or turn the rule off for configurations whose credentials file lives outside the repository.',
  fact: 'aws-config/missing-source-profile',
  pick: () => 'missing',
  messages: {
    missing: 'Profile "{{profile}}" takes its credentials from profile "{{source}}", which neither this file nor a config or credentials file beside it defines; the AWS CLI and SDKs fail when the profile is used.',
  },
  defaultSeverity: 'warning',
});

export default rule;
