/**
 * End-to-end scenarios: each folder `test/e2e/<nnn-name>/` holds `input/` (the files to lint, and
 * a config if the scenario needs one), `scenario.json` (`args`, the expected `exitCode`, a
 * `description`) and one expected output per format it checks: `expected.json`, `expected.sarif`,
 * and optionally `expected.stylish.txt`, `expected.github.txt`, `expected.junit.xml`,
 * `expected.stderr.txt`. The input is copied to a fresh temp directory (so no config above it
 * leaks in), the CLI runs there once per format as a subprocess, and the output, normalized (see
 * `normalize`), must equal the file.
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

/**
 * Makes a report comparable across machines and across changes elsewhere: the temp path becomes
 * `<cwd>` and the tool version `<version>`. Rule metadata (the JSON `rules` table, SARIF's rule
 * descriptors) is owned by the rules and tested there; here it is checked for consistency with the
 * results (every result's rule is described, SARIF `ruleIndex` points at its descriptor) and then
 * reduced to the ids the results use, so a wording change in a rule's docs does not touch every
 * scenario.
 */
export function normalize(format: string, text: string, cwd: string): string {
  let out = text.split(cwd).join('<cwd>');
  if (format === 'json' && out.trim() !== '') {
    const doc = JSON.parse(out) as { tool?: { version?: string }; results: { messages: { ruleId: string }[] }[]; rules: Record<string, unknown> };
    if (doc.tool) doc.tool.version = '<version>';
    const used = [...new Set(doc.results.flatMap((r) => r.messages.map((m) => m.ruleId)))].sort();
    for (const id of used) assert.ok(doc.rules[id] !== undefined, `json: rule ${id} has no entry in rules`);
    doc.rules = Object.fromEntries(used.map((id) => [id, '<described>']));
    out = `${JSON.stringify(doc, null, 2)}\n`;
  }
  if (format === 'sarif' && out.trim() !== '') {
    const doc = JSON.parse(out) as { runs: { tool: { driver: { version?: string; rules?: { id: string }[] } }; results: { ruleId: string; ruleIndex?: number | string }[] }[] };
    for (const run of doc.runs) {
      run.tool.driver.version = '<version>';
      const rules = run.tool.driver.rules ?? [];
      for (const result of run.results) {
        assert.equal(rules[result.ruleIndex as number]?.id, result.ruleId, `sarif: ruleIndex of ${result.ruleId} points elsewhere`);
        result.ruleIndex = '<checked>';
      }
      const used = [...new Set(run.results.map((r) => r.ruleId))].sort();
      run.tool.driver.rules = used.map((id) => ({ id }));
    }
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
