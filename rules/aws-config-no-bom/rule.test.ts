import type { Fact } from '@rolecall/core';
import { testFactRule } from '../_shared/test/facts.js';
import rule from './rule.js';

// The BOM is column 0 wide: core counts columns after it, as editors do.
// Facts as the aws-config extractor records them (its own tests pin the spans; test/aws-config-cloudformation.test.ts runs both together).
const text = '\uFEFF[default]\nregion = a\n';
const facts: Fact[] = [
  { kind: 'aws-config/bom', span: { start: 0, end: 1 } },
];

testFactRule(rule, {
  text,
  facts,
  expected: [
    "1:1-1:1 error aws-config-no-bom: The file starts with a byte order mark (U+FEFF): the AWS CLI and the Python SDK do not see the first section header and refuse to load the file.",
  ],
});
