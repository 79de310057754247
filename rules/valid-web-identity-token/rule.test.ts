import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RuleTester } from '@rolecall/testing';
import { lintWithHoles } from '../_shared/test/holes.js';
import rule from './rule.js';

const RoleArn = 'arn:aws:iam::123456789012:role/web';
const RoleSessionName = 'app-user';
const SEED_ERA = { stsModel: 'botocore-2015-04-27' };

// Canonical JSON puts WebIdentityToken on line 4; its opening quote is at column 23. The token never appears in a message.
new RuleTester().run(rule, {
  valid: [
    { input: { RoleArn, RoleSessionName, WebIdentityToken: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhcHAifQ.c2ln' } },
    { name: 'minimum length (n)', input: { RoleArn, RoleSessionName, WebIdentityToken: 'abcd' } },
    { name: 'minimum length + 1', input: { RoleArn, RoleSessionName, WebIdentityToken: 'abcde' } },
    { name: 'maximum length - 1', input: { RoleArn, RoleSessionName, WebIdentityToken: 't'.repeat(19999) } },
    { name: 'maximum length (n)', input: { RoleArn, RoleSessionName, WebIdentityToken: 't'.repeat(20000) } },
    { name: 'seed-era maximum (n)', input: { RoleArn, RoleSessionName, WebIdentityToken: 't'.repeat(2048) }, settings: SEED_ERA },
  ],
  invalid: [
    {
      name: 'minimum length - 1',
      input: { RoleArn, RoleSessionName, WebIdentityToken: 'abc' },
      errors: [
        {
          messageId: 'tooShort',
          data: { parameter: 'WebIdentityToken', actual: 3, limit: 4, length: '3 characters' },
          message: 'WebIdentityToken is 3 characters long; STS requires at least 4.',
          line: 4,
          column: 23,
          endLine: 4,
          endColumn: 28,
        },
      ],
    },
    {
      name: 'maximum length + 1',
      input: { RoleArn, RoleSessionName, WebIdentityToken: 't'.repeat(20001) },
      errors: [
        {
          messageId: 'tooLong',
          data: { parameter: 'WebIdentityToken', actual: 20001, limit: 20000 },
          message: 'WebIdentityToken is 20001 characters; STS accepts at most 20000.',
          line: 4,
          column: 23,
          endLine: 4,
          endColumn: 20026,
        },
      ],
    },
    {
      name: 'seed-era maximum + 1 (valid in the current profile)',
      input: { RoleArn, RoleSessionName, WebIdentityToken: 't'.repeat(2049) },
      settings: SEED_ERA,
      errors: [
        {
          messageId: 'tooLong',
          data: { parameter: 'WebIdentityToken', actual: 2049, limit: 2048 },
          line: 4,
          column: 23,
          endLine: 4,
          endColumn: 2074,
        },
      ],
    },
    {
      name: 'not a string: only the type is shown',
      input: { RoleArn, RoleSessionName, WebIdentityToken: 12345 },
      errors: [
        {
          messageId: 'invalidType',
          data: { parameter: 'WebIdentityToken', expected: 'a string', received: 'a number' },
          message: 'WebIdentityToken must be a string; got a number.',
          line: 4,
          column: 23,
          endLine: 4,
          endColumn: 28,
        },
      ],
    },
  ],
});

test('valid-web-identity-token: a reference is skipped; the token never appears in output', () => {
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, WebIdentityToken: '${file("/var/run/secrets/token")}' }), []);
  const findings = lintWithHoles(rule, { RoleArn, RoleSessionName, WebIdentityToken: 'sec' });
  assert.equal(findings.length, 1);
  assert.ok(!JSON.stringify(findings).includes('sec"'), JSON.stringify(findings));
});
