import type { Fact } from '@rolecall/core';
import { testFactRule } from '../_shared/test/facts.js';
import rule from './rule.js';

// Facts as the aws-config extractor records them (its own tests pin the spans; test/aws-config-cloudformation.test.ts runs both together).
const text = '[profile x]\nsource_profile = ci\n';
const facts: Fact[] = [
  { kind: 'aws-config/missing-source-profile', span: { start: 29, end: 31 }, data: { profile: 'x', source: 'ci' } },
];

testFactRule(rule, {
  text,
  facts,
  expected: [
    "2:18-2:20 warning aws-config-source-profile-exists: Profile \"x\" takes its credentials from profile \"ci\", which neither this file nor a config or credentials file beside it defines; the AWS CLI and SDKs fail when the profile is used.",
  ],
});
