import { RuleTester } from '@rolecall/testing';
import rule from './rule.js';

const RoleArn = 'arn:aws:iam::123456789012:role/deploy';
const RoleSessionName = 'deploy-session';
const WebIdentityToken = 'eyJhbGciOiJSUzI1NiJ9';
const SAML = { PrincipalArn: 'arn:aws:iam::123456789012:saml-provider/corp', SAMLAssertion: 'PHNhbWw+' };

// Canonical JSON puts MinimumSessionTokenSize on line 4; the number starts at column 30.
new RuleTester().run(rule, {
  valid: [
    { name: 'minimum (n): the token size is unchanged', input: { RoleArn, RoleSessionName, MinimumSessionTokenSize: 0 } },
    { name: 'minimum + 1', input: { RoleArn, RoleSessionName, MinimumSessionTokenSize: 1 } },
    { name: 'maximum - 1', input: { RoleArn, RoleSessionName, MinimumSessionTokenSize: 4095 } },
    { name: 'maximum (n)', input: { RoleArn, RoleSessionName, MinimumSessionTokenSize: 4096 } },
    { name: 'AssumeRoleWithWebIdentity', input: { RoleArn, RoleSessionName, WebIdentityToken, MinimumSessionTokenSize: 4096 } },
    { name: 'AssumeRoleWithSAML', input: { RoleArn, ...SAML, MinimumSessionTokenSize: 2048 } },
    { name: 'absent', input: { RoleArn, RoleSessionName } },
    // The seed-era model had no such member: no-unknown-parameters reports it there, not this rule.
    { name: 'seed-era profile: an unknown parameter, not a range question', input: { RoleArn, RoleSessionName, MinimumSessionTokenSize: 5000 }, settings: { stsModel: 'botocore-2015-04-27' } },
  ],
  invalid: [
    {
      name: 'minimum - 1',
      input: { RoleArn, RoleSessionName, MinimumSessionTokenSize: -1 },
      errors: [
        {
          messageId: 'outOfRange',
          data: { parameter: 'MinimumSessionTokenSize', actual: -1, min: 0, max: 4096 },
          message: 'MinimumSessionTokenSize is -1; STS accepts 0 to 4096.',
          line: 4,
          column: 30,
          endLine: 4,
          endColumn: 32,
        },
      ],
    },
    {
      name: 'maximum + 1',
      input: { RoleArn, RoleSessionName, MinimumSessionTokenSize: 4097 },
      errors: [
        {
          messageId: 'outOfRange',
          data: { parameter: 'MinimumSessionTokenSize', actual: 4097, min: 0, max: 4096 },
          message: 'MinimumSessionTokenSize is 4097; STS accepts 0 to 4096.',
          line: 4,
          column: 30,
          endLine: 4,
          endColumn: 34,
        },
      ],
    },
    {
      name: 'maximum + 1 on AssumeRoleWithSAML',
      input: { RoleArn, ...SAML, MinimumSessionTokenSize: 4097 },
      errors: [{ messageId: 'outOfRange', data: { parameter: 'MinimumSessionTokenSize', actual: 4097, min: 0, max: 4096 }, line: 5, column: 30, endLine: 5, endColumn: 34 }],
    },
    {
      name: 'a fraction',
      input: { RoleArn, RoleSessionName, MinimumSessionTokenSize: 1024.5 },
      errors: [
        {
          messageId: 'notAnInteger',
          data: { parameter: 'MinimumSessionTokenSize', actual: 1024.5, min: 0, max: 4096 },
          message: 'MinimumSessionTokenSize is 1024.5; STS accepts only whole numbers from 0 to 4096.',
          line: 4,
          column: 30,
          endLine: 4,
          endColumn: 36,
        },
      ],
    },
    {
      name: 'a string',
      input: { RoleArn, RoleSessionName, MinimumSessionTokenSize: '4096' },
      errors: [{ messageId: 'invalidType', data: { parameter: 'MinimumSessionTokenSize', expected: 'an integer', received: 'a string ("4096")' }, line: 4, column: 30, endLine: 4, endColumn: 36 }],
    },
  ],
});
