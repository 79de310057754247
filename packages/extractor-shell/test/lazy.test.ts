// The shell parser (1.5 MB of JavaScript) is imported only by load().
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { prefilter, shellExtractor, shellParserLoaded } from '../src/index.js';

test('importing the extractor does not load mvdan-sh; load() does', async () => {
  assert.equal(shellParserLoaded(), false);
  assert.equal(prefilter('#!/bin/sh\naws s3 ls\n'), false);
  assert.equal(prefilter('aws sts assume-role --role-arn x\n'), true);
  await shellExtractor.load?.();
  assert.equal(shellParserLoaded(), true);
});

test('no source file imports mvdan-sh statically', () => {
  const src = fileURLToPath(new URL('../src', import.meta.url));
  for (const name of readdirSync(src)) assert.doesNotMatch(readFileSync(join(src, name), 'utf8'), /^import [^;]*from 'mvdan-sh'/m, name);
});
