/**
 * The GitHub Action's entry (action.yml `runs.main`, bundled to dist/action.js). It runs the committed CLI bundle
 * beside it (dist/rolecall.js) twice on the workspace: once writing SARIF to `sarif-file` (for
 * github/codeql-action/upload-sarif; a configuration error still gives a valid SARIF log), once printing `format`
 * to the log (default `github`: workflow commands, shown as pull-request annotations). `fail-on` decides the step's
 * result. A separate process keeps the CLI's own exit codes and output the single source of behaviour.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readInputs } from './inputs.js';

const CLI = fileURLToPath(new URL('./rolecall.js', import.meta.url));
const EXIT_USAGE = 2;

function runCli(args: readonly string[], cwd: string, stdio: 'inherit' | 'pipe'): number {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', stdio, 'inherit'], env: { ...process.env, NO_COLOR: '1' } });
  if (r.error) throw r.error;
  return r.status ?? EXIT_USAGE;
}

function setOutput(name: string, value: string): void {
  const file = process.env['GITHUB_OUTPUT'];
  if (file) appendFileSync(file, `${name}=${value}\n`);
}

function main(): number {
  const read = readInputs(process.env);
  if ('error' in read) {
    process.stdout.write(`::error title=rolecall::${read.error}\n`);
    return EXIT_USAGE;
  }
  const { inputs } = read;
  const cwd = process.env['GITHUB_WORKSPACE'] || process.cwd();
  const common = [...(inputs.config !== undefined ? ['--config', inputs.config] : [])];
  const sarifCode = runCli(['--format', 'sarif', '--output-file', inputs.sarifFile, ...common, ...inputs.paths], cwd, 'pipe');
  setOutput('sarif-file', isAbsolute(inputs.sarifFile) ? inputs.sarifFile : join(cwd, inputs.sarifFile));
  // A usage or configuration error: the CLI said why on stderr, and the SARIF log holds it as a notification.
  if (sarifCode === EXIT_USAGE) return EXIT_USAGE;
  const gate = inputs.failOn === 'warning' ? ['--max-warnings', '0'] : [];
  const code = runCli(['--format', inputs.format, ...gate, ...common, ...inputs.paths], cwd, 'inherit');
  setOutput('exit-code', String(code));
  if (code === EXIT_USAGE) return EXIT_USAGE;
  return inputs.failOn === 'never' ? 0 : code;
}

process.exitCode = main();
