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
    { name: 'policy alone, limit - 1', input: { RoleArn, RoleSessionName, Policy: padded(2047) } },
    { name: 'policy alone, limit (n)', input: { RoleArn, RoleSessionName, Policy: padded(2048) } },
    { name: 'policy and ARN, exactly the limit', input: { RoleArn, RoleSessionName, Policy: padded(1998), PolicyArns: [{ arn: ARN }] } },
    { name: 'seed-era AssumeRole: the model caps Policy there, so max-policy-plaintext reports it as an error', input: { RoleArn, RoleSessionName, Policy: padded(2048), PolicyArns: [{ arn: ARN }] }, settings: SEED_ERA },
    { name: 'web identity: the model caps Policy, so max-policy-plaintext reports it as an error', input: { RoleArn, RoleSessionName, WebIdentityToken, Policy: padded(2040), PolicyArns: [{ arn: ARN }] } },
  ],
  invalid: [
    {
      name: 'policy alone, limit + 1',
      input: { RoleArn, RoleSessionName, Policy: padded(2049) },
      errors: [
        {
          messageId: 'policyPlaintextOverDocumented',
          data: { parameter: 'Policy', actual: 2049, limit: 2048, policyLength: 2049, arnsLength: 0, minifiedLength: 124, operation: 'AssumeRole' },
          message:
            'The session policies are 2049 characters (Policy 2049 + PolicyArns 0); the AssumeRole documentation states at most 2048 combined, but the STS model lifted that cap for AssumeRole in 2023 (Policy has no maximum since 2023-10-02) and no AWS answer is recorded, so whether STS rejects this is unverified. Without whitespace the Policy is 124 characters.',
          line: 4,
          column: 13,
          endLine: 4,
          endColumn: 2082,
        },
      ],
    },
    {
      name: 'policy and ARN, limit + 1',
      input: { RoleArn, RoleSessionName, Policy: padded(1999), PolicyArns: [{ arn: ARN }] },
      errors: [
        {
          messageId: 'policyPlaintextOverDocumented',
          data: { parameter: 'Policy', actual: 2049, limit: 2048, policyLength: 1999, arnsLength: 50, minifiedLength: 124, operation: 'AssumeRole' },
          line: 4,
          column: 13,
          endLine: 4,
          endColumn: 2032,
        },
      ],
    },
  ],
});

test('max-documented-policy-plaintext: runs only when Policy and PolicyArns are both known', () => {
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, Policy: padded(2040), PolicyArns: '${var.policy_arns}' }), []);
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, Policy: '${local.policy}', PolicyArns: [{ arn: ARN }] }), []);
});
