import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Fact } from '@rolecall/core';
import { describeDiagnostic, lintExtraction } from '../_shared/test/facts.js';
import rule from './rule.js';

// A fact as the aws-config extractor records it (its own tests pin the spans; test/aws-config-cloudformation.test.ts runs both together).
const text = '[dev]\nsso_start_url = https://example.awsapps.com/start\n';
const facts: Fact[] = [{ kind: 'aws-config/section-without-profile-prefix', span: { start: 0, end: 5 }, data: { section: '[dev]', suggestion: '[profile dev]' } }];

describe('aws-config-profile-section-prefix', () => {
  it('reports the header with the exact message and location', () => {
    assert.deepEqual(lintExtraction(rule, '.aws/config', text, { facts }).map(describeDiagnostic), [
      '1:1-1:6 error aws-config-profile-section-prefix: [dev] is not a profile in the config file: the AWS CLI and SDKs ignore it, so the profile is not found. Write [profile dev].',
    ]);
  });

  it('reports nothing without facts of its kind', () => {
    assert.deepEqual(lintExtraction(rule, '.aws/config', text, { facts: [] }), []);
  });
});
