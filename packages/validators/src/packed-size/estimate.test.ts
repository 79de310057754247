/**
 * estimateSessionToken against the public observations (with the tolerance the calibration measured,
 * read from the constants), at its limits (n-1, n, n+1), and on inputs it cannot fully measure.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import observations from '../../calibration/observations.json' with { type: 'json' };
import { CONSTANTS } from './constants.js';
import { estimateSessionToken, type SessionTokenEstimate } from './index.js';

interface Obs {
  id: string;
  input: Record<string, unknown> | null;
  reported: { value: number | null; component: string; outcome: string };
  reliability: string;
  use: string;
}
const OBS = observations.observations as unknown as Obs[];
const byId = (id: string): Obs => OBS.find((o) => o.id === id)!;
const component = (e: SessionTokenEstimate, c: string) => (c === 'policy' ? e.legacy.policy : e.legacy.tags);

describe('the public observations', () => {
  it('the nine 250-character tags of configure-aws-credentials #1898 (reported 498 %) are inside the band, and exceed', () => {
    const o = byId('configure-aws-credentials-1898');
    const e = estimateSessionToken(o.input);
    assert.ok(e.legacy.tags.low <= 498 && 498 <= e.legacy.tags.high, JSON.stringify(e.legacy.tags));
    assert.equal(e.legacy.policy.percent, 0);
    assert.equal(e.verdicts.legacy, 'exceeds');
    assert.equal(e.verdict, 'exceeds');
  });

  for (const [id, reported] of [
    ['whodunnit-initial', 2],
    ['whodunnit-secondary', 3],
    ['whodunnit-role-everywhere', 2],
  ] as const) {
    it(`whodunnit ${id} (reported ${reported} %) is inside the band and fits`, () => {
      const e = estimateSessionToken(byId(id).input);
      assert.equal(byId(id).reported.value, reported);
      assert.ok(e.legacy.tags.low <= reported && reported <= e.legacy.tags.high, JSON.stringify(e.legacy.tags));
      assert.equal(e.verdict, 'fits');
    });
  }

  it('every fitted observation and every check that is not an illustrative example lies inside its band', () => {
    const rows = OBS.filter((o) => o.use === 'fit' || (o.use === 'check' && o.reliability !== 'low'));
    assert.ok(rows.length >= 11, `${rows.length} rows`);
    for (const o of rows) {
      const b = component(estimateSessionToken(o.input), o.reported.component);
      assert.ok(b.low <= o.reported.value! && o.reported.value! <= b.high, `${o.id}: reported ${o.reported.value}, band ${b.low}–${b.high}`);
    }
  });

  it('no observed failure is called fits (and none with an input is below near-limit)', () => {
    const failures = OBS.filter((o) => o.reported.outcome === 'failure' && o.input);
    assert.deepEqual(
      failures.map((o) => o.id),
      ['configure-aws-credentials-1898', 'polaris-3243'],
    );
    for (const o of failures) assert.notEqual(estimateSessionToken(o.input).verdicts.legacy, 'fits', o.id);
  });

  it('the evaluation recorded in the constants meets the targets (LOO MAE ≤ 5 pp, no failure called fits)', () => {
    assert.ok(CONSTANTS.evaluation.looMaePp <= 5, String(CONSTANTS.evaluation.looMaePp));
    assert.equal(CONSTANTS.evaluation.failuresCalledFits, 0);
  });
});

/** Two tags, `A` = 256 characters and `B` = `x` characters: the tag percentage as a function of x. */
const twoTags = (x: number) => ({
  Tags: [
    { Key: 'A', Value: 'v'.repeat(256) },
    { Key: 'B', Value: 'w'.repeat(x) },
  ],
});
const tagPercent = (chars: number, n: number): number => (100 * (chars + CONSTANTS.tags.perTagUnits * n)) / CONSTANTS.tags.budgetUnits;

