/**
 * `pnpm release:version <x.y.z>`: the one place a version is set. Writes it to the root package.json and to every
 * workspace package.json; the CLI's `--version`, the packed tarballs (pnpm turns `workspace:*` into this version)
 * and the committed bundles the GitHub Action and pre-commit hook run (rebuilt by `pnpm build`) all read it from
 * there. test/install/release.test.ts checks that nothing disagrees.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, workspacePackages } from './workspace.js';

function setVersion(file: string, version: string): void {
  const text = readFileSync(file, 'utf8');
  // Only the top-level "version" line, so the file keeps its formatting and key order.
  const next = text.replace(/^(  "version": )"[^"]*"/m, `$1${JSON.stringify(version)}`);
  if (next === text && !text.includes(`"version": ${JSON.stringify(version)}`)) throw new Error(`${file}: no top-level "version"`);
  writeFileSync(file, next);
}

const version = process.argv[2];
if (version === undefined || !/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(version)) {
  process.stderr.write('usage: pnpm release:version <major.minor.patch[-prerelease]>\n');
  process.exitCode = 2;
} else {
  setVersion(join(ROOT, 'package.json'), version);
  for (const pkg of workspacePackages()) setVersion(join(pkg.dir, 'package.json'), version);
  process.stdout.write(`version ${version} set; run \`pnpm build\` to refresh the committed bundles\n`);
}
