import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { globalIgnoreRules, type LoadedConfig } from '../src/config.js';
import { discoverFiles } from '../src/discover.js';

const json = (path: string): boolean => /\.jsonc?$/.test(path);

describe('discoverFiles', () => {
  let root: string;
  let outside: string;
  const noConfig = (): LoadedConfig => ({ filePath: undefined, baseDir: root, objects: [] });
  const discover = (patterns: string[], objects: LoadedConfig['objects'] = [], ignorePatterns: string[] = []) =>
    discoverFiles(patterns, { cwd: root, ignores: globalIgnoreRules({ ...noConfig(), objects }, root, ignorePatterns), wanted: json });

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'rolecall-discover-'));
    const files = [
      'b.json',
      'a.json',
      'A.json',
      'notes.txt',
      'sub/z.jsonc',
      'sub/deeper/y.json',
      'node_modules/pkg/x.json',
      '.git/config.json',
      'dist/out.json',
      'build/out.json',
      'coverage/c.json',
      'fixtures/bad.json',
      '.hidden/h.json',
    ];
    for (const f of files) {
      mkdirSync(join(root, f, '..'), { recursive: true });
      writeFileSync(join(root, f), '{}');
    }
    // A loop (sub/loop -> ..), a link to a file inside the tree, a dangling link, and links to a
    // file and a directory outside the tree (with a loop back into it).
    symlinkSync('..', join(root, 'sub/loop'));
    symlinkSync('../a.json', join(root, 'sub/link.json'));
    symlinkSync('missing.json', join(root, 'dangling.json'));
    outside = mkdtempSync(join(tmpdir(), 'rolecall-outside-'));
    mkdirSync(join(outside, 'shared'));
    writeFileSync(join(outside, 'shared/ext.json'), '{}');
    symlinkSync(root, join(outside, 'shared/back'));
    symlinkSync(join(outside, 'shared/ext.json'), join(root, 'ext.json'));
    symlinkSync(join(outside, 'shared'), join(root, 'sub/shared'));
  });
  after(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('walks directories in code-unit order, skipping default ignores and non-matching files', () => {
    const r = discover(['.']);
    assert.deepEqual(
      r.files.map((f) => f.path),
      ['.hidden/h.json', 'A.json', 'a.json', 'b.json', 'ext.json', 'fixtures/bad.json', 'sub/deeper/y.json', 'sub/shared/ext.json', 'sub/z.jsonc'],
    );
    assert.ok(r.files.every((f) => !f.explicit));
    assert.deepEqual(r.warnings, []);
    assert.deepEqual(r.unmatched, []);
  });

  it('follows links out of the tree, never loops, and lists a linked file once', () => {
    // sub/loop (-> root) is an ancestor: a loop. sub/link.json points outside `sub`, so it is followed;
    // sub/shared/back points back at root: also followed once, its own loops cut.
    const r = discover(['sub']);
    assert.deepEqual(
      r.files.map((f) => f.path),
      [
        'sub/deeper/y.json',
        'sub/link.json',
        'sub/shared/back/.hidden/h.json',
        'sub/shared/back/A.json',
        'sub/shared/back/a.json',
        'sub/shared/back/b.json',
        'sub/shared/back/ext.json',
        'sub/shared/back/fixtures/bad.json',
        'sub/shared/ext.json',
        'sub/z.jsonc',
      ],
    );
  });

  it('marks files named on the command line as explicit and keeps one entry per path', () => {
    const r = discover(['b.json', '.', './b.json']);
    const b = r.files.filter((f) => f.path === 'b.json');
    assert.deepEqual(b, [{ absolutePath: join(root, 'b.json'), path: 'b.json', explicit: true }]);
  });

  it('expands globs relative to cwd', () => {
    assert.deepEqual(discover(['sub/deeper/**/*.json']).files.map((f) => f.path), ['sub/deeper/y.json']);
    assert.deepEqual(discover(['*.json']).files.map((f) => f.path), ['A.json', 'a.json', 'b.json', 'ext.json']);
    assert.deepEqual(discover(['**/*.jsonc']).files.map((f) => f.path), ['sub/z.jsonc']);
  });

  it('reports patterns that match nothing', () => {
    const r = discover(['missing.json', 'nothing/**/*.json', 'a.json']);
    assert.deepEqual(r.unmatched, ['missing.json', 'nothing/**/*.json']);
    assert.deepEqual(r.files.map((f) => f.path), ['a.json']);
  });

  it('warns about explicit files that are ignored or that no extractor reads', () => {
    const r = discover(['node_modules/pkg/x.json', 'notes.txt', 'dist']);
    assert.deepEqual(r.files, []);
    assert.deepEqual(r.warnings, [
      'node_modules/pkg/x.json: file ignored (it matches an ignore pattern)',
      'notes.txt: skipped (no extractor reads this kind of file)',
      'dist: directory ignored (it matches an ignore pattern)',
    ]);
  });

  it('applies config global ignores and --ignore-pattern while walking', () => {
    const r = discover(['.'], [{ ignores: ['fixtures/'] }], ['**/z.jsonc', '.hidden/**']);
    assert.deepEqual(r.files.map((f) => f.path), ['A.json', 'a.json', 'b.json', 'ext.json', 'sub/deeper/y.json', 'sub/shared/ext.json']);
  });

  it('can un-ignore a default directory', () => {
    const r = discover(['.'], [{ ignores: ['!dist/'] }]);
    assert.ok(r.files.some((f) => f.path === 'dist/out.json'));
    assert.ok(!r.files.some((f) => f.path.startsWith('build/')));
  });

  it('skips a FIFO named on the command line instead of blocking on it', () => {
    execFileSync('mkfifo', [join(root, 'pipe.json')]);
    const r = discover(['pipe.json']);
    assert.deepEqual(r.files, []);
    assert.deepEqual(r.warnings, ['pipe.json: skipped (not a regular file or directory)']);
  });

  it('passes a path it cannot stat (a symlink loop) to the reader, which reports it', () => {
    symlinkSync('self.json', join(root, 'self.json'));
    const r = discover(['self.json']);
    assert.deepEqual(r.files.map((f) => [f.path, f.explicit]), [['self.json', true]]);
  });
});
