// The YAML parser is imported only by load(), which the engine runs for a file that passes the
// prefilter: a run over a tree with no workflow never loads it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { githubActionsExtractor, prefilter, yamlLoaded } from '../src/index.js';

test('importing the extractor does not load yaml; load() does', async () => {
  assert.equal(yamlLoaded(), false);
  assert.equal(prefilter('on: push\njobs:\n  a:\n    steps:\n      - uses: actions/checkout@v4\n'), false);
  assert.equal(prefilter('      - uses: aws-actions/configure-aws-credentials@v4\n'), true);
  assert.throws(() => githubActionsExtractor.extract({ path: '.github/workflows/a.yml', text: 'uses: aws-actions/configure-aws-credentials@v4' }), /load\(\) must run before extract\(\)/);
  await githubActionsExtractor.load?.();
  assert.equal(yamlLoaded(), true);
});

test("no source file imports yaml's runtime statically (only `import type` and the dynamic import in load())", () => {
  const src = fileURLToPath(new URL('../src', import.meta.url));
  for (const name of readdirSync(src)) {
    const text = readFileSync(join(src, name), 'utf8');
    assert.doesNotMatch(text, /^import (?!type )[^;]*from 'yaml'/m, name);
  }
});
