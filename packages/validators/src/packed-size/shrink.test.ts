/**
 * suggestShrink: every suggestion is a concrete rewrite whose saving is the estimator's own difference.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { estimateSessionToken, suggestShrink, type ShrinkSuggestion } from './index.js';

const role = 'arn:aws:iam::123456789012:role/path/data-reader';
const resource = 'arn:aws:s3:::analytics-bucket/curated/team-a/*';
const input = {
  RoleArn: role,
  RoleSessionName: 'reader',
  Policy: JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject', 's3:GetObjectVersion'], Resource: resource },
        { Sid: 'Tagging', Effect: 'Allow', Action: 's3:GetObjectTagging', Resource: resource },
        { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:GenerateDataKey'], Resource: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
      ],
    },
    null,
    2,
  ),
  Tags: [
    { Key: 'RepositoryOwnerName', Value: 'example-org' },
    { Key: 'WorkflowReference', Value: 'example-org/repo/.github/workflows/ci.yml@refs/heads/main' },
    { Key: 'Actor', Value: 'someone' },
  ],
  TransitiveTagKeys: ['RepositoryOwnerName'],
};
const frozen = JSON.stringify(input);
const byId = (list: ShrinkSuggestion[], id: string): ShrinkSuggestion[] => list.filter((s) => s.id === id);

describe('suggestShrink', () => {
  const suggestions = suggestShrink(input);

  it('offers each kind of rewrite that applies, and leaves the input untouched', () => {
    assert.deepEqual([...new Set(suggestions.map((s) => s.id))].sort(), [
      'drop-tag',
      'merge-statements',
      'minify-whitespace',
      'move-policy-to-managed-arn',
      'move-statement-to-managed-arn',
      'shorten-tag-keys',
    ]);
    assert.equal(JSON.stringify(input), frozen);
  });

  it('measures every saving by re-running the estimator on the rewritten input', () => {
    const base = estimateSessionToken(input);
    for (const s of suggestions) {
      const after = estimateSessionToken(s.apply);
      assert.equal(s.savingBytes, base.sessionToken.sessionTokenSize - after.sessionToken.sessionTokenSize, s.id);
      const legacy = (e: typeof base): number => e.legacy.policy.percent + e.legacy.tags.percent;
      assert.equal(s.savingPercent, Math.round((legacy(base) - legacy(after)) * 10) / 10, s.id);
    }
  });

  it('is sorted by saving (token bytes, then legacy points)', () => {
    for (let i = 1; i < suggestions.length; i++) {
      const [a, b] = [suggestions[i - 1]!, suggestions[i]!];
      assert.ok(a.savingBytes > b.savingBytes || (a.savingBytes === b.savingBytes && a.savingPercent >= b.savingPercent), `${a.id} before ${b.id}`);
    }
  });

  it('minify-whitespace: saves plaintext characters, not packed bytes (whitespace is free in the model)', () => {
    const [s] = byId(suggestions, 'minify-whitespace');
    const minified = JSON.stringify(JSON.parse(input.Policy));
    assert.equal(s!.apply!['Policy'], minified);
    assert.equal(s!.savingPlaintextChars, input.Policy.length - minified.length);
    assert.equal(s!.savingBytes, 0);
    assert.equal(s!.savingPercent, 0);
  });

  it('merge-statements: merges the two statements on the same resource into one with the union of the actions', () => {
    const [s] = byId(suggestions, 'merge-statements');
    const doc = JSON.parse(s!.apply!['Policy'] as string) as { Statement: unknown[] };
    assert.deepEqual(doc.Statement[0], { Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject', 's3:GetObjectVersion', 's3:GetObjectTagging'], Resource: resource });
    assert.equal(doc.Statement.length, 2);
    assert.ok(s!.savingBytes > 0);
    assert.equal(s!.description, 'Merge the statements that share Effect, resources and conditions (3 → 2 statements), so each resource and condition is stated once. Same permissions.');
  });

  it('does not merge statements that differ in effect, resource or condition, or use NotAction', () => {
    const separate = {
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 's3:GetObject', Resource: resource },
          { Effect: 'Deny', Action: 's3:PutObject', Resource: resource },
          { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::analytics-bucket' },
          { Effect: 'Allow', Action: 's3:PutObject', Resource: resource, Condition: { Bool: { 'aws:SecureTransport': 'true' } } },
          { Effect: 'Allow', NotAction: 's3:DeleteObject', Resource: resource },
        ],
      }),
    };
    assert.deepEqual(byId(suggestShrink(separate), 'merge-statements'), []);
  });

  it("move-policy-to-managed-arn: replaces the inline policy by an ARN in the role's account", () => {
    const [s] = byId(suggestions, 'move-policy-to-managed-arn');
    assert.equal(s!.apply!['Policy'], undefined);
    assert.deepEqual(s!.apply!['PolicyArns'], [{ arn: 'arn:aws:iam::123456789012:policy/data-reader-session' }]);
    const named = byId(suggestShrink(input, { managedPolicyArn: 'arn:aws:iam::123456789012:policy/p' }), 'move-policy-to-managed-arn')[0]!;
    assert.deepEqual(named.apply!['PolicyArns'], [{ arn: 'arn:aws:iam::123456789012:policy/p' }]);
  });

  it('move-statement-to-managed-arn: moves the largest statement when that saves something', () => {
    const big = {
      RoleArn: role,
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: Array.from({ length: 30 }, (_, i) => `ec2:Describe${['Instances', 'Volumes', 'Snapshots', 'Images', 'Subnets', 'Vpcs'][i % 6]}${i}`), Resource: '*' },
          { Effect: 'Allow', Action: 's3:GetObject', Resource: resource },
        ],
      }),
    };
    const [s] = byId(suggestShrink(big), 'move-statement-to-managed-arn');
    assert.ok(s, 'offered');
    const doc = JSON.parse(s.apply!['Policy'] as string) as { Statement: unknown[] };
    assert.equal(doc.Statement.length, 1);
    assert.deepEqual(s.apply!['PolicyArns'], [{ arn: 'arn:aws:iam::123456789012:policy/data-reader-session' }]);
    assert.ok(s.savingBytes > 0);
  });

  it('no ARN suggestion once PolicyArns already holds the documented maximum', () => {
    const full = { ...input, PolicyArns: Array.from({ length: 10 }, (_, i) => ({ arn: `arn:aws:iam::123456789012:policy/p${i}` })) };
    assert.deepEqual(byId(suggestShrink(full), 'move-policy-to-managed-arn'), []);
  });

  it('shorten-tag-keys: abbreviates long keys, renames them in TransitiveTagKeys, keeps short ones', () => {
    const [s] = byId(suggestions, 'shorten-tag-keys');
    assert.deepEqual(s!.apply!['Tags'], [
      { Key: 'RON', Value: 'example-org' },
      { Key: 'WR', Value: 'example-org/repo/.github/workflows/ci.yml@refs/heads/main' },
      { Key: 'Actor', Value: 'someone' },
    ]);
    assert.deepEqual(s!.apply!['TransitiveTagKeys'], ['RON']);
    assert.match(s!.description, /^Shorten long tag keys \(RepositoryOwnerName → RON, WorkflowReference → WR\); update every policy/);
  });

  it('shortened keys stay unique, case-insensitively, against the keys already there', () => {
    const clash = { Tags: [{ Key: 'ron', Value: 'x' }, { Key: 'RepositoryOwnerName', Value: 'y' }, { Key: 'ReallyOldName', Value: 'z' }] };
    const [s] = byId(suggestShrink(clash), 'shorten-tag-keys');
    const keys = (s!.apply!['Tags'] as { Key: string }[]).map((t) => t.Key.toLowerCase());
    assert.equal(new Set(keys).size, keys.length, keys.join());
  });

  it('drop-tag: one suggestion per expensive tag, largest first, also removing it from TransitiveTagKeys', () => {
    const drops = byId(suggestions, 'drop-tag');
    assert.deepEqual(
      drops.map((d) => (d.apply!['Tags'] as { Key: string }[]).map((t) => t.Key)),
      [
        ['RepositoryOwnerName', 'Actor'],
        ['WorkflowReference', 'Actor'],
        ['RepositoryOwnerName', 'WorkflowReference'],
      ],
    );
    assert.deepEqual(drops[1]!.apply!['TransitiveTagKeys'], []);
  });

  it('drop-optional-tags: drops the keys the caller marks optional (case-insensitively)', () => {
    const [s] = byId(suggestShrink(input, { optionalTagKeys: ['actor', 'workflowreference'] }), 'drop-optional-tags');
    assert.deepEqual(s!.apply!['Tags'], [{ Key: 'RepositoryOwnerName', Value: 'example-org' }]);
    assert.equal(s!.description, 'Drop the optional tags WorkflowReference, Actor (given as optional by the caller).');
  });

  it('suggests nothing for an empty input or a non-object', () => {
    assert.deepEqual(suggestShrink({}), []);
    assert.deepEqual(suggestShrink(null), []);
    assert.deepEqual(suggestShrink('Policy'), []);
  });
});
