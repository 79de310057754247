import type { Rule } from '@rolecall/core';
import { factRule } from '../_shared/fact-rule.js';

const rule: Rule = factRule({
  id: 'no-parseint-duration',
  fact: 'github-actions/parseint-duration',
  description: 'Disallow role-duration-seconds values that configure-aws-credentials silently turns into another number with parseInt.',
  awsSource: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_RequestParameters',
  help: 'role-duration-seconds takes a whole number of seconds: 3600, not 1h or 3600s.',
  messages: {
    truncated: '{{input}}: {{text}} is read with parseInt by configure-aws-credentials, which stops at {{stop}}: STS gets DurationSeconds {{value}}, not what was written. Write the whole number of seconds.',
    fallback: '{{input}}: {{text}} gives parseInt {{reading}}, so configure-aws-credentials silently uses its default of {{value}} seconds. Write the whole number of seconds.',
  },
  pick: (data) => (data['stop'] !== undefined ? 'truncated' : 'fallback'),
});

export default rule;
