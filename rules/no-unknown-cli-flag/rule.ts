import type { Rule } from '@rolecall/core';
import { factRule } from '../_shared/fact-rule.js';

const rule: Rule = factRule({
  id: 'no-unknown-cli-flag',
  fact: 'aws-cli/unknown-flag',
  description: 'Disallow flags that aws sts assume-role, assume-role-with-web-identity or assume-role-with-saml does not have.',
  awsSource: 'https://docs.aws.amazon.com/cli/latest/reference/sts/assume-role.html',
  help: 'Use the flag names of the operation (aws sts assume-role help lists them).',
  messages: {
    nearest: '{{command}} has no flag {{flag}}; the AWS CLI refuses the whole command. Did you mean {{nearest}}?',
    unknown: '{{command}} has no flag {{flag}}; the AWS CLI refuses the whole command.',
  },
  pick: (data) => (data['nearest'] !== undefined ? 'nearest' : 'unknown'),
});

export default rule;
