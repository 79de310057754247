import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RuleTester } from '@rolecall/testing';
import { lintWithHoles } from '../_shared/test/holes.js';
import rule from './rule.js';

const RoleArn = 'arn:aws:iam::123456789012:role/deploy';
const RoleSessionName = 'deploy-session';
const WebIdentityToken = 'eyJhbGciOiJSUzI1NiJ9';
const SEED_ERA = { stsModel: 'botocore-2015-04-27' };
const POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::example-bucket/*' }] });
/** POLICY padded with spaces (valid JSON white space) to exactly `length` characters. */
const padded = (length: number): string => `${POLICY.slice(0, -1)}${' '.repeat(length - POLICY.length)}}`;
/** A managed policy ARN of 50 characters. */
const ARN = 'arn:aws:iam::123456789012:policy/ReadOnly-abcdefgh';

// Canonical JSON puts Policy on line 4 (its opening quote at column 13) and PolicyArns after it.
new RuleTester().run(rule, {
  valid: [
    { name: 'web identity: policy and ARN, limit - 1', input: { RoleArn, RoleSessionName, WebIdentityToken, Policy: padded(1997), PolicyArns: [{ arn: ARN }] } },
    { name: 'web identity: policy and ARN, exactly the limit (n)', input: { RoleArn, RoleSessionName, WebIdentityToken, Policy: padded(1998), PolicyArns: [{ arn: ARN }] } },
    { name: 'seed-era AssumeRole: valid-policy reports a policy over the limit as tooLong instead', input: { RoleArn, RoleSessionName, Policy: padded(2049) }, settings: SEED_ERA },
    { name: 'web identity: valid-policy reports a policy over the limit as tooLong instead', input: { RoleArn, RoleSessionName, WebIdentityToken, Policy: padded(2049) } },
    { name: 'current AssumeRole over the documented limit: max-documented-policy-plaintext warns instead', input: { RoleArn, RoleSessionName, Policy: padded(2049) } },
    { name: 'ARNs only', input: { RoleArn, RoleSessionName, PolicyArns: [{ arn: ARN }, { arn: ARN }] } },
  ],
  invalid: [
    {
      name: 'seed-era: within the model maximum, over the combined limit',
      input: { RoleArn, RoleSessionName, Policy: padded(2048), PolicyArns: [{ arn: ARN }] },
      settings: SEED_ERA,
      errors: [
        {
          messageId: 'policyPlaintextTooLong',
          data: { parameter: 'Policy', actual: 2098, limit: 2048, policyLength: 2048, arnsLength: 50, minifiedLength: 124, operation: 'AssumeRole' },
          line: 4,
          column: 13,
          endLine: 4,
          endColumn: 2081,
        },
      ],
    },
    {
      name: 'web identity: policy within its maximum, with ARNs over the combined limit',
      input: { RoleArn, RoleSessionName, WebIdentityToken, Policy: padded(2040), PolicyArns: [{ arn: ARN }] },
      errors: [
        {
          messageId: 'policyPlaintextTooLong',
          data: { parameter: 'Policy', actual: 2090, limit: 2048, policyLength: 2040, arnsLength: 50, minifiedLength: 124, operation: 'AssumeRoleWithWebIdentity' },
          message:
            'The session policies are 2090 characters (Policy 2040 + PolicyArns 50); STS accepts at most 2048 combined. Without whitespace the Policy is 124 characters; whether STS counts whitespace is unverified.',
          line: 5,
          column: 13,
          endLine: 5,
          endColumn: 2073,
        },
      ],
    },
    {
      name: 'web identity: policy and ARN, limit + 1',
      input: { RoleArn, RoleSessionName, WebIdentityToken, Policy: padded(1999), PolicyArns: [{ arn: ARN }] },
      errors: [
        {
          messageId: 'policyPlaintextTooLong',
          data: { parameter: 'Policy', actual: 2049, limit: 2048, policyLength: 1999, arnsLength: 50, minifiedLength: 124, operation: 'AssumeRoleWithWebIdentity' },
          line: 5,
          column: 13,
          endLine: 5,
          endColumn: 2032,
        },
      ],
    },
  ],
});

test('max-policy-plaintext: runs only when Policy and PolicyArns are both known', () => {
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, Policy: padded(2040), PolicyArns: '${var.policy_arns}' }), []);
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, Policy: '${local.policy}', PolicyArns: [{ arn: ARN }] }), []);
});
