// One path from text to findings, seen from the CLI: lint and check-input agree byte for byte, a
// rule turned off is off for both, values keep the user's spelling into every formatter, related
// locations in other files come out with lines and columns, and --jobs does not change a byte.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { AssumeRoleCall, Extractor, ExtractorPart, LineIndex, LiteralNode } from '@rolecall/core';
import { extractFile } from '@rolecall/core';
import { FORMATTER_NAMES, getFormatter } from '@rolecall/formatters';
import { runCli } from '../src/cli.js';
import { defaultRegistry } from '../src/default-registry.js';
import { lintExtracted, lintFiles, rulesMeta } from '../src/lint.js';
import { captureIo } from './io-fixture.js';

let root: string;
before(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'rolecall-pipeline-')));
});
after(() => rmSync(root, { recursive: true, force: true }));

async function cli(args: string[], cwd = root) {
  const io = captureIo(cwd);
  const code = await runCli(args, io);
  return { code, out: io.out(), err: io.err() };
}

type Json = { results: { filePath: string; messages: unknown[] }[] };

describe('lint and check-input share one engine', () => {
  it('give byte-identical JSON for the same findings', async () => {
    writeFileSync(join(root, 'same.json'), '{\n  "RoleArn": "arn:aws:iam::731902345678:role/deploy",\n  "RoleSessionName": "build #42",\n  "DurationSeconds": 100\n}\n');
    const lint = await cli(['--format', 'json', '--no-error-on-unmatched-pattern', 'same.json']);
    const check = await cli(['check-input', '--format', 'json', 'same.json']);
    assert.deepEqual([lint.code, check.code], [1, 1]);
    const a = (JSON.parse(lint.out) as Json).results[0]!.messages;
    const b = (JSON.parse(check.out) as Json).results[0]!.messages;
    assert.equal(a.length, 2);
    assert.equal(JSON.stringify(b), JSON.stringify(a));
  });

  it('turn a rule off together: valid-duration-seconds off in the config silences both', async () => {
    const dir = join(root, 'off');
    cpSync(join(root, 'same.json'), join(dir, 'same.json'), { recursive: true });
    writeFileSync(join(dir, 'rolecall.config.json'), JSON.stringify({ config: [{ rules: { 'valid-duration-seconds': 'off', 'valid-role-session-name': 'off' } }] }));
    const lint = await cli(['same.json'], dir);
    const check = await cli(['check-input', 'same.json'], dir);
    assert.deepEqual([lint.code, lint.out], [0, '']);
    assert.deepEqual([check.code, check.out], [0, 'same.json: valid AssumeRole input.\n']);
  });
});

/** A toy Terraform-like extractor: `duration = "<n>h"` as a Go duration, `var.x` resolved from `x = "<n>h"` in another file. */
const toy: Extractor = {
  id: 'toy',
  files: ['**/*.toy'],
  prefilter: (text) => text.includes('duration') || text.includes('variable'),
  extract(file) {
    const calls: AssumeRoleCall[] = [];
    for (const m of file.text.matchAll(/duration = (?:"(\d+)h"|var\.(\w+))/g)) {
      const start = m.index + 'duration = '.length;
      const span = { start, end: m.index + m[0].length };
      calls.push({
        id: `toy:${calls.length}`,
        file: file.path,
        extractor: 'toy',
        kind: 'toy',
        operation: 'AssumeRole',
        span: { start: m.index, end: span.end },
        parameters: [
          { member: 'RoleArn', key: 'role_arn', value: { kind: 'literal', span, value: 'arn:aws:iam::731902345678:role/deploy' } },
          { member: 'RoleSessionName', key: 'session_name', value: { kind: 'literal', span, value: 'deploy' } },
          {
            member: 'DurationSeconds',
            key: 'duration',
            keySpan: { start: m.index, end: m.index + 8 },
            value: m[1] !== undefined ? { kind: 'literal', span, value: Number(m[1]) * 3600, written: { text: `"${m[1]}h"`, unit: 'go-duration' } } : { kind: 'reference', span, text: `var.${m[2]}` },
          },
        ],
      });
    }
    const exports = Object.fromEntries([...file.text.matchAll(/variable (\w+) = "(\d+)h"/g)].map((m) => [m[1]!, { hours: Number(m[2]), start: m.index, end: m.index + m[0].length }]));
    return { calls, comments: [], problems: [], exports };
  },
  project(parts) {
    const defined = new Map<string, { file: string; hours: number; start: number; end: number }>();
    for (const [file, part] of parts) for (const [name, v] of Object.entries(part.exports as Record<string, { hours: number; start: number; end: number }>)) defined.set(name, { file, ...v });
    const out = new Map<string, ExtractorPart>();
    for (const [file, part] of parts) {
      out.set(file, {
        ...part,
        calls: part.calls.map((call) => ({
          ...call,
          parameters: call.parameters.map((p) => {
            const d = p.value.kind === 'reference' ? defined.get(p.value.text.slice(4)) : undefined;
            if (d === undefined) return p;
            const value: LiteralNode = { kind: 'literal', span: p.value.span, value: d.hours * 3600, written: { text: `"${d.hours}h"`, unit: 'go-duration' }, definedAt: { file: d.file, span: { start: d.start, end: d.end }, description: 'variable "hours"' } };
            return { ...p, value };
          }),
        })),
      });
    }
    return out;
  },
};