describe('legacy limits at n-1, n, n+1', () => {
  it('the tag estimate crosses 100 % where the fitted constants put it', () => {
    // smallest x with 100 × (258 + x + 2 × perTag) / budget > 100
    const n = Math.floor(CONSTANTS.tags.budgetUnits - 2 * CONSTANTS.tags.perTagUnits - 258) + 1;
    assert.ok(tagPercent(258 + n - 1, 2) <= 100 && tagPercent(258 + n, 2) > 100);
    const [below, at, above] = [n - 1, n, n + 1].map((x) => estimateSessionToken(twoTags(x)));
    assert.equal(below!.verdicts.legacy, 'near-limit');
    assert.equal(at!.verdicts.legacy, 'exceeds');
    assert.equal(above!.verdicts.legacy, 'exceeds');
    assert.ok(below!.legacy.tags.percent <= 100);
    assert.deepEqual([at!.verdicts.legacyTags, at!.verdicts.legacyPolicy], ['exceeds', 'fits']);
  });

  it('the near-limit threshold is the reported high bound (rounded up to 0.1) reaching the near-limit fraction of 100 %', () => {
    const { relUnder } = CONSTANTS.band.tags;
    const high = (x: number): number => Math.ceil((tagPercent(258 + x, 2) * (1 + relUnder) + CONSTANTS.band.roundingPp) * 10 - 1e-9) / 10;
    let n = 0;
    while (high(n) < CONSTANTS.nearLimitFraction * 100) n++;
    assert.ok(n > 0 && n < 256, `threshold at ${n}`);
    assert.equal(estimateSessionToken(twoTags(n - 1)).verdicts.legacy, 'fits');
    assert.equal(estimateSessionToken(twoTags(n)).verdicts.legacy, 'near-limit');
    assert.equal(estimateSessionToken(twoTags(n + 1)).verdicts.legacy, 'near-limit');
  });
});

describe('session token', () => {
  const input = byId('aws-labs-cloudtrail-2025-10-27').input!;

  it('is the baseline plus 4/3 of the packed bytes, in whole base64 quads, within its band', () => {
    const e = estimateSessionToken(input);
    assert.equal(e.sessionToken.sessionTokenSize % 4, 0);
    assert.ok(e.sessionToken.low <= e.sessionToken.sessionTokenSize && e.sessionToken.sessionTokenSize <= e.sessionToken.high);
    assert.equal(e.sessionToken.limit, CONSTANTS.token.limitBytes);
    assert.equal(e.sessionToken.sessionTokenUtilization, Math.round((1000 * e.sessionToken.sessionTokenSize) / e.sessionToken.limit) / 10);
    // The token that came back with this policy was 1,124 characters: inside the band.
    assert.ok(e.sessionToken.low <= 1124 && 1124 <= e.sessionToken.high, `${e.sessionToken.low}–${e.sessionToken.high}`);
  });

  it('tokenLimitBytes at n-1, n, n+1 around the estimate', () => {
    const { sessionTokenSize: bytes } = estimateSessionToken(input).sessionToken;
    assert.equal(estimateSessionToken(input, { tokenLimitBytes: bytes - 1, regime: 'token' }).verdict, 'exceeds');
    assert.equal(estimateSessionToken(input, { tokenLimitBytes: bytes, regime: 'token' }).verdict, 'near-limit');
    assert.equal(estimateSessionToken(input, { tokenLimitBytes: bytes + 1, regime: 'token' }).verdict, 'near-limit');
  });

  it('near-limit when the high bound reaches the near-limit fraction of the limit', () => {
    const { high } = estimateSessionToken(input).sessionToken;
    const n = Math.floor(high / CONSTANTS.nearLimitFraction); // largest limit with high ≥ fraction × limit
    assert.equal(estimateSessionToken(input, { tokenLimitBytes: n - 1, regime: 'token' }).verdict, 'near-limit');
    assert.equal(estimateSessionToken(input, { tokenLimitBytes: n, regime: 'token' }).verdict, 'near-limit');
    assert.equal(estimateSessionToken(input, { tokenLimitBytes: n + 1, regime: 'token' }).verdict, 'fits');
  });

  it('the #1898 tags fit the 4,096-byte token limit, but near it; the combined verdict is the worse one', () => {
    const o = byId('configure-aws-credentials-1898').input;
    assert.equal(estimateSessionToken(o, { regime: 'token' }).verdict, 'near-limit');
    assert.equal(estimateSessionToken(o, { regime: 'legacy' }).verdict, 'exceeds');
    assert.equal(estimateSessionToken(o).verdict, 'exceeds');
  });

  it('MinimumSessionTokenSize pads the token', () => {
    const e = estimateSessionToken({ ...input, MinimumSessionTokenSize: 4000 });
    assert.equal(e.sessionToken.sessionTokenSize, 4000);
    assert.equal(e.sessionToken.low, 4000);
    assert.ok(e.sessionToken.assumptions.includes('MinimumSessionTokenSize 4000 pads the token to at least 4000 bytes.'));
    assert.equal(e.breakdown.at(-1)!.label, 'Token baseline (regional, padded to MinimumSessionTokenSize 4000)');
  });

  it('the global-legacy format uses its own, smaller baseline', () => {
    const regional = estimateSessionToken({});
    const global = estimateSessionToken({}, { tokenFormat: 'global-legacy' });
    assert.ok(global.sessionToken.sessionTokenSize < regional.sessionToken.sessionTokenSize);
    assert.equal(global.sessionToken.sessionTokenSize, Math.ceil(CONSTANTS.token.baselines['global-legacy'].point / 4) * 4);
  });

  it('states its assumptions', () => {
    const a = estimateSessionToken({}).sessionToken.assumptions;
    assert.equal(a.length, 6);
    assert.match(a[0]!, /^Token format: regional \(IQoJ…\) session token; baseline \d+–\d+ bytes \(median \d+\)/);
    assert.equal(a[5], 'Limit: 4096 bytes (the documented maximum since 2026-09-15; AWS says it may grow).');
    assert.equal(estimateSessionToken({}, { tokenLimitBytes: 8192 }).sessionToken.assumptions[5], 'Limit: 8192 bytes (from options.tokenLimitBytes).');
  });
});

