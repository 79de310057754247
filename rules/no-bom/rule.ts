import type { Rule } from '@rolecall/core';
import { BOM_FACT, defineRule } from '@rolecall/core';

/**
 * Extractor-owned: only the extractor sees the bytes, so it records a `bom` fact (with what the
 * reading tool does about it) and this rule reports it. Any extractor whose tool rejects or
 * misreads a BOM records the same fact.
 */
const rule: Rule = defineRule({
  id: 'no-bom',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow a byte order mark at the start of a file the AWS tools read.',
      recommended: true,
      awsSource: 'https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-skeleton.html',
    },
    defaultSeverity: 'error',
    parameters: [],
    facts: [BOM_FACT],
    messages: { bom: 'The file starts with a byte order mark (U+FEFF); {{consequence}} Save the file as UTF-8 without BOM.' },
    help: 'Save the file as UTF-8 without a byte order mark (most editors offer "UTF-8" next to "UTF-8 with BOM").',
  },
  checkFact(fact, context) {
    context.report({ messageId: 'bom', data: { consequence: String(fact.data?.['consequence'] ?? '') } });
  },
});

export default rule;
