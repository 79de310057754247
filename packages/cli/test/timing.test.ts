import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Timing } from '@rolecall/core';
import { runCli } from '../src/cli.js';
import { THREAD_ROWS, threadCpuMs } from '../src/thread-cpu.js';
import { formatTiming, listSize, timingEnabled } from '../src/timing-report.js';
import { captureIo } from './io-fixture.js';

const BAD = '{\n  "RoleArn": "arn:aws:iam::123456789012:role/deploy",\n  "RoleSessionName": "build #42",\n  "DurationSeconds": 43201\n}\n';

let root: string;
before(() => {
  root = mkdtempSync(join(tmpdir(), 'rolecall-timing-'));
  writeFileSync(join(root, 'bad.json'), BAD);
  writeFileSync(join(root, 'notes.md'), '# nothing\n');
});
after(() => rmSync(root, { recursive: true, force: true }));

async function run(env: Record<string, string>, jobs = 1) {
  const io = captureIo(root, { env });
  const code = await runCli(['--format', 'json', '--jobs', String(jobs), '.'], io);
  return { code, out: io.out(), err: io.err() };
}

/** The rows of one Markdown table in the report: first column → the other cells. */
function rows(report: string, header: string): Map<string, string[]> {
  const lines = report.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`${header} `));
  assert.ok(start >= 0, `no ${header} table in:\n${report}`);
  const out = new Map<string, string[]>();
  for (const line of lines.slice(start + 2)) {
    if (line.trim() === '') break;
    const [name, ...cells] = line.split(' | ');
    out.set(name!.trimEnd(), cells.map((c) => c.trim()));
  }
  return out;
}

describe('TIMING=1 (as ESLint)', () => {
  it('reports phases and rules on stderr and leaves the report on stdout as it was', async () => {
    const plain = await run({});
    const timed = await run({ TIMING: '1' });
    assert.equal(timed.code, plain.code);
    assert.equal(timed.code, 1);
    assert.equal(timed.out, plain.out);
    assert.equal(plain.err, '');
    const phases = rows(timed.err, 'Phase');
    assert.deepEqual(
      [...phases.keys()],
      ['load rules and config', 'discover files', 'read, prefilter and parse', 'project pass', '  › extractor project hooks', '  › rules per file', '  › cross-file rules', '  › suppressions and order', 'results and redaction', 'format and write the report', 'total'],
    );
    assert.deepEqual(phases.get('total')?.[1], '100.0%');
    for (const [name, [ms, share]] of phases) {
      assert.match(ms!, /^\d+\.\d{3}$/, name);
      assert.match(share!, /^\d+\.\d%$/, name);
    }
    // The sub-phases are parts of the project pass.
    const ms = (name: string): number => Number(phases.get(name)![0]);
    const parts = ['  › extractor project hooks', '  › rules per file', '  › cross-file rules', '  › suppressions and order'].reduce((n, p) => n + ms(p), 0);
    assert.ok(parts <= ms('project pass') + 0.01, `${parts} > ${ms('project pass')}`);
    assert.ok(ms('total') >= ms('read, prefilter and parse') + ms('project pass'));
    // Rules that ran on the file are listed, the slowest first, with their share of all rule time.
    const rules = rows(timed.err, 'Rule');
    assert.ok(rules.has('valid-role-session-name') && rules.has('valid-duration-seconds'), [...rules.keys()].join(', '));
    assert.equal(rules.size, 10);
    const times = [...rules.values()].map(([t]) => Number(t));
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
  });

  it('TIMING=all lists every rule that ran; TIMING=<n> lists n, at least 10', async () => {
    const all = rows((await run({ TIMING: 'all' })).err, 'Rule');
    assert.ok(all.size > 10, `${all.size}`);
    assert.equal(rows((await run({ TIMING: String(all.size - 1) })).err, 'Rule').size, all.size - 1);
    assert.equal(listSize('all'), Number.POSITIVE_INFINITY);
    assert.equal(listSize('ALL'), Number.POSITIVE_INFINITY);
    assert.equal(listSize('9'), 10);
    assert.equal(listSize('10'), 10);
    assert.equal(listSize('11'), 11);
    assert.equal(listSize('yes'), 10);
    assert.equal(listSize(undefined), 10);
  });

  it('is on for any non-empty value and off when unset or empty', () => {
    assert.equal(timingEnabled({ TIMING: '1' }), true);
    assert.equal(timingEnabled({ TIMING: '0' }), true); // ESLint: any value
    assert.equal(timingEnabled({ TIMING: '' }), false);
    assert.equal(timingEnabled({}), false);
  });

  it('gives CPU per thread where the platform tells it (Linux): main thread, each worker, the other threads, total', async () => {
    if (threadCpuMs() === undefined) {
      // Elsewhere the table is left out, rather than filled with guesses.
      assert.notEqual(process.platform, 'linux');
      assert.doesNotMatch((await run({ TIMING: '1' }, 2)).err, /^Thread /m);
      return;
    }
    for (const jobs of [1, 2]) {
      const threads = rows((await run({ TIMING: '1' }, jobs)).err, 'Thread');
      const names = [THREAD_ROWS.main, ...(jobs === 2 ? ['worker 1'] : []), THREAD_ROWS.other, 'total'];
      assert.deepEqual([...threads.keys()].map((n) => n.trimEnd()), names);
      const cpu = [...threads.values()].map(([ms]) => Number(ms));
      for (const [ms] of threads.values()) assert.match(ms!, /^\d+$/);
      // Whole milliseconds each, so the rounded rows may differ from the rounded total by one per row.
      assert.ok(Math.abs(cpu.slice(0, -1).reduce((a, b) => a + b, 0) - cpu.at(-1)!) <= names.length, cpu.join(', '));
      assert.equal(threads.get('total')![1], '100.0%');
    }
  });

  it('formats exact figures: shares of the total for phases, of all rule time for rules', () => {
    const timing = new Timing();
    timing.addPhase('read, prefilter and parse', 30);
    timing.addPhase('project pass › rules per file', 5);
    timing.addPhase('project pass', 10);
    timing.addRule('b-rule', 1);
    timing.addRule('a-rule', 3);
    timing.addRule('b-rule', 2);
    assert.equal(
      formatTiming(timing, 50, '1'),
      [
        'Phase                     | Time (ms) | Relative',
        ':-------------------------|----------:|--------:',
        'read, prefilter and parse |    30.000 |    60.0%',
        'project pass              |    10.000 |    20.0%',
        '  › rules per file        |     5.000 |    10.0%',
        'total                     |    50.000 |   100.0%',
        '',
        'Rule   | Time (ms) | Relative',
        ':------|----------:|--------:',
        'a-rule |     3.000 |    50.0%',
        'b-rule |     3.000 |    50.0%',
        '',
      ].join('\n'),
    );
    // Threads: the main thread first, workers as they started, the other threads last; shares of all CPU.
    timing.threads.set('worker 1', 300);
    timing.threads.set(THREAD_ROWS.other, 100);
    timing.threads.set(THREAD_ROWS.main, 600);
    assert.equal(
      formatTiming(timing, 50, '1').split('\n\n')[2],
      [
        'Thread                                    | CPU (ms) | Relative',
        ':-----------------------------------------|---------:|--------:',
        'main thread                               |      600 |    60.0%',
        'worker 1                                  |      300 |    30.0%',
        'other threads (V8 compiler and GC, libuv) |      100 |    10.0%',
        'total                                     |     1000 |   100.0%',
        '',
      ].join('\n'),
    );
  });
});
