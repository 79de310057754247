import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RuleTester } from '@rolecall/testing';
import { lintWithHoles } from '../_shared/test/holes.js';
import rule from './rule.js';

const RoleArn = 'arn:aws:iam::123456789012:role/deploy';
const RoleSessionName = 'deploy-session';

// A missing parameter has no place of its own: the finding covers the whole input object.
new RuleTester().run(rule, {
  valid: [
    { name: 'AssumeRole', input: { RoleArn, RoleSessionName } },
    { name: 'AssumeRoleWithWebIdentity', input: { RoleArn, RoleSessionName, WebIdentityToken: 'eyJhbGciOiJSUzI1NiJ9' } },
    { name: 'AssumeRoleWithSAML needs no RoleSessionName', input: { RoleArn, PrincipalArn: 'arn:aws:iam::123456789012:saml-provider/Okta', SAMLAssertion: 'PHNhbWw+' } },
    { name: 'a wrong value is still present (valid-role-session-name reports it)', input: { RoleArn, RoleSessionName: '' } },
    { name: 'seed-era profile: same members', input: { RoleArn, RoleSessionName }, settings: { stsModel: 'botocore-2015-04-27' } },
  ],
  invalid: [
    {
      name: 'RoleSessionName missing',
      input: { RoleArn },
      errors: [
        {
          messageId: 'missingRequired',
          data: { parameter: 'RoleSessionName', operation: 'AssumeRole' },
          message: 'RoleSessionName is missing; AssumeRole requires it.',
          line: 1,
          column: 1,
          endLine: 3,
          endColumn: 2,
        },
      ],
    },
    {
      name: 'RoleArn missing',
      input: { RoleSessionName },
      errors: [
        {
          messageId: 'missingRequired',
          data: { parameter: 'RoleArn', operation: 'AssumeRole' },
          line: 1,
          column: 1,
          endLine: 3,
          endColumn: 2,
        },
      ],
    },
    {
      name: 'web identity without RoleSessionName',
      input: { RoleArn, WebIdentityToken: 'eyJhbGciOiJSUzI1NiJ9' },
      errors: [
        {
          messageId: 'missingRequired',
          data: { parameter: 'RoleSessionName', operation: 'AssumeRoleWithWebIdentity' },
          line: 1,
          column: 1,
          endLine: 4,
          endColumn: 2,
        },
      ],
    },
    {
      name: 'SAML without the assertion',
      input: { RoleArn, PrincipalArn: 'arn:aws:iam::123456789012:saml-provider/Okta' },
      errors: [
        {
          messageId: 'missingRequired',
          data: { parameter: 'SAMLAssertion', operation: 'AssumeRoleWithSAML' },
          line: 1,
          column: 1,
          endLine: 4,
          endColumn: 2,
        },
      ],
    },
    {
      name: 'two findings: an empty input',
      code: '{}\n',
      operation: 'AssumeRole',
      errors: [
        {
          messageId: 'missingRequired',
          data: { parameter: 'RoleArn', operation: 'AssumeRole' },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 3,
        },
        {
          messageId: 'missingRequired',
          data: { parameter: 'RoleSessionName', operation: 'AssumeRole' },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 3,
        },
      ],
    },
  ],
});

test('required-parameters: a parameter whose value is not known is present', () => {
  assert.deepEqual(lintWithHoles(rule, { RoleArn: '${var.role_arn}', RoleSessionName: 'ci-${github.run_id}' }), []);
});
