// The rule docs are part of the product: every rule folder is complete, every README follows the
// template and opens with the rule's description, every example behaves as its heading says when
// linted through the real input-json extractor and engine, and the generated parts (rule table,
// constraint blocks) match the rules' meta and the schemas.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { ExtractedFile, FileRuleConfig, Rule, Settings } from '@rolecall/core';
import { extractFile, lintProject } from '@rolecall/core';
import { loadDefaultRegistry } from 'rolecall';
import { extractorsFor } from 'rolecall/internal';
import { extractInputJson } from '@rolecall/extractor-input-json';
import { rules } from '@rolecall/rules';

/** The registry the CLI lints with (its public loader). */
const defaultRegistry = await loadDefaultRegistry();

const root = fileURLToPath(new URL('..', import.meta.url));
const rulesDir = join(root, 'rules');
/** Folders of `rules/` that are not rules. */
const NOT_RULES = new Set(['_shared', 'scripts', 'node_modules', 'dist']);
const RULE_FILES = ['README.md', 'rule.test.ts', 'rule.ts'];
const HEADINGS = ['Rule details', 'Examples', 'Options', 'When not to use it', 'AWS reference'];
const NO_OPTIONS = 'This rule has no options.';

const folders = readdirSync(rulesDir)
  .filter((name) => !name.startsWith('.') && !NOT_RULES.has(name) && statSync(join(rulesDir, name)).isDirectory())
  .sort();

interface Example {
  readonly kind: 'incorrect' | 'correct';
  /** The file name the block is linted as: from `<!-- file: … -->` before it, else from its language. */
  readonly file: string;
  readonly json: string;
  /**
   * Further files of the same example, for checks across files (a template defining the role and
   * the call that assumes it): each block after `<!-- and file: … -->` joins the example above it.
   */
  readonly more?: readonly { readonly file: string; readonly json: string }[];
  readonly settings?: Settings;
  /** 1-based line of the opening fence, for messages. */
  readonly line: number;
}

/** `## Heading` → the text under it, up to the next `## ` heading. */
function sections(markdown: string): Map<string, string> {
  const out = new Map<string, string>();
  let current: string | undefined;
  let body: string[] = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = fenced ? null : /^## (.+?)\s*$/.exec(line);
    if (heading) {
      if (current !== undefined) out.set(current, body.join('\n'));
      current = heading[1] as string;
      body = [];
    } else if (current !== undefined) body.push(line);
  }
  if (current !== undefined) out.set(current, body.join('\n'));
  return out;
}

/** The file name a code block of each language is linted as, unless `<!-- file: … -->` names one. */
const FILE_FOR_LANGUAGE: Readonly<Record<string, string>> = {
  json: 'example.json',
  jsonc: 'example.jsonc',
  yaml: 'example.yml',
  hcl: 'main.tf',
  terraform: 'main.tf',
  ini: '.aws/config',
  ts: 'example.ts',
  typescript: 'example.ts',
  js: 'example.js',
  javascript: 'example.js',
  sh: 'example.sh',
  bash: 'example.sh',
};

/**
 * The code blocks of the Examples section, labelled by the `### ❌ …` / `### ✅ …` heading they sit
 * under. A `<!-- settings: {…} -->` comment right before a block gives the settings to lint it
 * with, and `<!-- file: .github/workflows/ci.yml -->` the file name it is linted as (extractors
 * are chosen by name and content, as in a real run). Blocks in other languages (`text`) are prose.
 */
function examples(markdown: string): Example[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.trim() === '## Examples');
  const out: Example[] = [];
  let kind: Example['kind'] | undefined;
  let pendingSettings: Settings | undefined;
  let pendingFile: string | undefined;
  let pendingJoin = false;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.startsWith('## ')) break;
    if (line.startsWith('### ')) {
      kind = line.includes('❌') ? 'incorrect' : line.includes('✅') ? 'correct' : undefined;
      continue;
    }
    const settings = /^<!-- settings: (.*) -->$/.exec(line.trim());
    if (settings) {
      pendingSettings = JSON.parse(settings[1] as string) as Settings;
      continue;
    }
    const file = /^<!-- (and )?file: (.*) -->$/.exec(line.trim());
    if (file) {
      pendingFile = (file[2] as string).trim();
      pendingJoin = file[1] !== undefined;
      continue;
    }
    if (line.startsWith('```')) {
      const lang = line.slice(3).trim();
      const end = lines.indexOf('```', i + 1);
      assert.ok(end > i, `unclosed code block at line ${i + 1}`);
      const name = pendingFile ?? FILE_FOR_LANGUAGE[lang];
      const previous = out.at(-1);
      if (name !== undefined && pendingJoin) {
        assert.ok(previous !== undefined, `the "and file" block at line ${i + 1} has no example before it to join`);
        out[out.length - 1] = { ...previous, more: [...(previous.more ?? []), { file: name, json: `${lines.slice(i + 1, end).join('\n')}\n` }] };
      } else if (name !== undefined) {
        assert.ok(kind !== undefined, `the ${lang} block at line ${i + 1} is not under a "### ❌ …" or "### ✅ …" heading`);
        out.push({ kind, file: name, json: `${lines.slice(i + 1, end).join('\n')}\n`, line: i + 1, ...(pendingSettings ? { settings: pendingSettings } : {}) });
      }
      pendingSettings = undefined;
      pendingFile = undefined;
      pendingJoin = false;
      i = end;
    }
  }
  return out;
}

