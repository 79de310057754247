/**
 * The pre-commit hook (root `.pre-commit-hooks.yaml`), run by the real `pre-commit` tool the way a user's
 * repository runs it: `repo:` this repository (a local clone path instead of the GitHub URL), `rev:` its HEAD
 * commit, in a fresh git repository, on staged files. pre-commit clones the commit and runs the committed
 * bundle with the machine's Node.js, so nothing is installed and no registry is reached. Without the `pre-commit`
 * binary these cases are skipped with a message saying so (.ci/run installs it).
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { loadDefaultRegistry } from 'rolecall';
import { REPO_ROOT } from './helpers.js';

/** The registry the CLI lints with (its public loader). */
const defaultRegistry = await loadDefaultRegistry();

interface Hook {
  readonly id: string;
  readonly entry: string;
  readonly language: string;
  readonly files?: string;
  readonly types?: string[];
  readonly types_or?: string[];
  readonly pass_filenames?: boolean;
}

const hooks = parse(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = hooks.find((h) => h.id === 'rolecall')!;

/** A file name each extractor glob matches (`**\/*.jsonc` → `deploy/sample.jsonc`). */
function sampleFor(glob: string): string {
  return glob.replace(/^\*\*\//, 'deploy/').replace(/\*/g, 'sample');
}

describe('.pre-commit-hooks.yaml', () => {
  it('runs the committed CLI bundle as a script (no install, no registry)', () => {
    assert.deepEqual(hooks.map((h) => h.id), ['rolecall']);
    assert.equal(hook.language, 'script');
    assert.equal(hook.entry, 'packages/cli/bundle/rolecall.js');
    assert.equal(hook.pass_filenames, true);
    const mode = execFileSync('git', ['ls-files', '-s', hook.entry], { cwd: REPO_ROOT, encoding: 'utf8' }).split(' ')[0];
    assert.equal(mode, '100755', 'pre-commit executes the entry: it must be committed executable');
  });

  it('selects every kind of file the extractors read, .jsonc included, and nothing else', () => {
    assert.ok(hook.files !== undefined && hook.types_or === undefined, 'a files regex: identify tags have no jsonc in many pre-commit versions');
    const files = new RegExp(hook.files);
    for (const extractor of defaultRegistry.extractors) {
      for (const glob of extractor.files) {
        const sample = sampleFor(glob);
        assert.ok(files.test(sample), `the hook passes ${sample} (${extractor.id}: ${glob})`);
      }
    }
    for (const other of ['README.md', 'deploy/assume-role.json.bak', 'src/app.ts.orig']) assert.ok(!files.test(other), other);
  });
});

const preCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const skip = preCommit.status === 0 ? false : 'the pre-commit binary is not installed (apt-get install pre-commit); .ci/run installs it';

describe('real pre-commit with repo: this repository, rev: HEAD', { skip }, () => {
  let work: string;
  let repo: string;
  const env = (): NodeJS.ProcessEnv => ({ ...process.env, PRE_COMMIT_HOME: join(work, 'cache'), HOME: work, GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1', CI: '' });
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: env() });
  const BAD = '{\n  "RoleArn": "arn:aws:iam::731902345678:role/deploy",\n  "RoleSessionName": "deploy session"\n}\n';
  const GOOD = '{\n  "RoleArn": "arn:aws:iam::731902345678:role/deploy",\n  "RoleSessionName": "deploy-session"\n}\n';
  const BAD_JSONC = '// staged with a comment, as only .jsonc may be\n{\n  "RoleArn": "arn:aws:iam::731902345678:role/deploy",\n  "RoleSessionName": "a:b"\n}\n';

  function preCommitRun(): { status: number | null; out: string } {
    const r = spawnSync('pre-commit', ['run', '--color', 'never'], { cwd: repo, encoding: 'utf8', env: env() });
    return { status: r.status, out: r.stdout + r.stderr };
  }

  before(() => {
    work = realpathSync(mkdtempSync(join(tmpdir(), 'rolecall-pre-commit-')));
    repo = join(work, 'project');
    mkdirSync(join(repo, 'deploy'), { recursive: true });
    git('init', '-q');
    git('config', 'user.email', 'test@example.com');
    git('config', 'user.name', 'test');
    const rev = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    writeFileSync(join(repo, '.pre-commit-config.yaml'), `repos:\n  - repo: ${REPO_ROOT}\n    rev: ${rev}\n    hooks: [{ id: rolecall }]\n`);
    writeFileSync(join(repo, 'deploy/assume-role.json'), BAD);
    writeFileSync(join(repo, 'deploy/session.jsonc'), BAD_JSONC);
    writeFileSync(join(repo, 'README.md'), '# app\n');
    writeFileSync(join(repo, 'unstaged.json'), BAD);
    git('add', '.pre-commit-config.yaml', 'deploy', 'README.md');
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('fails the commit on staged invalid .json and .jsonc inputs, naming only staged files', () => {
    const r = preCommitRun();
    assert.equal(r.status, 1, r.out);
    assert.match(r.out, /^rolecall\.+Failed$/m);
    assert.match(r.out, /^deploy\/assume-role\.json$/m);
    assert.match(r.out, /^ {2}3:29 {2}error {2}RoleSessionName contains a space \(U\+0020\) at position 7/m);
    assert.match(r.out, /^deploy\/session\.jsonc$/m);
    assert.match(r.out, /^ {2}4:24 {2}error {2}RoleSessionName contains ':' \(U\+003A\) at position 2/m);
    assert.ok(!r.out.includes('unstaged.json'), 'unstaged files are not linted');
  });

  it('passes once the fixes are staged', () => {
    writeFileSync(join(repo, 'deploy/assume-role.json'), GOOD);
    writeFileSync(join(repo, 'deploy/session.jsonc'), `// fixed\n${GOOD}`);
    git('add', 'deploy');
    const r = preCommitRun();
    assert.equal(r.status, 0, r.out);
    assert.match(r.out, /^rolecall\.+Passed$/m);
  });
});

describe("the README's pre-commit set-up, as written", { skip }, () => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const config = /<!-- pre-commit-config -->\n```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
  const commands = /<!-- pre-commit-commands -->\n```sh\n([\s\S]*?)```/.exec(readme)?.[1];
  let work: string;
  after(() => rmSync(work, { recursive: true, force: true }));

  it('installs the hook, lints the whole repository, and blocks a commit of an invalid input', () => {
    assert.ok(config !== undefined && commands !== undefined, 'README: pre-commit-config and pre-commit-commands blocks');
    work = realpathSync(mkdtempSync(join(tmpdir(), 'rolecall-pre-commit-readme-')));
    const repo = join(work, 'project');
    mkdirSync(join(repo, 'deploy'), { recursive: true });
    const env = { ...process.env, PRE_COMMIT_HOME: join(work, 'cache'), HOME: work, GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1', CI: '' };
    const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, encoding: 'utf8', env });
    git('init', '-q');
    git('config', 'user.email', 'test@example.com');
    git('config', 'user.name', 'test');
    // The README's config, pointed at this clone and its HEAD instead of GitHub and a release commit.
    const parsed = parse(config) as { repos: { repo: string; rev: string; hooks: { id: string }[] }[] };
    assert.equal(parsed.repos.length, 1);
    assert.deepEqual(parsed.repos[0]!.hooks, [{ id: 'rolecall' }]);
    assert.match(parsed.repos[0]!.rev, /^[0-9a-f]{40}$/, 'rev: a full commit SHA');
    parsed.repos[0]!.repo = REPO_ROOT;
    parsed.repos[0]!.rev = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    writeFileSync(join(repo, '.pre-commit-config.yaml'), JSON.stringify(parsed));
    writeFileSync(join(repo, 'deploy/assume-role.json'), '{ "RoleArn": "arn:aws:iam::731902345678:role/deploy", "RoleSessionName": "a b" }\n');
    git('add', '.');
    const r = spawnSync('bash', ['-uo', 'pipefail', '-c', commands], { cwd: repo, encoding: 'utf8', env });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /^pre-commit installed at \.git\/hooks\/pre-commit$/m);
    assert.match(r.stdout, /^rolecall\.+Failed$/m);
    assert.match(r.stdout, /RoleSessionName contains a space \(U\+0020\) at position 2/);
    const commit = git('commit', '-q', '-m', 'add input');
    assert.notEqual(commit.status, 0, 'the installed hook blocks the commit');
    assert.match(commit.stdout + commit.stderr, /^rolecall\.+Failed$/m);
  });
});
