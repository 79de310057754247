import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { renderExtraction, snapshot } from '@rolecall/testing';
import { githubActionsExtractor, prefilter } from '../src/index.js';

const fixtures = fileURLToPath(new URL('./fixtures', import.meta.url));
const snapshots = fileURLToPath(new URL('./snapshots', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

await githubActionsExtractor.load?.();

describe('fixtures: every extracted span as a code frame', () => {
  for (const path of files(fixtures).filter((f) => /\.ya?ml$/.test(f))) {
    const rel = relative(fixtures, path);
    test(rel, () => {
      const text = readFileSync(path, 'utf8');
      assert.ok(prefilter(text));
      const rendered = renderExtraction(text, githubActionsExtractor.extract({ path: rel, text }));
      assert.equal(rendered, snapshot(join(snapshots, `${rel.replace(/^\./, '').replace(/[\\/]/g, '__')}.snap`), rendered));
    });
  }
});

describe('YAML errors at the end of the file', () => {
  test('are placed inside the text (yaml reports one past the last character), as the fuzz harness found', async () => {
    await githubActionsExtractor.load?.();
    const text = 'on: push\njobs:\n  d:\n    steps:\n      - run: |\n          aws sts assume-role \\\n        {][: --role-session-name x\n';
    const r = githubActionsExtractor.extract({ path: '.github/workflows/x.yml', text });
    assert.ok(r.problems.length > 0);
    for (const p of r.problems) assert.ok(p.span.start >= 0 && p.span.start <= p.span.end && p.span.end <= text.length, JSON.stringify(p));
  });
});
