import type { Fact } from '@rolecall/core';
import { testFactRule } from '../_shared/test/facts.js';
import rule from './rule.js';

// Facts as the aws-config extractor records them (its own tests pin the spans; test/aws-config-cloudformation.test.ts runs both together).
const text = '[profile a]\nsource_profile = b\n[profile b]\nsource_profile = a\n';
const facts: Fact[] = [
  { kind: 'aws-config/source-profile-loop', span: { start: 29, end: 30 }, data: { profile: 'a', cycle: '"a" → "b" → "a"' }, related: [{ file: '.aws/config', span: { start: 60, end: 61 }, message: 'profile "b" takes its credentials from profile "a"' }] },
];

testFactRule(rule, {
  text,
  facts,
  expected: [
    "2:18-2:19 error aws-config-no-source-profile-loop: Profile \"a\" is in a source_profile loop (\"a\" → \"b\" → \"a\"): the AWS CLI and SDKs refuse to use it.\n  related 4:18-4:19 profile \"b\" takes its credentials from profile \"a\"",
  ],
});
