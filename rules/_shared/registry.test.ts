import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { validateAssumeRole, validateAssumeRoleWithSAML, type Issue } from '@rolecall/validators';
import { ruleForIssue } from '../index.js';

const ROLE = 'arn:aws:iam::123456789012:role/demo';
const issue = (partial: Partial<Issue> & Pick<Issue, 'code' | 'parameter' | 'path'>): Issue => ({ message: '', data: {}, severity: 'error', ...partial });

describe('ruleForIssue', () => {
  test('names the rule that reports each issue of a realistic bad input', () => {
    const result = validateAssumeRole({
      RoleArn: 'arn:aws:iam::123456789012:user/alice',
      RoleSessionName: 'has space',
      DurationSeconds: 100,
      Tags: [{ Key: 'Team', Value: 'a' }, { Key: 'team', Value: 'b', Extra: 1 }],
      TransitiveTagKeys: ['Nope'],
      TokenCode: '12345',
      RoleSesionName: 'typo',
      Policy: '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Principal":"*"}}',
    });
    const named = result.issues.map((i) => [i.code, i.path, ruleForIssue(i)?.id]);
    assert.deepEqual(
      named.filter(([, , id]) => id === undefined),
      [],
      'every issue has a rule',
    );
    const byPath = Object.fromEntries(named.map(([code, path, id]) => [`${code} ${path}`, id]));
    assert.equal(byPath['notARoleArn /RoleArn'], 'valid-role-arn');
    assert.equal(byPath['invalidCharacters /RoleSessionName'], 'valid-role-session-name');
    assert.equal(byPath['outOfRange /DurationSeconds'], 'valid-duration-seconds');
    assert.equal(byPath['duplicateKey /Tags/1/Key'], 'no-duplicate-tag-keys');
    assert.equal(byPath['unknownParameter /Tags/1/Extra'], 'valid-tags');
    assert.equal(byPath['unknownParameter /RoleSesionName'], 'no-unknown-parameters');
    assert.equal(byPath['transitiveKeyNotInTags /TransitiveTagKeys/0'], 'no-orphan-transitive-tag-keys');
  });

  test('a member of another operation goes to no-unknown-parameters', () => {
    const result = validateAssumeRoleWithSAML({ RoleArn: ROLE, PrincipalArn: 'arn:aws:iam::123456789012:saml-provider/idp', SAMLAssertion: 'PHNhbWw+', ExternalId: 'abc' });
    assert.deepEqual(result.issues.map((i) => [i.code, ruleForIssue(i)?.id]), [['unknownParameter', 'no-unknown-parameters']]);
  });

  test('the unverified finding goes to the warning rule that shares its code', () => {
    assert.equal(ruleForIssue(issue({ code: 'invalidPolicyGrammar', parameter: 'Policy', path: '/Policy/Statement/0/Effect' }))?.id, 'valid-policy');
    assert.equal(ruleForIssue(issue({ code: 'invalidPolicyGrammar', parameter: 'Policy', path: '/Policy/Statement/0/Principal', severity: 'warning' }))?.id, 'no-unsupported-policy-elements');
  });

  test('a problem with the options is no rule', () => {
    assert.equal(ruleForIssue(issue({ code: 'invalidOption', parameter: 'options', path: '' })), undefined);
  });
});
