import type { Fact } from '@rolecall/core';
import { testFactRule } from '../_shared/test/facts.js';
import rule from './rule.js';

// Facts as the aws-config extractor records them (its own tests pin the spans; test/aws-config-cloudformation.test.ts runs both together).
const text = '[default]\nregion = a\nregion = b\n[default]\n';
const facts: Fact[] = [
  { kind: 'aws-config/duplicate-section', span: { start: 32, end: 41 }, data: { section: '[default]' }, related: [{ file: '.aws/config', span: { start: 0, end: 9 }, message: 'first defined here' }] },
];

testFactRule(rule, {
  text,
  facts,
  expected: [
    "4:1-4:10 error aws-config-no-duplicate-sections: [default] appears twice: the AWS CLI and the Python SDK refuse to load the file, and other SDKs keep one of the two.\n  related 1:1-1:10 first defined here",
  ],
});