/**
 * Lints an example as the file it stands for, through the extractors the CLI would pick and core's
 * pipeline, with only this rule on. A `.json` example is always read as one input (as check-input
 * does), so every example of a validator rule is checked even without marker keys.
 */
// Parsers load lazily; the examples need every extractor ready, as the CLI makes them before reading.
for (const extractor of defaultRegistry.extractors) await extractor.load?.();

function extractExample(file: string, text: string, line: number): ExtractedFile {
  if (!file.endsWith('.json')) return extractFile({ path: file, text }, extractorsFor(defaultRegistry, file));
  const extraction = extractInputJson(file, text, { force: true });
  assert.deepEqual(extraction.problems, [], `the example at line ${line} is not valid input JSON`);
  assert.equal(extraction.calls.length, 1, `the example at line ${line} must hold exactly one input`);
  return { path: file, text, parts: [{ extractor: 'input-json', calls: extraction.calls, roles: [], facts: extraction.facts ?? [], comments: extraction.comments, problems: [] }] };
}

function lintExample(rule: Rule<any>, example: Example) {
  const files = [extractExample(example.file, example.json, example.line), ...(example.more ?? []).map((m) => extractExample(m.file, m.json, example.line))];
  const settings: FileRuleConfig = { ruleSettings: { [rule.id]: { severity: rule.meta.defaultSeverity } }, settings: example.settings ?? {} };
  return lintProject(files, { rules: [rule], extractors: defaultRegistry.extractors, configFor: () => settings }).flat();
}

describe('rule docs', () => {
  // Parsers that load lazily (the Terraform extractor's wasm grammar) are loaded once, as the CLI does.
  before(async () => {
    for (const extractor of defaultRegistry.extractors) await extractor.load?.();
  });
  for (const folder of folders) {
    describe(folder, () => {
      const dir = join(rulesDir, folder);
      const rule = rules.find((r) => r.id === folder);

      test('has exactly rule.ts, README.md and rule.test.ts (plus an optional cases/)', () => {
        const files = readdirSync(dir).filter((f) => f !== 'cases').sort();
        assert.deepEqual(files, RULE_FILES);
      });

      test('is registered in rules/index.ts under its folder name', () => {
        assert.ok(rule !== undefined, `no rule with id "${folder}" in rules/index.ts`);
      });
      if (rule === undefined || !existsSync(join(dir, 'README.md'))) return;
      const readme = readFileSync(join(dir, 'README.md'), 'utf8');
      const parts = sections(readme);

      test('README starts with meta.docs.description', () => {
        assert.equal(readme.split('\n')[0], rule.meta.docs.description);
      });

      test('README has the required headings, in order', () => {
        const found = [...parts.keys()].filter((h) => HEADINGS.includes(h));
        assert.deepEqual(found, HEADINGS);
      });

      test('Options documents every option, or says there are none', () => {
        const options = parts.get('Options') ?? '';
        const properties = Object.keys((rule.meta.schema?.properties as Record<string, unknown> | undefined) ?? {});
        if (properties.length === 0) assert.ok(options.includes(NO_OPTIONS), `expected "${NO_OPTIONS}"`);
        else for (const name of properties) assert.match(options, new RegExp(`^### \`${name}\``, 'm'), `option ${name} has no heading`);
      });

      test('AWS reference links meta.docs.awsSource', () => {
        assert.ok((parts.get('AWS reference') ?? '').includes(`(${rule.meta.docs.awsSource})`), rule.meta.docs.awsSource);
      });

      const cases = examples(readme);
      test('has at least one incorrect and one correct example', () => {
        assert.ok(cases.some((c) => c.kind === 'incorrect'), 'no ❌ example');
        assert.ok(cases.some((c) => c.kind === 'correct'), 'no ✅ example');
      });
      for (const example of cases) {
        test(`${example.kind === 'incorrect' ? '❌' : '✅'} example at README line ${example.line} behaves as labelled`, () => {
          const diagnostics = lintExample(rule, example);
          const tool = diagnostics.filter((d) => d.ruleId !== rule.id);
          assert.deepEqual(tool.map((d) => `${d.ruleId}: ${d.message}`), []);
          const own = diagnostics.filter((d) => d.ruleId === rule.id).map((d) => `${d.location.start.line}:${d.location.start.column} ${d.message}`);
          if (example.kind === 'incorrect') assert.ok(own.length > 0, 'an incorrect example must produce a diagnostic of this rule');
          else assert.deepEqual(own, [], 'a correct example must produce no diagnostic of this rule');
        });
      }
    });
  }
});
