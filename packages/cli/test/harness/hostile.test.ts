/**
 * Each hostile case (hostile.ts) gives a diagnostic or a clear message within the stated time and memory bounds,
 * measured in a child process of its own (peak resident memory of the whole Node process, startup included).
 * File-system cases (a symlink loop, an unreadable file, a FIFO, a directory named like a file, endless stdin) are
 * in test/e2e/bad-input.test.ts and test/e2e/hardening.test.ts, which run the real command line.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { hostileCases } from './hostile.js';

/** Bounds per case on a shared 2-core CI machine; README "Bad input" gives the measured figures. */
const BOUND_MS = 30_000;
const BOUND_MB = 1_500;

const script = fileURLToPath(new URL('./hostile.ts', import.meta.url));

interface Measured {
  name: string;
  ok: boolean;
  ms: number;
  maxRssMb: number;
  counts: Record<string, number>;
  warnings: string[];
}

describe('hostile input: a diagnostic or a message, within time and memory bounds', () => {
  // One child for all cases: its start-up is paid once, and the parent's memory is not measured.
  const child = spawnSync(process.execPath, ['--expose-gc', '--conditions=rolecall-source', '--import', 'tsx', script, '--run'], { encoding: 'utf8', timeout: 10 * 60_000, maxBuffer: 16 * 1024 * 1024 });
  const measured = new Map<string, Measured>();
  for (const line of child.stdout.split('\n').filter(Boolean)) {
    const m = JSON.parse(line) as Measured;
    measured.set(m.name, m);
  }

  it('the run finished', () => assert.equal(child.status, 0, child.stderr));

  for (const c of hostileCases()) {
    it(c.name, () => {
      const r = measured.get(c.name);
      assert.ok(r, `not measured: ${child.stderr.slice(0, 2000)}`);
      assert.equal(r.ok, true);
      assert.equal(r.counts['internal-error'], undefined, JSON.stringify(r));
      // Something is said about the input: a finding or a warning.
      assert.ok(Object.keys(r.counts).length > 0 || r.warnings.length > 0, JSON.stringify(r));
      assert.ok(r.ms < BOUND_MS, `${r.ms} ms`);
      assert.ok(r.maxRssMb < BOUND_MB, `${r.maxRssMb} MB`);
      process.stdout.write(`# ${c.name}: ${r.ms} ms, ${r.maxRssMb} MB peak so far, ${JSON.stringify(r.counts)}\n`);
    });
  }
});
