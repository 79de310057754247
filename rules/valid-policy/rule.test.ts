import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RuleTester } from '@rolecall/testing';
import { lintWithHoles } from '../_shared/test/holes.js';
import rule from './rule.js';

const RoleArn = 'arn:aws:iam::123456789012:role/deploy';
const RoleSessionName = 'deploy-session';
const WebIdentityToken = 'eyJhbGciOiJSUzI1NiJ9';
const SEED_ERA = { stsModel: 'botocore-2015-04-27' };
const policy = (statement: Record<string, unknown>): string => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
const POLICY = policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::example-bucket/*' });
/** POLICY padded with spaces (valid JSON white space) to exactly `length` characters. */
const padded = (length: number): string => `${POLICY.slice(0, -1)}${' '.repeat(length - POLICY.length)}}`;

// Canonical JSON puts Policy on line 4; its opening quote is at column 13. Inside the string every " is written \\", so
// grammar findings are located through the escapes.
new RuleTester().run(rule, {
  valid: [
    { input: { RoleArn, RoleSessionName, Policy: POLICY } },
    { name: 'Deny with NotAction and a condition', input: { RoleArn, RoleSessionName, Policy: policy({ Effect: 'Deny', NotAction: ['s3:Get*', 's3:List*'], Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } }) } },
    { name: 'Statement as a single object', input: { RoleArn, RoleSessionName, Policy: '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}' } },
    { name: 'AssumeRole has no model maximum (max-policy-plaintext reports the total)', input: { RoleArn, RoleSessionName, Policy: padded(2049) } },
    { name: 'web identity maximum - 1', input: { RoleArn, RoleSessionName, WebIdentityToken, Policy: padded(2047) } },
    { name: 'web identity maximum (n)', input: { RoleArn, RoleSessionName, WebIdentityToken, Policy: padded(2048) } },
    { name: 'seed-era AssumeRole maximum (n)', input: { RoleArn, RoleSessionName, Policy: padded(2048) }, settings: SEED_ERA },
    { name: 'Principal is reported by no-unsupported-policy-elements, not here', input: { RoleArn, RoleSessionName, Policy: policy({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }) } },
  ],
  invalid: [
    {
      name: 'empty (minimum length - 1)',
      input: { RoleArn, RoleSessionName, Policy: '' },
      errors: [
        {
          messageId: 'tooShort',
          data: { parameter: 'Policy', actual: 0, limit: 1, length: '0 characters' },
          message: 'Policy is 0 characters long; STS requires at least 1.',
          line: 4,
          column: 13,
          endLine: 4,
          endColumn: 15,
        },
      ],
    },
    {
      name: 'web identity maximum + 1',
      input: { RoleArn, RoleSessionName, WebIdentityToken, Policy: padded(2049) },
      errors: [
        {
          messageId: 'tooLong',
          data: { parameter: 'Policy', actual: 2049, limit: 2048 },
          message: 'Policy is 2049 characters; STS accepts at most 2048.',
          line: 5,
          column: 13,
          endLine: 5,
          endColumn: 2082,
        },
      ],
    },
    {
      name: 'seed-era AssumeRole maximum + 1 (valid in the current profile)',
      input: { RoleArn, RoleSessionName, Policy: padded(2049) },
      settings: SEED_ERA,
      errors: [
        {
          messageId: 'tooLong',
          data: { parameter: 'Policy', actual: 2049, limit: 2048 },
          line: 4,
          column: 13,
          endLine: 4,
          endColumn: 2082,
        },
      ],
    },
    {
      name: 'minimum length (n): no length finding, but not JSON',
      input: { RoleArn, RoleSessionName, Policy: '{' },
      errors: [
        {
          messageId: 'invalidPolicyJson',
          data: { parameter: 'Policy', error: 'expected "}"', errorCode: 'CloseBraceExpected', offset: 1, line: 1, column: 2 },
          message: 'Policy is not valid JSON: expected "}" at line 1, column 2.',
          line: 4,
          column: 15,
          endLine: 4,
          endColumn: 15,
        },
      ],
    },
    {
      name: 'minimum length + 1: no length finding, but no Statement',
      input: { RoleArn, RoleSessionName, Policy: '{}' },
      errors: [
        {
          messageId: 'invalidPolicyGrammar',
          data: { parameter: 'Policy', rule: 'missingStatement', detail: 'the policy has no Statement; a session policy needs at least one statement.' },
          message: 'Policy: the policy has no Statement; a session policy needs at least one statement.',
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 16,
        },
      ],
    },
    {
      name: 'a trailing comma',
      input: { RoleArn, RoleSessionName, Policy: '{"Version":"2012-10-17",}' },
      errors: [
        {
          messageId: 'invalidPolicyJson',
          data: { parameter: 'Policy', error: 'expected a property name in double quotes', errorCode: 'PropertyNameExpected', offset: 24, line: 1, column: 25 },
          line: 4,
          column: 42,
          endLine: 4,
          endColumn: 43,
        },
      ],
    },
    {
      name: 'no Statement',
      input: { RoleArn, RoleSessionName, Policy: '{"Version":"2012-10-17"}' },
      errors: [
        {
          messageId: 'invalidPolicyGrammar',
          data: { parameter: 'Policy', rule: 'missingStatement', detail: 'the policy has no Statement; a session policy needs at least one statement.' },
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 42,
        },
      ],
    },
    {
      name: 'an unknown Version',
      input: { RoleArn, RoleSessionName, Policy: '{"Version":"2012-10-18","Statement":[]}' },
      errors: [
        {
          messageId: 'invalidPolicyGrammar',
          data: { found: '"2012-10-18"', allowed: '"2012-10-17" or "2008-10-17"', parameter: 'Policy.Version', rule: 'unknownVersion', detail: '"2012-10-18" is not a policy language version; use "2012-10-17" or "2008-10-17".' },
          line: 4,
          column: 27,
          endLine: 4,
          endColumn: 41,
        },
      ],
    },
    {
      name: 'two findings inside the policy: Effect in lower case and an action without a service',
      input: { RoleArn, RoleSessionName, Policy: policy({ Effect: 'allow', Action: 's3GetObject', Resource: '*' }) },
      errors: [
        {
          messageId: 'invalidPolicyGrammar',
          data: { allowed: '"Allow" or "Deny"', found: '"allow"', parameter: 'Policy.Statement[0].Effect', rule: 'effectValue', detail: 'must be "Allow" or "Deny" (case-sensitive); got "allow".' },
          line: 4,
          column: 69,
          endLine: 4,
          endColumn: 78,
        },
        {
          messageId: 'invalidPolicyGrammar',
          data: { found: '"s3GetObject"', parameter: 'Policy.Statement[0].Action', rule: 'actionFormat', detail: '"s3GetObject" is not "service:action" (wildcards * and ? allowed) or "*".' },
          line: 4,
          column: 90,
          endLine: 4,
          endColumn: 105,
        },
      ],
    },
    {
      name: 'a character outside Latin-1',
      input: { RoleArn, RoleSessionName, Policy: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/→' }) },
      errors: [
        {
          messageId: 'invalidCharacters',
          data: { parameter: 'Policy', character: '\'→\' (U+2192)', position: 112, allowed: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]' },
          message: 'Policy contains \'→\' (U+2192) at position 112; STS accepts only characters matching [\\u0009\\u000A\\u000D\\u0020-\\u00FF].',
          line: 4,
          column: 142,
          endLine: 4,
          endColumn: 143,
        },
      ],
    },
    {
      name: 'an object instead of a JSON string',
      input: { RoleArn, RoleSessionName, Policy: { Version: '2012-10-17', Statement: [] } },
      errors: [
        {
          messageId: 'invalidType',
          data: { parameter: 'Policy', expected: 'a string', received: 'an object' },
          message: 'Policy must be a string; got an object.',
          line: 4,
          column: 13,
          endLine: 7,
          endColumn: 4,
        },
      ],
    },
  ],
});

test('valid-policy: a reference is skipped; a template is checked only for characters in its literal text', () => {
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, Policy: '${data.aws_iam_policy_document.session.json}' }), []);
  // JSON and grammar cannot be judged while part of the document is unknown: not reported.
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, Policy: '{"Version":"2012-10-17",${statements}' }), []);
  // The fragment is written with escapes, so the finding covers the fragment rather than one character.
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, Policy: '{"Resource":"arn:aws:s3:::${bucket}/→"}' }), [
    {
      ruleId: 'valid-policy',
      messageId: 'invalidCharacters',
      data: { parameter: 'Policy', character: "'→' (U+2192)", position: '2 of the text after ${bucket}', allowed: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]' },
      line: 4,
      column: 52,
      endLine: 4,
      endColumn: 57,
    },
  ]);
});
