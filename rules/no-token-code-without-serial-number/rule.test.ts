import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RuleTester } from '@rolecall/testing';
import { lintWithHoles } from '../_shared/test/holes.js';
import rule from './rule.js';

const RoleArn = 'arn:aws:iam::123456789012:role/deploy';
const RoleSessionName = 'deploy-session';

// Canonical JSON puts the fourth member on line 4.
new RuleTester().run(rule, {
  valid: [
    { name: 'both (SDK docs example)', input: { RoleArn, RoleSessionName, SerialNumber: 'arn:aws:iam::123456789012:mfa/user', TokenCode: '123456' } },
    { name: 'neither', input: { RoleArn, RoleSessionName } },
    { name: 'seed-era profile: same rule', input: { RoleArn, RoleSessionName, SerialNumber: 'GAHT12345678', TokenCode: '123456' }, settings: { stsModel: 'botocore-2015-04-27' } },
  ],
  invalid: [
    {
      name: 'TokenCode without SerialNumber',
      input: { RoleArn, RoleSessionName, TokenCode: '123456' },
      errors: [
        {
          messageId: 'tokenCodeWithoutSerialNumber',
          data: { parameter: 'TokenCode' },
          message: 'TokenCode is set but SerialNumber is not; MFA needs both (whether STS rejects one without the other is unverified).',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 24,
        },
      ],
    },
    {
      name: 'SerialNumber without TokenCode',
      input: { RoleArn, RoleSessionName, SerialNumber: 'GAHT12345678' },
      errors: [
        {
          messageId: 'serialNumberWithoutTokenCode',
          data: { parameter: 'SerialNumber' },
          message: 'SerialNumber is set but TokenCode is not; MFA needs both (whether STS rejects one without the other is unverified).',
          line: 4,
          column: 19,
          endLine: 4,
          endColumn: 33,
        },
      ],
    },
    {
      name: 'an invalid TokenCode still counts as present (valid-token-code reports its format)',
      input: { RoleArn, RoleSessionName, TokenCode: 42 },
      errors: [
        {
          messageId: 'tokenCodeWithoutSerialNumber',
          data: { parameter: 'TokenCode' },
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 18,
        },
      ],
    },
  ],
});

test('no-token-code-without-serial-number: a value that is not known still counts as present', () => {
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, SerialNumber: '${var.mfa_serial}', TokenCode: '${var.mfa_code}' }), []);
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, SerialNumber: 'GAHT12345678', TokenCode: '${var.mfa_code}' }), []);
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, TokenCode: '${var.mfa_code}' }), [
    {
      ruleId: 'no-token-code-without-serial-number',
      messageId: 'tokenCodeWithoutSerialNumber',
      data: { parameter: 'TokenCode' },
      line: 4,
      column: 16,
      endLine: 4,
      endColumn: 33,
    },
  ]);
});
