/**
 * The README example runs as written (offline: the plugin throws before any request is built) and prints exactly
 * the output the README shows.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('sdk-plugin README', () => {
  it('the usage example prints what the README shows, without network or credentials', () => {
    const m = /```js\n([\s\S]*?)```\n\nprints[^\n]*\n\n```text\n([\s\S]*?)```/.exec(readme);
    assert.ok(m, 'a js example followed by its output');
    const r = spawnSync(process.execPath, ['--conditions=rolecall-source', '--import', 'tsx', '--input-type=module', '-e', m[1]!], {
      cwd: packageDir,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH ?? '',
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_ACCESS_KEY_ID: '',
        AWS_SECRET_ACCESS_KEY: '',
        AWS_PROFILE: 'rolecall-nonexistent-profile',
      },
    });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, m[2]);
  });
});
