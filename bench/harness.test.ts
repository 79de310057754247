/**
 * The benchmark harness's pure parts (bench/harness.ts): statistics, verdicts and the side-by-side scheduler,
 * the latter driven by a fake clock in which each call costs a known time, so the results are exact.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatSpread, median, meets, quantile, rate, sideBySide, spreadOf, verdict, type Clock } from './harness.js';

/** A fake clock: `work(ms)` advances wall and CPU time, `wait(ms)` only wall time; reading it costs nothing. */
function fakeClock(): Clock & { work: (ms: number) => void; wait: (ms: number) => void } {
  let wall = 0;
  let cpu = 0;
  return {
    now: () => wall,
    cpu: () => cpu,
    work: (ms) => {
      wall += ms;
      cpu += ms;
    },
    wait: (ms) => {
      wall += ms;
    },
  };
}

describe('statistics', () => {
  it('quantile interpolates between order statistics', () => {
    assert.equal(quantile([1, 2, 3, 4], 0), 1);
    assert.equal(quantile([1, 2, 3, 4], 1), 4);
    assert.equal(quantile([1, 2, 3, 4], 0.5), 2.5);
    assert.equal(quantile([1, 2, 3, 4, 5], 0.25), 2);
    assert.equal(quantile([10], 0.75), 10);
    assert.throws(() => quantile([], 0.5), /no values/);
  });

  it('median does not depend on order, and spreadOf gives min, quartiles and max', () => {
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.deepEqual(spreadOf([9, 1, 5, 3, 7]), { median: 5, min: 1, max: 9, q1: 3, q3: 7, n: 5 });
  });

  it('formats a spread and a verdict with the target', () => {
    assert.equal(formatSpread(spreadOf([1.2, 1.25, 1.3])), '1.25× (IQR 1.23–1.27, min–max 1.20–1.30, 3 rounds)');
    assert.equal(verdict(1.5, { op: '<=', value: 1.5 }), 'target ≤ 1.5×: PASS');
    assert.equal(verdict(1.51, { op: '<=', value: 1.5 }), 'target ≤ 1.5×: MISS');
    assert.equal(verdict(9999, { op: '>=', value: 10000 }, '/s'), 'target ≥ 10,000/s: MISS');
    assert.equal(meets(10000, { op: '>=', value: 10000 }), true);
  });
});

describe('sideBySide', () => {
  it('gives the exact cost ratio of each side to the baseline, and CPU and wall rates', () => {
    const clock = fakeClock();
    let calls = 0;
    const r = sideBySide(
      [
        () => clock.work(0.002),
        () => {
          clock.work(0.006);
          // Descheduled now and then: wall time passes, CPU time does not, and the ratio must not move.
          if (++calls % 100 === 0) clock.wait(0.3);
        },
        () => clock.work(0.001),
      ],
      { rounds: 9, sliceMs: 5, warmupMs: 20, clock },
    );
    assert.equal(r.ratios[0]?.median, 1);
    for (const [i, expected] of [[1, 3], [2, 0.5]] as const) {
      const s = r.ratios[i]!;
      assert.equal(s.n, 9);
      assert.ok(Math.abs(s.median - expected) < 1e-9, `side ${i}: ${s.median}`);
      assert.ok(Math.abs(s.max - s.min) < 1e-9, `side ${i} spread ${s.min}–${s.max}`);
    }
    assert.ok(Math.abs(r.totals[0]!.perCpuSec - 500_000) < 1e-3);
    assert.ok(Math.abs(r.totals[0]!.perSec - 500_000) < 1e-3);
    // Side 1 waits 0.3 ms after every 100 calls of 0.006 ms (0.6 ms): a third of its wall time. Slices end between
    // batches, not on a multiple of 100 calls, hence the tolerance on the wall rate.
    assert.ok(Math.abs(r.totals[1]!.perCpuSec - 1_000_000 / 6) < 1e-3);
    assert.ok(Math.abs(r.totals[1]!.perSec / (1_000_000 / 9) - 1) < 0.01, `${r.totals[1]!.perSec}`);
    // Every side got about the same CPU time (9 slices of at least 5 ms, overshooting by under one batch).
    for (const t of r.totals) assert.ok(t.cpuMs >= 45 && t.cpuMs < 45 + 9 * 2, `${t.cpuMs}`);
  });

  it('a slice that gets no CPU ends after ten times its length of wall time', () => {
    let wall = 0;
    const clock: Clock = { now: () => wall, cpu: () => 0 };
    const r = sideBySide([() => (wall += 0.01), () => (wall += 0.02)], { rounds: 3, sliceMs: 1, warmupMs: 1, clock });
    // Without CPU readings the ratio falls back to wall time.
    assert.ok(Math.abs(r.ratios[1]!.median - 2) < 1e-9);
    for (const t of r.totals) assert.ok(t.wallMs >= 30 && t.wallMs < 31, `${t.wallMs}`);
  });

  it('a load that changes between rounds hits both sides of a round and leaves the ratio alone', () => {
    const clock = fakeClock();
    // Every 30 ms of wall time the machine gets 1× or 4× slower: a best-of-N per side would depend on which side
    // caught the quiet periods; the per-round ratio does not.
    const load = (): number => (Math.floor(clock.now() / 30) % 2 === 0 ? 1 : 4);
    const r = sideBySide([() => clock.work(0.001 * load()), () => clock.work(0.0015 * load())], {
      rounds: 11,
      sliceMs: 4,
      warmupMs: 10,
      clock,
    });
    const s = r.ratios[1]!;
    // A slice that straddles a load change is off; the median of the rounds is not.
    assert.ok(Math.abs(s.median - 1.5) < 1e-9, `median ${s.median}`);
  });

  it('rotates which side goes first', () => {
    const clock = fakeClock();
    const order: string[] = [];
    let last = '';
    const side = (name: string) => (): void => {
      if (name !== last) order.push(name);
      last = name;
      clock.work(0.01);
    };
    sideBySide([side('a'), side('b')], { rounds: 4, sliceMs: 1, warmupMs: 1, clock });
    // Warm-up a, b; then rounds ab, ba, ab, ba. Consecutive slices of one side merge in this trace, so the
    // sequence a b | a b | b a | a b | b a reads a b a b a b a (without rotation it would alternate 10 times).
    assert.deepEqual(order, ['a', 'b', 'a', 'b', 'a', 'b', 'a']);
  });

  it('needs a baseline and another side', () => {
    assert.throws(() => sideBySide([() => 0]), /at least one other side/);
  });
});

describe('rate', () => {
  it('gives calls per CPU-second per slice, unmoved by time spent waiting for a core', () => {
    const clock = fakeClock();
    let calls = 0;
    const r = rate(
      () => {
        clock.work(0.1);
        if (++calls % 7 === 0) clock.wait(1);
      },
      { rounds: 5, sliceMs: 4, warmupMs: 2, clock },
    );
    assert.equal(r.perCpuSec.n, 5);
    assert.ok(Math.abs(r.perCpuSec.median - 10_000) < 1e-6, `${r.perCpuSec.median}`);
    assert.ok(Math.abs(r.perCpuSec.max - r.perCpuSec.min) < 1e-6);
    assert.ok(r.totals.perSec < r.totals.perCpuSec);
  });
});
