import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TRUST_POLICY } from '../schema/registry.js';
import { checkTrustPolicyDocument, trustPolicyLength } from './trust.js';

describe('trust policy length', () => {
  it('counts every character but JSON white space outside strings; escapes count as written', () => {
    assert.equal(trustPolicyLength('{ "a" :\n\t"b c" }'), '{"a":"b c"}'.length);
    assert.equal(trustPolicyLength('{"a":"\\" }"}'), '{"a":"\\" }"}'.length);
    assert.equal(trustPolicyLength(''), 0);
  });
  it('reports one character over the quota, not at it (n-1, n, n+1)', () => {
    const policy = (n: number) => {
      const base = '{"Statement":{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole","Sid":""}}';
      return base.replace('"Sid":""', `"Sid":"${'A'.repeat(n - base.length)}"`);
    };
    const rules = (n: number, maxLength?: number) => checkTrustPolicyDocument(policy(n), maxLength !== undefined ? { maxLength } : {}).findings.map((f) => f.rule);
    assert.deepEqual(rules(TRUST_POLICY.maxLength - 1), []);
    assert.deepEqual(rules(TRUST_POLICY.maxLength), []);
    assert.deepEqual(rules(TRUST_POLICY.maxLength + 1), ['trustTooLong']);
    assert.deepEqual(rules(TRUST_POLICY.maxLength + 1, TRUST_POLICY.maxLengthQuota), []);
  });
  it('a hostile nesting is one finding, not a stack overflow', () => {
    assert.deepEqual(checkTrustPolicyDocument('['.repeat(100_000)).findings.map((f) => f.rule), ['trustNestingTooDeep']);
  });
});
