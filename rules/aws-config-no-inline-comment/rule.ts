import type { Rule } from '@rolecall/core';
import { factRule } from '../_shared/fact-rule.js';

const rule: Rule = factRule({
  id: 'aws-config-no-inline-comment',
  description: 'Disallow comments after a value in AWS config and credentials files.',
  awsSource: 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html',
  help: 'Put the comment on a line of its own that starts with # or ;.',
  fact: 'aws-config/inline-comment',
  messages: {
    inlineComment: '{{key}} is read as "{{value}}": the AWS CLI and SDKs keep "{{comment}}" as part of the value; only whole lines can be comments.',
    inlineCommentSecret: 'The value of {{key}} has text after a "#" or ";": the AWS CLI and SDKs keep it as part of the value; only whole lines can be comments.',
  },
  // The extractor leaves the value out of a secret's fact; the message then quotes nothing.
  pick: (data) => (data['value'] === undefined ? 'inlineCommentSecret' : 'inlineComment'),
});

export default rule;
