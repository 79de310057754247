import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RuleTester } from '@rolecall/testing';
import { lintWithHoles } from '../_shared/test/holes.js';
import rule from './rule.js';

const RoleArn = 'arn:aws:iam::123456789012:role/deploy';
const RoleSessionName = 'deploy-session';
const STATEMENT = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::example-bucket/*' };
const policy = (document: Record<string, unknown>): string => JSON.stringify({ Version: '2012-10-17', ...document });

// Canonical JSON puts Policy on line 4; its opening quote is at column 13.
new RuleTester().run(rule, {
  valid: [
    { input: { RoleArn, RoleSessionName, Policy: policy({ Statement: [STATEMENT] }) } },
    { name: 'Sid is a statement element', input: { RoleArn, RoleSessionName, Policy: policy({ Statement: [{ Sid: 'ReadObjects', ...STATEMENT }] }) } },
    { name: 'not JSON: valid-policy reports it', input: { RoleArn, RoleSessionName, Policy: '{"Statement": [' } },
    { name: 'seed-era profile: same verdict', input: { RoleArn, RoleSessionName, Policy: policy({ Statement: [STATEMENT] }) }, settings: { stsModel: 'botocore-2015-04-27' } },
  ],
  invalid: [
    {
      name: 'Principal',
      input: { RoleArn, RoleSessionName, Policy: policy({ Statement: [{ ...STATEMENT, Principal: { AWS: 'arn:aws:iam::123456789012:root' } }] }) },
      errors: [
        {
          messageId: 'invalidPolicyGrammar',
          data: { element: 'Principal', parameter: 'Policy.Statement[0].Principal', rule: 'principalElement', detail: 'does not belong in a session policy (identity-based policies name no principal); whether STS rejects it is unverified.' },
          message: 'Policy.Statement[0].Principal: does not belong in a session policy (identity-based policies name no principal); whether STS rejects it is unverified.',
          line: 4,
          column: 154,
          endLine: 4,
          endColumn: 167,
        },
      ],
    },
    {
      name: 'NotPrincipal',
      input: { RoleArn, RoleSessionName, Policy: policy({ Statement: [{ ...STATEMENT, NotPrincipal: '*' }] }) },
      errors: [
        {
          messageId: 'invalidPolicyGrammar',
          data: { element: 'NotPrincipal', parameter: 'Policy.Statement[0].NotPrincipal', rule: 'principalElement', detail: 'does not belong in a session policy (identity-based policies name no principal); whether STS rejects it is unverified.' },
          line: 4,
          column: 154,
          endLine: 4,
          endColumn: 170,
        },
      ],
    },
    {
      name: 'two findings: Id and Principal',
      input: { RoleArn, RoleSessionName, Policy: policy({ Id: 'session-policy', Statement: [{ ...STATEMENT, Principal: '*' }] }) },
      errors: [
        {
          messageId: 'invalidPolicyGrammar',
          data: { parameter: 'Policy.Id', rule: 'idElement', detail: 'is not allowed in identity-based policies; whether STS rejects it in a session policy is unverified.' },
          line: 4,
          column: 42,
          endLine: 4,
          endColumn: 48,
        },
        {
          messageId: 'invalidPolicyGrammar',
          data: { element: 'Principal', parameter: 'Policy.Statement[0].Principal', rule: 'principalElement', detail: 'does not belong in a session policy (identity-based policies name no principal); whether STS rejects it is unverified.' },
          line: 4,
          column: 180,
          endLine: 4,
          endColumn: 193,
        },
      ],
    },
  ],
});

test('no-unsupported-policy-elements: references and templates are not parsed', () => {
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, Policy: '${local.session_policy}' }), []);
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, Policy: '{"Id":"x","Statement":${statements}}' }), []);
});
