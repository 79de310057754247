/**
 * The fast path's shortcuts (internal/gate.ts, internal/request.ts) against the detailed pass on the inputs where a
 * shortcut could go wrong: tag keys equal only under Java's equalsIgnoreCase beyond ASCII, transitive keys in another
 * case or script, inherited keys, role paths of several segments, and the list-length guard's member names.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { membersOf, memberConstraints, PROFILES, type Operation } from './index.js';
import { CleanMemo, clearMemos } from './internal/memo.js';
import { BOUNDED_LISTS, validateRequest, validateRequestDetailed } from './internal/request.js';
import { full, minimal } from '../test/helpers.js';

const OPS: Operation[] = ['AssumeRole', 'AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML'];
const KELVIN = '\u212A'; // equal to "k" and "K" under equalsIgnoreCase (its lower case is "k")

function agree(input: Record<string, unknown>, options?: Record<string, unknown>): boolean {
  const fast = validateRequest('AssumeRole', input, options);
  assert.deepEqual(fast, validateRequestDetailed('AssumeRole', input, options));
  return fast.valid && fast.issues.length === 0;
}

const tags = (...keys: string[]) => keys.map((Key) => ({ Key, Value: 'v' }));

describe('tag gate agrees with the detailed pass', () => {
  const cases: [string, Record<string, unknown>, boolean, Record<string, unknown>?][] = [
    ['distinct ASCII keys', { Tags: tags('Project', 'Team') }, true],
    ['ASCII keys equal ignoring case', { Tags: tags('Project', 'PROJECT') }, false],
    ['"k" and KELVIN SIGN', { Tags: tags('k', KELVIN) }, false],
    ['"Kx" and KELVIN SIGN + "x"', { Tags: tags('Kx', `${KELVIN}x`) }, false],
    // The table hashes four units of a key (first, middle, last two): KELVIN SIGN at index 1 of five is not one.
    ['"akxyz" and "a" KELVIN SIGN "xyz" (unit not hashed)', { Tags: tags('akxyz', `a${KELVIN}xyz`) }, false],
    ['transitive "a" KELVIN SIGN "xyz" naming tag "AKXYZ"', { Tags: tags('AKXYZ', 'b'), TransitiveTagKeys: [`a${KELVIN}xyz`] }, true],
    ['transitive keys "akxyz" and "a" KELVIN SIGN "xyz"', { Tags: tags('akxyz'), TransitiveTagKeys: ['akxyz', `a${KELVIN}xyz`] }, false],
    ['non-ASCII keys, distinct', { Tags: tags('Équipe', 'équipe2') }, true],
    ['non-ASCII keys equal ignoring case', { Tags: tags('Équipe', 'ÉQUIPE') }, false],
    ['transitive key in another case', { Tags: tags('Project'), TransitiveTagKeys: ['project'] }, true],
    ['transitive KELVIN SIGN naming an ASCII tag', { Tags: tags('k'), TransitiveTagKeys: [KELVIN] }, true],
    ['transitive ASCII key naming a KELVIN SIGN tag', { Tags: tags(KELVIN), TransitiveTagKeys: ['K'] }, true],
    ['transitive key naming no tag', { Tags: tags('Project'), TransitiveTagKeys: ['Team'] }, false],
    ['transitive keys repeated in another case', { Tags: tags('Project'), TransitiveTagKeys: ['Project', 'PROJECT'] }, false],
    ['transitive keys repeated via KELVIN SIGN', { Tags: tags('k'), TransitiveTagKeys: ['k', KELVIN] }, false],
    ['transitive keys without tags', { TransitiveTagKeys: ['Project'] }, false],
    ['empty transitive keys without tags', { TransitiveTagKeys: [] }, true],
    ['reserved prefix in a key', { Tags: tags('AWS:x') }, false],
    ['reserved prefix in a value', { Tags: [{ Key: 'a', Value: 'aws:v' }] }, false],
    ['a key the session inherits', { Tags: tags('Project') }, false, { inheritedTransitiveTagKeys: ['PROJECT'] }],
    ['an inherited key that is not a tag', { Tags: tags('Project') }, true, { inheritedTransitiveTagKeys: ['Team'] }],
    ['KELVIN SIGN inherited', { Tags: tags('k') }, false, { inheritedTransitiveTagKeys: [KELVIN] }],
  ];
  for (const [name, extra, valid, options] of cases) {
    it(name, () => {
      const input = minimal(extra);
      assert.equal(agree(input, options), valid);
    });
  }

  it('50 ASCII tags with a duplicate at the end, and without', () => {
    const keys = Array.from({ length: 50 }, (_, i) => `key-${i}`);
    assert.equal(agree(full({ Tags: tags(...keys), TransitiveTagKeys: ['key-0', 'KEY-49'] })), true);
    assert.equal(agree(full({ Tags: tags(...keys.slice(0, 49), 'KEY-0'), TransitiveTagKeys: [] })), false);
  });
});

describe('re-entrant validation from a getter', () => {
  it('a transitive key whose getter validates another request mid-check still gets the detailed verdict', () => {
    const inner = minimal({ Tags: tags('Team', 'Project'), TransitiveTagKeys: ['Project'] });
    const transitive = ['Project'];
    Object.defineProperty(transitive, 1, {
      enumerable: true,
      get: () => {
        assert.equal(validateRequest('AssumeRole', inner).valid, true);
        return 'PROJECT';
      },
    });
    // The same key twice (in another case): not clean, however the inner call used the shared table.
    assert.equal(agree(minimal({ Tags: tags('Project', 'Team'), TransitiveTagKeys: transitive })), false);
  });
});

describe('memory of clean texts', () => {
  it('remembers exactly the texts added, one per slot, and skips long texts', () => {
    const memo = new CleanMemo(8, 5);
    assert.equal(memo.has(''), false);
    memo.add('a');
    assert.equal(memo.has('a'), true);
    assert.equal(memo.has('b'), false);
    // A text that shares a slot replaces the one there; nothing is ever reported that was not added.
    const added = Array.from({ length: 40 }, (_, i) => `t${i}`);
    for (const t of added) memo.add(t);
    assert.equal(memo.has(added[39]!), true);
    const kept = added.filter((t) => memo.has(t)).length;
    assert.ok(kept >= 1 && kept <= 8, `${kept}`);
    for (let i = 40; i < 200; i++) assert.equal(memo.has(`t${i}`), false);
    memo.add('123456');
    assert.equal(memo.has('123456'), false);
    memo.add('12345');
    assert.equal(memo.has('12345'), true);
    clearMemos();
    assert.equal(memo.has('12345'), false);
    assert.throws(() => new CleanMemo(6, 1), /power of two/);
  });

  it('a remembered role ARN, policy ARN or policy still gets every other finding of its request', () => {
    const input = full();
    assert.equal(validateRequest('AssumeRole', input).valid, true);
    for (const broken of [{ RoleSessionName: 'has space' }, { DurationSeconds: 43201 }, { Tags: tags('aws:x') }]) {
      assert.equal(agree({ ...input, ...broken }), false);
    }
  });
});

describe('list-length guard', () => {
  it('names every list member of every profile and operation', () => {
    const lists = new Set<string>();
    for (const profile of PROFILES) {
      for (const op of OPS) for (const m of membersOf(profile, op)) if (memberConstraints(profile, op, m)?.type === 'list') lists.add(m);
    }
    assert.deepEqual([...lists].sort(), [...BOUNDED_LISTS].sort());
  });
});
