import type { Fact } from '@rolecall/core';
import { testFactRule } from '../_shared/test/facts.js';
import rule from './rule.js';

// Facts as the aws-config extractor records them (its own tests pin the spans; test/aws-config-cloudformation.test.ts runs both together).
const text = '[profile x]\nrole_duration = 7200\n';
const facts: Fact[] = [
  { kind: 'aws-config/near-miss-key', span: { start: 12, end: 25 }, data: { key: 'role_duration', suggestion: 'duration_seconds' } },
];

testFactRule(rule, {
  text,
  facts,
  expected: [
    "2:1-2:14 warning aws-config-known-keys: role_duration is not a setting the AWS CLI or SDKs read, so it is ignored; did you mean duration_seconds?",
  ],
});
