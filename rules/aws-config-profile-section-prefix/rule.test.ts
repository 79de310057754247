import type { Fact } from '@rolecall/core';
import { testFactRule } from '../_shared/test/facts.js';
import rule from './rule.js';

// A fact as the aws-config extractor records it (its own tests pin the spans; test/aws-config-cloudformation.test.ts runs both together).
const text = '[dev]\nsso_start_url = https://example.awsapps.com/start\n';
const facts: Fact[] = [{ kind: 'aws-config/section-without-profile-prefix', span: { start: 0, end: 5 }, data: { section: '[dev]', suggestion: '[profile dev]' } }];

testFactRule(rule, {
  text,
  facts,
  expected: [
      '1:1-1:6 error aws-config-profile-section-prefix: [dev] is not a profile in the config file: the AWS CLI and SDKs ignore it, so the profile is not found. Write [profile dev].',
  ],
});
