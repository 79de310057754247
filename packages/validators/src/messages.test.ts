import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  formatMessage,
  messages,
  policyGrammarMessages,
  reasons,
  validate,
  validateDurationSeconds,
  validateProvidedContexts,
  validateRoleArn,
  type Issue,
  type IssueCode,
} from './index.js';
import { assertWellFormed, minimal, ROLE_ARN } from '../test/helpers.js';

describe('formatMessage', () => {
  it('fills placeholders from data', () => {
    assert.equal(
      formatMessage(messages.tooLong, { parameter: 'RoleSessionName', actual: 71, limit: 64 }),
      'RoleSessionName is 71 characters; STS accepts at most 64.',
    );
  });
  it('leaves a placeholder without data visible', () => {
    assert.equal(formatMessage('{{a}} and {{b}}', { a: 1 }), '1 and {{b}}');
  });
  it('does not read inherited properties', () => {
    assert.equal(formatMessage('{{constructor}}', {}), '{{constructor}}');
  });
});

/** One input per issue code (internalError aside: it exists for defects and cannot be provoked). */
function corpus(): Issue[] {
  const web = { RoleArn: ROLE_ARN, RoleSessionName: 'web', WebIdentityToken: 'token' };
  const saml = { RoleArn: ROLE_ARN, PrincipalArn: 'arn:aws:iam::123456789012:saml-provider/Okta', SAMLAssertion: 'abcd' };
  const runs = [
    validate('AssumeRole', null),
    validate('AssumeRole', {}),
    validate('AssumeRole', minimal({ Bogus: 1, RoleSessionName: 's', DurationSeconds: 3600.5 })),
    validate('AssumeRole', minimal({ RoleSessionName: 's'.repeat(65), ExternalId: 'a b' })),
    validate('AssumeRole', minimal({ DurationSeconds: 43201, TokenCode: '1', Tags: Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: '' })) })),
    validate('AssumeRole', minimal({ Tags: [{ Key: 'a', Value: 'aws:x' }, { Key: 'A', Value: '' }], TransitiveTagKeys: ['b'], SerialNumber: 'GAHT12345678' }), {
      inheritedTransitiveTagKeys: ['a'],
    }),
    validate('AssumeRole', minimal({ RoleArn: 'arn:aws:iam::123456789012:user/u', PolicyArns: [{ arn: 'arn:aws:iam::123456789012:role/r' }] })),
    validate('AssumeRole', minimal({ Policy: `{"Statement":"${'x'.repeat(2100)}"}` })),
    validate('AssumeRole', minimal({ Policy: '{' })),
    validate('AssumeRole', minimal({ TokenCode: '123456' }), { profile: 'nope' } as never),
    validate('AssumeRoleWithWebIdentity', { ...web, ProviderId: 'accounts.google.com', DurationSeconds: 7200 }, { maxSessionDuration: 3600 }),
    validate('AssumeRoleWithSAML', { ...saml, PrincipalArn: 'arn:aws:iam::123456789012:oidc-provider/x' }),
    validate('AssumeRoleWithSAML', { ...saml, RoleArn: 'arn:aws:iam::123456789012:role/AWSReservedSSO_A_1' }),
    validate('AssumeRoleWithSAML', { ...saml, Policy: `{"Statement":"${'x'.repeat(2000)}"}`, PolicyArns: [{ arn: 'arn:aws:iam::123456789012:policy/p'.padEnd(60, 'p') }] }),
    validate(
      'AssumeRole',
      Object.defineProperty(minimal(), 'Policy', {
        enumerable: true,
        get() {
          throw new Error('x');
        },
      }),
    ),
  ];
  return [
    ...runs.flatMap((r) => r.issues),
    ...validateDurationSeconds(3601, { roleChaining: true }),
    ...validateProvidedContexts([]),
    ...validateRoleArn('arn:aws:iam::123456789012:role/x'),
  ];
}

describe('the message table', () => {
  it('every issue code can be produced, and each message is its template filled from its own data', () => {
    const issues = corpus();
    assertWellFormed(issues);
    const produced = new Set(issues.map((i) => i.code));
    const missing = (Object.keys(messages) as IssueCode[]).filter((c) => c !== 'internalError' && !produced.has(c));
    assert.deepEqual(missing, []);
  });
  it('every template placeholder has a value in the data of the issues that use it', () => {
    for (const issue of corpus()) {
      for (const [, name] of messages[issue.code].matchAll(/\{\{(\w+)\}\}/g)) {
        assert.ok(name! in issue.data, `${issue.code} data lacks ${name}`);
      }
    }
  });
  it('sub-templates (reasons, policy grammar) are used through data, and all end with a full stop', () => {
    for (const t of [...Object.values(reasons), ...Object.values(policyGrammarMessages)]) {
      assert.match(t, /[.?]$|\{\{hint\}\}$/, t);
    }
    for (const [code, t] of Object.entries(messages)) {
      assert.match(t, /[.?]$|\{\{(hint|reason|detail)\}\}$/, code);
    }
  });
});
