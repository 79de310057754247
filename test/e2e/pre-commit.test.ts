/**
 * The root `.pre-commit-hooks.yaml`, read with a small reader for its flat shape, and its entry
 * run the way pre-commit runs it: `entry args… <staged files matching types_or>` in the repository
 * root, here on a temporary git repository. `rolecall` (the entry) is the CLI from source.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cliCommand, REPO_ROOT } from './helpers.js';

type Scalar = string | boolean | string[];

/**
 * Reads a YAML list of flat mappings whose values are plain or double-quoted scalars, booleans or
 * flow sequences of those: exactly the shape of a pre-commit hooks file. Anything else throws, so
 * a hooks file the reader does not understand fails the test instead of being half-read.
 */
export function readHooks(text: string): Record<string, Scalar>[] {
  const hooks: Record<string, Scalar>[] = [];
  const scalar = (raw: string): string => {
    const t = raw.trim();
    return t.startsWith('"') ? (JSON.parse(t) as string) : t;
  };
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const m = /^(- |  )([A-Za-z_]+):\s*(.*)$/.exec(line);
    if (!m) throw new Error(`unsupported line: ${line}`);
    const [, lead, key, raw] = m as unknown as [string, string, string, string];
    if (lead === '- ') hooks.push({});
    const hook = hooks.at(-1);
    if (!hook) throw new Error('a key before the first list item');
    const value = raw.trim();
    if (value.startsWith('[')) {
      if (!value.endsWith(']')) throw new Error(`unsupported sequence: ${value}`);
      hook[key] = value.slice(1, -1).split(',').map(scalar).filter((v) => v !== '');
    } else if (value === 'true' || value === 'false') {
      hook[key] = value === 'true';
    } else {
      hook[key] = scalar(value);
    }
  }
  return hooks;
}

const hooksText = readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8');
const cliPackage = JSON.parse(readFileSync(join(REPO_ROOT, 'packages/cli/package.json'), 'utf8')) as { name: string; version: string };

describe('.pre-commit-hooks.yaml', () => {
  it('defines the rolecall hook for JSON files with the node language', () => {
    const hooks = readHooks(hooksText);
    assert.equal(hooks.length, 1);
    const hook = hooks[0]!;
    assert.equal(hook['id'], 'rolecall');
    assert.equal(hook['entry'], 'rolecall');
    assert.equal(hook['language'], 'node');
    assert.deepEqual(hook['types_or'], ['json']);
    assert.equal(hook['pass_filenames'], true);
  });

  it('installs the rolecall package at the version of this checkout', () => {
    const hook = readHooks(hooksText)[0]!;
    assert.deepEqual(hook['additional_dependencies'], [`${cliPackage.name}@${cliPackage.version}`]);
  });
});

describe('the hook entry on staged files', () => {
  let repo: string;
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: repo } });
  const BAD = '{\n  "RoleArn": "arn:aws:iam::123456789012:role/deploy",\n  "RoleSessionName": "deploy session"\n}\n';
  const GOOD = '{\n  "RoleArn": "arn:aws:iam::123456789012:role/deploy",\n  "RoleSessionName": "deploy-session"\n}\n';

  /** What pre-commit passes: staged (added, copied, modified, renamed) files whose tags meet types_or. */
  function stagedFilesForHook(): string[] {
    const hook = readHooks(hooksText)[0]!;
    const types = hook['types_or'] as string[];
    // identify tags a `.json` file `json`; the hook asks for nothing else.
    const tagsOf = (file: string): string[] => (extname(file) === '.json' ? ['text', 'json'] : ['text']);
    return git('diff', '--cached', '--name-only', '--diff-filter=ACMR', '-z')
      .split('\0')
      .filter((f) => f !== '' && tagsOf(f).some((t) => types.includes(t)));
  }

  function runHook(): { status: number | null; stdout: string; stderr: string; files: string[] } {
    const hook = readHooks(hooksText)[0]!;
    assert.equal(hook['entry'], 'rolecall');
    const files = stagedFilesForHook();
    const [node, ...prefix] = cliCommand();
    const r = spawnSync(node!, [...prefix, ...files], { cwd: repo, encoding: 'utf8', env: { ...process.env, CI: '', NO_COLOR: '1' } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, files };
  }

  before(() => {
    repo = realpathSync(mkdtempSync(join(tmpdir(), 'rolecall-pre-commit-')));
    git('init', '-q');
    git('config', 'user.email', 'test@example.com');
    git('config', 'user.name', 'test');
    mkdirSync(join(repo, 'deploy'));
    writeFileSync(join(repo, 'deploy/assume-role.json'), BAD);
    writeFileSync(join(repo, 'deploy/ok.json'), GOOD);
    writeFileSync(join(repo, 'README.md'), '# app\n');
    writeFileSync(join(repo, 'unstaged.json'), BAD);
    git('add', 'deploy', 'README.md');
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  it('fails on a staged invalid input and names only staged JSON files', () => {
    const r = runHook();
    assert.deepEqual(r.files, ['deploy/assume-role.json', 'deploy/ok.json']);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^deploy\/assume-role\.json$/m);
    assert.match(r.stdout, /^ {2}3:29 {2}error {2}RoleSessionName contains a space \(U\+0020\) at position 7/m);
    assert.ok(!r.stdout.includes('unstaged.json'), 'unstaged files are not linted');
  });

  it('passes once the fix is staged', () => {
    writeFileSync(join(repo, 'deploy/assume-role.json'), GOOD);
    git('add', 'deploy/assume-role.json');
    const r = runHook();
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.equal(r.stdout, '');
  });
});
