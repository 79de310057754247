import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';
import type { Diagnostic } from '@rolecall/core';
import { lintProjectWith, roleFile, type RoleSpec } from '../_shared/test/project.js';
import { RuleTester } from '@rolecall/testing';
import { lintWithHoles } from '../_shared/test/holes.js';
import rule from './rule.js';

const RoleArn = 'arn:aws:iam::123456789012:role/deploy';
const RoleSessionName = 'deploy-session';
/** The target role's MaxSessionDuration is two hours. */
const TWO_HOURS = { maxSessionDuration: 7200 };

// Canonical JSON puts DurationSeconds on line 4; the number starts at column 22.
new RuleTester().run(rule, {
  exercisedElsewhere: ['roleMaxSessionDuration'],
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
      settings: { maxSessionDuration: 3600, stsModel: 'botocore-2015-04-27' },
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

describe('max-session-duration across files: the role defined in the repository', () => {
  const template = (max?: number): string => `{"Resources": {"DeployRole": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": "deploy"${max !== undefined ? `, "MaxSessionDuration": ${max}` : ''}}}}}`;
  const role = (max?: number, extra: Partial<RoleSpec> = {}) => roleFile({ file: 'stack.json', text: template(max), handle: 'DeployRole', name: 'deploy', ...(max !== undefined ? { maxSessionDuration: max } : {}), ...extra });
  const call = (duration: number, arn = RoleArn): Record<string, string> => ({ 'assume-role.json': `{\n  "RoleArn": "${arn}",\n  "RoleSessionName": "deploy-session",\n  "DurationSeconds": ${duration}\n}\n` });
  const show = (ds: readonly Diagnostic[]) => ds.map((d) => [d.location.file, d.location.start.line, d.location.start.column, d.message, ...(d.related ?? []).map((r) => `${r.location.file}:${r.location.start.line}:${r.location.start.column} ${r.message}`)]);

  it('reports limit + 1 at the call with the role\'s MaxSessionDuration as a related location; limit and limit - 1 pass', () => {
    assert.deepEqual(show(lintProjectWith(rule, call(7199), [role(7200)])), []);
    assert.deepEqual(show(lintProjectWith(rule, call(7200), [role(7200)])), []);
    assert.deepEqual(show(lintProjectWith(rule, call(7201), [role(7200)])), [
      [
        'assume-role.json',
        4,
        22,
        'DurationSeconds is 7201; role "deploy" has a MaxSessionDuration of 7200, so STS rejects the call. (Matched by role name and path only: the repository does not say which account the role is in.)',
        'stack.json:1:116 The role\'s MaxSessionDuration is set here.',
      ],
    ]);
  });

  it('takes IAM\'s default (3600) when the role sets none, and says so', () => {
    const [d] = lintProjectWith(rule, call(3601), [role()]);
    assert.equal(d?.message, 'DurationSeconds is 3601; role "deploy" has a MaxSessionDuration of 3600 (IAM\'s default: the role sets none), so STS rejects the call. (Matched by role name and path only: the repository does not say which account the role is in.)');
    assert.deepEqual(d?.related?.map((r) => [r.location.start.column, r.message]), [[1, 'The role is defined here, without MaxSessionDuration.']]);
    assert.equal(d?.awsMessage, 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  });

  it('an exact match (the role states its account) carries no caveat; another account, partition or path is no match', () => {
    const [d] = lintProjectWith(rule, call(7201), [role(7200, { account: '123456789012' })]);
    assert.equal(d?.message, 'DurationSeconds is 7201; role "deploy" has a MaxSessionDuration of 7200, so STS rejects the call.');
    assert.deepEqual(lintProjectWith(rule, call(7201), [role(7200, { account: '210987654321' })]), []);
    assert.deepEqual(lintProjectWith(rule, call(7201, 'arn:aws-cn:iam::123456789012:role/deploy'), [role(7200, { account: '123456789012' })]).length, 1);
    assert.deepEqual(lintProjectWith(rule, call(7201, 'arn:aws:iam::123456789012:role/ci/deploy'), [role(7200)]), []);
    assert.deepEqual(lintProjectWith(rule, call(7201, 'arn:aws:iam::123456789012:role/other'), [role(7200)]), []);
  });

  it('requireAccount: a name-only match is no match', () => {
    assert.deepEqual(lintProjectWith(rule, call(7201), [role(7200)], { ruleOptions: { requireAccount: true } }), []);
    assert.equal(lintProjectWith(rule, call(7201), [role(7200, { account: '123456789012' })], { ruleOptions: { requireAccount: true } }).length, 1);
  });

  it('two roles of the same name and path are no single match; an explicit maxSessionDuration setting wins; chained calls are max-chained-duration\'s', () => {
    const second = roleFile({ file: 'other.json', text: template(7200), handle: 'DeployRole', name: 'deploy', maxSessionDuration: 7200 });
    assert.deepEqual(lintProjectWith(rule, call(7201), [role(7200), second]), []);
    assert.deepEqual(
      lintProjectWith(rule, call(7201), [role(7200)], { settings: { maxSessionDuration: 43200 } }).map((d) => d.messageId),
      [],
    );
    assert.deepEqual(lintProjectWith(rule, call(7201), [role(7200)], { settings: { roleChaining: true } }), []);
  });
});
