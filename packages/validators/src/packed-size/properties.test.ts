/**
 * Properties of the estimator: it never throws, it is deterministic, and it is monotone (adding a tag,
 * an inherited tag, a managed policy ARN or a statement never lowers any estimate or bound).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { estimateSessionToken, formatEstimateTable, suggestShrink, type SessionTokenEstimate } from './index.js';

const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('s3:GetObject', 'arn:aws:s3:::bucket/*', '*', ''));
const tag = fc.record({ Key: fc.string({ minLength: 1, maxLength: 128 }), Value: fc.string({ maxLength: 256 }) });
const listOrOne = fc.oneof(text, fc.array(text, { maxLength: 6 }));
const statement = fc.record(
  {
    Sid: fc.string({ maxLength: 20 }),
    Effect: fc.constantFrom('Allow', 'Deny'),
    Action: listOrOne,
    Resource: listOrOne,
    Condition: fc.dictionary(fc.constantFrom('StringEquals', 'StringLike', 'Bool'), fc.dictionary(text, listOrOne, { maxKeys: 2 }), { maxKeys: 2 }),
  },
  { requiredKeys: ['Effect'] },
);
const policyDoc = fc.record({ Version: fc.constant('2012-10-17'), Statement: fc.array(statement, { maxLength: 8 }) });
const arn = fc.string({ maxLength: 80 }).map((s) => ({ arn: `arn:aws:iam::123456789012:policy/${s}` }));
const input = fc.record(
  { Policy: policyDoc, PolicyArns: fc.array(arn, { maxLength: 4 }), Tags: fc.array(tag, { maxLength: 12 }), RoleSessionName: fc.string() },
  { requiredKeys: [] },
);
type Input = { Policy?: { Version: string; Statement: unknown[] }; PolicyArns?: { arn: string }[]; Tags?: { Key: string; Value: string }[] };
const asRequest = (i: Input): Record<string, unknown> => ({ ...i, ...(i.Policy ? { Policy: JSON.stringify(i.Policy) } : {}) });
const SEVERITY = { fits: 0, 'near-limit': 1, exceeds: 2, unknown: 3 } as const;

function assertNotLower(before: SessionTokenEstimate, after: SessionTokenEstimate, what: string): void {
  const pairs: [string, number, number][] = [
    ['legacy.policy.percent', before.legacy.policy.percent, after.legacy.policy.percent],
    ['legacy.policy.high', before.legacy.policy.high, after.legacy.policy.high],
    ['legacy.policy.low', before.legacy.policy.low, after.legacy.policy.low],
    ['legacy.tags.percent', before.legacy.tags.percent, after.legacy.tags.percent],
    ['legacy.tags.high', before.legacy.tags.high, after.legacy.tags.high],
    ['token.bytes', before.sessionToken.sessionTokenSize, after.sessionToken.sessionTokenSize],
    ['token.high', before.sessionToken.high, after.sessionToken.high],
    ['token.low', before.sessionToken.low, after.sessionToken.low],
    ['verdict', SEVERITY[before.verdict], SEVERITY[after.verdict]],
  ];
  for (const [name, b, a] of pairs) assert.ok(a >= b, `${what}: ${name} went from ${b} to ${a}`);
}

describe('monotone', () => {
  it('adding a tag anywhere never lowers an estimate', () => {
    fc.assert(
      fc.property(input, tag, fc.nat(), (i, t, at) => {
        const tags = [...(i.Tags ?? [])];
        tags.splice(at % (tags.length + 1), 0, t);
        assertNotLower(estimateSessionToken(asRequest(i)), estimateSessionToken(asRequest({ ...i, Tags: tags })), 'tag');
      }),
      { numRuns: 300 },
    );
  });

  it('adding an inherited transitive tag never lowers an estimate', () => {
    fc.assert(
      fc.property(input, fc.array(tag, { maxLength: 6 }), tag, (i, inherited, t) => {
        const r = asRequest(i);
        assertNotLower(estimateSessionToken(r, { inheritedTransitiveTags: inherited }), estimateSessionToken(r, { inheritedTransitiveTags: [...inherited, t] }), 'inherited tag');
      }),
      { numRuns: 200 },
    );
  });

  it('adding a managed policy ARN never lowers an estimate', () => {
    fc.assert(
      fc.property(input, arn, (i, a) => {
        assertNotLower(estimateSessionToken(asRequest(i)), estimateSessionToken(asRequest({ ...i, PolicyArns: [...(i.PolicyArns ?? []), a] })), 'ARN');
      }),
      { numRuns: 200 },
    );
  });

  it('adding a statement anywhere (or a first policy) never lowers an estimate', () => {
    fc.assert(
      fc.property(input, statement, fc.nat(), (i, s, at) => {
        const doc = i.Policy ?? { Version: '2012-10-17', Statement: [] };
        const statements = [...doc.Statement];
        statements.splice(at % (statements.length + 1), 0, s);
        const before = i.Policy ? asRequest(i) : asRequest({ ...i, Policy: undefined });
        assertNotLower(estimateSessionToken(before), estimateSessionToken(asRequest({ ...i, Policy: { ...doc, Statement: statements } })), 'statement');
      }),
      { numRuns: 400 },
    );
  });
});

describe('never throws', () => {
  const hostile = (): unknown =>
    new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
        ownKeys() {
          throw new Error('boom');
        },
      },
    );

  it('on any value, as input or options', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }), fc.anything(), (i, o) => {
        const e = estimateSessionToken(i, o as never);
        assert.ok(['fits', 'near-limit', 'exceeds', 'unknown'].includes(e.verdict));
        assert.equal(typeof formatEstimateTable(e), 'string');
        assert.ok(Array.isArray(suggestShrink(i, o as never)));
      }),
      { numRuns: 500 },
    );
  });

  it('on request-shaped values with members of any type', () => {
    fc.assert(
      fc.property(fc.record({ Policy: fc.anything({ withBigInt: true }), PolicyArns: fc.anything(), Tags: fc.anything(), MinimumSessionTokenSize: fc.anything() }, { requiredKeys: [] }), (i) => {
        const e = estimateSessionToken(i);
        assert.ok(Number.isFinite(e.sessionToken.sessionTokenSize) && Number.isFinite(e.legacy.policy.percent) && Number.isFinite(e.legacy.tags.percent));
        suggestShrink(i);
      }),
      { numRuns: 500 },
    );
  });

  it('on proxies that throw, objects whose toJSON throws, BigInt policies and huge strings', () => {
    const throwingJson = { toJSON: () => { throw new Error('no'); } };
    for (const i of [hostile(), { Policy: hostile() }, { Tags: [hostile()] }, { Policy: throwingJson }, { Policy: { a: 1n } }, { Policy: 'x'.repeat(2_000_000) }, { Tags: new Array(100_000).fill({ Key: 'k', Value: 'v' }) }]) {
      const e = estimateSessionToken(i, { inheritedTransitiveTags: hostile() as never });
      assert.ok(['fits', 'near-limit', 'exceeds', 'unknown'].includes(e.verdict));
      assert.ok(Array.isArray(suggestShrink(i)));
    }
    assert.equal(estimateSessionToken(hostile()).verdict, 'unknown');
    assert.equal(estimateSessionToken({}, hostile() as never).verdict, 'unknown');
  });
});

describe('deterministic', () => {
  it('the same input gives the same estimate and the same suggestions', () => {
    fc.assert(
      fc.property(input, fc.array(tag, { maxLength: 3 }), (i, inherited) => {
        const r = asRequest(i);
        const once = estimateSessionToken(r, { inheritedTransitiveTags: inherited });
        assert.deepEqual(estimateSessionToken(r, { inheritedTransitiveTags: inherited }), once);
        // A copy (fast-check makes some objects with a null prototype; compare as JSON) gives the same result too.
        const copy = JSON.parse(JSON.stringify(r)) as unknown;
        assert.equal(JSON.stringify(estimateSessionToken(copy, { inheritedTransitiveTags: JSON.parse(JSON.stringify(inherited)) })), JSON.stringify(once));
        assert.equal(JSON.stringify(suggestShrink(copy)), JSON.stringify(suggestShrink(r)));
      }),
      { numRuns: 150 },
    );
  });
});
