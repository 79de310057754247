/**
 * The estimator runs without Node and without host APIs: bundle it for the browser with esbuild and
 * run it in a bare V8 context (node:vm) that has no process, require, Buffer, TextEncoder or TextDecoder.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build } from 'esbuild';
import { estimateSessionToken } from './index.js';

const entry = fileURLToPath(new URL('./index.ts', import.meta.url));

describe('browser bundle', () => {
  it('estimates, suggests and formats in a context with no Node globals and no TextEncoder', async () => {
    const out = await build({ entryPoints: [entry], bundle: true, platform: 'browser', format: 'iife', globalName: 'packed', write: false, logLevel: 'silent', target: 'es2022' });
    assert.equal(out.errors.length, 0);
    const code = out.outputFiles[0]!.text;
    assert.doesNotMatch(code, /\brequire\(["']node:/u);
    const context = vm.createContext({});
    assert.equal(vm.runInContext('typeof process + typeof require + typeof TextEncoder + typeof TextDecoder', context), 'undefinedundefinedundefinedundefined');
    vm.runInContext(code, context);
    const input = {
      Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject', 's3:GetObjectVersion'], Resource: 'arn:aws:s3:::bücket/ünïcode/*' }] }, null, 1),
      Tags: [{ Key: 'Team', Value: 'wéb' }],
    };
    const result = JSON.parse(
      vm.runInContext(
        `const input = ${JSON.stringify(input)};
         JSON.stringify([packed.estimateSessionToken(input), packed.suggestShrink(input).map((s) => s.id), packed.formatEstimateTable(packed.estimateSessionToken(input)).split('\\n').length])`,
        context,
      ) as string,
    ) as [unknown, string[], number];
    // Same numbers as in Node (non-ASCII characters included).
    assert.deepEqual(result[0], JSON.parse(JSON.stringify(estimateSessionToken(input))));
    assert.deepEqual(result[1], ['drop-tag', 'minify-whitespace']);
    assert.ok(result[2] > 10);
  });
});
