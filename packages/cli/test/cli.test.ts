import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseRuleFlag, resolveColor, runCli } from '../src/cli.js';
import { parseConfig } from '../src/config.js';
import { MAX_FINDINGS_PER_FILE } from '../src/findings-cap.js';
import { loadDefaultRegistry } from '../src/load-registry.js';
import { TOOL_VERSION } from '../src/version.js';
import { captureIo } from './io-fixture.js';

const BAD = '{\n  "RoleArn": "arn:aws:iam::731902345678:role/deploy",\n  "RoleSessionName": "build #42"\n}\n';
const GOOD = '{\n  "RoleArn": "arn:aws:iam::731902345678:role/deploy",\n  "RoleSessionName": "build-42"\n}\n';
const UNUSED = '{\n  "RoleArn": "arn:aws:iam::731902345678:role/deploy",\n  // rolecall-disable-next-line valid-role-session-name -- nothing here\n  "RoleSessionName": "fine"\n}\n';

let root: string;
before(() => {
  root = mkdtempSync(join(tmpdir(), 'rolecall-cli-'));
  writeFileSync(join(root, 'bad.json'), BAD);
  writeFileSync(join(root, 'good.json'), GOOD);
  writeFileSync(join(root, 'warn.jsonc'), UNUSED);
});
after(() => rmSync(root, { recursive: true, force: true }));

