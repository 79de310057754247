/**
 * End-to-end scenarios: each folder `test/e2e/<nnn-name>/` holds `input/` (the files to lint, and
 * a config if the scenario needs one), `scenario.json` (`args`, the expected `exitCode`, a
 * `description`) and one expected output per format it checks: `expected.json`, `expected.sarif`,
 * and optionally `expected.stylish.txt`, `expected.github.txt`, `expected.junit.xml`,
 * `expected.stderr.txt`. The input is copied to a fresh temp directory (so no config above it
 * leaks in), the CLI runs there once per format as a subprocess, and the output, normalized (the
 * temp path becomes `<cwd>`, the tool version `<version>`), must equal the file.
 *
 * `UPDATE_SNAPSHOTS=1 node test/run.mjs --only-tests test/e2e` rewrites the expected files from
 * the current output (the expected exit code is never rewritten: it is the scenario's claim).
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from './helpers.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const UPDATE = process.env['UPDATE_SNAPSHOTS'] === '1';

interface Scenario {
  readonly description: string;
  readonly args?: readonly string[];
  readonly exitCode: number;
  /** Environment for the run (e.g. `{"CI": "true"}`). */
  readonly env?: Readonly<Record<string, string>>;
}

const OUTPUTS: readonly { file: string; format: string; always: boolean }[] = [
  { file: 'expected.json', format: 'json', always: true },
  { file: 'expected.sarif', format: 'sarif', always: true },
  { file: 'expected.stylish.txt', format: 'stylish', always: false },
  { file: 'expected.github.txt', format: 'github', always: false },
  { file: 'expected.junit.xml', format: 'junit', always: false },
];

export function normalize(format: string, text: string, cwd: string): string {
  let out = text.split(cwd).join('<cwd>');
  if (format === 'json' && out.trim() !== '') {
    const doc = JSON.parse(out) as { tool?: { version?: string } };
    if (doc.tool) doc.tool.version = '<version>';
    out = `${JSON.stringify(doc, null, 2)}\n`;
  }
  if (format === 'sarif' && out.trim() !== '') {
    const doc = JSON.parse(out) as { runs?: { tool?: { driver?: { version?: string } } }[] };
    for (const run of doc.runs ?? []) if (run.tool?.driver) run.tool.driver.version = '<version>';
    out = `${JSON.stringify(doc, null, 2)}\n`;
  }
  return out;
}

function check(dir: string, file: string, actual: string): void {
  const path = join(dir, file);
  if (UPDATE) {
    writeFileSync(path, actual);
    return;
  }
  assert.ok(existsSync(path), `${file} is missing; run with UPDATE_SNAPSHOTS=1 to create it`);
  assert.equal(actual, readFileSync(path, 'utf8'), `${file} differs (UPDATE_SNAPSHOTS=1 regenerates it)`);
}

const scenarios = readdirSync(HERE, { withFileTypes: true })
  .filter((d) => d.isDirectory() && /^\d{3}-/.test(d.name))
  .map((d) => d.name)
  .sort();

describe('end-to-end scenarios', () => {
  it('there are scenarios', () => assert.ok(scenarios.length >= 8, `found ${scenarios.length}`));

  for (const name of scenarios) {
    const dir = join(HERE, name);
    const scenario = JSON.parse(readFileSync(join(dir, 'scenario.json'), 'utf8')) as Scenario;
    it(`${name}: ${scenario.description}`, () => {
      const cwd = realpathSync(mkdtempSync(join(tmpdir(), `rolecall-e2e-${name}-`)));
      try {
        cpSync(join(dir, 'input'), cwd, { recursive: true });
        const args = scenario.args ?? ['.'];
        const outputs = OUTPUTS.filter((o) => o.always || existsSync(join(dir, o.file)));
        let first = true;
        for (const output of outputs) {
          const run = runCli([...args, '--format', output.format], { cwd, ...(scenario.env ? { env: scenario.env } : {}) });
          assert.equal(run.status, scenario.exitCode, `exit code with --format ${output.format}; stderr:\n${run.stderr}`);
          check(dir, output.file, normalize(output.format, run.stdout, cwd));
          if (first && (existsSync(join(dir, 'expected.stderr.txt')) || run.stderr !== '')) {
            check(dir, 'expected.stderr.txt', normalize('text', run.stderr, cwd));
          }
          first = false;
        }
      } finally {
        rmSync(cwd, { recursive: true, force: true });
      }
    });
  }
});
