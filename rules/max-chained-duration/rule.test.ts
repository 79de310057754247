import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RuleTester } from '@rolecall/testing';
import { lintWithHoles } from '../_shared/test/holes.js';
import rule from './rule.js';

const RoleArn = 'arn:aws:iam::123456789012:role/deploy';
const RoleSessionName = 'deploy-session';
/** The caller holds role credentials: this AssumeRole call is a step in a role chain. */
const CHAINED = { roleChaining: true };

// Canonical JSON puts DurationSeconds on line 4; the number starts at column 22.
new RuleTester().run(rule, {
  valid: [
    { name: 'limit - 1', input: { RoleArn, RoleSessionName, DurationSeconds: 3599 }, settings: CHAINED },
    { name: 'limit (n)', input: { RoleArn, RoleSessionName, DurationSeconds: 3600 }, settings: CHAINED },
    { name: 'no DurationSeconds: the default hour', input: { RoleArn, RoleSessionName }, settings: CHAINED },
    { name: 'not chaining', input: { RoleArn, RoleSessionName, DurationSeconds: 43200 } },
    { name: 'chaining explicitly off', input: { RoleArn, RoleSessionName, DurationSeconds: 43200 }, settings: { roleChaining: false } },
    { name: 'web identity calls are not signed with role credentials', input: { RoleArn, RoleSessionName, WebIdentityToken: 'eyJhbGciOiJSUzI1NiJ9', DurationSeconds: 7200 }, settings: CHAINED },
  ],
  invalid: [
    {
      name: 'limit + 1',
      input: { RoleArn, RoleSessionName, DurationSeconds: 3601 },
      settings: CHAINED,
      errors: [
        {
          messageId: 'roleChainingDurationExceeded',
          data: { parameter: 'DurationSeconds', actual: 3601, limit: 3600 },
          message: 'DurationSeconds is 3601; a session assumed with role credentials (role chaining) lasts at most 3600 seconds.',
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 26,
        },
      ],
    },
    {
      name: 'twelve hours',
      input: { RoleArn, RoleSessionName, DurationSeconds: 43200 },
      settings: CHAINED,
      errors: [
        {
          messageId: 'roleChainingDurationExceeded',
          data: { parameter: 'DurationSeconds', actual: 43200, limit: 3600 },
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 27,
        },
      ],
    },
    {
      name: 'over a larger MaxSessionDuration too: the tighter cap is reported',
      input: { RoleArn, RoleSessionName, DurationSeconds: 10800 },
      settings: { ...CHAINED, maxSessionDuration: 7200 },
      errors: [
        {
          messageId: 'roleChainingDurationExceeded',
          data: { parameter: 'DurationSeconds', actual: 10800, limit: 3600 },
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 27,
        },
      ],
    },
    {
      name: 'seed-era profile: same cap',
      input: { RoleArn, RoleSessionName, DurationSeconds: 3601 },
      settings: { ...CHAINED, stsModel: 'botocore-2015-04-27' },
      errors: [
        {
          messageId: 'roleChainingDurationExceeded',
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

test('max-chained-duration: a reference is skipped', () => {
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, DurationSeconds: '${var.duration}' }, CHAINED), []);
});
