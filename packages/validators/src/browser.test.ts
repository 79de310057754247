/**
 * The package runs without Node: bundle src/index.ts for the browser with esbuild and run it in a bare V8 context
 * (node:vm) that has no `process`, `require`, `Buffer` or `module`. The context gets only the Web-platform globals
 * every browser and Lambda runtime has and the package uses (TextEncoder/TextDecoder, for the estimator).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build } from 'esbuild';

const entry = fileURLToPath(new URL('./index.ts', import.meta.url));

describe('browser bundle', () => {
  it('bundles for platform browser and validates in a context without Node globals', async () => {
    const out = await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'rolecall',
      write: false,
      logLevel: 'silent',
      target: 'es2022',
    });
    assert.equal(out.errors.length, 0);
    const code = out.outputFiles[0]!.text;
    assert.doesNotMatch(code, /\brequire\(["']node:/, 'no node: imports');

    const context = vm.createContext({ TextEncoder, TextDecoder });
    assert.equal(vm.runInContext('typeof process + typeof require + typeof Buffer + typeof module', context), 'undefinedundefinedundefinedundefined');
    vm.runInContext(code, context);
    const result = JSON.parse(
      vm.runInContext(
        `JSON.stringify([
          rolecall.validateAssumeRole({ RoleArn: 'arn:aws:iam::123456789012:role/example', RoleSessionName: 'browser',
            Policy: '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}',
            Tags: [{ Key: 'Team', Value: 'web' }] }),
          rolecall.validateAssumeRole({ RoleArn: 'arn:aws:iam::123456789012:user/u', RoleSessionName: 'has space',
            Policy: '{"Statement":{"Effect":"allow"}}' }),
          rolecall.estimateSessionToken({ Policy: '{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}',
            Tags: [{ Key: 'Team', Value: 'web' }] }).verdict,
        ])`,
        context,
      ) as string,
    ) as [{ valid: boolean; issues: { code: string; path: string }[] }, { valid: boolean; issues: { code: string; path: string }[] }, string];
    assert.deepEqual(result[0], { valid: true, issues: [] });
    assert.equal(result[1].valid, false);
    assert.equal(result[2], 'fits');
    assert.deepEqual(
      result[1].issues.map((i) => `${i.code} ${i.path}`),
      [
        'notARoleArn /RoleArn',
        'invalidCharacters /RoleSessionName',
        'invalidPolicyGrammar /Policy/Statement',
        'invalidPolicyGrammar /Policy/Statement',
        'invalidPolicyGrammar /Policy/Statement/Effect',
      ],
    );
  });
});
