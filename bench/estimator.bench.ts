/**
 * Packed-size estimator throughput on one core: a 2,000-character session policy plus 50 session tags
 * (target ≥ 10,000 estimates/s). The estimator caches nothing between calls; to be sure the timing is
 * not flattered by a repeated input, every call gets a different one of 256 pre-built inputs (each
 * policy text differs, so every call parses and measures a new policy).
 *
 * Reference rows: raw DEFLATE (fflate, levels 6 and 9) of the same policy strings, the measure the
 * research note proposed; the estimator does not run it (it is not monotone, see PACKED-SIZE.md).
 */
import { estimateSessionToken, suggestShrink } from '@rolecall/validators';
import { deflatedSize, keptStrings, nulJoined } from '@rolecall/validators/internal';
import { measure } from './harness.js';
import type { BenchRow } from './run.js';

const VARIANTS = 256;

/** A realistic policy of exactly `target` characters (compact JSON): data-lake read/write with KMS and conditions. */
function policyFor(i: number, target = 2000): string {
  const bucket = `analytics-${i.toString(16).padStart(4, '0')}-eu-west-1`;
  const build = (pad: string): string =>
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'ReadCurated',
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:GetObjectVersion', 's3:GetObjectTagging'],
          Resource: [`arn:aws:s3:::${bucket}/curated/team-${i}/*`, `arn:aws:s3:::${bucket}/shared/reference/*`],
        },
        {
          Sid: 'WriteStaging',
          Effect: 'Allow',
          Action: ['s3:PutObject', 's3:PutObjectTagging', 's3:AbortMultipartUpload'],
          Resource: `arn:aws:s3:::${bucket}/staging/team-${i}/*`,
          Condition: { StringEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' } },
        },
        {
          Sid: 'ListPrefixes',
          Effect: 'Allow',
          Action: 's3:ListBucket',
          Resource: `arn:aws:s3:::${bucket}`,
          Condition: { StringLike: { 's3:prefix': [`curated/team-${i}/*`, `staging/team-${i}/*`, 'shared/reference/*'] } },
        },
        {
          Sid: 'UseDataKey',
          Effect: 'Allow',
          Action: ['kms:Decrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'],
          Resource: `arn:aws:kms:eu-west-1:123456789012:key/${(0x1000_0000 + i * 7919).toString(16)}-4a1b-9c2d-8e3f-5a6b7c8d9e0f`,
        },
        {
          Sid: 'QueryCatalog',
          Effect: 'Allow',
          Action: ['glue:GetTable', 'glue:GetTables', 'glue:GetPartitions', 'glue:GetDatabase', 'athena:StartQueryExecution', 'athena:GetQueryResults'],
          Resource: '*',
          Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1', 'aws:PrincipalTag/team': `team-${i}` } },
        },
        {
          Sid: 'JobState',
          Effect: 'Allow',
          Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query'],
          Resource: [`arn:aws:dynamodb:eu-west-1:123456789012:table/jobs-team-${i}`, `arn:aws:dynamodb:eu-west-1:123456789012:table/jobs-team-${i}/index/*`],
        },
        { Sid: 'Notify', Effect: 'Allow', Action: ['sqs:SendMessage', 'sqs:GetQueueUrl'], Resource: `arn:aws:sqs:eu-west-1:123456789012:pipeline-${i}-${pad}` },
        { Sid: 'DenyDeletes', Effect: 'Deny', Action: ['s3:DeleteObject', 's3:DeleteObjectVersion', 's3:PutBucketPolicy'], Resource: `arn:aws:s3:::${bucket}/*` },
      ],
    });
  // Pad the queue name so every variant is exactly `target` characters long.
  const base = build('');
  return build('notifications-and-retries-'.repeat(8).slice(0, Math.max(0, target - base.length)));
}

function tagsFor(i: number): { Key: string; Value: string }[] {
  return Array.from({ length: 50 }, (_, t) => ({ Key: `cost-allocation-${t.toString().padStart(2, '0')}`, Value: `team-${i}-service-${(t * 37 + i) % 1000}` }));
}

export async function run(): Promise<BenchRow[]> {
  const inputs = Array.from({ length: VARIANTS }, (_, i) => ({
    RoleArn: 'arn:aws:iam::123456789012:role/analytics',
    RoleSessionName: `session-${i}`,
    Policy: policyFor(i),
    Tags: tagsFor(i),
  }));
  const lengths = new Set(inputs.map((x) => x.Policy.length));
  if (lengths.size !== 1 || !lengths.has(2000)) throw new Error(`bench policies should be 2,000 characters, got ${[...lengths].join(', ')}`);
  const policyOnly = inputs.map((x) => ({ Policy: x.Policy }));
  const strings = inputs.map((x) => nulJoined(keptStrings(x.Policy)));

  let i = 0;
  const full = measure(() => estimateSessionToken(inputs[i++ & (VARIANTS - 1)]));
  const policy = measure(() => estimateSessionToken(policyOnly[i++ & (VARIANTS - 1)]));
  const shrink = measure(() => suggestShrink(inputs[i++ & (VARIANTS - 1)]), { runMs: 1000 });
  const deflate9 = measure(() => deflatedSize(strings[i++ & (VARIANTS - 1)]!, 9));
  const deflate6 = measure(() => deflatedSize(strings[i++ & (VARIANTS - 1)]!, 6));
  return [
    { name: 'estimateSessionToken: 2,000-char policy + 50 tags', opsPerSec: full, note: `target ≥ 10,000/s; ${VARIANTS} distinct inputs in rotation` },
    { name: 'estimateSessionToken: 2,000-char policy only', opsPerSec: policy },
    { name: 'suggestShrink: 2,000-char policy + 50 tags', opsPerSec: shrink, note: 're-runs the estimator once per candidate rewrite' },
    { name: 'reference: fflate deflateSync level 9 of the kept strings', opsPerSec: deflate9, note: 'not used by the estimator' },
    { name: 'reference: fflate deflateSync level 6 of the kept strings', opsPerSec: deflate6, note: 'not used by the estimator' },
  ];
}
