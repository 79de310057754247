import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintProjectWith } from '../_shared/test/project.js';
import { callFile, roleWithTrust, show, trust } from '../_shared/test/trust-fixtures.js';
import rule from './rule.js';

const present = trust({ Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } });
const MFA = { SerialNumber: 'arn:aws:iam::123456789012:mfa/alice', TokenCode: '123456' };

describe('mfa-required', () => {
  it('reports an AssumeRole without SerialNumber to a role whose trust policy requires MFA', () => {
    assert.deepEqual(show(lintProjectWith(rule, callFile({}), [roleWithTrust(present, { account: '123456789012' })])), [
      ['mfa-required', 'assume-role.json:2:14', 'Role "partner"\'s trust policy requires MFA (aws:MultiFactorAuthPresent is true), and this call passes no SerialNumber, so STS denies it (AccessDenied).', 'stack.json:1:124 The trust policy requires MFA here.'],
    ]);
    assert.deepEqual(lintProjectWith(rule, callFile(MFA), [roleWithTrust(present)]), []);
  });

  it('reads MultiFactorAuthAge bounds and a boolean true', () => {
    const age = trust({ Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } } });
    assert.match(lintProjectWith(rule, callFile({}), [roleWithTrust(age)])[0]!.message, /aws:MultiFactorAuthAge at most 3600 seconds/);
    assert.equal(lintProjectWith(rule, callFile({}), [roleWithTrust(trust({ Condition: { Bool: { 'aws:MultiFactorAuthPresent': true } } }))]).length, 1);
  });

  it('reports OIDC and SAML to such a role: MFA cannot be supplied on those paths', () => {
    const web = trust({ Action: 'sts:AssumeRoleWith*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } });
    const [d] = lintProjectWith(rule, callFile({ WebIdentityToken: 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln' }, 'assume-role-with-web-identity.json'), [roleWithTrust(web, { account: '123456789012' })]);
    assert.equal(d?.message, 'Role "partner"\'s trust policy requires MFA (aws:MultiFactorAuthPresent is true), which AssumeRoleWithWebIdentity cannot supply, so STS denies the call (AccessDenied).');
  });

  it('is silent when a statement allows without MFA, or MFA is only "false"', () => {
    const either = trust({ Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }, [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:role/ci' }, Action: 'sts:AssumeRole' }]);
    assert.deepEqual(lintProjectWith(rule, callFile({}), [roleWithTrust(either)]), []);
    assert.deepEqual(lintProjectWith(rule, callFile({}), [roleWithTrust(trust({ Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }))]), []);
  });
});
