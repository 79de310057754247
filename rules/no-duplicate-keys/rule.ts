import type { Rule } from '@rolecall/core';
import { defineRule, DUPLICATE_KEY_FACT } from '@rolecall/core';

/**
 * Extractor-owned: a key written twice is visible only in the syntax (the parsed value keeps one),
 * so each extractor records a `duplicate-key` fact at the occurrence the tool ignores, with what
 * the tool does, and this rule reports it.
 */
const rule: Rule = defineRule({
  id: 'no-duplicate-keys',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow a key written twice in the same object, where the AWS tools keep only one of the values.',
      recommended: true,
      awsSource: 'https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-skeleton.html',
    },
    defaultSeverity: 'error',
    parameters: [],
    facts: [DUPLICATE_KEY_FACT],
    messages: { repeatedKey: 'Duplicate key {{key}}: {{consequence}}' },
    help: 'Keep one occurrence of the key, with the value you mean.',
  },
  checkFact(fact, context) {
    context.report({ messageId: 'repeatedKey', data: { key: String(fact.data?.['key'] ?? ''), consequence: String(fact.data?.['consequence'] ?? '') }, ...(fact.related !== undefined ? { related: fact.related } : {}) });
  },
});

export default rule;
