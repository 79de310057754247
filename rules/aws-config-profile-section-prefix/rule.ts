import type { Rule } from '@rolecall/core';
import { factRule } from '../_shared/fact-rule.js';

const rule: Rule = factRule({
  id: 'aws-config-profile-section-prefix',
  description: 'Require profile sections of the AWS config file to be written [profile NAME].',
  awsSource: 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html',
  help: 'Write [profile NAME] in the config file; only the credentials file names profiles as [NAME].',
  fact: 'aws-config/section-without-profile-prefix',
  pick: () => 'noPrefix',
  messages: {
    noPrefix: '{{section}} is not a profile in the config file: the AWS CLI and SDKs ignore it, so the profile is not found. Write {{suggestion}}.',
  },
});

export default rule;
