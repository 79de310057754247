import type { Rule } from '@rolecall/core';
import { factRule } from '../_shared/fact-rule.js';

const rule: Rule = factRule({
  id: 'aws-config-no-source-with-credential-source',
  description: 'Disallow source_profile and credential_source in the same profile.',
  awsSource: 'https://docs.aws.amazon.com/cli/latest/topic/config-vars.html',
  help: 'Keep one: source_profile for credentials from another profile, credential_source for the environment, EC2 or ECS.',
  fact: 'aws-config/source-profile-with-credential-source',
  pick: () => 'both',
  messages: {
    both: 'Profile "{{profile}}" sets both source_profile and credential_source: the AWS CLI and the Python SDK refuse the profile, and the JS SDK v3 does not treat it as a role profile.',
  },
});

export default rule;
