/**
 * The GitHub Action (root action.yml), run the way the runner runs a `node24` action: `node <action>/<runs.main>`
 * in the workspace, with each input as `INPUT_<NAME>` (upper-cased, spaces as `_`), defaults from action.yml for
 * inputs the step does not set, and GITHUB_WORKSPACE / GITHUB_OUTPUT. The inputs come from the README's workflow
 * (the step that `uses:` this action), on a fixture workspace with one error and, under legacy/, one warning.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { assertValid } from '@rolecall/formatters/internal';
import { ROOT, releaseVersion } from '../../scripts/release/workspace.js';

interface ActionYml {
  readonly inputs: Record<string, { default?: string; required?: boolean }>;
  readonly outputs: Record<string, unknown>;
  readonly runs: { using: string; main: string };
}
interface Step {
  readonly uses?: string;
  readonly with?: Record<string, string | number | boolean>;
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml;
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const workflowYaml = /<!-- action-workflow -->\n```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
const steps = workflowYaml ? ((parse(workflowYaml) as { jobs: Record<string, { steps: Step[] }> }).jobs['rolecall']?.steps ?? []) : [];
const readmeStep = steps.find((s) => s.uses?.startsWith('rolecall/rolecall@'));

const BAD = '{\n  "RoleArn": "arn:aws:iam::731902345678:role/deploy",\n  "RoleSessionName": "deploy session"\n}\n';
const CONFIG = JSON.stringify({ config: [{ files: ['legacy/**'], rules: { 'valid-role-session-name': 'warn' } }] }, null, 2);

describe('GitHub Action', () => {
  let workspace: string;
  let runs = 0;

  before(() => {
    workspace = realpathSync(mkdtempSync(join(tmpdir(), 'rolecall-action-')));
    mkdirSync(join(workspace, 'deploy'));
    mkdirSync(join(workspace, 'legacy'));
    writeFileSync(join(workspace, 'deploy/assume-role.json'), BAD);
    writeFileSync(join(workspace, 'legacy/assume-role.json'), BAD);
    writeFileSync(join(workspace, 'rolecall.config.json'), CONFIG);
    writeFileSync(join(workspace, 'broken.config.json'), '{ "config": [{ "rulez": {} }] }\n');
  });
  after(() => rmSync(workspace, { recursive: true, force: true }));

  /** Runs the entry as the runner would, with `inputs` as the step's `with:`. */
  function runAction(inputs: Readonly<Record<string, string | number | boolean>>) {
    const env: NodeJS.ProcessEnv = {};
    for (const [key, value] of Object.entries(process.env)) if (!/^(INPUT_|GITHUB_|CI$|NO_COLOR$|FORCE_COLOR$|NODE_TEST_CONTEXT$)/.test(key)) env[key] = value;
    for (const [name, spec] of Object.entries(action.inputs)) {
      const value = Object.hasOwn(inputs, name) ? String(inputs[name]) : (spec.default ?? '');
      env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
    }
    const output = join(workspace, `github-output-${++runs}`);
    writeFileSync(output, '');
    Object.assign(env, { GITHUB_ACTIONS: 'true', CI: 'true', GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: output });
    const r = spawnSync(process.execPath, [join(ROOT, action.runs.main)], { cwd: workspace, env, encoding: 'utf8' });
    const outputs = Object.fromEntries(readFileSync(output, 'utf8').split('\n').filter((l) => l !== '').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, outputs };
  }

  it('declares the inputs and outputs the README documents and runs on a supported Node', () => {
    assert.deepEqual(Object.keys(action.inputs), ['paths', 'config', 'format', 'fail-on', 'sarif-file']);
    assert.deepEqual(Object.keys(action.outputs), ['sarif-file', 'exit-code']);
    assert.equal(action.runs.using, 'node24');
    for (const name of Object.keys(action.inputs)) assert.match(readme, new RegExp(`^\\| \`${name}\` \\|`, 'm'), `README documents input ${name}`);
  });

  it("the README's workflow step: annotations, a valid SARIF log for the upload step, a failed step on errors", () => {
    assert.ok(readmeStep?.with, 'README: the workflow has a step that uses rolecall/rolecall@…');
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.equal(upload?.with?.['sarif_file'], action.inputs['sarif-file']!.default, 'the upload step reads the file the action writes');
    const r = runAction(readmeStep.with);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^::error file=deploy\/assume-role\.json,line=3,col=29,endLine=3,endColumn=30,title=valid-role-session-name::RoleSessionName contains a space/m);
    assert.match(r.stdout, /^::warning file=legacy\/assume-role\.json,line=3,/m);
    const sarifPath = join(workspace, 'rolecall.sarif');
    assert.deepEqual(r.outputs, { 'sarif-file': sarifPath, 'exit-code': '1' });
    const text = readFileSync(sarifPath, 'utf8');
    assertValid(text);
    const run = JSON.parse(text).runs[0];
    assert.equal(run.tool.driver.version, releaseVersion());
    assert.deepEqual(
      run.results.map((x: { level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => `${x.level} ${x.locations[0]!.physicalLocation.artifactLocation.uri}`),
      ['error deploy/assume-role.json', 'warning legacy/assume-role.json'],
    );
    for (const rule of run.tool.driver.rules) assert.ok(rule.fullDescription?.text, `${rule.id} has a fullDescription`);
  });

  it('fail-on: never passes with findings; warning fails on warnings alone; error does not', () => {
    assert.equal(runAction({ 'fail-on': 'never' }).status, 0);
    const warningsOnly = { paths: 'legacy' };
    assert.equal(runAction({ ...warningsOnly, 'fail-on': 'error' }).status, 0);
    const strict = runAction({ ...warningsOnly, 'fail-on': 'warning' });
    assert.equal(strict.status, 1);
    assert.match(strict.stdout, /^::warning file=legacy\/assume-role\.json/m);
  });

  it('format and paths: stylish output of the named paths only', () => {
    const r = runAction({ paths: 'deploy/assume-role.json\nlegacy', format: 'stylish', 'fail-on': 'never' });
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^deploy\/assume-role\.json\n {2}3:29 {2}error/m);
    assert.match(r.stdout, /✖ 2 problems \(1 error, 1 warning\)/);
  });

  it('a config error fails the step and still writes a valid SARIF log that carries it', () => {
    const r = runAction({ config: 'broken.config.json', 'fail-on': 'never', 'sarif-file': 'out/config-error.sarif' });
    assert.equal(r.status, 2);
    assert.equal(
      r.stderr,
      'rolecall: broken.config.json:1:16: /config/0/rulez is not a known key (did you mean "rules"? expected one of: files, ignores, rules, settings, linterOptions)\n',
    );
    const text = readFileSync(join(workspace, 'out/config-error.sarif'), 'utf8');
    assertValid(text);
    const [invocation] = JSON.parse(text).runs[0].invocations;
    assert.equal(invocation.executionSuccessful, false);
    assert.match(invocation.toolExecutionNotifications[0].message.text, /rulez is not a known key/);
  });

  it('a wrong fail-on value fails the step with a message naming it', () => {
    const r = runAction({ 'fail-on': 'sometimes' });
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '::error title=rolecall::input fail-on is "sometimes"; expected one of: error, warning, never\n');
  });
});
