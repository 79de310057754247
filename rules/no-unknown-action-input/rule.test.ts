import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lintWorkflow, workflow } from '../_shared/test/lint-file.js';
import rule from './rule.js';

const role = 'role-to-assume: arn:aws:iam::123456789012:role/deploy';
const SHA = 'e3dd6a429d7300a6a4c196c26e071d42e0343502';

describe('no-unknown-action-input', () => {
  test('a typo names the nearest real input', () => {
    assert.deepEqual(lintWorkflow(rule, workflow('v4', [role, 'role-duration: 7200'])), [
      '9:11-9:24 Input "role-duration" does not exist in configure-aws-credentials v4; the runner only warns and the action never sees the value. Did you mean "role-duration-seconds"?',
    ]);
    assert.deepEqual(lintWorkflow(rule, workflow('v4', [role, 'role-sesion-name: ci'])), [
      '9:11-9:27 Input "role-sesion-name" does not exist in configure-aws-credentials v4; the runner only warns and the action never sees the value. Did you mean "role-session-name"?',
    ]);
  });
  test('an input of a later release names the release that added it (boundary: v6.1.3 / v6.2.0)', () => {
    assert.deepEqual(lintWorkflow(rule, workflow('v6.1.3', [role, "custom-tags: '{}'"])), [
      '9:11-9:22 Input "custom-tags" does not exist in configure-aws-credentials v6.1.3: it arrived in v6.2.0; the runner only warns and the action never sees the value.',
    ]);
    assert.deepEqual(lintWorkflow(rule, workflow('v6.2.0', [role, "custom-tags: '{}'"])), []);
    assert.deepEqual(lintWorkflow(rule, workflow('v6', [role, "custom-tags: '{}'"])), []);
  });
  test('a SHA pin is read through its # vX.Y.Z comment', () => {
    assert.deepEqual(lintWorkflow(rule, workflow(`${SHA} # v2.2.0`, [role, 'output-credentials: true'])), [
      '9:11-9:29 Input "output-credentials" does not exist in configure-aws-credentials v2.2.0 at e3dd6a429d73: it arrived in v3.0.0; the runner only warns and the action never sees the value.',
    ]);
  });
  test('a branch or bare SHA is checked against every release', () => {
    assert.deepEqual(lintWorkflow(rule, workflow('main', [role, "custom-tags: '{}'", 'no-such-input: x'])), [
      '10:11-10:24 Input "no-such-input" does not exist in configure-aws-credentials any release up to v6.2.3; the runner only warns and the action never sees the value.',
    ]);
  });
  test('input names are compared without case, as the runner does; steps without a role are checked too', () => {
    assert.deepEqual(lintWorkflow(rule, workflow('v4', ['Role-To-Assume: arn:aws:iam::123456789012:role/x', 'AWS-Region: us-east-1'])), []);
    assert.equal(lintWorkflow(rule, workflow('v4', ['aws-regoin: us-east-1'])).length, 1);
  });
});
