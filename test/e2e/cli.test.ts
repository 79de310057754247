/** The built command line, run as a subprocess: exit codes, stdin, streams, secrets. */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cliCommand, REPO_ROOT, runCli } from './helpers.js';

const SCENARIO = fileURLToPath(new URL('./003-operations-and-secrets/input/', import.meta.url));

describe('rolecall as a process', () => {
  it('prints the version and exits 0', () => {
    const r = runCli(['--version']);
    assert.deepEqual([r.status, r.stderr], [0, '']);
    assert.match(r.stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('exits 2 with a message on stderr for an unknown flag', () => {
    const r = runCli(['--frobnicate']);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, "rolecall: Unknown argument: frobnicate\nRun 'rolecall --help' for usage.\n");
  });

  it('lints piped stdin', () => {
    const r = runCli(['--stdin', '--stdin-filename', 'piped.json', '--format', 'github'], {
      input: '{"RoleArn": "arn:aws:iam::731902345678:role/x", "RoleSessionName": "a b"}',
      cwd: tmpdir(),
    });
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^::error file=piped\.json,line=1,col=70,endLine=1,endColumn=71,title=valid-role-session-name::RoleSessionName contains a space/m);
  });

  it('stops quietly when the reader closes the pipe early (`rolecall | head`)', () => {
    const cwd = realpathSync(mkdtempSync(join(tmpdir(), 'rolecall-epipe-')));
    try {
      // Far more output than a pipe buffers, so writes go on after `head` has gone.
      mkdirSync(join(cwd, 'inputs'));
      for (let i = 0; i < 400; i++) writeFileSync(join(cwd, 'inputs', `${i}.json`), '{"RoleArn": "arn:aws:iam::731902345678:role/x", "RoleSessionName": "a b c"}');
      const quote = (a: string): string => `'${a.replace(/'/g, `'\\''`)}'`;
      const command = `${cliCommand().map(quote).join(' ')} --format json inputs 2>${quote(join(cwd, 'err.txt'))} | head -c 1`;
      const r = spawnSync('sh', ['-c', command], { cwd, encoding: 'utf8' });
      assert.equal(r.stdout, '{');
      assert.equal(readFileSync(join(cwd, 'err.txt'), 'utf8'), '');
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('never prints a WebIdentityToken or SAMLAssertion in any format', () => {
    const cwd = realpathSync(mkdtempSync(join(tmpdir(), 'rolecall-secrets-')));
    try {
      cpSync(SCENARIO, cwd, { recursive: true });
      const secrets = ['eyJhbGciOiJSUzI1NiIsImtpZCI6IlNFQ1JFVC1LRVktSUQifQ', 'c2lnbmF0dXJlLXNlY3JldC12YWx1ZQ', 'PHNhbWxwOlJlc3BvbnNlPlNFQ1JFVC1TQU1MLUFTU0VSVElPTjwvc2FtbHA6UmVzcG9uc2U'];
      for (const format of ['stylish', 'json', 'sarif', 'github', 'junit']) {
        const r = runCli(['.', '--format', format, '--color'], { cwd });
        assert.equal(r.status, 1);
        for (const secret of secrets) {
          assert.ok(!r.stdout.includes(secret) && !r.stderr.includes(secret), `--format ${format} leaked a secret`);
        }
      }
      for (const file of ['oidc.json', 'saml.json']) {
        const r = runCli(['check-input', file], { cwd });
        for (const secret of secrets) assert.ok(!r.stdout.includes(secret), `check-input ${file} leaked a secret`);
      }
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('lints the examples folder as the README shows, and exits 1 for the bad examples', () => {
    const r = runCli(['examples'], { cwd: REPO_ROOT });
    assert.equal(r.status, 1);
    for (const good of ['assume-role.good.json', 'assume-role-with-web-identity.good.json', 'assume-role-with-saml.good.json', 'sessions.json', 'terraform.good/main.tf', 'assume-role.good.ts', 'deploy.good.gitlab-ci.yml', 'buildspec.good.yml', 'policies/session.good.json']) {
      assert.ok(!r.stdout.includes(`examples/${good}\n`), `${good} must be clean`);
    }
    for (const bad of ['assume-role.bad.json', 'assume-role-with-web-identity.bad.json', 'assume-role-with-saml.bad.json', 'terraform.bad/main.tf', 'terragrunt/terragrunt.hcl', 'assume-role.bad.ts', 'deploy.bad.gitlab-ci.yml', 'buildspec.bad.yml', 'policies/session.bad.json']) {
      assert.ok(r.stdout.includes(`examples/${bad}\n`), `${bad} must have findings`);
    }
  });
});
