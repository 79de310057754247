import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { prefilter } from '@rolecall/extractor-input-json';
import { decodeBytes, MAX_FILE_BYTES, readForLint } from '../src/read.js';

const root = mkdtempSync(join(tmpdir(), 'rolecall-read-'));
after(() => rmSync(root, { recursive: true, force: true }));
const file = (name: string, content: string | Uint8Array): string => {
  const path = join(root, name);
  writeFileSync(path, content);
  return path;
};
const INPUT = '{"RoleSessionName": "s"}';
const explicit = { explicit: true, prefilter };
const walked = { explicit: false, prefilter };

describe('readForLint: size cap', () => {
  it('is 4 MiB', () => assert.equal(MAX_FILE_BYTES, 4_194_304));

  it('reads a file of cap - 1 and cap bytes, refuses cap + 1', () => {
    const body = (n: number): string => INPUT + ' '.repeat(n - INPUT.length);
    const max = 100;
    assert.equal(readForLint(file('n-1.json', body(max - 1)), { ...explicit, maxBytes: max }).kind, 'text');
    assert.equal(readForLint(file('n.json', body(max)), { ...explicit, maxBytes: max }).kind, 'text');
    assert.deepEqual(readForLint(file('n+1.json', body(max + 1)), { ...explicit, maxBytes: max }), {
      kind: 'problem',
      message: 'The file is 101 bytes; rolecall reads files of at most 100 bytes, so it was not linted (--max-file-size raises the limit).',
      text: '',
      offset: 0,
    });
  });

  it('refuses a 10 MB input with the real cap, but skips a 10 MB unrelated file found by walking', () => {
    const big = Buffer.alloc(10_000_000, 0x20);
    Buffer.from(INPUT).copy(big, 4_000_000);
    const input = file('big-input.json', big);
    const message = 'The file is 10,000,000 bytes; rolecall reads files of at most 4,194,304 bytes (4 MiB), so it was not linted (--max-file-size raises the limit).';
    assert.deepEqual(readForLint(input, walked), { kind: 'problem', message, text: '', offset: 0 });
    assert.deepEqual(readForLint(input, explicit), { kind: 'problem', message, text: '', offset: 0 });
    // A walked file is looked at up to the limit only (issue 13, defect 5): a key past it is not searched for.
    Buffer.alloc(10_000_000, 0x20).copy(big);
    Buffer.from(INPUT).copy(big, 9_999_000);
    assert.deepEqual(readForLint(file('late-key.json', big), walked), { kind: 'skip' });
    const lock = file('package-lock.json', Buffer.alloc(10_000_000, 0x20));
    assert.deepEqual(readForLint(lock, walked), { kind: 'skip' });
  });

  it('finds an identifying key that straddles a 1 MiB chunk boundary', () => {
    const big = Buffer.alloc(5 * 1024 * 1024, 0x20);
    Buffer.from('"RoleSessionName": "s"').copy(big, 1024 * 1024 - 5);
    assert.equal(readForLint(file('straddle.json', big), walked).kind, 'problem');
  });
});

describe('readForLint: unreadable and odd files', () => {
  it('reports a directory and a path it cannot stat', () => {
    mkdirSync(join(root, 'dir.json'));
    assert.deepEqual(readForLint(join(root, 'dir.json'), explicit), { kind: 'problem', message: 'Cannot read the file: it is a directory.', text: '', offset: 0 });
    symlinkSync('loop.json', join(root, 'loop.json'));
    assert.deepEqual(readForLint(join(root, 'loop.json'), explicit), {
      kind: 'problem',
      message: 'Cannot read the file: too many levels of symbolic links.',
      text: '',
      offset: 0,
    });
    assert.deepEqual(readForLint(join(root, 'gone.json'), explicit), { kind: 'problem', message: 'Cannot read the file: no such file.', text: '', offset: 0 });
  });

  it('reads an empty file as empty text', () => {
    assert.deepEqual(readForLint(file('empty.json', ''), explicit), { kind: 'text', text: '' });
    assert.deepEqual(readForLint(file('empty2.json', ''), walked), { kind: 'skip' });
  });
});

describe('decodeBytes', () => {
  it('keeps a UTF-8 byte order mark so offsets index the file as written', () => {
    assert.deepEqual(decodeBytes(Buffer.from('\ufeff' + INPUT), explicit), { kind: 'text', text: '\ufeff' + INPUT });
  });

  it('reports a NUL byte (binary) in an explicit file or in a walked file that looks like an input', () => {
    const bytes = Buffer.concat([Buffer.from(INPUT), Buffer.from([0, 1, 2])]);
    const problem = { kind: 'problem', message: 'The file contains a NUL byte (at byte 24), so it is binary or UTF-16 without a byte order mark; it was not linted.', text: '', offset: 0 };
    assert.deepEqual(decodeBytes(bytes, walked), problem);
    assert.deepEqual(decodeBytes(bytes, explicit), problem);
    assert.deepEqual(decodeBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]), walked), { kind: 'skip' });
    assert.equal(decodeBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]), explicit).kind, 'problem');
  });

  it('reports UTF-16 with a byte order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(INPUT, 'utf16le')]);
    assert.deepEqual(decodeBytes(le, walked), {
      kind: 'problem',
      message: 'The file is UTF-16LE encoded (it starts with a byte order mark); rolecall and the AWS CLI read UTF-8. Save it as UTF-8.',
      text: '',
      offset: 0,
    });
    const be = Buffer.from(le);
    be.swap16();
    assert.match((decodeBytes(be, walked) as { message: string }).message, /UTF-16BE/);
    assert.deepEqual(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"a":1}', 'utf16le')]), walked), { kind: 'skip' });
  });

  it('reports invalid UTF-8 at the first bad sequence, with the text before it for positions', () => {
    const bytes = Buffer.concat([Buffer.from('{\n  "RoleSessionName": "caf'), Buffer.from([0xe9]), Buffer.from('"\n}')]);
    assert.deepEqual(decodeBytes(bytes, walked), {
      kind: 'problem',
      message: 'The file is not valid UTF-8 (byte 0xE9 at byte 27); rolecall and the AWS CLI read UTF-8. Save it as UTF-8.',
      text: '{\n  "RoleSessionName": "caf',
      offset: 27,
    });
  });

  it('places invalid UTF-8 after multi-byte characters in UTF-16 units', () => {
    // "é" is 2 bytes but 1 UTF-16 unit; "😀" is 4 bytes and 2 units. A truncated 3-byte sequence follows.
    const bytes = Buffer.concat([Buffer.from('{"RoleSessionName":"é😀'), Buffer.from([0xe2, 0x82]), Buffer.from('x"}')]);
    const r = decodeBytes(bytes, explicit);
    assert.equal(r.kind, 'problem');
    if (r.kind !== 'problem') return;
    assert.equal(r.text, '{"RoleSessionName":"é😀');
    assert.equal(r.offset, 23);
    assert.equal(r.message, 'The file is not valid UTF-8 (byte 0xE2 at byte 26); rolecall and the AWS CLI read UTF-8. Save it as UTF-8.');
  });

  it('skips a Latin-1 JSON file found by walking that is not an input', () => {
    assert.deepEqual(decodeBytes(Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]), walked), { kind: 'skip' });
  });
});
