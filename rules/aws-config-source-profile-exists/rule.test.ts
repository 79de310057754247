import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Fact } from '@rolecall/core';
import { describeDiagnostic, lintExtraction } from '../_shared/test/facts.js';
import rule from './rule.js';

// Facts as the aws-config extractor records them (its own tests pin the spans; test/aws-config.test.ts runs both together).
const text = '[profile x]\nsource_profile = ci\n';
const facts: Fact[] = [
  { kind: 'aws-config/missing-source-profile', span: { start: 29, end: 31 }, data: { profile: 'x', source: 'ci' } },
];

describe('aws-config-source-profile-exists', () => {
  const found = lintExtraction(rule, '.aws/config', text, { facts });

  it('reports each fact with the exact message and location', () => {
    assert.deepEqual(found.map(describeDiagnostic), [
    "2:18-2:20 warning aws-config-source-profile-exists: Profile \"x\" takes its credentials from profile \"ci\", which neither this file nor a config or credentials file beside it defines; the AWS CLI and SDKs fail when the profile is used.",
    ]);
  });

  it('reports nothing without facts of its kind', () => {
    assert.deepEqual(lintExtraction(rule, '.aws/config', text, { facts: [{ kind: 'aws-config/other', span: { start: 0, end: 1 } }] }), []);
  });
});
