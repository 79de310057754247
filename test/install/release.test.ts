/**
 * One version and fresh committed bundles: every workspace package carries the root package.json's version (set by
 * `pnpm release:version`), the committed CLI bundle prints it, and the bundles the GitHub Action and the pre-commit
 * hook run from a git checkout are exactly what `pnpm build` makes from the current sources.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { staleCommittedBundles } from '../../scripts/release/build.js';
import { readManifest, releaseVersion, ROOT, workspacePackages } from '../../scripts/release/workspace.js';

describe('release', () => {
  it('every workspace package has the root version', () => {
    const version = releaseVersion();
    assert.match(version, /^\d+\.\d+\.\d+/);
    for (const pkg of workspacePackages()) assert.equal(pkg.manifest.version, version, `${pkg.path}/package.json`);
  });

  it('the committed CLI bundle prints that version', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'packages/cli/bundle/rolecall.js'), '--version'], { encoding: 'utf8' });
    assert.equal(r.stdout, `${releaseVersion()}\n`, r.stderr);
  });

  it('the action and the pre-commit hook run committed bundles', () => {
    const bundles = Object.keys((readManifest(ROOT) as { rolecall?: { bundles?: Record<string, string> } }).rolecall?.bundles ?? {});
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { runs: { main: string } };
    const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { entry: string }[];
    assert.ok(bundles.includes(action.runs.main), action.runs.main);
    for (const hook of hooks) assert.ok(bundles.includes(hook.entry), hook.entry);
  });

  it('the committed bundles are fresh (`pnpm build` rewrites them)', async () => {
    assert.deepEqual(await staleCommittedBundles(), [], 'stale committed bundles: run `pnpm build` and commit packages/cli/bundle/');
  });
});
