import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFile, lintProject } from '@rolecall/core';
import { lintProjectWith } from '../_shared/test/project.js';
import { callFile, roleWithTrust, show, trust } from '../_shared/test/trust-fixtures.js';
import rule from './rule.js';

const TAGS = { Tags: [{ Key: 'team', Value: 'payments' }] };

describe('trust-allows-session-tags', () => {
  it('reports Tags passed to a role whose trust policy allows only sts:AssumeRole, at the Tags value', () => {
    assert.deepEqual(show(lintProjectWith(rule, callFile(TAGS), [roleWithTrust(trust({}), { account: '123456789012' })])), [
      ['trust-allows-session-tags', 'assume-role.json:4:11', 'Tags passes session tags, but role "partner"\'s trust policy does not allow sts:TagSession, so STS denies the call (AccessDenied).', 'stack.json:1:124 The trust policy is here; it does not allow sts:TagSession.'],
    ]);
  });

  it('accepts sts:TagSession listed, sts:Tag*, sts:* and a NotAction that does not exclude it', () => {
    for (const action of [['sts:AssumeRole', 'sts:TagSession'], 'sts:Tag*', 'sts:*', '*']) {
      assert.deepEqual(lintProjectWith(rule, callFile(TAGS), [roleWithTrust(trust({ Action: action }))]), [], JSON.stringify(action));
    }
    const notAction = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, NotAction: 'iam:*' }] };
    assert.deepEqual(lintProjectWith(rule, callFile(TAGS), [roleWithTrust(notAction)]), []);
  });

  it('a Deny of sts:TagSession wins over an Allow; TransitiveTagKeys alone need it too', () => {
    const denied = trust({ Action: 'sts:*' }, [{ Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sts:TagSession' }]);
    assert.equal(lintProjectWith(rule, callFile(TAGS), [roleWithTrust(denied)]).length, 1);
    assert.equal(lintProjectWith(rule, callFile({ TransitiveTagKeys: ['team'] }), [roleWithTrust(trust({}))])[0]?.messageId, 'tagSession');
  });

  it('reports SourceIdentity without sts:SetSourceIdentity, and nothing for a call without either', () => {
    assert.deepEqual(lintProjectWith(rule, callFile({ SourceIdentity: 'alice' }), [roleWithTrust(trust({}))]).map((d) => d.messageId), ['setSourceIdentity']);
    assert.deepEqual(lintProjectWith(rule, callFile({ SourceIdentity: 'alice' }), [roleWithTrust(trust({ Action: ['sts:AssumeRole', 'sts:SetSourceIdentity'] }))]), []);
    assert.deepEqual(lintProjectWith(rule, callFile({}), [roleWithTrust(trust({}))]), []);
  });

  it('names tags a tool adds by itself by who adds them (configure-aws-credentials on the access-key path)', async () => {
    const { githubActionsExtractor } = await import('@rolecall/extractor-github-actions');
    await githubActionsExtractor.load?.();
    const workflow = [
      'on: push',
      'jobs:',
      '  deploy:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: aws-actions/configure-aws-credentials@v4',
      '        with:',
      '          aws-access-key-id: ${{ secrets.KEY }}',
      '          aws-secret-access-key: ${{ secrets.SECRET }}',
      '          role-to-assume: arn:aws:iam::123456789012:role/partner',
      '          aws-region: eu-west-1',
      '',
    ].join('\n');
    const files = [extractFile({ path: '.github/workflows/deploy.yml', text: workflow }, [githubActionsExtractor]), roleWithTrust(trust({}), { account: '123456789012' })];
    const config = { ruleSettings: { [rule.id]: { severity: 'error' as const } }, settings: {} };
    const diagnostics = lintProject(files, { rules: [rule], extractors: [githubActionsExtractor], configFor: () => config }).flat();
    assert.deepEqual(show(diagnostics), [
      ['trust-allows-session-tags', '.github/workflows/deploy.yml:6:15', 'The session tags configure-aws-credentials v4 adds need sts:TagSession, but role "partner"\'s trust policy does not allow it, so STS denies the call (AccessDenied).', 'stack.json:1:124 The trust policy is here; it does not allow sts:TagSession.'],
    ]);
  });
});
