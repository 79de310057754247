import type { Rule } from '@rolecall/core';
import { factRule } from '../_shared/fact-rule.js';

const rule: Rule = factRule({
  id: 'aws-config-no-bom',
  description: 'Disallow a byte order mark at the start of an AWS config or credentials file.',
  awsSource: 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html',
  help: 'Save the file as UTF-8 without a byte order mark.',
  fact: 'aws-config/bom',
  pick: () => 'bom',
  messages: {
    bom: 'The file starts with a byte order mark (U+FEFF): the AWS CLI and the Python SDK do not see the first section header and refuse to load the file.',
  },
});

export default rule;
