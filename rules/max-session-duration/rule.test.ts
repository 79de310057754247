import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RuleTester } from '@rolecall/testing';
import { lintWithHoles } from '../_shared/test/holes.js';
import rule from './rule.js';

const RoleArn = 'arn:aws:iam::123456789012:role/deploy';
const RoleSessionName = 'deploy-session';
/** The target role's MaxSessionDuration is two hours. */
const TWO_HOURS = { maxSessionDuration: 7200 };

// Canonical JSON puts DurationSeconds on line 4; the number starts at column 22.
new RuleTester().run(rule, {
  valid: [
    { name: 'limit - 1', input: { RoleArn, RoleSessionName, DurationSeconds: 7199 }, settings: TWO_HOURS },
    { name: 'limit (n)', input: { RoleArn, RoleSessionName, DurationSeconds: 7200 }, settings: TWO_HOURS },
    { name: 'MaxSessionDuration unknown', input: { RoleArn, RoleSessionName, DurationSeconds: 43200 } },
    { name: 'role chaining caps lower: max-chained-duration reports it', input: { RoleArn, RoleSessionName, DurationSeconds: 7201 }, settings: { ...TWO_HOURS, roleChaining: true } },
  ],
  invalid: [
    {
      name: 'limit + 1',
      input: { RoleArn, RoleSessionName, DurationSeconds: 7201 },
      settings: TWO_HOURS,
      errors: [
        {
          messageId: 'maxSessionDurationExceeded',
          data: { parameter: 'DurationSeconds', actual: 7201, limit: 7200 },
          message: 'DurationSeconds is 7201; the role\'s MaxSessionDuration is 7200, so STS rejects the call.',
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 26,
        },
      ],
    },
    {
      name: 'web identity',
      input: { RoleArn, RoleSessionName, WebIdentityToken: 'eyJhbGciOiJSUzI1NiJ9', DurationSeconds: 43200 },
      settings: TWO_HOURS,
      errors: [
        {
          messageId: 'maxSessionDurationExceeded',
          data: { parameter: 'DurationSeconds', actual: 43200, limit: 7200 },
          line: 5,
          column: 22,
          endLine: 5,
          endColumn: 27,
        },
      ],
    },
    {
      name: 'seed-era profile: the role setting applies as well',
      input: { RoleArn, RoleSessionName, DurationSeconds: 3601 },
      settings: { maxSessionDuration: 3600, profile: 'botocore-2015-04-27' },
      errors: [
        {
          messageId: 'maxSessionDurationExceeded',
          data: { parameter: 'DurationSeconds', actual: 3601, limit: 3600 },
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 26,
        },
      ],
    },
  ],
});

test('max-session-duration: a reference is skipped', () => {
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, DurationSeconds: '${var.duration}' }, TWO_HOURS), []);
});
