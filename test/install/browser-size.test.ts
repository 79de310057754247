/**
 * @rolecall/validators' browser build stays small, and its README states its size: the test rebuilds
 * dist/browser.js in memory exactly as `pnpm build` does, gzips it (level 9) and compares with the README figures
 * (kB = 1,000 bytes, one decimal) and with the budget the README names.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { browserBuild } from '../../scripts/release/build.js';
import { publishablePackages } from '../../scripts/release/workspace.js';

const pkg = publishablePackages().find((p) => p.manifest.name === '@rolecall/validators')!;
const readme = readFileSync(join(pkg.dir, 'README.md'), 'utf8');
const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;

describe('@rolecall/validators browser build size', () => {
  it('matches the README and stays under its budget', async () => {
    const minified = await browserBuild(pkg, false);
    const gzipped = gzipSync(minified, { level: 9 }).length;
    const stated = /<!-- browser-size -->([\s\S]*?)<!-- \/browser-size -->/.exec(readme)?.[1]?.replace(/\s+/g, ' ');
    const measured = `It is **${kB(gzipped)}** minified and gzipped (\`gzip -9\`; ${kB(minified.length)} minified).`;
    assert.equal(stated, measured, 'packages/validators/README.md states a stale size: copy the measured sentence into the browser-size marker');
    const budget = Number(/under a budget of\s+(\d+)\s+kB/.exec(readme)?.[1]);
    assert.ok(budget > 0, 'the README names the budget');
    assert.ok(gzipped <= budget * 1000, `${kB(gzipped)} min+gzip is over the ${budget} kB budget`);
    assert.doesNotMatch(new TextDecoder().decode(minified), /\bfrom\s*["']node:|require\(["']node:/, 'no Node built-ins');
  });
});