async function run(args: string[], options: Parameters<typeof captureIo>[1] = {}, cwd = root) {
  const io = captureIo(cwd, options);
  const code = await runCli(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('a file with more findings than it lists', () => {
  // One unused suppression per line: n warnings in one file.
  const warnings = (n: number): string => `{\n  "RoleArn": "arn:aws:iam::731902345678:role/deploy",\n${'  // rolecall-disable-next-line valid-role-session-name -- nothing here\n'.repeat(n)}  "RoleSessionName": "fine"\n}\n`;

  it('lists MAX_FINDINGS_PER_FILE, counts the rest, and --max-warnings and --quiet see the true counts', async () => {
    writeFileSync(join(root, 'many.jsonc'), warnings(MAX_FINDINGS_PER_FILE + 1));
    const r = await run(['many.jsonc', '--format', 'json']);
    assert.equal(r.code, 0);
    const [result] = (JSON.parse(r.out) as { results: { messages: unknown[]; warningCount: number; omitted?: { warningCount: number } }[] }).results;
    assert.equal(result!.messages.length, MAX_FINDINGS_PER_FILE);
    assert.equal(result!.warningCount, MAX_FINDINGS_PER_FILE + 1);
    assert.equal(result!.omitted?.warningCount, 1);
    // The one unlisted warning still counts: n-1 / n / n+1 around the total.
    assert.equal((await run(['many.jsonc', '--max-warnings', String(MAX_FINDINGS_PER_FILE)])).code, 1);
    assert.equal((await run(['many.jsonc', '--max-warnings', String(MAX_FINDINGS_PER_FILE + 1)])).code, 0);
    const stylish = await run(['many.jsonc']);
    assert.match(stylish.out, /… 1 more problem \(0 errors, 1 warning\) in this file is not listed: rolecall lists at most 1000 per file\. The counts include them\.\n\n✖ 1001 problems \(0 errors, 1001 warnings\)\n$/);
    // --quiet drops warnings, listed or not.
    const quiet = await run(['many.jsonc', '--quiet', '--format', 'json', '--max-warnings', '0']);
    assert.equal(quiet.code, 0);
    assert.deepEqual((JSON.parse(quiet.out) as { results: Record<string, unknown>[] }).results.map((x) => [x['warningCount'], 'omitted' in x]), [[0, false]]);
  });
});

describe('exit codes', () => {
  it('0 when clean, 1 on errors, 2 on usage errors', async () => {
    assert.equal((await run(['good.json'])).code, 0);
    assert.equal((await run(['bad.json'])).code, 1);
    const unknown = await run(['--frobnicate']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /^rolecall: Unknown argument: frobnicate\nRun 'rolecall --help' for usage\.\n$/);
    const badFormat = await run(['--format', 'xml']);
    assert.equal(badFormat.code, 2);
    assert.match(badFormat.err, /Invalid values:\n {2}Argument: format, Given: "xml", Choices: "stylish", "json", "sarif", "github", "junit"/);
  });

  it('--max-warnings: n-1, n, n+1 warnings', async () => {
    // warn.jsonc has exactly one warning (an unused suppression).
    assert.equal((await run(['warn.jsonc', '--max-warnings', '0'])).code, 1);
    assert.equal((await run(['warn.jsonc', '--max-warnings', '1'])).code, 0);
    assert.equal((await run(['warn.jsonc', '--max-warnings', '2'])).code, 0);
    assert.equal((await run(['warn.jsonc'])).code, 0);
    const over = await run(['warn.jsonc', '--max-warnings', '0']);
    assert.equal(over.err, 'rolecall found too many warnings (maximum: 0).\n');
    assert.deepEqual(await run(['warn.jsonc', '--max-warnings', '-2']), { code: 2, out: '', err: 'rolecall: --max-warnings must be a whole number, -1 or more\n' });
    assert.equal((await run(['warn.jsonc', '--max-warnings', '1.5'])).code, 2);
  });

  it('--quiet reports only errors and does not count warnings', async () => {
    const r = await run(['warn.jsonc', 'bad.json', '--quiet', '--format', 'json', '--max-warnings', '0']);
    assert.equal(r.code, 1);
    const doc = JSON.parse(r.out) as { results: { filePath: string; messages: { severity: string }[] }[] };
    assert.deepEqual(doc.results.map((x) => [x.filePath, x.messages.map((m) => m.severity)]), [['bad.json', ['error']], ['warn.jsonc', []]]);
    assert.equal((await run(['warn.jsonc', '--quiet', '--max-warnings', '0'])).code, 0);
  });
});

describe('flags', () => {
  it('--rule turns a rule off or changes its severity, and rejects unknown rules and bad values', async () => {
    assert.equal((await run(['bad.json', '--rule', 'valid-role-session-name: off'])).code, 0);
    assert.equal((await run(['bad.json', '--rule', 'valid-role-session-name:warn'])).code, 0);
    const unknown = await run(['bad.json', '--rule', 'valid-role-sesion-name: off']);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.err, 'rolecall: --rule: "valid-role-sesion-name" is not a known rule (did you mean "valid-role-session-name"? `rolecall --list-rules` lists them)\n');
    const badSeverity = await run(['bad.json', '--rule', 'valid-role-session-name: loud']);
    assert.equal(badSeverity.err, 'rolecall: --rule: /valid-role-session-name must be a severity ("off", "warn" or "error") or an array [severity, options]\n');
    const noColon = await run(['bad.json', '--rule', 'valid-role-session-name']);
    assert.equal(noColon.err, "rolecall: --rule 'valid-role-session-name': expected 'rule-id: off|warn|error'\n");
  });

  it('parseRuleFlag reads severities and JSON arrays', () => {
    assert.deepEqual(parseRuleFlag('a: warn'), ['a', 'warn']);
    assert.deepEqual(parseRuleFlag(' a :error '), ['a', 'error']);
    assert.deepEqual(parseRuleFlag('a: ["error", {"max": 3}]'), ['a', ['error', { max: 3 }]]);
    assert.throws(() => parseRuleFlag('a: [error]'), /not valid JSON/);
  });

  it('--sts-model is checked against the known STS models', async () => {
    const r = await run(['bad.json', '--sts-model', '2099']);
    assert.equal(r.code, 2);
    assert.equal(r.err, 'rolecall: --sts-model: unknown STS model "2099" (expected one of: current, botocore-2015-04-27)\n');
  });

  it('--output-file writes the report (creating directories) and nothing to stdout', async () => {
    const r = await run(['bad.json', '--format', 'json', '--output-file', 'reports/out/rolecall.json']);
    assert.equal(r.code, 1);
    assert.equal(r.out, '');
    const doc = JSON.parse(readFileSync(join(root, 'reports/out/rolecall.json'), 'utf8')) as { version: number };
    assert.equal(doc.version, 1);
    writeFileSync(join(root, 'blocker'), '');
    const blocked = await run(['bad.json', '--output-file', 'blocker/x.json']);
    assert.equal(blocked.code, 2);
    assert.match(blocked.err, /^rolecall: cannot write --output-file blocker\/x\.json: (ENOTDIR|EEXIST)\n$/);
  });

  it('--stdin lints standard input, named by --stdin-filename', async () => {
    const r = await run(['--stdin', '--format', 'json'], { stdin: BAD });
    assert.equal(r.code, 1);
    assert.deepEqual((JSON.parse(r.out) as { results: { filePath: string }[] }).results.map((x) => x.filePath), ['<stdin>']);
    const named = await run(['--stdin', '--stdin-filename', 'ci/assume-role.json', '--format', 'json'], { stdin: '{"RoleArn": "arn:aws:iam::731902345678:role/x"}' });
    const doc = JSON.parse(named.out) as { results: { filePath: string; messages: { ruleId: string }[] }[] };
    assert.equal(doc.results[0]!.filePath, 'ci/assume-role.json');
    // The name says AssumeRole, so the object is an input even without RoleSessionName.
    assert.ok(doc.results[0]!.messages.length >= 0);
    const notJson = await run(['--stdin', '--stdin-filename', 'notes.txt'], { stdin: BAD });
    assert.equal(notJson.code, 0);
    assert.equal(notJson.err, 'rolecall: notes.txt: skipped (no extractor reads this kind of file)\n');
    assert.equal((await run(['--stdin', 'bad.json'])).code, 2);
    assert.equal((await run(['--stdin-filename', 'x.json'])).code, 2);
  });

  it('--stdin checks the bytes like a file (invalid UTF-8)', async () => {
    const r = await run(['--stdin', '--format', 'json'], { stdin: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]) });
    assert.equal(r.code, 1);
    const doc = JSON.parse(r.out) as { results: { messages: { ruleId: string; message: string; line: number; column: number }[] }[] };
    assert.deepEqual(doc.results[0]!.messages.map((m) => [m.ruleId, m.message, m.line, m.column]), [
      ['parse-error', 'The file is not valid UTF-8 (byte 0xFF at byte 2); rolecall and the AWS CLI read UTF-8. Save it as UTF-8.', 1, 3],
    ]);
  });

  it('--list-rules prints every rule, as text or JSON', async () => {
    const text = await run(['--list-rules']);
    assert.equal(text.code, 0);
    assert.match(text.out, /^rule +default +recommended +description\n/);
    assert.match(text.out, /\nvalid-role-session-name +error +yes +/);
    assert.match(text.out, /\nunused-disable +warn +yes +A suppression directive suppressed nothing\.\n/);
    const json = JSON.parse((await run(['--list-rules', '--format', 'json'])).out) as { id: string }[];
    const registry = await loadDefaultRegistry();
    assert.equal(json.length, registry.rules.length + 3);
    assert.deepEqual(json.map((r) => r.id), [...json.map((r) => r.id)].sort());
  });

  it('--print-config shows what applies to a file', async () => {
    const dir = join(root, 'printcfg');
    mkdirSync(join(dir, 'legacy'), { recursive: true });
    writeFileSync(join(dir, 'rolecall.config.json'), JSON.stringify([{ files: ['legacy/**'], rules: { 'valid-role-session-name': 'warn' }, settings: { roleChaining: true } }]));
    const r = await run(['--print-config', 'legacy/a.json', '--sts-model', 'botocore-2015-04-27'], {}, dir);
    assert.equal(r.code, 0);
    const printed = JSON.parse(r.out) as Record<string, unknown>;
    assert.deepEqual(printed['file'], 'legacy/a.json');
    assert.deepEqual(printed['configFile'], 'rolecall.config.json');
    assert.deepEqual(printed['ignored'], false);
    // A .json file may be an input or a CloudFormation template; each extractor decides by content.
    assert.deepEqual(printed['extractors'], ['input-json', 'cloudformation']);
    assert.deepEqual(printed['settings'], { roleChaining: true, stsModel: 'botocore-2015-04-27' });
    assert.equal((printed['rules'] as Record<string, unknown>)['valid-role-session-name'], 'warn');
    assert.deepEqual(JSON.parse((await run(['--print-config', 'other.json'], {}, dir)).out)['settings'], {});
    assert.equal(JSON.parse((await run(['--print-config', 'legacy/a.json', '--ignore-pattern', 'legacy/'], {}, dir)).out)['ignored'], true);
    assert.equal(JSON.parse((await run(['--print-config', 'node_modules/x/a.json'], {}, dir)).out)['ignored'], true);
  });

  it("points '-' to --stdin, and --no-error-on-unmatched-pattern lets unmatched patterns pass", async () => {
    assert.deepEqual(await run(['-']), { code: 2, out: '', err: "rolecall: '-' is not a path; use --stdin to lint standard input\n" });
    const unmatched = await run(['good.json', 'nope/*.json']);
    assert.deepEqual([unmatched.code, unmatched.err], [2, 'rolecall: No files matching the pattern "nope/*.json" were found.\n']);
    assert.deepEqual(await run(['good.json', 'nope/*.json', '--no-error-on-unmatched-pattern']), { code: 0, out: '', err: '' });
  });

  it('--jobs is accepted (files are linted in the main thread)', async () => {
    assert.equal((await run(['bad.json', '--jobs', '4'])).code, 1);
    assert.equal((await run(['bad.json', '--jobs', '0'])).code, 2);
  });

  it('--version and --help print to stdout', async () => {
    assert.deepEqual(await run(['--version']), { code: 0, out: `${TOOL_VERSION}\n`, err: '' });
    const help = await run(['--help']);
    assert.equal(help.code, 0);
    for (const flag of ['--format', '--output-file', '--max-warnings', '--quiet', '--rule', '--config', '--print-config', '--list-rules', '--sts-model', '--stdin', '--stdin-filename', '--color', '--jobs', '--report-unresolved', '--ignore-pattern', 'check-input', 'init']) {
      assert.ok(help.out.includes(flag), `help mentions ${flag}`);
    }
  });
});

