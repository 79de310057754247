/**
 * Bad input never crashes the CLI: unreadable files, directories given as files, binary files,
 * invalid UTF-8, a 10 MB file and an empty file each get a diagnostic or a clear message, and the
 * other files are still linted. The files are made here, in a temp directory (none is committed).
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from './helpers.js';

const INPUT = '{\n  "RoleArn": "arn:aws:iam::731902345678:role/deploy",\n  "RoleSessionName": "deploy-session"\n}\n';
const BAD = '{\n  "RoleArn": "arn:aws:iam::731902345678:role/deploy",\n  "RoleSessionName": "deploy session"\n}\n';

interface JsonReport {
  results: { filePath: string; messages: { ruleId: string; message: string; line: number; column: number }[] }[];
}

let dir: string;
before(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'rolecall-bad-input-')));
  writeFileSync(join(dir, 'a-good.json'), INPUT);
  writeFileSync(join(dir, 'z-bad.json'), BAD);
  writeFileSync(join(dir, 'binary.json'), Buffer.concat([Buffer.from(INPUT.slice(0, 20)), Buffer.from([0x00, 0x01, 0xff])]));
  writeFileSync(join(dir, 'latin1.json'), Buffer.concat([Buffer.from('{\n  "RoleSessionName": "caf'), Buffer.from([0xe9]), Buffer.from('"\n}\n')]));
  const big = Buffer.alloc(10 * 1000 * 1000, 0x20);
  Buffer.from(INPUT).copy(big, 0);
  writeFileSync(join(dir, 'big.json'), big);
  writeFileSync(join(dir, 'empty.json'), '');
  mkdirSync(join(dir, 'folder.json'));
  writeFileSync(join(dir, 'folder.json', 'inner.json'), BAD);
  symlinkSync('loop.json', join(dir, 'loop.json'));
  writeFileSync(join(dir, 'locked.json'), INPUT);
  chmodSync(join(dir, 'locked.json'), 0o000);
});
after(() => {
  chmodSync(join(dir, 'locked.json'), 0o600);
  rmSync(dir, { recursive: true, force: true });
});

const isRoot = process.getuid?.() === 0;

describe('bad input never crashes the CLI', () => {
  it('reports each bad file named on the command line and lints the rest', () => {
    const files = ['a-good.json', 'binary.json', 'big.json', 'empty.json', 'folder.json', 'latin1.json', 'locked.json', 'loop.json', 'z-bad.json'];
    const run = runCli([...files, '--format', 'json'], { cwd: dir });
    assert.equal(run.status, 1, run.stderr);
    // A named file that holds no input is said so (issue 13, defect 7), never passed silently.
    assert.equal(run.stderr, 'rolecall: empty.json: no AssumeRole input found, so nothing was checked (`rolecall check-input empty.json` validates a file as one input)\n');
    const report = JSON.parse(run.stdout) as JsonReport;
    const byFile = Object.fromEntries(report.results.map((r) => [r.filePath, r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`)]));
    assert.deepEqual(Object.keys(byFile), ['a-good.json', 'big.json', 'binary.json', 'empty.json', 'folder.json/inner.json', 'latin1.json', 'locked.json', 'loop.json', 'z-bad.json']);
    assert.deepEqual(byFile['a-good.json'], []);
    assert.deepEqual(byFile['big.json'], ['1:1 parse-error: The file is 10,000,000 bytes; rolecall reads files of at most 4,194,304 bytes (4 MiB), so it was not linted (--max-file-size raises the limit).']);
    assert.deepEqual(byFile['binary.json'], ['1:1 parse-error: The file contains a NUL byte (at byte 20), so it is binary or UTF-16 without a byte order mark; it was not linted.']);
    assert.deepEqual(byFile['empty.json'], []);
    assert.deepEqual(byFile['latin1.json'], ['2:26 parse-error: The file is not valid UTF-8 (byte 0xE9 at byte 27); rolecall and the AWS CLI read UTF-8. Save it as UTF-8.']);
    assert.deepEqual(byFile['loop.json'], ['1:1 parse-error: Cannot read the file: too many levels of symbolic links.']);
    // As root, permissions do not stop a read; otherwise the file is reported as unreadable.
    assert.deepEqual(byFile['locked.json'], isRoot ? [] : ['1:1 parse-error: Cannot read the file: permission denied.']);
    assert.equal(byFile['z-bad.json']!.length > 0, true);
    assert.equal(byFile['folder.json/inner.json']!.length > 0, true, 'a directory given as a file is walked');
  });

  it('walks the same directory without complaining about unrelated files, but still reports input-like ones', () => {
    writeFileSync(join(dir, 'photo.json'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]));
    const run = runCli(['.', '--format', 'json'], { cwd: dir });
    assert.equal(run.status, 1);
    const report = JSON.parse(run.stdout) as JsonReport;
    const photo = report.results.find((r) => r.filePath === 'photo.json');
    assert.deepEqual(photo?.messages, []);
    const big = report.results.find((r) => r.filePath === 'big.json');
    assert.equal(big?.messages[0]?.ruleId, 'parse-error');
  });

  it('check-input explains a directory and a missing file (exit 2)', () => {
    const folder = runCli(['check-input', 'folder.json'], { cwd: dir });
    assert.deepEqual([folder.status, folder.stdout], [2, '']);
    assert.equal(folder.stderr, 'rolecall: check-input: folder.json is a directory; check-input validates one JSON file (use `rolecall folder.json` to lint a directory)\n');
    const missing = runCli(['check-input', 'missing.json'], { cwd: dir });
    assert.deepEqual([missing.status, missing.stderr], [2, 'rolecall: check-input: no such file: missing.json\n']);
  });
});
