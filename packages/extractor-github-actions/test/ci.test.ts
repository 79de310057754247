import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { renderExtraction, snapshot } from '@rolecall/testing';
import { codebuildExtractor, gitlabCiExtractor } from '../src/index.js';

const fixtures = fileURLToPath(new URL('./ci-fixtures', import.meta.url));
const snapshots = fileURLToPath(new URL('./snapshots', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

await gitlabCiExtractor.load?.();
await codebuildExtractor.load?.();

describe('GitLab CI and CodeBuild fixtures: every extracted span as a code frame', () => {
  for (const path of files(fixtures)) {
    const rel = relative(fixtures, path);
    const extractor = rel.startsWith('gitlab') ? gitlabCiExtractor : codebuildExtractor;
    test(rel, () => {
      const text = readFileSync(path, 'utf8');
      assert.ok(extractor.prefilter(text));
      const rendered = renderExtraction(text, extractor.extract({ path: rel, text }));
      assert.equal(rendered, snapshot(join(snapshots, `${rel.replace(/[\\/]/g, '__')}.snap`), rendered));
    });
  }
});
