import type { Fact } from '@rolecall/core';
import { testFactRule } from '../_shared/test/facts.js';
import rule from './rule.js';

// Facts as the aws-config extractor records them (its own tests pin the spans; test/aws-config-cloudformation.test.ts runs both together).
const text = '[profile a]\nsource_profile = b\ncredential_source = Environment\n';
const facts: Fact[] = [
  { kind: 'aws-config/source-profile-with-credential-source', span: { start: 12, end: 30 }, data: { profile: 'a' }, related: [{ file: '.aws/config', span: { start: 31, end: 62 }, message: 'credential_source is set here too' }] },
];

testFactRule(rule, {
  text,
  facts,
  expected: [
    "2:1-2:19 error aws-config-no-source-with-credential-source: Profile \"a\" sets both source_profile and credential_source: the AWS CLI and the Python SDK refuse the profile, and the JS SDK v3 does not treat it as a role profile.\n  related 3:1-3:32 credential_source is set here too",
  ],
});
