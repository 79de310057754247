/**
 * The measuring layer: UTF-8 and length-prefix arithmetic, the monotone compressed-size measure, and
 * which strings of a policy the model keeps.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { nulJoined } from '../../internal/deflate-model.js';
import { framingBytes, keptStrings, measurePolicy, novelGramBits, utf8Length } from './features.js';

const Q = 9;
/** Units the model gives a list of kept strings: measure bits / 8 plus the length prefixes. */
function unitsOf(strings: string[], q = Q): number {
  return novelGramBits(strings, q).reduce((s, b) => s + b, 0) / 8 + strings.reduce((s, x) => s + framingBytes(utf8Length(x)), 0);
}

/** The measure written the slow, obvious way (TextEncoder bytes, q-grams as strings) to check the fast one. */
function referenceBits(strings: string[], q: number): number[] {
  const te = new TextEncoder();
  const seen = new Set<string>();
  const counts = new Array<number>(256).fill(0);
  let novel = 0;
  return strings.map((s) => {
    const bytes = [...Array<number>(q - 1).fill(256), ...te.encode(s)];
    let bits = 0;
    for (let i = q - 1; i < bytes.length; i++) {
      const gram = bytes.slice(i - q + 1, i + 1).join(',');
      if (seen.has(gram)) continue;
      seen.add(gram);
      const x = bytes[i]!;
      bits += -Math.log2((counts[x]! + 0.5) / (novel + 128));
      counts[x]!++;
      novel++;
    }
    return bits;
  });
}

describe('novelGramBits: the compressed-size measure', () => {
  const total = (strings: string[], q = Q): number => novelGramBits(strings, q).reduce((s, b) => s + b, 0);

  it('equals the obvious implementation, per string, for any strings and q', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { maxLength: 8 }), fc.integer({ min: 1, max: 12 }), (strings, q) => {
        const fast = novelGramBits(strings, q);
        referenceBits(strings, q).forEach((r, i) => assert.ok(Math.abs(r - fast[i]!) < 1e-9, `string ${i}: ${fast[i]} vs ${r}`));
      }),
      { numRuns: 300 },
    );
  });

  it('never decreases when a string is added anywhere (any strings, any q)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 30 }), { maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 30 }), fc.nat(), fc.integer({ min: 1, max: 16 }), (strings, extra, at, q) => {
        const more = [...strings];
        more.splice(at % (strings.length + 1), 0, extra);
        assert.ok(total(more, q) >= total(strings, q) - 1e-9);
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on the order of the strings', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { minLength: 2, maxLength: 10 }), fc.nat(), (strings, seed) => {
        const shuffled = [...strings].sort((a, b) => ((a.length * 31 + seed) % 7) - ((b.length * 31 + seed) % 7) || (a < b ? -1 : 1));
        assert.ok(Math.abs(total(shuffled) - total(strings)) < 1e-6);
      }),
      { numRuns: 300 },
    );
  });

  it('charges a repeated string nothing, and its first copy what an adaptive byte code would', () => {
    const path = 'f5a4d86558ed1f7fddec42ce11d8ee3a/e3fa7fd44796b949fce728cb334f3c15';
    const once = total([path]);
    assert.equal(total([path, path]), once);
    assert.ok(once / 8 > 30 && once / 8 < path.length, `${once / 8} bytes for ${path.length} characters`);
  });

  it('is monotone where raw DEFLATE is not: a duplicate statement can shrink DEFLATE output', () => {
    // Found by fast-check: inserting this statement at index 2 shrinks raw DEFLATE of the kept strings
    // (fflate 0.8, level 9) while the model only adds the two strings' length prefixes.
    const statements: unknown[] = [
      { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::*' },
      { Sid: 'a', Effect: 'Allow', Action: ['ec2:Describe*', '*'], Resource: ['arn:aws:s3:::*'], Condition: { StringEquals: { 'aws:PrincipalTag/team': ['a'] } } },
      { Sid: 'a', Effect: 'Allow', Action: '*', Resource: ['arn:aws:s3:::04ab000a'], Condition: { StringEquals: { 'aws:PrincipalTag/team': ['arn:aws:s3:::00aaaa0a'] } } },
      { Sid: 'a', Effect: 'Allow', Action: 's3:Geta', Resource: ['*'] },
      { Effect: 'Allow', Action: ['s3:Geta'], Resource: ['arn:aws:cloudwatch:::a00aa000', '*'] },
      { Effect: 'Allow', Action: ['s3:Geta'], Resource: '*', Condition: { ArnLike: { 'aws:PrincipalTag/team': ['a'] } } },
      {
        Sid: 'a',
        Effect: 'Allow',
        Action: ['s3:Geta', '*'],
        Resource: 'arn:aws:s3:::a',
        Condition: {
          StringEquals: { 's3:prefix': ['a'], 'aws:PrincipalTag/team': ['arn:aws:s3:::a'] },
          IpAddress: { 'aws:PrincipalTag/team': ['arn:aws:logs:us-east-1::2a00aaaaa/0a1a2aab13003040b4500bab/0b5b5cba50c5b/abb0b0b0b3bdbaa102c0010', 'arn:aws:lambda::123456789012:zq5K/48uD/f74903b2bbd6a3a/data', 'N4CTP', 'arn:aws:ec2:::ONg'] },
        },
      },
    ];
    const more = [...statements];
    more.splice(2, 0, { Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' });
    const doc = (s: unknown[]): string => JSON.stringify({ Version: '2012-10-17', Statement: s });
    const deflated = (s: unknown[]): number => deflateSync(nulJoined(keptStrings(doc(s))), { level: 9 }).length;
    assert.ok(deflated(more) < deflated(statements), `DEFLATE ${deflated(statements)} → ${deflated(more)}`);
    assert.equal(measurePolicy(doc(more), Q).units - measurePolicy(doc(statements), Q).units, 2);
  });
});

describe('utf8Length', () => {
  it('agrees with TextEncoder for any string, lone surrogates included', () => {
    const te = new TextEncoder();
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => assert.equal(utf8Length(s), te.encode(s).length)),
      { numRuns: 500 },
    );
  });
});

