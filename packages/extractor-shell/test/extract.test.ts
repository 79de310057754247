import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { renderExtraction, snapshot } from '@rolecall/testing';
import { isShellScript, shellExtractor } from '../src/index.js';

const fixtures = fileURLToPath(new URL('./fixtures', import.meta.url));
const snapshots = fileURLToPath(new URL('./snapshots', import.meta.url));
const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));

await shellExtractor.load?.();

describe('fixtures: every extracted span as a code frame', () => {
  for (const path of files(fixtures)) {
    const rel = relative(fixtures, path);
    test(rel, () => {
      const text = readFileSync(path, 'utf8');
      const rendered = renderExtraction(text, shellExtractor.extract({ path: rel, text }));
      assert.equal(rendered, snapshot(join(snapshots, `${rel.replace(/[\\/]/g, '__')}.snap`), rendered));
    });
  }
});

describe('what counts as a script', () => {
  test('shell extensions and shell shebangs', () => {
    assert.equal(isShellScript('a/run.sh', ''), true);
    assert.equal(isShellScript('a/run.zsh', ''), true);
    assert.equal(isShellScript('bin/run', '#!/bin/bash\n'), true);
    assert.equal(isShellScript('bin/run', '#!/usr/bin/env -S bash -e\n'), true);
    assert.equal(isShellScript('bin/run', '#!/usr/bin/env zsh\n'), true);
    assert.equal(isShellScript('bin/run', '#!/usr/bin/env python3\n'), false);
    assert.equal(isShellScript('bin/run', 'aws sts assume-role\n'), false);
  });
});

describe('values', () => {
  const one = (script: string) => shellExtractor.extract({ path: 'x.sh', text: script }).calls[0]!;
  const param = (script: string, member: string) => one(script).parameters.find((p) => p.member === member)!;
  test('a later literal assignment wins; a non-literal one makes the variable unknown again', () => {
    const v = param('D=900\nD=1800\naws sts assume-role --duration-seconds "$D"\n', 'DurationSeconds').value;
    assert.equal(v.kind === 'literal' && v.value, 1800);
    assert.equal(v.definedAt?.span.start, 6);
    const u = param('D=900\nD=$(date +%s)\naws sts assume-role --duration-seconds "$D"\n', 'DurationSeconds').value;
    assert.equal(u.kind, 'template');
  });
  test('an assignment after the command does not resolve it', () => {
    assert.equal(param('aws sts assume-role --role-arn "$R"\nR=arn:aws:iam::1:role/x\n', 'RoleArn').value.kind, 'template');
  });
  test('--flag=value and --flag value give the same value; the last of a repeated flag wins', () => {
    const a = param('aws sts assume-role --role-session-name=abc\n', 'RoleSessionName').value;
    const b = param('aws sts assume-role --role-session-name x --role-session-name abc\n', 'RoleSessionName').value;
    assert.equal(a.kind === 'literal' && a.value, 'abc');
    assert.equal(b.kind === 'literal' && b.value, 'abc');
    assert.deepEqual(a.span, { start: 40, end: 43 });
  });
  test("escapes: backslash outside quotes, \\\" inside double quotes, $'\\t' (each character keeps its place)", () => {
    const v = param(`aws sts assume-role --role-session-name a\\ b"c\\"d"$'\\t'\n`, 'RoleSessionName').value;
    assert.ok(v.kind === 'literal');
    assert.equal(v.value, 'a bc"d\t');
    const text = `aws sts assume-role --role-session-name a\\ b"c\\"d"$'\\t'\n`;
    assert.deepEqual(Array.from(v.offsets!.table as number[], (o) => text[o]), ['a', ' ', 'b', 'c', '"', 'd', '\\', '\n']);
  });
  test('file:// values are references (the CLI reads the file)', () => {
    const v = param('aws sts assume-role --policy file://policy.json\n', 'Policy').value;
    assert.equal(v.kind === 'reference' && v.text, 'file://policy.json');
  });
  test('non-ASCII text before the command keeps offsets in UTF-16 units', () => {
    const text = '# déploiement 😀\naws sts assume-role --role-session-name é\n';
    const v = param(text, 'RoleSessionName').value;
    assert.equal(text.slice(v.span.start, v.span.end), 'é');
  });
  test('a syntax error is a problem, and the file gives no calls', () => {
    const r = shellExtractor.extract({ path: 'x.sh', text: 'echo ok\naws sts assume-role --role-arn "x\n' });
    assert.deepEqual(r.calls, []);
    assert.equal(r.problems.length, 1);
  });
});

describe('variables set by other commands', () => {
  test('a declaration without a value (local x, declare x) makes the name unknown, as getopts fills it', () => {
    const text = [
      'assume() {',
      '  local option OPTARG role_arn',
      '  role_arn=default-not-used',
      '  while getopts "r:" option; do',
      '    case "${option}" in',
      '      r) role_arn=${OPTARG} ;;',
      '    esac',
      '  done',
      '  aws sts assume-role --role-arn "$role_arn" --role-session-name s',
      '}',
      '',
    ].join('\n');
    const call = shellExtractor.extract({ path: 'x.sh', text }).calls[0]!;
    assert.equal(call.parameters.find((p) => p.member === 'RoleArn')?.value.kind, 'template');
  });
});

describe('MinimumSessionTokenSize (newest model)', () => {
  test('--minimum-session-token-size is read on all three operations, as an integer the way the CLI int()s it', () => {
    for (const command of ['assume-role --role-arn arn:aws:iam::123456789012:role/x --role-session-name s', 'assume-role-with-web-identity --role-arn arn:aws:iam::123456789012:role/x --role-session-name s --web-identity-token t', 'assume-role-with-saml --role-arn arn:aws:iam::123456789012:role/x --principal-arn arn:aws:iam::123456789012:saml-provider/p --saml-assertion a']) {
      const text = `aws sts ${command} --minimum-session-token-size 4097\n`;
      const [call] = shellExtractor.extract({ path: 'run.sh', text }).calls;
      const p = call?.parameters.find((x) => x.member === 'MinimumSessionTokenSize');
      assert.equal(p?.key, '--minimum-session-token-size', command);
      assert.deepEqual(p?.value.kind === 'literal' ? [p.value.value, text.slice(p.value.span.start, p.value.span.end)] : undefined, [4097, '4097']);
      assert.deepEqual(call?.facts?.filter((f) => f.kind.includes('unknown')) ?? [], [], 'not an unknown flag');
    }
  });
});
