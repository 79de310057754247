import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { lintFiles } from '../src/lint.js';
import { repositoryReader } from '../src/repository-reader.js';

let base: string;
let root: string;
const ROLE = 'arn:aws:iam::731902345678:role/deploy';
const POLICY = '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*" }]\n}\n';

before(() => {
  base = mkdtempSync(join(tmpdir(), 'rolecall-file-refs-'));
  root = join(base, 'repo');
  mkdirSync(join(root, 'scripts'), { recursive: true });
  mkdirSync(join(root, 'policies'));
  writeFileSync(join(base, 'outside.json'), POLICY);
  writeFileSync(join(root, 'policies/session.json'), POLICY);
  writeFileSync(join(root, 'big.json'), `${' '.repeat(100)}{}`);
  symlinkSync(join(base, 'outside.json'), join(root, 'link-out.json'));
  symlinkSync(join(root, 'policies/session.json'), join(root, 'link-in.json'));
  writeFileSync(join(root, 'scripts/input.json'), `{"RoleArn": "${ROLE}", "RoleSessionName": "from file", "DurationSeconds": 100}\n`);
  writeFileSync(
    join(root, 'scripts/assume.sh'),
    [
      '#!/bin/bash',
      `aws sts assume-role --role-arn ${ROLE} --role-session-name ok --policy file://../policies/session.json`,
      'aws sts assume-role --cli-input-json file://input.json --duration-seconds 900',
      `aws sts assume-role --role-arn ${ROLE} --role-session-name ok --policy file://missing.json`,
      `aws sts assume-role --role-arn ${ROLE} --role-session-name ok --policy file://../../outside.json`,
      '',
    ].join('\n'),
  );
});
after(() => rmSync(base, { recursive: true, force: true }));

describe('repositoryReader', () => {
  it('reads regular files inside the root, also through a symlink that stays inside', () => {
    const read = repositoryReader(root, 1000);
    assert.equal(read.readText?.('policies/session.json'), POLICY);
    assert.equal(read.readText?.('link-in.json'), POLICY);
  });
  it('refuses paths leaving the root, absolute paths, symlinks out, directories, missing files', () => {
    const read = repositoryReader(root, 1000);
    assert.equal(read.readText?.('../outside.json'), undefined);
    assert.equal(read.readText?.('policies/../../outside.json'), undefined);
    assert.equal(read.readText?.(join(base, 'outside.json')), undefined);
    assert.equal(read.readText?.('link-out.json'), undefined);
    assert.equal(read.readText?.('policies'), undefined);
    assert.equal(read.readText?.('nope.json'), undefined);
    assert.equal(read.readText?.(''), undefined);
  });
  it('refuses files over the size limit (n+1), reads one at it (n)', () => {
    assert.equal(repositoryReader(root, 102).readText?.('big.json'), `${' '.repeat(100)}{}`);
    assert.equal(repositoryReader(root, 101).readText?.('big.json'), undefined);
  });
});

describe('file:// values in a lint run', () => {
  it('reports findings inside the referenced file at their place, with the command as a related location', async () => {
    const run = await lintFiles(['.'], { cwd: root, configFile: false });
    const policy = run.results.find((r) => r.filePath === 'policies/session.json');
    assert.ok(policy !== undefined);
    const [d] = policy.diagnostics;
    assert.equal(d?.ruleId, 'no-unsupported-policy-elements');
    assert.deepEqual([d?.location.file, d?.location.start.line, d?.location.start.column], ['policies/session.json', 3, 38]);
    assert.deepEqual(d?.related?.map((r) => [r.location.file, r.location.start.line, r.message]), [['scripts/assume.sh', 2, 'The command reads this file (policies/session.json) here.']]);
    assert.equal(policy.source?.text, POLICY);
    // Not in the script's own result, and nothing from the missing file or the one outside the root.
    const script = run.results.find((r) => r.filePath === 'scripts/assume.sh');
    assert.deepEqual(script?.diagnostics.map((x) => x.ruleId), []);
  });

  it('reads --cli-input-json members, a flag on the command line winning; the same finding in the input file is said once', async () => {
    const run = await lintFiles(['.'], { cwd: root, configFile: false });
    const input = run.results.find((r) => r.filePath === 'scripts/input.json');
    // DurationSeconds 100 is reported once (by the input file itself: the command overrides it with 900);
    // the session name once, though both the file and the command carry it.
    assert.deepEqual(input?.diagnostics.map((d) => [d.ruleId, d.location.start.line, d.location.start.column]), [
      ['valid-role-session-name', 1, 78],
      ['valid-duration-seconds', 1, 105],
    ]);
  });

  it('without the input file in the run, the finding stays with the command, at the reference, the place in the input file related', async () => {
    const run = await lintFiles(['scripts/assume.sh'], { cwd: root, configFile: false });
    const script = run.results.find((r) => r.filePath === 'scripts/assume.sh');
    const names = script?.diagnostics.filter((d) => d.ruleId === 'valid-role-session-name');
    assert.deepEqual(
      names?.map((d) => [d.location.file, d.location.start.line, d.location.start.column, d.related?.map((r) => [r.location.file, r.location.start.line, r.location.start.column, r.message])]),
      [['scripts/assume.sh', 3, 38, [['scripts/input.json', 1, 78, 'The value is read from here (scripts/input.json).']]]],
    );
  });
});