describe('breakdown', () => {
  const input = {
    Policy: JSON.stringify({
      Version: '2012-10-17',
      Id: 'doc',
      Statement: [
        { Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject', 's3:GetObjectVersion', 's3:ListBucket', 's3:GetBucketLocation'], Resource: 'arn:aws:s3:::bucket/*' },
        { Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' },
      ],
    }),
    PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
    Tags: [{ Key: 'Project', Value: 'Unicorn' }],
  };
  const e = estimateSessionToken(input, { inheritedTransitiveTags: [{ Key: 'team', Value: 'platform' }] });

  it('lists every statement, ARN, tag and inherited tag, with paths and labels', () => {
    assert.deepEqual(
      e.breakdown.map((b) => [b.kind, b.path, b.label]),
      [
        ['statement', '/Policy/Statement/0', 'Statement 0 (Sid Read): s3:GetObject, s3:GetObjectVersion, s3:ListBucket, …'],
        ['policy-arn', '/PolicyArns/0', 'arn:aws:iam::aws:policy/ReadOnlyAccess'],
        ['statement', '/Policy/Statement/1', 'Statement 1: s3:DeleteObject'],
        ['policy-other', '/Policy', 'Policy members outside Statement (Id, unknown keys)'],
        ['tag', '/Tags/0', 'Tag Project (value: 7 characters)'],
        ['inherited-tag', '/inheritedTransitiveTags/0', 'Inherited tag team (value: 8 characters)'],
        ['token-baseline', '', 'Token baseline (regional)'],
      ],
    );
  });

  it('token bytes add up to the token estimate; legacy points add up to each percentage (to rounding)', () => {
    assert.equal(
      e.breakdown.reduce((s, b) => s + b.sessionTokenBytes, 0),
      e.sessionToken.sessionTokenSize,
    );
    const sum = (c: string) => e.breakdown.filter((b) => b.component === c).reduce((s, b) => s + b.legacyPercent, 0);
    assert.ok(Math.abs(sum('policy') - e.legacy.policy.percent) <= 0.2, `${sum('policy')} vs ${e.legacy.policy.percent}`);
    assert.ok(Math.abs(sum('tags') - e.legacy.tags.percent) <= 0.2);
  });

  it('inherited transitive tags count like session tags', () => {
    const without = estimateSessionToken(input);
    assert.ok(e.legacy.tags.percent > without.legacy.tags.percent);
    assert.equal(e.legacy.policy.percent, without.legacy.policy.percent);
  });

  it('TransitiveTagKeys does not change the size (documented)', () => {
    assert.deepEqual(estimateSessionToken({ ...input, TransitiveTagKeys: ['Project'] }), estimateSessionToken(input));
  });
});

describe('inputs that cannot be fully measured', () => {
  it('a policy that is not JSON is measured as raw text and the verdict is unknown', () => {
    const e = estimateSessionToken({ Policy: 'Allow everything' });
    assert.equal(e.verdict, 'unknown');
    assert.deepEqual(e.notes, ['Policy is not a JSON object, so it was measured as raw text (16 characters, JSON syntax included); STS would reject it as MalformedPolicyDocument.']);
    assert.ok(e.legacy.policy.percent > 0);
    assert.equal(e.breakdown[0]!.kind, 'policy-text');
  });

  it('a member of the wrong type is skipped: unknown, unless what was measured already exceeds', () => {
    const e = estimateSessionToken({ Tags: [{ Key: 'a', Value: 'b' }, { Key: 7, Value: 'x' }] });
    assert.equal(e.verdict, 'unknown');
    assert.deepEqual(e.notes, ['Tag 1 has no string Key and Value; not measured.']);
    const big = byId('configure-aws-credentials-1898').input!;
    const e2 = estimateSessionToken({ ...big, PolicyArns: 'arn:aws:iam::aws:policy/ReadOnlyAccess' });
    assert.equal(e2.verdict, 'exceeds');
    assert.deepEqual(e2.notes, ['PolicyArns is a string, not an array; not measured.']);
  });

  it('a policy given as an object is measured as its JSON text, with a note', () => {
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] };
    const e = estimateSessionToken({ Policy: doc });
    assert.equal(e.legacy.policy.percent, estimateSessionToken({ Policy: JSON.stringify(doc) }).legacy.policy.percent);
    assert.deepEqual(e.notes, ['Policy is an object, not a string; it was measured as its compact JSON text (STS takes the policy as a string).']);
    assert.equal(e.verdict, 'fits');
  });

  it('a cyclic policy object, a non-object input and a throwing getter give unknown with a note', () => {
    const cyclic: Record<string, unknown> = { Statement: [] };
    cyclic['self'] = cyclic;
    assert.deepEqual(estimateSessionToken({ Policy: cyclic }).notes, ['Policy is an object that cannot be serialized to JSON; not measured.']);
    assert.equal(estimateSessionToken({ Policy: cyclic }).verdict, 'unknown');
    assert.deepEqual(estimateSessionToken(null).notes, ['The input is null, not an object of AssumeRole parameters; nothing was measured.']);
    assert.deepEqual(estimateSessionToken([1]).notes, ['The input is an array, not an object of AssumeRole parameters; nothing was measured.']);
    const hostile = Object.defineProperty({}, 'Tags', {
      enumerable: true,
      get() {
        throw new TypeError('secret-value-123');
      },
    });
    const h = estimateSessionToken(hostile);
    assert.equal(h.verdict, 'unknown');
    assert.deepEqual(h.notes, ['The input could not be read (TypeError while reading it); nothing was measured.']);
  });

  it('bad options are reported and replaced by defaults', () => {
    const e = estimateSessionToken({}, { operation: 'GetSessionToken' as never, tokenFormat: 'x' as never, regime: 'y' as never, tokenLimitBytes: -1 });
    assert.deepEqual(e.notes, [
      'options.operation "GetSessionToken" is not an STS operation that takes session policies or tags; AssumeRole assumed.',
      'options.tokenFormat must be "regional" or "global-legacy"; regional assumed.',
      'options.regime must be "both", "legacy" or "token"; both assumed.',
      'options.tokenLimitBytes must be a positive number; 4096 assumed.',
    ]);
    assert.equal(e.sessionToken.limit, 4096);
  });

  it('an empty input fits with zero legacy percentages and the bare token baseline', () => {
    const e = estimateSessionToken({});
    assert.deepEqual(e.legacy.policy, { percent: 0, low: 0, high: 0 });
    assert.deepEqual(e.legacy.tags, { percent: 0, low: 0, high: 0 });
    assert.equal(e.verdict, 'fits');
    assert.deepEqual(e.notes, []);
  });
});
