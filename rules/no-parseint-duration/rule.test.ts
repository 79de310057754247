import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lintWorkflow, workflow } from '../_shared/test/lint-file.js';
import rule from './rule.js';

const role = 'role-to-assume: arn:aws:iam::123456789012:role/deploy';

describe('no-parseint-duration', () => {
  test('1h is read as 1 (stops at "h")', () => {
    assert.deepEqual(lintWorkflow(rule, workflow('v4', [role, 'role-duration-seconds: 1h'])), [
      '9:34-9:36 role-duration-seconds: "1h" is read with parseInt by configure-aws-credentials, which stops at "h": STS gets DurationSeconds 1, not what was written. Write the whole number of seconds.',
    ]);
  });
  test('3600s, 90m, 3600.5 and a quoted "7200 " with a unit are reported where they stand', () => {
    assert.deepEqual(lintWorkflow(rule, workflow('v6', [role, 'role-duration-seconds: "3600.5"'])), [
      '9:34-9:42 role-duration-seconds: "3600.5" is read with parseInt by configure-aws-credentials, which stops at ".": STS gets DurationSeconds 3600, not what was written. Write the whole number of seconds.',
    ]);
    assert.equal(lintWorkflow(rule, workflow('v4.1.0', [role, 'role-duration-seconds: 90m'])).length, 1);
  });
  test('text with no leading number, and 0, fall back to 3600', () => {
    assert.deepEqual(lintWorkflow(rule, workflow('v4', [role, 'role-duration-seconds: one hour'])), [
      '9:34-9:42 role-duration-seconds: "one hour" gives parseInt no number, so configure-aws-credentials silently uses its default of 3600 seconds. Write the whole number of seconds.',
    ]);
    assert.deepEqual(lintWorkflow(rule, workflow('v4', [role, 'role-duration-seconds: 0'])), [
      '9:34-9:35 role-duration-seconds: "0" gives parseInt 0, so configure-aws-credentials silently uses its default of 3600 seconds. Write the whole number of seconds.',
    ]);
  });
  test('whole numbers (plain or quoted), expressions and releases before parseInt are not reported', () => {
    for (const value of ['899', '900', '901', '"3600"', "'43200'", '${{ vars.DURATION }}']) {
      assert.deepEqual(lintWorkflow(rule, workflow('v4', [role, `role-duration-seconds: ${value}`])), [], value);
    }
    assert.deepEqual(lintWorkflow(rule, workflow('v2', [role, 'role-duration-seconds: 1h'])), []);
  });
  test('a step that assumes no role makes no call and so no finding', () => {
    assert.deepEqual(lintWorkflow(rule, workflow('v4', ['aws-region: us-east-1', 'role-duration-seconds: 1h'])), []);
  });
});