describe('framingBytes (varint length prefix)', () => {
  for (const [n, size] of [
    [0, 1],
    [127, 1],
    [128, 2],
    [129, 2],
    [16383, 2],
    [16384, 3],
    [16385, 3],
  ] as const) {
    it(`${n} bytes → ${size}`, () => assert.equal(framingBytes(n), size));
  }
});

describe('measurePolicy: which strings count', () => {
  const units = (doc: unknown): number => measurePolicy(JSON.stringify(doc), Q).units;
  const expected = (strings: string[]): number => unitsOf(strings);

  it('keeps Sids, actions, resources and conditions; drops keywords and the fixed Version and Effect values', () => {
    const doc = {
      Version: '2012-10-17',
      Statement: [{ Sid: 'S1', Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::b/*', Condition: { StringLike: { 's3:prefix': 'p/*' } } }],
    };
    assert.equal(units(doc), expected(['S1', 's3:GetObject', 'arn:aws:s3:::b/*', 'StringLike', 's3:prefix', 'p/*']));
  });

  it('keeps a Version or Effect value that is not one of the grammar values', () => {
    assert.equal(units({ Version: '2012-10-18', Statement: { Effect: 'Permit', Action: 'a' } }), expected(['2012-10-18', 'Permit', 'a']));
  });

  it('keeps unknown member names and their values, numbers and booleans as text; skips null and empty strings', () => {
    assert.equal(units({ Id: 'x', Extra: [1, true, null, ''], Statement: [{ Sid: '', Action: 'a', Other: { k: 2 } }] }), expected(['x', 'Extra', '1', 'true', 'a', 'Other', 'k', '2']));
  });

  it('ignores whitespace: pretty-printed and compact policies measure the same', () => {
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['ec2:Describe*', 's3:List*'], Resource: '*' }] };
    assert.equal(measurePolicy(JSON.stringify(doc, null, 4), Q).units, measurePolicy(JSON.stringify(doc), Q).units);
  });

  it('splits the units exactly between statements and the members outside them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ Sid: fc.string({ maxLength: 12 }), Action: fc.array(fc.string({ maxLength: 30 }), { maxLength: 5 }), Resource: fc.string({ maxLength: 80 }) }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
        (statements, id) => {
          const m = measurePolicy(JSON.stringify({ Version: '2012-10-17', ...(id === undefined ? {} : { Id: id }), Statement: statements }), Q);
          const total = m.statements.reduce((s, x) => s + x.units, 0) + m.otherUnits;
          assert.ok(Math.abs(total - m.units) < 1e-6, `${total} vs ${m.units}`);
          assert.equal(m.statements.length, statements.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('measures text that is not a JSON object as one raw string', () => {
    for (const text of ['not json', '[1,2]', '"a string"', '42']) {
      const m = measurePolicy(text, Q);
      assert.equal(m.kind, 'text', text);
      assert.equal(m.units, expected([text]));
      assert.equal(m.otherUnits, m.units);
    }
  });

  it('an empty document has no units', () => {
    assert.equal(measurePolicy('{}', Q).units, 0);
    assert.equal(measurePolicy('{"Version":"2012-10-17","Statement":[]}', Q).units, 0);
    assert.equal(measurePolicy('', Q).units, 0);
  });

  it('keptStrings returns the same strings measurePolicy measures', () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'S', Effect: 'Deny', NotAction: ['iam:*'], Resource: '*' }] });
    assert.deepEqual(keptStrings(text), ['S', 'iam:*', '*']);
    assert.equal(measurePolicy(text, Q).units, unitsOf(keptStrings(text)));
    assert.deepEqual(keptStrings('not json'), ['not json']);
  });
});
