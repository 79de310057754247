/**
 * validateAssumeRole against the bare generated request validator on the same realistic input (every member,
 * a ~400-character two-statement policy, 2 managed policy ARNs, 5 tags). Target: ratio ≤ 1.5.
 *
 * Two scenarios:
 *  - same input every call (a service refreshing credentials, the SDK plugin): the policy's clean verdict is
 *    remembered, so this measures the rest of the semantic gate;
 *  - a different policy text on every call (1,024 variants, more than the remembered 64): every call parses its
 *    policy, which is the worst case of the fast path.
 * Both validators see exactly the same sequence of inputs.
 */
import { validateAssumeRole } from '@rolecall/validators';
import { clearPolicyMemo, requestValidator, scanIsClean } from '@rolecall/validators/internal';
import { measure } from './harness.js';
import type { BenchRow } from './run.js';

function policyFor(i: number): string {
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: `ReadReports${i}`,
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:GetObjectVersion', 's3:ListBucket'],
          Resource: [`arn:aws:s3:::reports-${i}`, `arn:aws:s3:::reports-${i}/*`],
        },
        {
          Effect: 'Deny',
          Action: 's3:DeleteObject',
          Resource: '*',
          Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1', 'us-east-1'] } },
        },
      ],
    },
    null,
    1,
  ).replace(/\n */g, ' '); // one line, a space after each separator: about 400 characters
}

function inputFor(policy: string): Record<string, unknown> {
  return {
    RoleArn: 'arn:aws:iam::123456789012:role/service-role/deploy-reports',
    RoleSessionName: 'reports-deploy-1716200000',
    PolicyArns: [
      { arn: 'arn:aws:iam::123456789012:policy/reports/ReadOnlyReports' },
      { arn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' },
    ],
    Policy: policy,
    DurationSeconds: 3600,
    Tags: [
      { Key: 'Project', Value: 'reports' },
      { Key: 'Team', Value: 'data-platform' },
      { Key: 'CostCenter', Value: 'CC-1042' },
      { Key: 'Environment', Value: 'production' },
      { Key: 'Owner', Value: 'alice@example.com' },
    ],
    TransitiveTagKeys: ['Project', 'Team'],
    ExternalId: 'reports-partner-7f3a9c',
    SerialNumber: 'arn:aws:iam::123456789012:mfa/alice',
    TokenCode: '123456',
    SourceIdentity: 'alice@example.com',
  };
}

function best(fn: () => unknown, rounds: number): number {
  let top = 0;
  for (let r = 0; r < rounds; r++) top = Math.max(top, measure(fn, { warmupMs: 200, runMs: 700 }));
  return top;
}

export async function run(): Promise<BenchRow[]> {
  const bare = requestValidator('current', 'AssumeRole');
  const same = inputFor(policyFor(0));
  const variants = Array.from({ length: 1024 }, (_, i) => inputFor(policyFor(i)));
  const policyChars = (same.Policy as string).length;

  clearPolicyMemo();
  if (!bare(same) || !validateAssumeRole(same).valid) throw new Error('benchmark input must be valid');
  for (const v of variants) if (!validateAssumeRole(v).valid) throw new Error('benchmark variant must be valid');

  // Cycling through 1,024 variants: the validators remember at most 64 clean policies, so each call misses.
  let j = 0;
  const nextFull = (): unknown => validateAssumeRole(variants[j++ & 1023]);
  let k = 0;
  const nextBare = (): unknown => bare(variants[k++ & 1023]);

  // Alternate the measured functions and keep each one's best round, so drift on a shared machine hits both.
  let bareSame = 0;
  let fullSame = 0;
  let bareCold = 0;
  let fullCold = 0;
  for (let round = 0; round < 3; round++) {
    bareSame = Math.max(bareSame, best(() => bare(same), 1));
    fullSame = Math.max(fullSame, best(() => validateAssumeRole(same), 1));
    bareCold = Math.max(bareCold, best(nextBare, 1));
    fullCold = Math.max(fullCold, best(nextFull, 1));
  }
  // The policy scanner alone (the part of the gate the memo saves), against JSON.parse of the same texts: what the
  // gate used before, and a floor no parser that builds a value can go below.
  let s = 0;
  let p = 0;
  let scanOps = 0;
  let parseOps = 0;
  for (let round = 0; round < 3; round++) {
    scanOps = Math.max(scanOps, best(() => scanIsClean(variants[s++ & 1023]!.Policy as string), 1));
    parseOps = Math.max(parseOps, best(() => JSON.parse(variants[p++ & 1023]!.Policy as string), 1));
  }
  const ratioSame = bareSame / fullSame;
  const ratioCold = bareCold / fullCold;
  return [
    {
      name: `requestValidator('current','AssumeRole') — same input`,
      opsPerSec: bareSame,
      note: `full input, ${policyChars}-char policy, 2 ARNs, 5 tags`,
    },
    {
      name: 'validateAssumeRole — same input',
      opsPerSec: fullSame,
      ratio: ratioSame,
      note: `${ratioSame.toFixed(2)}× the bare validator (target ≤ 1.5)`,
    },
    {
      name: `requestValidator('current','AssumeRole') — new policy each call`,
      opsPerSec: bareCold,
      note: '1,024 policy variants',
    },
    {
      name: 'validateAssumeRole — new policy each call',
      opsPerSec: fullCold,
      ratio: ratioCold,
      note: `${ratioCold.toFixed(2)}× the bare validator (every call parses its policy)`,
    },
    {
      name: 'policy scanner alone (scanIsClean) — new policy each call',
      opsPerSec: scanOps,
      note: `${Math.round(1e9 / scanOps)} ns per policy; JSON.parse of the same texts ${Math.round(1e9 / parseOps)} ns`,
    },
  ];
}
