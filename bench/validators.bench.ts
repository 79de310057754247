/**
 * `validateAssumeRole` against the bare ajv standalone validator of the same request schema: the function
 * `pnpm codegen` generates from schemas/ (ajv `standaloneCode`, see packages/codegen/src/emit.ts) and
 * `requestValidator('current', 'AssumeRole')` returns. `validateAssumeRole` runs that very function first, then its
 * semantic gate, so the ratio is the price of everything ajv cannot check.
 *
 * Targets (issue 14): ≤ 1.5× at every tag count up to 50 on valid inputs; invalid inputs within 10× of the valid
 * path. Each row times the two functions side by side (bench/harness.ts) and gives the median of per-round ratios
 * with its spread.
 *
 * Valid inputs come in two kinds: the same input every call (a service refreshing credentials, the SDK plugin: the
 * clean verdicts of its role ARN, policy ARNs and policy are remembered, internal/memo.ts) and a different role ARN
 * or policy text on every call (1,024 variants, more than the 64 remembered, so every call checks it: the worst
 * case of the fast path). Both functions see exactly the same sequence of inputs.
 *
 * Every row comes twice: "source" times the TypeScript sources as tsx loads them, "bundled" an esbuild bundle of the
 * package built with the release options (bench/bundled.ts), which is the code users run; the targets are judged on
 * each. Both are timed against the same bare validator (the one from the sources). The bundled rows run in a child
 * process that loads only the bundle, as a user's process does: with both copies in one process the bundled
 * "minimal" rows read about 10% slower than the source ones (1.20× against 1.10× the bare validator, twice), while
 * one copy per process gives the two the same ratio (bundled/source 1.01, 0.99–1.03, over 6 alternated pairs).
 */
import { validateAssumeRole } from '@rolecall/validators';
import { IAM, requestValidator, scanIsClean } from '@rolecall/validators/internal';
import { fileURLToPath } from 'node:url';
import { printRowsIfChild, rowsFromChild, type ValidatorsModule } from './bundled.js';
import { formatSpread, meets, sideBySide, verdict, type Target } from './harness.js';
import type { BenchRow } from './run.js';

const VARIANTS = 1024;
const RATIO_TARGET: Target = { op: '<=', value: 1.5 };
const INVALID_TARGET: Target = { op: '<=', value: 10 };

/** A ~400-character two-statement policy on one line, different for every `i`. */
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

const TAG_NAMES = ['Project', 'Team', 'CostCenter', 'Environment', 'Owner', 'Service', 'Tier', 'Compliance', 'DataClass', 'Repository'];

/** `n` session tags; the first ten look like a real tagging policy, the rest like cost-allocation tags. */
function tagsFor(n: number): { Key: string; Value: string }[] {
  return Array.from({ length: n }, (_, t) =>
    t < TAG_NAMES.length
      ? { Key: TAG_NAMES[t] as string, Value: ['reports', 'data-platform', 'CC-1042', 'production', 'alice@example.com'][t % 5] as string }
      : { Key: `cost-allocation-${t}`, Value: `team-7-service-${(t * 37) % 1000}` },
  );
}

function minimal(): Record<string, unknown> {
  return { RoleArn: 'arn:aws:iam::123456789012:role/deploy', RoleSessionName: 'deploy' };
}

