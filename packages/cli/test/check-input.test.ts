import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../src/cli.js';
import { checkInputText } from '../src/check-input.js';
import { captureIo } from './io-fixture.js';
import { defaultRegistry as REGISTRY } from '../src/default-registry.js';

const RECOMMENDED = { ruleSettings: Object.fromEntries(Object.entries(REGISTRY.presets['recommended']!).map(([id, severity]) => [id, { severity }])), settings: {} };

let root: string;
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.SECRET-PAYLOAD.SECRET-SIGNATURE';
before(() => {
  root = mkdtempSync(join(tmpdir(), 'rolecall-check-input-'));
  writeFileSync(join(root, 'good.json'), '{"RoleArn": "arn:aws:iam::731902345678:role/deploy", "RoleSessionName": "deploy", "DurationSeconds": 7200}\n');
  writeFileSync(join(root, 'typo.json'), '{\n  "RoleArn": "arn:aws:iam::731902345678:role/deploy",\n  "RoleSesionName": "deploy"\n}\n');
  writeFileSync(join(root, 'web.json'), JSON.stringify({ RoleArn: 'arn:aws:iam::731902345678:role/web', RoleSessionName: 'web session', WebIdentityToken: TOKEN }, null, 2));
  writeFileSync(join(root, 'binary.json'), Buffer.from([0x7b, 0, 0x7d]));
  mkdirSync(join(root, 'dir'));
});
after(() => rmSync(root, { recursive: true, force: true }));

async function run(args: string[], stdin?: string, cwd = root) {
  const io = captureIo(cwd, stdin !== undefined ? { stdin } : {});
  const code = await runCli(['check-input', ...args], io);
  return { code, out: io.out(), err: io.err() };
}

type JsonOut = { results: { filePath: string; messages: { ruleId: string; message: string; line: number; column: number; endLine: number; endColumn: number; path: string | null; help: string | null }[] }[] };

describe('rolecall check-input', () => {
  it('says so when the input is valid, exit 0', async () => {
    assert.deepEqual(await run(['good.json']), { code: 0, out: 'good.json: valid AssumeRole input.\n', err: '' });
  });

  it('reports a missing member at the input object, as lint does, and an unknown key at the key, exit 1', async () => {
    const r = await run(['typo.json', '--format', 'json']);
    assert.equal(r.code, 1);
    const messages = (JSON.parse(r.out) as JsonOut).results[0]!.messages;
    assert.deepEqual(
      messages.map((m) => [m.ruleId, m.path, m.line, m.column, m.endLine, m.endColumn]),
      [
        ['required-parameters', '/RoleSessionName', 1, 1, 4, 2],
        ['no-unknown-parameters', '/RoleSesionName', 3, 3, 3, 19],
      ],
    );
  });

  it('never prints a WebIdentityToken, and reports the session name inside the string', async () => {
    const r = await run(['web.json', '--format', 'json']);
    assert.equal(r.code, 1);
    assert.ok(!r.out.includes('SECRET'), 'token must not appear');
    const messages = (JSON.parse(r.out) as JsonOut).results[0]!.messages;
    assert.deepEqual(messages.map((m) => [m.ruleId, m.line, m.column, m.endColumn]), [['valid-role-session-name', 3, 26, 27]]);
    const stylish = await run(['web.json']);
    assert.ok(!stylish.out.includes('SECRET'), 'token must not appear in the code frame either');
  });

  it('reads stdin with -', async () => {
    const r = await run(['-', '--format', 'json'], '{"RoleArn": "arn:aws:iam::731902345678:role/deploy", "RoleSessionName": "a b"}');
    assert.equal(r.code, 1);
    const doc = JSON.parse(r.out) as JsonOut;
    assert.equal(doc.results[0]!.filePath, '<stdin>');
    assert.deepEqual(doc.results[0]!.messages.map((m) => [m.ruleId, m.column]), [['valid-role-session-name', 75]]);
  });

  it('applies --operation, --role-chaining and config settings', async () => {
    const chained = await run(['good.json', '--role-chaining', '--format', 'json']);
    assert.equal(chained.code, 1);
    assert.deepEqual((JSON.parse(chained.out) as JsonOut).results[0]!.messages.map((m) => m.ruleId), ['max-chained-duration']);
    const dir = join(root, 'configured');
    mkdirSync(dir);
    writeFileSync(join(dir, 'rolecall.config.json'), JSON.stringify([{ settings: { roleChaining: true } }]));
    writeFileSync(join(dir, 'in.json'), '{"RoleArn": "arn:aws:iam::731902345678:role/deploy", "RoleSessionName": "deploy", "DurationSeconds": 7200}');
    assert.equal((await run(['in.json'], undefined, dir)).code, 1);
    const saml = await run(['good.json', '--operation', 'AssumeRoleWithSAML', '--format', 'json']);
    assert.deepEqual(
      (JSON.parse(saml.out) as JsonOut).results[0]!.messages.map((m) => m.ruleId),
      ['required-parameters', 'required-parameters', 'no-unknown-parameters'],
    );
  });

  it('rejects a directory, a missing file and bad settings with exit 2', async () => {
    const dir = await run(['dir']);
    assert.equal(dir.code, 2);
    assert.equal(dir.err, 'rolecall: check-input: dir is a directory; check-input validates one JSON file (use `rolecall dir` to lint a directory)\n');
    assert.deepEqual(await run(['nope.json']), { code: 2, out: '', err: 'rolecall: check-input: no such file: nope.json\n' });
    assert.deepEqual(await run(['good.json', '--max-session-duration', 'soon']), { code: 2, out: '', err: 'rolecall: --max-session-duration must be a whole number of seconds\n' });
    const bad = await run(['good.json', '--max-session-duration', '100']);
    assert.equal(bad.code, 2);
    assert.equal(bad.err, "rolecall: --max-session-duration: maxSessionDuration is 100; IAM allows a role's MaxSessionDuration from 3600 to 43200 seconds\n");
  });

  it('reports a file it cannot decode as parse-error, exit 1', async () => {
    const r = await run(['binary.json', '--format', 'json']);
    assert.equal(r.code, 1);
    assert.deepEqual((JSON.parse(r.out) as JsonOut).results[0]!.messages.map((m) => m.ruleId), ['parse-error']);
  });

  it('reports text that holds no object', () => {
    const { diagnostics } = checkInputText('x.json', '[1, 2]', undefined, RECOMMENDED, REGISTRY);
    assert.deepEqual(diagnostics.map((d) => [d.ruleId, d.message]), [
      ['parse-error', 'Expected a JSON object of AssumeRole parameters (or an array of them), as `aws sts assume-role --cli-input-json` reads.'],
    ]);
  });

  it('validates each input of an array', () => {
    const { diagnostics, operations } = checkInputText('x.json', '[{"RoleArn": "arn:aws:iam::731902345678:role/a", "RoleSessionName": "ab"}, {"RoleArn": "arn:aws:iam::731902345678:role/b"}]', undefined, RECOMMENDED, REGISTRY);
    assert.deepEqual(operations, ['AssumeRole']);
    assert.deepEqual(diagnostics.map((d) => [d.ruleId, d.location.start.column]), [["required-parameters", 76]]);
  });
});
