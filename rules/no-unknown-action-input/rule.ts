import type { Rule } from '@rolecall/core';
import { factRule } from '../_shared/fact-rule.js';

const rule: Rule = factRule({
  id: 'no-unknown-action-input',
  fact: 'github-actions/unknown-input',
  description: 'Disallow configure-aws-credentials inputs that the pinned release of the action does not have.',
  awsSource: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_RequestParameters',
  help: 'Spell the input as the action.yml of the pinned release does, or pin a release that has it.',
  messages: {
    nearest: 'Input "{{input}}" does not exist in configure-aws-credentials {{release}}; the runner only warns and the action never sees the value. Did you mean "{{nearest}}"?',
    tooNew: 'Input "{{input}}" does not exist in configure-aws-credentials {{release}}: it arrived in {{since}}; the runner only warns and the action never sees the value.',
    unknown: 'Input "{{input}}" does not exist in configure-aws-credentials {{release}}; the runner only warns and the action never sees the value.',
  },
  pick: (data) => (data['nearest'] !== undefined ? 'nearest' : data['since'] !== undefined ? 'tooNew' : 'unknown'),
});

export default rule;
