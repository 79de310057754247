import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Fact } from '@rolecall/core';
import { testFactRule } from '../_shared/test/facts.js';
import rule from './rule.js';

// Facts as the aws-config extractor records them (its own tests pin the spans; test/aws-config-cloudformation.test.ts runs both together).
const text = '[profile deploy]\nduration_seconds = 3600 # one hour\naws_secret_access_key = abc ;x\n';
const facts: Fact[] = [
  { kind: 'aws-config/inline-comment', span: { start: 41, end: 51 }, data: { key: 'duration_seconds', comment: '# one hour', value: '3600 # one hour' } },
  { kind: 'aws-config/inline-comment', span: { start: 80, end: 82 }, data: { key: 'aws_secret_access_key' } },
];

testFactRule(rule, {
  text,
  facts,
  expected: [
    "2:25-2:35 error aws-config-no-inline-comment: duration_seconds is read as \"3600 # one hour\": the AWS CLI and SDKs keep \"# one hour\" as part of the value; only whole lines can be comments.",
    "3:29-3:31 error aws-config-no-inline-comment: The value of aws_secret_access_key has text after a \"#\" or \";\": the AWS CLI and SDKs keep it as part of the value; only whole lines can be comments.",
  ],
}, (found) => {
  it('never quotes the secret value', () => {
    assert.ok(!found.some((d) => d.message.includes('abc')));
  });
});