describe('colour and progress', () => {
  it('colours only for a terminal unless forced; NO_COLOR and --output-file turn it off', () => {
    const io = (tty: boolean, env: Record<string, string> = {}) => captureIo(root, { stdoutTTY: tty, env });
    assert.equal(resolveColor(undefined, undefined, io(true)), true);
    assert.equal(resolveColor(undefined, undefined, io(false)), false);
    assert.equal(resolveColor(undefined, undefined, io(true, { NO_COLOR: '1' })), false);
    assert.equal(resolveColor(undefined, undefined, io(false, { FORCE_COLOR: '1' })), true);
    assert.equal(resolveColor(undefined, 'out.txt', io(true)), false);
    assert.equal(resolveColor(true, 'out.txt', io(false)), true);
    assert.equal(resolveColor(false, undefined, io(true)), false);
  });

  it('--color puts ANSI escapes in stylish output; --no-color keeps them out', async () => {
    assert.match((await run(['bad.json', '--color'])).out, /\u001b\[/);
    assert.doesNotMatch((await run(['bad.json', '--no-color'], { stdoutTTY: true })).out, /\u001b\[/);
  });

  it('shows progress on a terminal stderr, never in CI or when piped', async () => {
    const tty = await run(['good.json', 'bad.json'], { stderrTTY: true });
    assert.match(tty.err, /\r\u001b\[Krolecall: 2\/2 files scanned/);
    assert.ok(tty.err.endsWith('\r\u001b[K'), 'the progress line is cleared');
    assert.equal((await run(['good.json', 'bad.json'], { stderrTTY: true, env: { CI: 'true' } })).err, '');
    assert.equal((await run(['good.json', 'bad.json'], { stderrTTY: false })).err, '');
  });
});

describe('init', () => {
  it('writes a starter config that validates, then refuses to overwrite it', async () => {
    const dir = join(root, 'init');
    mkdirSync(dir);
    const first = await run(['init'], {}, dir);
    assert.equal(first.code, 0);
    assert.equal(first.out, 'Wrote rolecall.config.json. Run `rolecall` to lint this directory; `rolecall --print-config <file>` shows what applies to a file.\n');
    const text = readFileSync(join(dir, 'rolecall.config.json'), 'utf8');
    const doc = JSON.parse(text) as { $schema: string; $comment: string; config: { rules: Record<string, string> }[] };
    assert.equal(doc.$schema, './node_modules/rolecall/config.schema.json');
    assert.match(doc.$comment, /https:\/\/github\.com\/rolecall\/rolecall#configuration/);
    const registry = await loadDefaultRegistry();
    assert.deepEqual(Object.keys(doc.config[0]!.rules), registry.rules.map((r) => r.id).sort());
    assert.equal(parseConfig('rolecall.config.json', text, registry).ok, true);
    const second = await run(['init'], {}, dir);
    assert.equal(second.code, 2);
    assert.equal(second.err, 'rolecall: rolecall.config.json already exists; not overwriting it.\n');
    assert.equal(readFileSync(join(dir, 'rolecall.config.json'), 'utf8'), text);
  });

  it('refuses when a .rolecallrc.json is present', async () => {
    const dir = join(root, 'init-rc');
    mkdirSync(dir);
    writeFileSync(join(dir, '.rolecallrc.json'), '[]');
    const r = await run(['init'], {}, dir);
    assert.equal(r.code, 2);
    assert.equal(existsSync(join(dir, 'rolecall.config.json')), false);
  });
});
