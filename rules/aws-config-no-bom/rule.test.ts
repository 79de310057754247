import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Fact } from '@rolecall/core';
import { describeDiagnostic, lintExtraction } from '../_shared/test/facts.js';
import rule from './rule.js';

// The BOM is column 0 wide: core counts columns after it, as editors do.
// Facts as the aws-config extractor records them (its own tests pin the spans; test/aws-config.test.ts runs both together).
const text = '\uFEFF[default]\nregion = a\n';
const facts: Fact[] = [
  { kind: 'aws-config/bom', span: { start: 0, end: 1 } },
];

describe('aws-config-no-bom', () => {
  const found = lintExtraction(rule, '.aws/config', text, { facts });

  it('reports each fact with the exact message and location', () => {
    assert.deepEqual(found.map(describeDiagnostic), [
    "1:1-1:1 error aws-config-no-bom: The file starts with a byte order mark (U+FEFF): the AWS CLI and the Python SDK do not see the first section header and refuse to load the file.",
    ]);
  });

  it('reports nothing without facts of its kind', () => {
    assert.deepEqual(lintExtraction(rule, '.aws/config', text, { facts: [{ kind: 'aws-config/other', span: { start: 0, end: 1 } }] }), []);
  });
});
