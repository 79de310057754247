import type { Rule } from '@rolecall/core';
import { factRule } from '../_shared/fact-rule.js';

const rule: Rule = factRule({
  id: 'aws-config-no-source-profile-loop',
  description: 'Disallow source_profile chains that lead back to a profile already in the chain.',
  awsSource: 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-role.html',
  help: 'End the chain at a profile with its own credentials (keys, credential_process, SSO or credential_source).',
  fact: 'aws-config/source-profile-loop',
  pick: () => 'loop',
  messages: {
    loop: 'Profile "{{profile}}" is in a source_profile loop ({{cycle}}): the AWS CLI and SDKs refuse to use it.',
  },
});

export default rule;
