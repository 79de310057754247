import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';
import type { Diagnostic } from '@rolecall/core';
import { extractFile } from '@rolecall/core';
import { githubActionsExtractor } from '@rolecall/extractor-github-actions';
import { RuleTester } from '@rolecall/testing';
import { lintFilesWith, roleFile } from '../_shared/test/project.js';
import { lintWithHoles } from '../_shared/test/holes.js';
import rule from './rule.js';

const RoleArn = 'arn:aws:iam::123456789012:role/deploy';
const RoleSessionName = 'deploy-session';
/** The caller holds role credentials: this AssumeRole call is a step in a role chain. */
const CHAINED = { roleChaining: true };

// Canonical JSON puts DurationSeconds on line 4; the number starts at column 22.
new RuleTester().run(rule, {
  exercisedElsewhere: ['chained', 'chainedRole', 'chainedRoleToo'],
  valid: [
    { name: 'limit - 1', input: { RoleArn, RoleSessionName, DurationSeconds: 3599 }, settings: CHAINED },
    { name: 'limit (n)', input: { RoleArn, RoleSessionName, DurationSeconds: 3600 }, settings: CHAINED },
    { name: 'no DurationSeconds: the default hour', input: { RoleArn, RoleSessionName }, settings: CHAINED },
    { name: 'not chaining', input: { RoleArn, RoleSessionName, DurationSeconds: 43200 } },
    { name: 'chaining explicitly off', input: { RoleArn, RoleSessionName, DurationSeconds: 43200 }, settings: { roleChaining: false } },
    { name: 'web identity calls are not signed with role credentials', input: { RoleArn, RoleSessionName, WebIdentityToken: 'eyJhbGciOiJSUzI1NiJ9', DurationSeconds: 7200 }, settings: CHAINED },
  ],
  invalid: [
    {
      name: 'limit + 1',
      input: { RoleArn, RoleSessionName, DurationSeconds: 3601 },
      settings: CHAINED,
      errors: [
        {
          messageId: 'roleChainingDurationExceeded',
          data: { parameter: 'DurationSeconds', actual: 3601, limit: 3600 },
          message: 'DurationSeconds is 3601; a session assumed with role credentials (role chaining) lasts at most 3600 seconds.',
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 26,
        },
      ],
    },
    {
      name: 'twelve hours',
      input: { RoleArn, RoleSessionName, DurationSeconds: 43200 },
      settings: CHAINED,
      errors: [
        {
          messageId: 'roleChainingDurationExceeded',
          data: { parameter: 'DurationSeconds', actual: 43200, limit: 3600 },
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 27,
        },
      ],
    },
    {
      name: 'over a larger MaxSessionDuration too: the tighter cap is reported',
      input: { RoleArn, RoleSessionName, DurationSeconds: 10800 },
      settings: { ...CHAINED, maxSessionDuration: 7200 },
      errors: [
        {
          messageId: 'roleChainingDurationExceeded',
          data: { parameter: 'DurationSeconds', actual: 10800, limit: 3600 },
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 27,
        },
      ],
    },
    {
      name: 'seed-era profile: same cap',
      input: { RoleArn, RoleSessionName, DurationSeconds: 3601 },
      settings: { ...CHAINED, stsModel: 'botocore-2015-04-27' },
      errors: [
        {
          messageId: 'roleChainingDurationExceeded',
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

test('max-chained-duration: a reference is skipped', () => {
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, DurationSeconds: '${var.duration}' }, CHAINED), []);
});

describe('max-chained-duration across files: a workflow chain to a role defined in a template', () => {
  const HUB = 'arn:aws:iam::731902345678:role/hub';
  const DEPLOY = 'arn:aws:iam::731902345678:role/deploy';
  const workflowText = (duration: number, run = 3600): string =>
    [
      'on: push',
      'jobs:',
      '  deploy:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: aws-actions/configure-aws-credentials@v4',
      '        with:',
      '          aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}',
      '          aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}',
      `          role-to-assume: ${HUB}`,
      '          aws-region: eu-west-1',
      '      - uses: aws-actions/configure-aws-credentials@v4',
      '        with:',
      `          role-to-assume: ${DEPLOY}`,
      `          role-duration-seconds: ${duration}`,
      '          aws-region: eu-west-1',
      `      - run: aws sts assume-role --role-arn ${DEPLOY} --role-session-name s --duration-seconds ${run}`,
      '',
    ].join('\n');
  const template = (max?: number): string => `{"Resources": {"DeployRole": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": "deploy"${max !== undefined ? `, "MaxSessionDuration": ${max}` : ''}}}}}`;
  const role = (max?: number, account?: string) => roleFile({ file: 'stack.json', text: template(max), handle: 'DeployRole', name: 'deploy', ...(max !== undefined ? { maxSessionDuration: max } : {}), ...(account !== undefined ? { account } : {}) });
  const wf = (duration: number, run?: number) => extractFile({ path: '.github/workflows/deploy.yml', text: workflowText(duration, run) }, [githubActionsExtractor]);
  const show = (ds: readonly Diagnostic[]) => ds.map((d) => [`${d.location.file}:${d.location.start.line}:${d.location.start.column}-${d.location.end.column}`, d.messageId, d.message, ...(d.related ?? []).map((r) => `${r.location.file}:${r.location.start.line}:${r.location.start.column} ${r.message}`)]);

  it("reports limit + 1 at the chained step, with the chain's start and the role (whose 12 hours do not help) as related locations", async () => {
    await githubActionsExtractor.load?.();
    assert.deepEqual(show(lintFilesWith(rule, [wf(3601), role(43200)])), [
      [
        '.github/workflows/deploy.yml:15:34-38',
        'chainedRole',
        "role-duration-seconds is 3601; its source credentials are the role session started at .github/workflows/deploy.yml:6 (role chaining), so STS caps the session at 3600 seconds, below the 43200 that role \"deploy\"'s MaxSessionDuration allows. (Matched by role name and path only: the repository does not say which account the role is in.)",
        '.github/workflows/deploy.yml:6:15 the role session this step assumed is the source credentials of the later step',
        "stack.json:1:116 The role's MaxSessionDuration is set here; role chaining caps the session below it.",
      ],
    ]);
    assert.deepEqual(lintFilesWith(rule, [wf(3600), role(43200)]), []);
    assert.deepEqual(lintFilesWith(rule, [wf(3599), role(43200)]), []);
  });

  it('a later `aws sts assume-role` in a run: chains from the step before it; the role without MaxSessionDuration says so; an exact match has no caveat', async () => {
    await githubActionsExtractor.load?.();
    assert.deepEqual(show(lintFilesWith(rule, [wf(3600, 3601), role(undefined, '731902345678')])), [
      [
        '.github/workflows/deploy.yml:17:124-128',
        'chainedRoleToo',
        "--duration-seconds is 3601; its source credentials are the role session started at .github/workflows/deploy.yml:12 (role chaining), so STS caps the session at 3600 seconds, and role \"deploy\"'s MaxSessionDuration of 3600 (IAM's default: the role sets none) allows no more either.",
        '.github/workflows/deploy.yml:12:15 the role session this step assumed is the source credentials of the later step',
        'stack.json:1:1 The role is defined here, without MaxSessionDuration.',
      ],
    ]);
  });

  it('no role defined in the repository: the chain alone, named in the message; requireAccount drops a name-only match to that', async () => {
    await githubActionsExtractor.load?.();
    const expected = [
      [
        '.github/workflows/deploy.yml:15:34-38',
        'chained',
        'role-duration-seconds is 7200; its source credentials are the role session started at .github/workflows/deploy.yml:6 (role chaining), so STS caps the session at 3600 seconds.',
        '.github/workflows/deploy.yml:6:15 the role session this step assumed is the source credentials of the later step',
      ],
    ];
    assert.deepEqual(show(lintFilesWith(rule, [wf(7200)])), expected);
    assert.deepEqual(show(lintFilesWith(rule, [wf(7200), role(43200)], { ruleOptions: { requireAccount: true } })), expected);
    // Another account is no match either.
    assert.deepEqual(show(lintFilesWith(rule, [wf(7200), role(43200, '210987654321')])), expected);
  });
});
