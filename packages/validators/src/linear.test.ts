/**
 * Every check is linear in the input (issue 13, defect 2): duplicate and cross-member checks of Tags and
 * TransitiveTagKeys used to compare every pair, so 50,000 keys never finished. The bound below is for 200,000
 * items on a shared 2-core CI machine: measured 0.9–1.0 s per case when the machine is quiet, up to 10 s under load
 * (a pairwise check needs 2·10^10 comparisons: minutes).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateAssumeRole, validateTags, validateTransitiveTagKeys } from './index.js';

const N = 200_000;
const BOUND_MS = 20_000;
const base = { RoleArn: 'arn:aws:iam::123456789012:role/demo', RoleSessionName: 'linear-test' };

function timed<T>(f: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = f();
  return { value, ms: performance.now() - start };
}

describe('linear time on 200,000 items', () => {
  it('200,000 duplicate tags: every duplicate reported, within the bound', () => {
    const Tags = Array.from({ length: N }, (_, i) => ({ Key: i % 2 === 0 ? 'team' : 'TEAM', Value: 'x' }));
    const { value, ms } = timed(() => validateAssumeRole({ ...base, Tags }));
    const dups = value.issues.filter((i) => i.code === 'duplicateKey');
    assert.equal(dups.length, N - 1);
    assert.equal(dups[0]?.message.includes('Tags[1].Key'), true);
    assert.ok(value.issues.some((i) => i.code === 'tooManyItems'));
    assert.ok(ms < BOUND_MS, `${ms.toFixed(0)} ms`);
  });

  it('200,000 distinct tags and 200,000 transitive keys naming them: no pairwise work', () => {
    const Tags = Array.from({ length: N }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    const TransitiveTagKeys = Array.from({ length: N }, (_, i) => `K${N - 1 - i}`);
    const { value, ms } = timed(() => validateAssumeRole({ ...base, Tags, TransitiveTagKeys }));
    assert.deepEqual(value.issues.map((i) => i.code).sort(), ['tooManyItems', 'tooManyItems']);
    assert.ok(ms < BOUND_MS, `${ms.toFixed(0)} ms`);
  });

  it('200,000 duplicate TransitiveTagKeys, with inherited keys, through the library entry points', () => {
    const keys = Array.from({ length: N }, (_, i) => (i % 3 === 0 ? 'a' : `b${i % 1000}`));
    const { value, ms } = timed(() => validateTransitiveTagKeys(keys));
    assert.equal(value.filter((i) => i.code === 'duplicateKey').length, N - 1001);
    const tags = timed(() => validateTags(keys.map((Key) => ({ Key, Value: 'v' })), { inheritedTransitiveTagKeys: Array.from({ length: N }, (_, i) => `i${i}`) }));
    assert.ok(ms + tags.ms < BOUND_MS, `${(ms + tags.ms).toFixed(0)} ms`);
  });

  it('case folding beyond ASCII still finds what Java\'s equalsIgnoreCase finds (KELVIN SIGN = k)', () => {
    const r = validateAssumeRole({ ...base, Tags: [{ Key: 'k', Value: 'v' }, { Key: '\u212a', Value: 'v' }, { Key: 'Ä', Value: 'v' }, { Key: 'ä', Value: 'v' }] });
    assert.deepEqual(
      r.issues.filter((i) => i.code === 'duplicateKey').map((i) => i.path),
      ['/Tags/1/Key', '/Tags/3/Key'],
    );
  });
});
