import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Fact } from '@rolecall/core';
import { describeDiagnostic, lintExtraction } from '../_shared/test/facts.js';
import rule from './rule.js';

// Facts as the aws-config extractor records them (its own tests pin the spans; test/aws-config.test.ts runs both together).
const text = '[profile x]\nrole_duration = 7200\n';
const facts: Fact[] = [
  { kind: 'aws-config/near-miss-key', span: { start: 12, end: 25 }, data: { key: 'role_duration', suggestion: 'duration_seconds' } },
];

describe('aws-config-known-keys', () => {
  const found = lintExtraction(rule, '.aws/config', text, { facts });

  it('reports each fact with the exact message and location', () => {
    assert.deepEqual(found.map(describeDiagnostic), [
    "2:1-2:14 warning aws-config-known-keys: role_duration is not a setting the AWS CLI or SDKs read, so it is ignored; did you mean duration_seconds?",
    ]);
  });

  it('reports nothing without facts of its kind', () => {
    assert.deepEqual(lintExtraction(rule, '.aws/config', text, { facts: [{ kind: 'aws-config/other', span: { start: 0, end: 1 } }] }), []);
  });
});
