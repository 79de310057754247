#!/usr/bin/env node
// The one test command (README and .ci/run call `pnpm test`, which runs this):
//   1. generated files are fresh (codegen --check),
//   2. the whole workspace type-checks,
//   3. every *.test.ts (bench/'s pure parts included) runs under node's own test runner (its summary closes the output).
// node 20's `--test` takes no globs, so the files are listed here.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const onlyTests = process.argv.includes('--only-tests');
const filters = process.argv.slice(2).filter((a) => !a.startsWith('--'));

function run(label, cmd, args) {
  process.stdout.write(`\n> ${label}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stdout.write(`\n${label} failed (exit ${r.status ?? r.signal}).\n`);
    process.exit(r.status || 1);
  }
}

function findTests(dir, out) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const p = join(dir, name);
    const s = statSync(p);
    if (s.isDirectory()) findTests(p, out);
    else if (name.endsWith('.test.ts')) out.push(relative(root, p));
  }
  return out;
}

const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
if (!onlyTests) {
  run('codegen --check', process.execPath, ['--conditions=rolecall-source', '--import', 'tsx', 'scripts/codegen.ts', '--check']);
  run('typecheck', process.execPath, [tsc, '-p', 'tsconfig.json']);
}

const files = ['bench', 'packages', 'rules', 'schemas', 'test']
  .flatMap((d) => findTests(join(root, d), []))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
run(`node --test (${files.length} files)`, process.execPath, [
  '--conditions=rolecall-source',
  '--import',
  'tsx',
  '--test',
  '--test-reporter=spec',
  ...files,
]);