/** Every member, a ~400-character policy, 2 managed policy ARNs and `tags` tags. */
function typical(policy: string, tags: number): Record<string, unknown> {
  return {
    RoleArn: 'arn:aws:iam::123456789012:role/service-role/deploy-reports',
    RoleSessionName: 'reports-deploy-1716200000',
    PolicyArns: [
      { arn: 'arn:aws:iam::123456789012:policy/reports/ReadOnlyReports' },
      { arn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' },
    ],
    Policy: policy,
    DurationSeconds: 3600,
    ...(tags > 0 ? { Tags: tagsFor(tags), TransitiveTagKeys: ['Project', 'Team'].slice(0, tags) } : {}),
    ExternalId: 'reports-partner-7f3a9c',
    SerialNumber: 'arn:aws:iam::123456789012:mfa/alice',
    TokenCode: '123456',
    SourceIdentity: 'alice@example.com',
  };
}

/**
 * Invalid inputs of the kinds users get wrong, each beside the valid input it was made from (one mistake apart, same
 * size), so the row compares the detailed pass with the fast path on the same request.
 */
function invalidPairs(): { name: string; valid: Record<string, unknown>; invalid: Record<string, unknown> }[] {
  const valid = typical(policyFor(0), 10);
  const tags = tagsFor(10);
  const dup = [...tags.slice(0, 9), { Key: 'project', Value: 'x' }];
  return [
    { name: 'a user ARN as RoleArn', valid, invalid: { ...valid, RoleArn: 'arn:aws:iam::123456789012:user/alice' } },
    { name: 'duplicate tag key (other case)', valid, invalid: { ...valid, Tags: dup } },
    { name: 'policy with a JSON error', valid, invalid: { ...valid, Policy: policyFor(0).replace('"Allow"', '"Allow",') } },
    { name: 'DurationSeconds 43201 and a 65-char session name', valid, invalid: { ...valid, DurationSeconds: 43201, RoleSessionName: 'x'.repeat(65) } },
    { name: '51 tags (beside 50)', valid: typical(policyFor(0), 50), invalid: { ...valid, Tags: tagsFor(51), TransitiveTagKeys: ['Project'] } },
  ];
}

type Input = Record<string, unknown>;

/** A copy of the validators to time, and the word its rows are labelled with. */
interface Build {
  readonly label: 'source' | 'bundled';
  readonly lib: Pick<ValidatorsModule, 'validateAssumeRole' | 'scanIsClean' | 'IAM'>;
}

/** Round-robin over `inputs`, one counter per side so both sides see the same sequence. */
function cycling(inputs: readonly Input[], fn: (x: Input) => unknown): () => unknown {
  let i = 0;
  const mask = inputs.length - 1;
  if ((inputs.length & mask) !== 0) throw new Error('input count must be a power of two');
  return () => fn(inputs[i++ & mask] as Input);
}

/**
 * One row per build: validateAssumeRole against the bare validator on the same inputs, every build's copy timed in
 * the same rounds. `floor`, when given, is a piece of work the semantic gate cannot skip for these inputs (the role
 * ARN regular expression, the policy scanner), timed in the same rounds from each build, so the row shows how much
 * of the ratio it is.
 */
function ratioRows(builds: readonly Build[], name: string, inputs: readonly Input[], detail: string, floor?: Floor): BenchRow[] {
  const bare = requestValidator('current', 'AssumeRole');
  for (const x of inputs) {
    if (!bare(x) || builds.some((b) => !b.lib.validateAssumeRole(x).valid)) throw new Error(`benchmark input must be valid: ${name}`);
  }
  const sides = [cycling(inputs, bare), ...builds.map((b) => cycling(inputs, b.lib.validateAssumeRole))];
  if (floor) sides.push(...builds.map((b) => cycling(inputs, floor.fn(b.lib))));
  const r = sideBySide(sides);
  return builds.map((b, k) => {
    const s = r.ratios[1 + k]!;
    const f = floor ? r.ratios[1 + builds.length + k]! : undefined;
    return {
      name: `${name} (${b.label})`,
      opsPerSec: r.totals[1 + k]!.perSec,
      ratio: s.median,
      spread: s,
      target: `≤ ${RATIO_TARGET.value}×`,
      pass: meets(s.median, RATIO_TARGET),
      ...(f ? { floor: f.median } : {}),
      note: `${formatSpread(s)} the bare validator (${Math.round(r.totals[0]!.perSec).toLocaleString('en-US')}/s); ${detail}${f && floor ? `; ${floor.what} alone: ${formatSpread(f)}` : ''}; ${verdict(s.median, RATIO_TARGET)}`,
    };
  });
}

interface Floor {
  readonly what: string;
  readonly fn: (lib: Build['lib']) => (x: Input) => unknown;
}

/** The work no gate can skip on a new input: the role ARN's regular expression and the policy scan. */
const ROLE_ARN_REGEX: Floor = { what: 'the role ARN regular expression', fn: (lib) => (x) => lib.IAM.roleArn.test(x.RoleArn as string) };
const POLICY_SCAN: Floor = { what: 'the policy scanner', fn: (lib) => (x) => lib.scanIsClean(x.Policy as string) };

/** The flag that makes this file, run as a script, print the bundled build's rows as JSON (see `run`). */
const BUNDLED_CHILD = '--bundled-rows';

export async function run(): Promise<BenchRow[]> {
  const source = rowsFor([{ label: 'source', lib: { validateAssumeRole, scanIsClean, IAM } }]);
  const bundled = rowsFromChild(fileURLToPath(import.meta.url), BUNDLED_CHILD);
  if (bundled.length !== source.length) throw new Error(`bundled rows: ${bundled.length}, source rows: ${source.length}`);
  return source.flatMap((row, i) => [row, bundled[i]!]);
}

/** Every row for `builds`, each timed in this process. */
function rowsFor(builds: readonly Build[]): BenchRow[] {
  const same10 = [typical(policyFor(0), 10)];
  const policyChars = (same10[0]!.Policy as string).length;
  const newPolicy = (tags: number): Input[] => Array.from({ length: VARIANTS }, (_, i) => typical(policyFor(i), tags));
  const rows: BenchRow[] = [
    ...ratioRows(builds, 'validateAssumeRole / bare ajv — minimal (RoleArn, RoleSessionName)', [minimal()], 'same input'),
    ...ratioRows(
      builds,
      'validateAssumeRole / bare ajv — minimal, new RoleArn each call',
      Array.from({ length: VARIANTS }, (_, i) => ({ ...minimal(), RoleArn: `arn:aws:iam::123456789012:role/deploy-${i}` })),
      `${VARIANTS} role ARNs, more than the 64 remembered`,
      ROLE_ARN_REGEX,
    ),
    ...ratioRows(builds, 'validateAssumeRole / bare ajv — typical, same input', same10, `every member, ${policyChars}-char policy, 2 ARNs, 10 tags`),
  ];
  for (const tags of [0, 10, 25, 50]) {
    rows.push(...ratioRows(builds, `validateAssumeRole / bare ajv — ${tags} tags, new policy each call`, newPolicy(tags), `typical otherwise, ${VARIANTS} policy variants`, POLICY_SCAN));
  }
  rows.push(...ratioRows(builds, 'validateAssumeRole / bare ajv — 50 tags, same input', [typical(policyFor(0), 50)], 'typical otherwise'));

  // Invalid inputs against the valid path: each build's validateAssumeRole on the valid input each was made from is
  // its baseline.
  for (const { label, lib } of builds) {
    for (const { name, valid, invalid } of invalidPairs()) {
      if (!lib.validateAssumeRole(valid).valid || lib.validateAssumeRole(invalid).valid) throw new Error(`benchmark pair is wrong: ${name}`);
      const r = sideBySide([() => lib.validateAssumeRole(valid), () => lib.validateAssumeRole(invalid)]);
      const s = r.ratios[1]!;
      rows.push({
        name: `validateAssumeRole invalid / valid — ${name} (${label})`,
        opsPerSec: r.totals[1]!.perSec,
        ratio: s.median,
        spread: s,
        target: `≤ ${INVALID_TARGET.value}×`,
        pass: meets(s.median, INVALID_TARGET),
        note: `${formatSpread(s)} the same request without the mistake; ${verdict(s.median, INVALID_TARGET)}`,
      });
    }
  }

  // The policy scanner alone (the part of the gate the memo saves), against JSON.parse of the same texts: what the
  // gate used before, and a floor no parser that builds a value can go below. Both builds' scanners in the same rounds.
  const policies = Array.from({ length: VARIANTS }, (_, i) => ({ Policy: policyFor(i) }));
  const scan = sideBySide([cycling(policies, (x) => JSON.parse(x.Policy as string)), ...builds.map((b) => cycling(policies, (x) => b.lib.scanIsClean(x.Policy as string)))]);
  builds.forEach(({ label }, k) => {
    const s = scan.ratios[1 + k]!;
    rows.push({
      name: `policy scanner alone (scanIsClean) / JSON.parse — new policy each call (${label})`,
      opsPerSec: scan.totals[1 + k]!.perSec,
      ratio: s.median,
      spread: s,
      note: `${formatSpread(s)} JSON.parse of the same ${policyChars}-char texts (reference, no target)`,
    });
  });
  return rows;
}

await printRowsIfChild(import.meta.url, BUNDLED_CHILD, (lib) => rowsFor([{ label: 'bundled', lib }]));
