import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RuleTester } from '@rolecall/testing';
import { lintWithHoles } from '../_shared/test/holes.js';
import rule from './rule.js';

const RoleArn = 'arn:aws:iam::123456789012:role/deploy';
const RoleSessionName = 'deploy-session';
const SEED_ERA = { stsModel: 'botocore-2015-04-27' };
const WebIdentityToken = 'eyJhbGciOiJSUzI1NiJ9';

// Canonical JSON puts DurationSeconds on line 4; the number starts at column 22.
new RuleTester().run(rule, {
  valid: [
    { name: 'minimum (n)', input: { RoleArn, RoleSessionName, DurationSeconds: 900 } },
    { name: 'minimum + 1', input: { RoleArn, RoleSessionName, DurationSeconds: 901 } },
    { name: 'the default, one hour', input: { RoleArn, RoleSessionName, DurationSeconds: 3600 } },
    { name: 'maximum - 1', input: { RoleArn, RoleSessionName, DurationSeconds: 43199 } },
    { name: 'maximum (n)', input: { RoleArn, RoleSessionName, DurationSeconds: 43200 } },
    { name: 'seed-era maximum (n)', input: { RoleArn, RoleSessionName, DurationSeconds: 3600 }, settings: SEED_ERA },
    { name: 'seed-era web identity allows more than AssumeRole', input: { RoleArn, RoleSessionName, WebIdentityToken, DurationSeconds: 43200 }, settings: SEED_ERA },
    { name: 'a whole number written with a fraction part', input: { RoleArn, RoleSessionName, DurationSeconds: 1800.0 } },
    { name: 'absent', input: { RoleArn, RoleSessionName } },
  ],
  invalid: [
    {
      name: 'minimum - 1',
      input: { RoleArn, RoleSessionName, DurationSeconds: 899 },
      errors: [
        {
          messageId: 'outOfRange',
          data: { parameter: 'DurationSeconds', actual: 899, min: 900, max: 43200 },
          message: 'DurationSeconds is 899; STS accepts 900 to 43200.',
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 25,
        },
      ],
    },
    {
      name: 'maximum + 1',
      input: { RoleArn, RoleSessionName, DurationSeconds: 43201 },
      errors: [
        {
          messageId: 'outOfRange',
          data: { parameter: 'DurationSeconds', actual: 43201, min: 900, max: 43200 },
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 27,
        },
      ],
    },
    {
      name: 'seed-era maximum + 1 (valid in the current profile)',
      input: { RoleArn, RoleSessionName, DurationSeconds: 3601 },
      settings: SEED_ERA,
      errors: [
        {
          messageId: 'outOfRange',
          data: { parameter: 'DurationSeconds', actual: 3601, min: 900, max: 3600 },
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 26,
        },
      ],
    },
    {
      name: 'minutes instead of seconds',
      input: { RoleArn, RoleSessionName, DurationSeconds: 60 },
      errors: [
        {
          messageId: 'outOfRange',
          data: { parameter: 'DurationSeconds', actual: 60, min: 900, max: 43200 },
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 24,
        },
      ],
    },
    {
      name: 'milliseconds instead of seconds',
      input: { RoleArn, RoleSessionName, DurationSeconds: 3600000 },
      errors: [
        {
          messageId: 'outOfRange',
          data: { parameter: 'DurationSeconds', actual: 3600000, min: 900, max: 43200 },
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 29,
        },
      ],
    },
    {
      name: 'a fraction',
      input: { RoleArn, RoleSessionName, DurationSeconds: 1800.5 },
      errors: [
        {
          messageId: 'notAnInteger',
          data: { parameter: 'DurationSeconds', actual: 1800.5, min: 900, max: 43200 },
          message: 'DurationSeconds is 1800.5; STS accepts only whole numbers from 900 to 43200.',
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 28,
        },
      ],
    },
    {
      name: 'a quoted number',
      input: { RoleArn, RoleSessionName, DurationSeconds: '3600' },
      errors: [
        {
          messageId: 'invalidType',
          data: { parameter: 'DurationSeconds', expected: 'an integer', received: 'a string ("3600")' },
          message: 'DurationSeconds must be an integer; got a string ("3600").',
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 28,
        },
      ],
    },
    {
      name: 'web identity, below the minimum',
      input: { RoleArn, RoleSessionName, WebIdentityToken, DurationSeconds: 0 },
      errors: [
        {
          messageId: 'outOfRange',
          data: { parameter: 'DurationSeconds', actual: 0, min: 900, max: 43200 },
          line: 5,
          column: 22,
          endLine: 5,
          endColumn: 23,
        },
      ],
    },
    {
      name: 'two findings: a fraction below the minimum',
      input: { RoleArn, RoleSessionName, DurationSeconds: 100.5 },
      errors: [
        {
          messageId: 'outOfRange',
          data: { parameter: 'DurationSeconds', actual: 100.5, min: 900, max: 43200 },
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 27,
        },
        {
          messageId: 'notAnInteger',
          data: { parameter: 'DurationSeconds', actual: 100.5, min: 900, max: 43200 },
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 27,
        },
      ],
    },
  ],
});

test('valid-duration-seconds: a reference is skipped', () => {
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, DurationSeconds: '${var.session_duration}' }), []);
});
