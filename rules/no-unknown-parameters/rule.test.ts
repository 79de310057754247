import { RuleTester } from '@rolecall/testing';
import rule from './rule.js';

const RoleArn = 'arn:aws:iam::123456789012:role/deploy';
const RoleSessionName = 'deploy-session';
const WebIdentityToken = 'eyJhbGciOiJSUzI1NiJ9';
const SAML = { PrincipalArn: 'arn:aws:iam::123456789012:saml-provider/Okta', SAMLAssertion: 'PHNhbWw+' };

// Findings point at the key of the parameter that does not belong.
new RuleTester().run(rule, {
  valid: [
    { name: 'every AssumeRole parameter', input: { RoleArn, RoleSessionName, PolicyArns: [], Policy: '{}', DurationSeconds: 3600, Tags: [], TransitiveTagKeys: [], ExternalId: 'abc', SerialNumber: 'GAHT12345678', TokenCode: '123456', SourceIdentity: 'alice', ProvidedContexts: [] } },
    { name: 'web identity', input: { RoleArn, RoleSessionName, WebIdentityToken, ProviderId: 'www.amazon.com', DurationSeconds: 3600 } },
    { name: 'SAML', input: { RoleArn, ...SAML, DurationSeconds: 3600 } },
    { name: 'seed-era profile: same members', input: { RoleArn, RoleSessionName, ExternalId: 'abc' }, settings: { stsModel: 'botocore-2015-04-27' } },
  ],
  invalid: [
    {
      name: 'session tags with web identity come from the token',
      input: { RoleArn, RoleSessionName, WebIdentityToken, Tags: [{ Key: 'team', Value: 'ops' }] },
      errors: [
        {
          messageId: 'unknownParameter',
          data: { parameter: 'Tags', operation: 'AssumeRoleWithWebIdentity', hint: ' With AssumeRoleWithWebIdentity, session tags, transitive tag keys and the source identity come from the identity provider\'s token or assertion, not from request parameters.' },
          message: 'Tags is not accepted by AssumeRoleWithWebIdentity. With AssumeRoleWithWebIdentity, session tags, transitive tag keys and the source identity come from the identity provider\'s token or assertion, not from request parameters.',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 9,
        },
      ],
    },
    {
      name: 'MFA with web identity',
      input: { RoleArn, RoleSessionName, WebIdentityToken, SerialNumber: 'GAHT12345678' },
      errors: [
        {
          messageId: 'unknownParameter',
          data: { parameter: 'SerialNumber', operation: 'AssumeRoleWithWebIdentity', hint: ' It is a parameter of AssumeRole, not of AssumeRoleWithWebIdentity.', operations: 'AssumeRole' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 17,
        },
      ],
    },
    {
      name: 'two findings: AssumeRole parameters in a SAML input',
      input: { RoleArn, ...SAML, ExternalId: 'abc', SourceIdentity: 'alice' },
      errors: [
        {
          messageId: 'unknownParameter',
          data: { parameter: 'ExternalId', operation: 'AssumeRoleWithSAML', hint: ' It is a parameter of AssumeRole, not of AssumeRoleWithSAML.', operations: 'AssumeRole' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 15,
        },
        {
          messageId: 'unknownParameter',
          data: { parameter: 'SourceIdentity', operation: 'AssumeRoleWithSAML', hint: ' With AssumeRoleWithSAML, session tags, transitive tag keys and the source identity come from the identity provider\'s token or assertion, not from request parameters.' },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 19,
        },
      ],
    },
    {
      name: 'a web identity parameter in an input declared as AssumeRole',
      input: { RoleArn, RoleSessionName, ProviderId: 'www.amazon.com' },
      operation: 'AssumeRole',
      errors: [
        {
          messageId: 'unknownParameter',
          data: { parameter: 'ProviderId', operation: 'AssumeRole', hint: ' It is a parameter of AssumeRoleWithWebIdentity, not of AssumeRole.', operations: 'AssumeRoleWithWebIdentity' },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 15,
        },
      ],
    },
    {
      name: 'a misspelt parameter (the SDKs drop it silently)',
      input: { RoleArn, RoleSessionName, DurationSecond: 3600 },
      errors: [
        {
          messageId: 'unknownParameter',
          data: { parameter: 'DurationSecond', operation: 'AssumeRole', hint: '' },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 19,
        },
      ],
    },
    {
      name: 'a parameter in the wrong case',
      input: { RoleArn, RoleSessionName, externalId: 'Unique-ID-4f3c2b1a' },
      errors: [
        {
          messageId: 'unknownParameter',
          data: { parameter: 'externalId', operation: 'AssumeRole', hint: ' Did you mean "ExternalId"? Parameter names are case-sensitive; the SDK silently drops a misspelled one.', suggestion: 'ExternalId' },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 15,
        },
      ],
    },
  ],
});
