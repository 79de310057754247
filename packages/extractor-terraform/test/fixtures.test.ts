import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { renderExtraction, snapshot } from '@rolecall/testing';
import { extractTerraform, loadParser } from '../src/index.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const fixtures = join(here, 'fixtures');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? files(p) : /\.(tf|hcl|tfvars|tfvars\.json)$/.test(e) ? [p] : [];
  });
}

before(() => loadParser());

describe('terraform extractor fixtures (code-frame snapshots)', () => {
  for (const file of files(fixtures)) {
    const name = relative(fixtures, file);
    it(name, () => {
      const text = readFileSync(file, 'utf8');
      const rendered = renderExtraction(text, extractTerraform(name, text));
      assert.equal(rendered, snapshot(join(here, '__snapshots__', `${name}.snap`), rendered));
    });
  }
});
