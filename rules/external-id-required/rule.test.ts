import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintProjectWith } from '../_shared/test/project.js';
import { callFile, roleWithTrust, show, trust } from '../_shared/test/trust-fixtures.js';
import rule from './rule.js';

const WEAK = ' (Matched by role name and path only: the repository does not say which account the role is in.)';
const equals = trust({ Condition: { StringEquals: { 'sts:ExternalId': 'partner-42' } } });

describe('external-id-required', () => {
  it('reports a call without ExternalId at its RoleArn, with the trust policy as a related location', () => {
    assert.deepEqual(show(lintProjectWith(rule, callFile({}), [roleWithTrust(equals)])), [
      ['external-id-required', 'assume-role.json:2:14', `Role "partner" trusts AssumeRole only with sts:ExternalId "partner-42", and this call passes no ExternalId, so STS denies it (AccessDenied).${WEAK}`, 'stack.json:1:124 The trust policy requires sts:ExternalId here.'],
    ]);
  });

  it('reports a literal that does not match (StringEquals is exact and case-sensitive), at the value', () => {
    assert.deepEqual(show(lintProjectWith(rule, callFile({ ExternalId: 'Partner-42' }), [roleWithTrust(equals, { account: '123456789012' })])), [
      ['external-id-required', 'assume-role.json:4:17', 'ExternalId is "Partner-42", but role "partner"\'s trust policy requires sts:ExternalId "partner-42", so STS denies the call (AccessDenied).', 'stack.json:1:124 The trust policy requires sts:ExternalId here.'],
    ]);
    assert.deepEqual(lintProjectWith(rule, callFile({ ExternalId: 'partner-42' }), [roleWithTrust(equals)]), []);
  });

  it('StringLike with wildcards, and a list of values: any one matches', () => {
    const like = trust({ Condition: { StringLike: { 'sts:ExternalId': ['partner-*', 'legacy-??'] } } });
    assert.deepEqual(lintProjectWith(rule, callFile({ ExternalId: 'partner-anything' }), [roleWithTrust(like)]), []);
    assert.deepEqual(lintProjectWith(rule, callFile({ ExternalId: 'legacy-01' }), [roleWithTrust(like)]), []);
    assert.equal(lintProjectWith(rule, callFile({ ExternalId: 'legacy-001' }), [roleWithTrust(like)]).length, 1);
  });

  it('is silent when another statement allows AssumeRole without an external id, when the trust policy is not known, and for another account', () => {
    const open = trust({ Condition: { StringEquals: { 'sts:ExternalId': 'partner-42' } } }, [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }]);
    assert.deepEqual(lintProjectWith(rule, callFile({}), [roleWithTrust(open)]), []);
    assert.deepEqual(lintProjectWith(rule, callFile({}), [roleWithTrust(equals, { account: '999999999999' })]), []);
    assert.deepEqual(lintProjectWith(rule, callFile({}), [roleWithTrust(trust({}))]), []);
  });
});
