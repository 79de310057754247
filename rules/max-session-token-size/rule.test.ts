import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RuleTester } from '@rolecall/testing';
import { estimateSessionToken, type EstimateOptions } from '@rolecall/validators';
import { lintWithHoles } from '../_shared/test/holes.js';
import rule from './rule.js';

// The numbers are the estimator's (its own tests pin them against the public observations); these tests
// pin what the rule does with them: which limits it checks, which message, the largest part, and where.
const RoleArn = 'arn:aws:iam::123456789012:role/ci';
const ChinaRoleArn = 'arn:aws-cn:iam::123456789012:role/ci';
const RoleSessionName = 'ci-build';
/** configure-aws-credentials #1898: nine tags with 250-character values (498 % of the legacy tag limit). */
const BIG_TAGS = Array.from({ length: 9 }, (_, i) => ({ Key: `T${i + 1}`, Value: 'a'.repeat(250) }));
/** Two tags around 95 % of the legacy tag limit, far from the token limit. */
const NEAR_TAGS = [
  { Key: 'A', Value: 'v'.repeat(256) },
  { Key: 'B', Value: 'w'.repeat(170) },
];
/** A deterministic 96-character hex path per statement: distinct text the packer cannot compress away. */
const hex = (seed: number, n: number): string => {
  let x = seed >>> 0;
  let out = '';
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out += ((x >>> 16) & 15).toString(16);
  }
  return out;
};
const policyOf = (statements: number): string =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: Array.from({ length: statements }, (_, i) => ({ Sid: `Read${i}`, Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: `arn:aws:s3:::data-lake/${hex(i + 1, 96)}/*` })),
  });
/** Tags under the near-limit threshold, until one inherited 20-character key (no value known) is added. */
const ALMOST_TAGS = [
  { Key: 'A', Value: 'v'.repeat(256) },
  { Key: 'B', Value: 'w'.repeat(140) },
];
const INHERITED_KEY = 'k'.repeat(20);
/** A policy well over the legacy policy limit, and one just under it. */
const BIG_POLICY = policyOf(7);
const NEAR_POLICY = policyOf(5);

function tokenData(input: Record<string, unknown>, options: EstimateOptions = {}, withLow = false) {
  const { sessionToken: token, breakdown } = estimateSessionToken(input, options);
  const top = breakdown[0]!;
  return {
    bytes: token.sessionTokenSize,
    utilization: token.sessionTokenUtilization,
    ...(withLow ? { low: token.low } : {}),
    high: token.high,
    limit: token.limit,
    largest: `${top.label}, ${top.sessionTokenBytes} bytes`,
  };
}
function legacyData(input: Record<string, unknown>, component: 'policy' | 'tags', withLow: boolean) {
  const e = estimateSessionToken(input);
  const band = e.legacy[component];
  const top = e.breakdown.find((b) => b.component === component)!;
  return { percent: band.percent, ...(withLow ? { low: band.low } : {}), high: band.high, largest: `${top.label}, ${top.sessionTokenBytes} bytes` };
}

test('the fixtures sit where the cases need them', () => {
  assert.equal(estimateSessionToken({ Tags: ALMOST_TAGS }).verdicts.legacyTags, 'fits');
  assert.equal(estimateSessionToken({ Tags: ALMOST_TAGS }, { inheritedTransitiveTags: [{ Key: INHERITED_KEY, Value: '' }] }).verdicts.legacyTags, 'near-limit');
  assert.equal(estimateSessionToken({ Tags: NEAR_TAGS }).verdicts.legacyTags, 'near-limit');
  assert.equal(estimateSessionToken({ Policy: BIG_POLICY }).verdicts.legacyPolicy, 'exceeds');
  assert.equal(estimateSessionToken({ Policy: NEAR_POLICY }).verdicts.legacyPolicy, 'near-limit');
  assert.equal(estimateSessionToken({ Policy: NEAR_POLICY }).verdicts.sessionToken, 'fits');
});

