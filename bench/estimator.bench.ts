/**
 * Packed-size estimator speed on one core: a 2,000-character session policy plus 50 session tags, target ≥ 10,000
 * estimates per CPU-second (issue 14). The estimator caches nothing between calls; so that the timing is not
 * flattered by a repeated input, every call gets a different one of 256 pre-built inputs (each policy text differs,
 * so every call parses and measures a new policy).
 *
 * Measured side by side (bench/harness.ts) with raw DEFLATE (fflate, levels 6 and 9) of the same text: the policy
 * and the tag keys and values, UTF-8 encoded and NUL-joined, encoding included, as the research note proposed to
 * measure packed size. The estimator does not run DEFLATE (it is not monotone, see PACKED-SIZE.md); the ratio says
 * what the estimator costs next to the obvious alternative. The rate is per CPU-second of the whole process (GC
 * threads included), timed alone in slices (median of the slices' rates, with their spread).
 *
 * The rate row comes twice: "source" times the TypeScript sources as tsx loads them, "bundled" an esbuild bundle
 * built with the release options (bench/bundled.ts), the code users run, timed the same way in a child process that
 * loads only the bundle (bench/bundled.ts, `rowsFromChild`). The other rows time the sources.
 */
import { estimateSessionToken, suggestShrink } from '@rolecall/validators';
import { deflatedSize, nulJoined } from '@rolecall/validators/internal';
import { fileURLToPath } from 'node:url';
import { printRowsIfChild, rowsFromChild } from './bundled.js';
import { formatSpread, meets, rate, sideBySide, verdict, type Target } from './harness.js';
import type { BenchRow } from './run.js';

const RATE_TARGET: Target = { op: '>=', value: 10_000 };

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

/** The 256 inputs (exported for profiling: `node --cpu-prof` on a loop over them). */
export function benchInputs(): { RoleArn: string; RoleSessionName: string; Policy: string; Tags: { Key: string; Value: string }[] }[] {
  return Array.from({ length: VARIANTS }, (_, i) => ({
    RoleArn: 'arn:aws:iam::123456789012:role/analytics',
    RoleSessionName: `session-${i}`,
    Policy: policyFor(i),
    Tags: tagsFor(i),
  }));
}

export async function run(): Promise<BenchRow[]> {
  const inputs = benchInputs();
  const lengths = new Set(inputs.map((x) => x.Policy.length));
  if (lengths.size !== 1 || !lengths.has(2000)) throw new Error(`bench policies should be 2,000 characters, got ${[...lengths].join(', ')}`);
  const texts = inputs.map((x) => [x.Policy, ...x.Tags.flatMap((t) => [t.Key, t.Value])]);
  const mask = VARIANTS - 1;
  let a = 0;
  let b = 0;
  let c = 0;
  // Calls of a tenth of a millisecond that allocate: longer slices, so a garbage collection is a smaller part of one.
  const r = sideBySide(
    [
      () => estimateSessionToken(inputs[a++ & mask]),
      () => deflatedSize(nulJoined(texts[b++ & mask]!), 6),
      () => deflatedSize(nulJoined(texts[c++ & mask]!), 9),
    ],
    { sliceMs: 25, rounds: 31 },
  );
  // The ratios are deflate's cost over the estimator's: how many estimates fit in the time of one DEFLATE.
  const d6 = r.ratios[1]!;
  const d9 = r.ratios[2]!;

  let p = 0;
  let q = 0;
  const policyOnly = inputs.map((x) => ({ Policy: x.Policy }));
  const extra = sideBySide([() => estimateSessionToken(inputs[p++ & mask]), () => suggestShrink(inputs[q++ & mask])], { rounds: 15 });
  return [
    rateRow(estimateSessionToken, 'source'),
    ...rowsFromChild(fileURLToPath(import.meta.url), BUNDLED_CHILD),
    {
      name: 'raw DEFLATE level 6 / estimator, same text',
      opsPerSec: r.totals[1]!.perCpuSec,
      ratio: d6.median,
      spread: d6,
      note: `DEFLATE costs ${formatSpread(d6)} an estimate (reference, no target)`,
    },
    {
      name: 'raw DEFLATE level 9 / estimator, same text',
      opsPerSec: r.totals[2]!.perCpuSec,
      ratio: d9.median,
      spread: d9,
      note: `DEFLATE costs ${formatSpread(d9)} an estimate (reference, no target)`,
    },
    {
      name: 'suggestShrink / estimateSessionToken: 2,000-char policy + 50 tags',
      opsPerSec: extra.totals[1]!.perCpuSec,
      ratio: extra.ratios[1]!.median,
      spread: extra.ratios[1]!,
      note: `${formatSpread(extra.ratios[1]!)} an estimate: re-runs the estimator once per candidate rewrite (no target)`,
    },
    ...policyOnlyRow(policyOnly, inputs, mask),
  ];
}

/** The flag that makes this file, run as a script, print the bundled estimator's rate row as JSON. */
const BUNDLED_CHILD = '--bundled-rows';

/**
 * The rate, timed alone (bench/harness.ts `rate`): beside DEFLATE it would pay for part of DEFLATE's garbage.
 * `estimate` is the sources' function or the bundle's.
 */
function rateRow(estimate: typeof estimateSessionToken, label: 'source' | 'bundled'): BenchRow {
  const inputs = benchInputs();
  const mask = VARIANTS - 1;
  let e = 0;
  const alone = rate(() => estimate(inputs[e++ & mask]), { sliceMs: 25, rounds: 31 });
  const perCpuSec = alone.perCpuSec.median;
  const spread = alone.perCpuSec;
  return {
    name: `estimateSessionToken: 2,000-char policy + 50 tags, per CPU-second (${label})`,
    opsPerSec: perCpuSec,
    spread,
    target: `≥ ${RATE_TARGET.value.toLocaleString('en-US')}/s`,
    pass: meets(perCpuSec, RATE_TARGET),
    note: `median ${Math.round(perCpuSec).toLocaleString('en-US')} estimates per CPU-second (IQR ${Math.round(spread.q1).toLocaleString('en-US')}–${Math.round(spread.q3).toLocaleString('en-US')}, ${spread.n} slices; ${Math.round(alone.totals.perSec).toLocaleString('en-US')} per wall second), ${VARIANTS} distinct inputs in rotation; ${verdict(perCpuSec, RATE_TARGET, '/s')}`,
  };
}

/** The policy alone against policy + tags: the 50 tags' share of an estimate. */
function policyOnlyRow(policyOnly: readonly { Policy: string }[], inputs: readonly unknown[], mask: number): BenchRow[] {
  let i = 0;
  let j = 0;
  const r = sideBySide([() => estimateSessionToken(inputs[i++ & mask]), () => estimateSessionToken(policyOnly[j++ & mask])], { rounds: 15 });
  return [
    {
      name: 'estimateSessionToken: 2,000-char policy only / with 50 tags',
      opsPerSec: r.totals[1]!.perCpuSec,
      ratio: r.ratios[1]!.median,
      spread: r.ratios[1]!,
      note: `${formatSpread(r.ratios[1]!)} the estimate with tags (no target)`,
    },
  ];
}

await printRowsIfChild(import.meta.url, BUNDLED_CHILD, (lib) => [rateRow(lib.estimateSessionToken, 'bundled')]);
