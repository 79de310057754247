import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { estimateSessionToken, formatEstimateTable } from '@rolecall/validators';
import { runCli } from '../src/cli.js';
import { captureIo } from './io-fixture.js';

let root: string;
const SMALL = { RoleArn: 'arn:aws:iam::123456789012:role/deploy', RoleSessionName: 'deploy', Tags: [{ Key: 'team', Value: 'platform' }] };
const HUGE = {
  RoleArn: 'arn:aws:iam::123456789012:role/deploy',
  RoleSessionName: 'deploy',
  Tags: Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}-${'x'.repeat(100)}`, Value: `v${i}-${'y'.repeat(200)}` })),
};
before(() => {
  root = mkdtempSync(join(tmpdir(), 'rolecall-estimate-'));
  writeFileSync(join(root, 'small.json'), JSON.stringify(SMALL));
  writeFileSync(join(root, 'huge.json'), JSON.stringify(HUGE));
  writeFileSync(join(root, 'broken.json'), '{\n  "Tags": [\n}');
});
after(() => rmSync(root, { recursive: true, force: true }));

async function run(args: string[], stdin?: string) {
  const io = captureIo(root, stdin !== undefined ? { stdin } : {});
  const code = await runCli(['estimate', ...args], io);
  return { code, out: io.out(), err: io.err() };
}

describe('rolecall estimate', () => {
  it('prints the estimator table for the input, exit 0 when it fits', async () => {
    const r = await run(['small.json']);
    assert.equal(r.code, 0);
    assert.equal(r.out, `small.json (AssumeRole)\n\n${formatEstimateTable(estimateSessionToken(SMALL, { operation: 'AssumeRole' }))}`);
    assert.match(r.out, /\nVerdict: fits /);
  });

  it('prints JSON with --format json, and reads stdin with -', async () => {
    const r = await run(['-', '--format', 'json'], JSON.stringify(SMALL));
    assert.equal(r.code, 0);
    const doc = JSON.parse(r.out) as { file: string; inputs: { index: number; operation: string; estimate: { verdict: string }; suggestions: unknown[] }[] };
    assert.equal(doc.file, '<stdin>');
    assert.deepEqual(doc.inputs.map((i) => [i.index, i.operation, i.estimate.verdict, i.suggestions]), [[0, 'AssumeRole', 'fits', []]]);
  });

  it('exits 1 and lists measured ways to shrink when the input exceeds the limit', async () => {
    const r = await run(['huge.json']);
    assert.equal(r.code, 1);
    assert.match(r.out, /\nVerdict: exceeds /);
    assert.match(r.out, /\nWays to shrink it:\n {2}- .+ \(saves \d+ bytes of SessionTokenSize, \d+\.\d legacy points\)\n/);
  });

  it('exits 2 for a missing file or JSON it cannot parse, naming the place', async () => {
    assert.deepEqual(await run(['nope.json']), { code: 2, out: '', err: 'rolecall: estimate: no such file: nope.json\n' });
    const broken = await run(['broken.json']);
    assert.equal(broken.code, 2);
    assert.equal(broken.err, 'rolecall: estimate: broken.json:3:1: Expected a value.\nrolecall: estimate: broken.json:3:2: Expected a closing bracket.\n');
  });
});
