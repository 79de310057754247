/**
 * Linted files are never executed or `require`d: fixtures/side-effects holds JavaScript and TypeScript files, and
 * JavaScript configs under every name a config could have, each of which writes a marker file when it runs. The
 * command line lints the folder, names each file explicitly, and is pointed at a JS config with --config; the
 * marker never appears. A JSON input with `__proto__` and `constructor.prototype` keys pollutes nothing.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli.js';
import { captureIo } from '../io-fixture.js';

const fixture = fileURLToPath(new URL('./fixtures/side-effects/', import.meta.url));
const dir = realpathSync(mkdtempSync(join(tmpdir(), 'rolecall-never-executed-')));
const marker = join(dir, 'EXECUTED');
cpSync(fixture, join(dir, 'project'), { recursive: true });
const project = join(dir, 'project');
after(() => rmSync(dir, { recursive: true, force: true }));

describe('linted files are never executed', () => {
  it('the fixture does have side effects when run (so the test below means something)', async () => {
    const probe = join(dir, 'PROBE');
    process.env['ROLECALL_EXECUTED_MARKER'] = probe;
    try {
      await import(join(project, 'evil.mjs'));
      for (let i = 0; i < 50 && !existsSync(probe); i++) await new Promise((r) => setTimeout(r, 10));
      assert.ok(existsSync(probe));
    } finally {
      process.env['ROLECALL_EXECUTED_MARKER'] = marker;
    }
  });

  it('lints the folder, each file by name, and refuses a JS config, without running any of them', async () => {
    process.env['ROLECALL_EXECUTED_MARKER'] = marker;
    const files = readdirSync(project);
    // Exit 1: the input's `__proto__` and `constructor` keys are reported as unknown parameters, as they should be.
    const runs: [string[], number][] = [
      [['.', '--format', 'json'], 1],
      [[...files, '--format', 'json'], 1],
      [['--config', 'rolecall.config.js', 'assume-role.json'], 2],
      [['--config', 'rolecall.config.mjs', 'assume-role.json'], 2],
      [['--print-config', 'evil.js'], 0],
      [['check-input', 'evil.js'], 1],
      [['estimate', 'evil.mjs'], 2],
    ];
    for (const [args, expected] of runs) {
      const io = captureIo(project);
      const code = await runCli(args, io);
      assert.equal(code, expected, `${args.join(' ')}: ${io.err()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(existsSync(marker), false, 'a linted file was executed');
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });
});