// Canonical JSON: RoleArn on line 2, RoleSessionName on 3, then the members in the order given.
// Tags start on line 4: the first tag object spans lines 5–8 (columns 5 to 6).
new RuleTester().run(rule, {
  valid: [
    { name: 'small policy and tags', input: { RoleArn, RoleSessionName, Policy: policyOf(1), Tags: [{ Key: 'Team', Value: 'platform' }] } },
    { name: 'nothing to pack', input: { RoleArn, RoleSessionName } },
    { name: 'big tags, token regime with a larger limit', input: { RoleArn, RoleSessionName, Tags: BIG_TAGS }, options: { tokenLimitBytes: 8192 } },
    { name: 'legacy limits are not checked outside aws-cn by default', input: { RoleArn, RoleSessionName, Policy: BIG_POLICY } },
    { name: 'policy that is not JSON: valid-policy reports it', input: { RoleArn, RoleSessionName, Policy: 'x'.repeat(3000) }, options: { regime: 'both' } },
    // Padding to MinimumSessionTokenSize never makes STS reject the call, so it alone is no finding (boundaries 4095/4096).
    { name: 'MinimumSessionTokenSize 4096 (n) pads a small token to the maximum: accepted', input: { RoleArn, RoleSessionName, Tags: [{ Key: 'Team', Value: 'platform' }], MinimumSessionTokenSize: 4096 } },
    { name: 'MinimumSessionTokenSize 4095 (n-1)', input: { RoleArn, RoleSessionName, Tags: [{ Key: 'Team', Value: 'platform' }], MinimumSessionTokenSize: 4095 } },
    { name: 'tags just under the near-limit threshold, without inherited keys', input: { RoleArn, RoleSessionName, Tags: ALMOST_TAGS }, options: { regime: 'legacy' } },
  ],
  invalid: [
    {
      name: 'token near the limit (default regime, aws partition)',
      input: { RoleArn, RoleSessionName, Tags: BIG_TAGS },
      errors: [
        {
          messageId: 'tokenNearLimit',
          data: { ...(({ bytes, high, limit, largest, utilization }) => ({ bytes, high, limit, largest, utilization }))(tokenData({ Tags: BIG_TAGS })), minimum: '' },
          message: `SessionTokenSize is estimated at ${estimateSessionToken({ Tags: BIG_TAGS }).sessionToken.sessionTokenSize} bytes and could reach ${estimateSessionToken({ Tags: BIG_TAGS }).sessionToken.high}, SessionTokenUtilization ${estimateSessionToken({ Tags: BIG_TAGS }).sessionToken.sessionTokenUtilization} %; STS accepts at most 4096 bytes. Largest part: Tag T1 (value: 250 characters), 339 bytes.`,
          path: '/Tags/0',
          parameter: 'Tags',
          line: 5,
          column: 5,
          endLine: 8,
          endColumn: 6,
        },
      ],
    },
    {
      name: 'token over a smaller limit',
      input: { RoleArn, RoleSessionName, Tags: BIG_TAGS },
      options: { tokenLimitBytes: 3000 },
      errors: [
        {
          messageId: 'tokenTooLarge',
          data: { ...tokenData({ Tags: BIG_TAGS }, { tokenLimitBytes: 3000 }, true) },
          path: '/Tags/0',
          parameter: 'Tags',
          line: 5,
          column: 5,
          endLine: 8,
          endColumn: 6,
        },
      ],
    },
    {
      name: 'aws-cn: the legacy tag limit is checked too',
      input: { RoleArn: ChinaRoleArn, RoleSessionName, Tags: BIG_TAGS },
      errors: [
        {
          messageId: 'tagsTooLarge',
          data: legacyData({ Tags: BIG_TAGS }, 'tags', true),
          message: `Session tags are estimated at 498 % of the legacy packed-tag limit (between ${estimateSessionToken({ Tags: BIG_TAGS }).legacy.tags.low} and 499 %); STS accepts at most 100 % where that limit applies. Largest part: Tag T1 (value: 250 characters), 339 bytes.`,
          path: '/Tags/0',
          parameter: 'Tags',
          line: 5,
          column: 5,
          endLine: 8,
          endColumn: 6,
        },
        {
          messageId: 'tokenNearLimit',
          data: { ...(({ bytes, high, limit, largest, utilization }) => ({ bytes, high, limit, largest, utilization }))(tokenData({ Tags: BIG_TAGS })), minimum: '' },
          line: 5,
          column: 5,
          endLine: 8,
          endColumn: 6,
        },
      ],
    },
    {
      name: 'token near the limit with MinimumSessionTokenSize: the floor is named',
      input: { RoleArn, RoleSessionName, Tags: BIG_TAGS, MinimumSessionTokenSize: 4096 },
      errors: [
        {
          messageId: 'tokenNearLimit',
          data: { bytes: 4096, minimum: ' (at least MinimumSessionTokenSize 4096)', high: 4096, utilization: 100, limit: 4096, largest: 'Tag T1 (value: 250 characters), 339 bytes' },
          message:
            'SessionTokenSize is estimated at 4096 bytes (at least MinimumSessionTokenSize 4096) and could reach 4096, SessionTokenUtilization 100 %; STS accepts at most 4096 bytes. Largest part: Tag T1 (value: 250 characters), 339 bytes.',
          path: '/Tags/0',
          parameter: 'Tags',
          line: 5,
          column: 5,
          endLine: 8,
          endColumn: 6,
        },
      ],
    },
    {
      name: 'legacy tags near the limit',
      input: { RoleArn, RoleSessionName, Tags: NEAR_TAGS },
      options: { regime: 'legacy' },
      errors: [{ messageId: 'tagsNearLimit', data: legacyData({ Tags: NEAR_TAGS }, 'tags', false), path: '/Tags/0', parameter: 'Tags', line: 5, column: 5, endLine: 8, endColumn: 6 }],
    },
    {
      name: 'legacy policy over the limit, placed at the Policy with the largest statement in the path',
      input: { RoleArn, RoleSessionName, Policy: BIG_POLICY },
      options: { regime: 'legacy' },
      errors: [
        {
          messageId: 'policyTooLarge',
          data: legacyData({ Policy: BIG_POLICY }, 'policy', true),
          path: estimateSessionToken({ Policy: BIG_POLICY }).breakdown[0]!.path,
          parameter: 'Policy',
          line: 4,
          column: 13,
          endLine: 4,
          endColumn: 13 + JSON.stringify(BIG_POLICY).length, // the whole Policy literal, quotes included
        },
      ],
    },
    {
      name: 'legacy policy near the limit',
      input: { RoleArn, RoleSessionName, Policy: NEAR_POLICY },
      options: { regime: 'both' },
      errors: [
        {
          messageId: 'policyNearLimit',
          data: legacyData({ Policy: NEAR_POLICY }, 'policy', false),
          path: estimateSessionToken({ Policy: NEAR_POLICY }).breakdown[0]!.path,
          parameter: 'Policy',
          line: 4,
          column: 13,
          endLine: 4,
          endColumn: 13 + JSON.stringify(NEAR_POLICY).length,
        },
      ],
    },
    {
      name: 'inherited transitive tags (option, with values) count with the session tags',
      input: { RoleArn, RoleSessionName, Tags: [NEAR_TAGS[0]!] },
      options: { regime: 'legacy', inheritedTransitiveTags: [NEAR_TAGS[1]!] },
      errors: [
        {
          messageId: 'tagsNearLimit',
          data: (() => {
            const e = estimateSessionToken({ Tags: [NEAR_TAGS[0]!] }, { inheritedTransitiveTags: [NEAR_TAGS[1]!] });
            return { percent: e.legacy.tags.percent, high: e.legacy.tags.high, largest: 'Tag A (value: 256 characters), 346 bytes' };
          })(),
          path: '/Tags/0',
          parameter: 'Tags',
          line: 5,
          column: 5,
          endLine: 8,
          endColumn: 6,
        },
      ],
    },
    {
      name: 'the inheritedTransitiveTagKeys setting counts inherited keys with empty values (a lower bound)',
      input: { RoleArn, RoleSessionName, Tags: ALMOST_TAGS },
      options: { regime: 'legacy' },
      settings: { inheritedTransitiveTagKeys: [INHERITED_KEY] },
      errors: [
        {
          messageId: 'tagsNearLimit',
          data: (() => {
            const e = estimateSessionToken({ Tags: ALMOST_TAGS }, { inheritedTransitiveTags: [{ Key: INHERITED_KEY, Value: '' }] });
            return { percent: e.legacy.tags.percent, high: e.legacy.tags.high, largest: 'Tag A (value: 256 characters), 346 bytes' };
          })(),
          path: '/Tags/0',
          parameter: 'Tags',
          line: 5,
          column: 5,
          endLine: 8,
          endColumn: 6,
        },
      ],
    },
  ],
});

