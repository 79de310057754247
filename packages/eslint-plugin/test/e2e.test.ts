// End to end: ESLint itself loads a real eslint.config.js that imports the plugin by its package
// name, and lints a small project of TypeScript and JavaScript files.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFile, lintProject } from '@rolecall/core';
import { typescriptExtractor } from '@rolecall/extractor-typescript';
import { presets, rules } from '@rolecall/rules';
import { ESLint } from 'eslint';

const project = fileURLToPath(new URL('./fixtures/project/', import.meta.url));

describe('eslint.config.js on a fixture project', () => {
  it('reports the CLI findings at the same places, and nothing in clean files', async () => {
    const eslint = new ESLint({ cwd: project });
    const results = await eslint.lintFiles(['src']);
    const found = results
      .flatMap((r) => r.messages.map((m) => `${r.filePath.slice(project.length)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`))
      .sort();
    assert.deepEqual(found, [
      'src/deploy.ts:13:79 rolecall/max-chained-duration DurationSeconds is 7200; its source credentials are the role session started at src/deploy.ts:14 (role chaining), so STS caps the session at 3600 seconds.',
      'src/deploy.ts:7:27 rolecall/valid-role-session-name RoleSessionName contains a space (U+0020) at position 7; STS accepts only characters matching [\\w+=,.@-].',
      "src/deploy.ts:8:20 rolecall/max-session-duration DurationSeconds 60 * 60 * 4 is 14400 seconds; the role's MaxSessionDuration is 7200, so STS rejects the call.",
      'src/legacy.js:5:108 rolecall/valid-external-id ExternalId is 1 character long; STS requires at least 2.',
    ]);

    // The CLI's path (typescript-estree + core's pipeline) on the same files gives the same list.
    await typescriptExtractor.load!();
    const ruleSettings = Object.fromEntries(Object.entries(presets.recommended).map(([id, severity]) => [id, { severity }]));
    const paths = ['src/clean.js', 'src/deploy.ts', 'src/legacy.js'];
    const files = paths.map((path) => extractFile({ path, text: readFileSync(join(project, path), 'utf8') }, [typescriptExtractor]));
    const cli = lintProject(files, { rules, extractors: [typescriptExtractor], configFor: () => ({ ruleSettings, settings: { maxSessionDuration: 7200 } }) })
      .flat()
      .map((d) => `${d.location.file}:${d.location.start.line}:${d.location.start.column} rolecall/${d.ruleId} ${d.message}`)
      .sort();
    assert.deepEqual(cli, found);
  });
});

describe('file paths as the CLI names them', () => {
  it('relative to the directory ESLint runs in, with /; outside it, absolute', async () => {
    const { lintPath } = await import('../src/rule-adapter.js');
    assert.equal(lintPath('/repo/docs/a.ts', '/repo'), 'docs/a.ts');
    assert.equal(lintPath('/elsewhere/a.ts', '/repo'), '/elsewhere/a.ts');
    assert.equal(lintPath('src/a.ts', '/repo'), 'src/a.ts');
  });
});