describe('values as written, and related locations in other files, through every formatter', () => {
  it('keep the user spelling and the definition site in stylish, json, sarif, github and junit', async () => {
    const dir = join(root, 'toy');
    cpSync(join(root, 'same.json'), join(dir, 'ignored.json'));
    writeFileSync(join(dir, 'main.toy'), 'provider {\n  duration = var.hours\n}\n');
    writeFileSync(join(dir, 'vars.toy'), '# hours\nvariable hours = "13h"\n');
    const registry = { ...defaultRegistry, extractors: [toy] };
    const run = await lintFiles(['.'], { cwd: dir, registry, configFile: false });
    const main = run.results.find((r) => r.filePath === 'main.toy')!;
    assert.deepEqual(main.diagnostics.map((d) => d.ruleId), ['valid-duration-seconds']);
    const expected = 'duration "13h" is 46800 seconds; STS accepts 900 to 43200 (15m to 12h). The value comes from variable "hours".';
    for (const name of FORMATTER_NAMES) {
      const out = getFormatter(name)!([main], { cwd: dir, rulesMeta: rulesMeta(registry), toolVersion: '0.0.0', color: false });
      const escaped = name === 'junit' ? expected.replace(/"/g, '&quot;') : name === 'json' || name === 'sarif' ? JSON.stringify(expected).slice(1, -1) : expected;
      assert.ok(out.includes(escaped), `${name} lost the user's spelling:\n${out}`);
    }
    const json = JSON.parse(getFormatter('json')!([main], { cwd: dir, rulesMeta: rulesMeta(registry), toolVersion: '0.0.0', color: false })) as { results: { messages: { related: unknown[] }[] }[] };
    assert.deepEqual(json.results[0]!.messages[0]!.related, [{ message: 'The value is defined here (variable "hours").', filePath: 'vars.toy', line: 2, column: 1, endLine: 2, endColumn: 23 }]);
    const sarif = JSON.parse(getFormatter('sarif')!([main], { cwd: dir, rulesMeta: rulesMeta(registry), toolVersion: '0.0.0', color: false })) as {
      runs: { results: { relatedLocations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[] }[] }[];
    };
    const related = sarif.runs[0]!.results[0]!.relatedLocations[0]!.physicalLocation;
    assert.deepEqual([related.artifactLocation.uri, related.region], ['vars.toy', { startLine: 2, startColumn: 1, endLine: 2, endColumn: 23 }]);
  });
});

const E2E = fileURLToPath(new URL('../../../test/e2e/', import.meta.url));

describe('--jobs', () => {
  const scenarios = readdirSync(E2E).filter((d) => existsSync(join(E2E, d, 'input')));
  it(`gives byte-identical output with 1 and 2 worker threads on the ${scenarios.length} e2e scenarios`, async () => {
    assert.ok(scenarios.length >= 10);
    for (const scenario of scenarios) {
      const cwd = join(E2E, scenario, 'input');
      for (const format of ['json', 'stylish']) {
        const one = await cli(['--format', format, '--jobs', '1', '--no-error-on-unmatched-pattern', '.'], cwd);
        const two = await cli(['--format', format, '--jobs', '2', '--no-error-on-unmatched-pattern', '.'], cwd);
        assert.deepEqual(two, one, `${scenario} --format ${format}`);
      }
    }
  });

  it('is a usage error below 1 or when not whole', async () => {
    for (const value of ['0', '-1', '1.5']) {
      const r = await cli(['--jobs', value, '.']);
      assert.deepEqual([r.code, r.err], [2, 'rolecall: --jobs must be a whole number, 1 or more\n']);
    }
  });
});

describe('one line index per file', () => {
  it("formatters get the engine's index over the redacted text, not a second one", () => {
    const text = '{"RoleArn": "arn:aws:iam::731902345678:role/x",\n "RoleSessionName": "has space",\r\n "SessionToken": "CANARY-5ecr3t"}\n';
    const extracted = extractFile({ path: 'in.assume-role.json', text }, defaultRegistry.extractors);
    const indexes = new Map<string, LineIndex>();
    const rules = Object.fromEntries(defaultRegistry.rules.map((r) => [r.id, { severity: r.meta.defaultSeverity }]));
    const [result] = lintExtracted([extracted], () => ({ rules, settings: {} }), defaultRegistry, undefined, indexes);
    assert.deepEqual(result!.diagnostics.map((d) => [d.ruleId, d.location.start.line, d.location.start.column]), [
      ['valid-role-session-name', 2, 25],
      ['no-unknown-parameters', 3, 2],
    ]);
    const engine = indexes.get('in.assume-role.json')!;
    assert.ok(result!.source!.sharesLinesWith(engine), "the result carries the engine's line table");
    assert.equal(result!.source!.text, text.replace('CANARY-5ecr3t', '*************'));
  });
});
