import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RuleTester } from '@rolecall/testing';
import { lintWithHoles } from '../_shared/test/holes.js';
import rule from './rule.js';

const RoleArn = 'arn:aws:iam::123456789012:role/web';
const RoleSessionName = 'app-user';
const WebIdentityToken = 'Atza|IwEBIExampleAccessToken';

// Canonical JSON puts ProviderId on line 5; its opening quote is at column 17.
new RuleTester().run(rule, {
  valid: [
    { name: 'Login with Amazon', input: { RoleArn, RoleSessionName, WebIdentityToken, ProviderId: 'www.amazon.com' } },
    { name: 'Facebook', input: { RoleArn, RoleSessionName, WebIdentityToken, ProviderId: 'graph.facebook.com' } },
    { name: 'absent: OpenID Connect ID tokens need no ProviderId', input: { RoleArn, RoleSessionName, WebIdentityToken } },
    { name: 'seed-era profile: same rule', input: { RoleArn, RoleSessionName, WebIdentityToken, ProviderId: 'www.amazon.com' }, settings: { stsModel: 'botocore-2015-04-27' } },
  ],
  invalid: [
    {
      name: 'an OpenID Connect issuer',
      input: { RoleArn, RoleSessionName, WebIdentityToken, ProviderId: 'accounts.google.com' },
      errors: [
        {
          messageId: 'providerIdNotAllowed',
          data: { parameter: 'ProviderId', found: '"accounts.google.com"', hosts: 'www.amazon.com and graph.facebook.com', suggestion: 'accounts.google.com', reason: 'is "accounts.google.com"; STS accepts only www.amazon.com and graph.facebook.com (OAuth 2.0 access tokens). Omit ProviderId for OpenID Connect ID tokens.' },
          message: 'ProviderId is "accounts.google.com"; STS accepts only www.amazon.com and graph.facebook.com (OAuth 2.0 access tokens). Omit ProviderId for OpenID Connect ID tokens.',
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 38,
        },
      ],
    },
    {
      name: 'a URL instead of a host',
      input: { RoleArn, RoleSessionName, WebIdentityToken, ProviderId: 'https://www.amazon.com/' },
      errors: [
        {
          messageId: 'providerIdNotAllowed',
          data: { parameter: 'ProviderId', found: '"https://www.amazon.com/"', hosts: 'www.amazon.com and graph.facebook.com', suggestion: 'www.amazon.com', reason: 'is "https://www.amazon.com/"; give the host name only, without URL scheme or port: "www.amazon.com".' },
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 42,
        },
      ],
    },
    {
      name: 'minimum length - 1: two findings',
      input: { RoleArn, RoleSessionName, WebIdentityToken, ProviderId: 'a.b' },
      errors: [
        {
          messageId: 'providerIdNotAllowed',
          data: { parameter: 'ProviderId', found: '"a.b"', hosts: 'www.amazon.com and graph.facebook.com', suggestion: 'a.b', reason: 'is "a.b"; STS accepts only www.amazon.com and graph.facebook.com (OAuth 2.0 access tokens). Omit ProviderId for OpenID Connect ID tokens.' },
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 22,
        },
        {
          messageId: 'tooShort',
          data: { parameter: 'ProviderId', actual: 3, limit: 4, length: '3 characters' },
          message: 'ProviderId is 3 characters long; STS requires at least 4.',
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 22,
        },
      ],
    },
    {
      name: 'minimum length (n): long enough, not a provider',
      input: { RoleArn, RoleSessionName, WebIdentityToken, ProviderId: 'a.bc' },
      errors: [
        {
          messageId: 'providerIdNotAllowed',
          data: { parameter: 'ProviderId', found: '"a.bc"', hosts: 'www.amazon.com and graph.facebook.com', suggestion: 'a.bc', reason: 'is "a.bc"; STS accepts only www.amazon.com and graph.facebook.com (OAuth 2.0 access tokens). Omit ProviderId for OpenID Connect ID tokens.' },
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 23,
        },
      ],
    },
    {
      name: 'minimum length + 1: long enough, not a provider',
      input: { RoleArn, RoleSessionName, WebIdentityToken, ProviderId: 'a.bcd' },
      errors: [
        {
          messageId: 'providerIdNotAllowed',
          data: { parameter: 'ProviderId', found: '"a.bcd"', hosts: 'www.amazon.com and graph.facebook.com', suggestion: 'a.bcd', reason: 'is "a.bcd"; STS accepts only www.amazon.com and graph.facebook.com (OAuth 2.0 access tokens). Omit ProviderId for OpenID Connect ID tokens.' },
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 24,
        },
      ],
    },
    {
      name: 'maximum length + 1',
      input: { RoleArn, RoleSessionName, WebIdentityToken, ProviderId: `${'h'.repeat(2045)}.com` },
      errors: [
        {
          messageId: 'providerIdNotAllowed',
          data: { parameter: 'ProviderId', found: '"hhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhh…"', hosts: 'www.amazon.com and graph.facebook.com', suggestion: 'hhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhh.com', reason: 'is "hhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhh…"; STS accepts only www.amazon.com and graph.facebook.com (OAuth 2.0 access tokens). Omit ProviderId for OpenID Connect ID tokens.' },
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 2068,
        },
        {
          messageId: 'tooLong',
          data: { parameter: 'ProviderId', actual: 2049, limit: 2048 },
          message: 'ProviderId is 2049 characters; STS accepts at most 2048.',
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 2068,
        },
      ],
    },
    {
      name: 'not a string',
      input: { RoleArn, RoleSessionName, WebIdentityToken, ProviderId: true },
      errors: [
        {
          messageId: 'invalidType',
          data: { parameter: 'ProviderId', expected: 'a string', received: 'a boolean (true)' },
          message: 'ProviderId must be a string; got a boolean (true).',
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 21,
        },
      ],
    },
  ],
});

test('valid-provider-id: a reference is skipped', () => {
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, WebIdentityToken, ProviderId: '${var.provider}' }), []);
});