test('MinimumSessionTokenSize is the floor of SessionTokenSize and is named in the message', () => {
  const input = { RoleArn, RoleSessionName, Tags: BIG_TAGS, MinimumSessionTokenSize: 4096 };
  const e = estimateSessionToken(input);
  assert.equal(e.sessionToken.sessionTokenSize, 4096);
  assert.equal(e.sessionToken.minimumSessionTokenSize, 4096);
  assert.equal(e.sessionToken.sessionTokenUtilization, 100);
  // The verdict is the content's: the same as without the floor.
  assert.equal(e.verdicts.sessionToken, estimateSessionToken({ Tags: BIG_TAGS }).verdicts.sessionToken);
  const [d] = lintWithHoles(rule, input);
  assert.deepEqual([d?.messageId, d?.data['minimum'], d?.data['bytes']], ['tokenNearLimit', ' (at least MinimumSessionTokenSize 4096)', 4096]);
  // 0 leaves the size unchanged.
  assert.equal(estimateSessionToken({ Tags: BIG_TAGS, MinimumSessionTokenSize: 0 }).sessionToken.sessionTokenSize, estimateSessionToken({ Tags: BIG_TAGS }).sessionToken.sessionTokenSize);
});

test('runs only when Policy, PolicyArns and Tags are all fully known', () => {
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, Tags: BIG_TAGS, Policy: '${local.policy}' }), []);
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, Tags: BIG_TAGS, PolicyArns: '${var.arns}' }), []);
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, Tags: [...BIG_TAGS.slice(1), { Key: 'T1', Value: '${var.v}' }] }), []);
});
