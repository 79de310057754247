// Dependencies point one way. validators and core stand alone; rules, extractors and formatters
// build on core (rules also on validators); cli and eslint-plugin-rolecall sit on top; nothing imports cli. Checked on both
// the declared dependencies and the import specifiers actually written in the sources.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Workspace package → the workspace packages its published code may import. */
const ALLOWED: Record<string, readonly string[]> = {
  '@rolecall/core': [],
  '@rolecall/validators': [],
  '@rolecall/codegen': [],
  '@rolecall/schemas': [],
  '@rolecall/rules': ['@rolecall/core', '@rolecall/validators'],
  '@rolecall/formatters': ['@rolecall/core'],
  '@rolecall/testing': ['@rolecall/core', '@rolecall/extractor-input-json'],
  '@rolecall/sdk-plugin': ['@rolecall/validators'],
  rolecall: ['@rolecall/core', '@rolecall/validators', '@rolecall/rules', '@rolecall/formatters', '@rolecall/extractor-*'],
  'eslint-plugin-rolecall': ['@rolecall/core', '@rolecall/validators', '@rolecall/rules', '@rolecall/extractor-*'],
  // Files that embed shell (a workflow's `run:`, later Dockerfile RUN, GitLab `script:`) read it
  // through the shell extractor's script API.
  '@rolecall/extractor-*': ['@rolecall/core', '@rolecall/extractor-shell'],
};
/**
 * Tests may also use the private test helpers, the extractors for fixtures (a rule that reads an
 * extractor's facts is tested on that extractor's syntax), and the rules (an extractor's fixtures
 * are linted end to end).
 */
const TEST_EXTRA = ['@rolecall/testing', '@rolecall/extractor-*', '@rolecall/rules'];
/** Packages that must run in a browser or Lambda bundle: no Node built-ins in their sources. */
const BROWSER_SAFE = ['@rolecall/core', '@rolecall/validators'];

interface Pkg {
  readonly name: string;
  readonly dir: string;
  readonly deps: readonly string[];
}

function packages(): Pkg[] {
  const dirs = [...readdirSync(join(root, 'packages')).map((d) => join(root, 'packages', d)), join(root, 'rules'), join(root, 'schemas')];
  return dirs
    .filter((d) => existsSync(join(d, 'package.json')))
    .map((dir) => {
      const pj = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; dependencies?: Record<string, string> };
      return { name: pj.name, dir, deps: Object.keys(pj.dependencies ?? {}) };
    });
}

const allowedFor = (name: string): readonly string[] => ALLOWED[name] ?? (name.startsWith('@rolecall/extractor-') ? ALLOWED['@rolecall/extractor-*']! : []);
const matches = (spec: string, pattern: string): boolean => (pattern.endsWith('*') ? spec.startsWith(pattern.slice(0, -1)) : spec === pattern || spec.startsWith(pattern + '/'));
const isWorkspace = (spec: string, names: readonly string[]): string | undefined => names.find((n) => spec === n || spec.startsWith(n + '/'));

function sources(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir)) {
    if (e === 'node_modules' || e === 'dist' || e === 'generated') continue;
    const p = join(dir, e);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (/\.(ts|mts|js|mjs)$/.test(e) && !e.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

const pkgs = packages();
const names = pkgs.map((p) => p.name);

describe('dependency direction', () => {
  test('the workspace has the expected packages', () => {
    for (const n of ['@rolecall/core', '@rolecall/validators', '@rolecall/rules', '@rolecall/formatters', 'rolecall']) assert.ok(names.includes(n), n);
  });
  for (const pkg of pkgs) {
    test(`${pkg.name}: declared workspace dependencies are allowed`, () => {
      const bad = pkg.deps.filter((d) => names.includes(d) && !allowedFor(pkg.name).some((a) => matches(d, a)));
      assert.deepEqual(bad, [], `${pkg.name} may depend only on ${allowedFor(pkg.name).join(', ') || 'nothing in the workspace'}`);
    });
    test(`${pkg.name}: imports stay inside the allowed direction`, () => {
      const bad: string[] = [];
      for (const file of sources(pkg.dir)) {
        const isTest = /\.test\.ts$/.test(file) || file.includes(`${'/'}test${'/'}`);
        const allowed = [...allowedFor(pkg.name), pkg.name, ...(isTest ? TEST_EXTRA : [])];
        for (const spec of importsOf(file)) {
          const ws = isWorkspace(spec, names);
          if (ws && !allowed.some((a) => matches(ws, a))) bad.push(`${relative(root, file)} imports ${spec}`);
          if (spec.startsWith('../') && !join(file, '..', spec).startsWith(pkg.dir)) bad.push(`${relative(root, file)} reaches outside its package: ${spec}`);
        }
      }
      assert.deepEqual(bad, []);
    });
  }
  test('nothing imports the cli package', () => {
    const bad = pkgs
      .filter((p) => p.name !== 'rolecall')
      .flatMap((p) => sources(p.dir).flatMap((f) => importsOf(f).filter((s) => s === 'rolecall' || s.startsWith('rolecall/')).map((s) => `${relative(root, f)} imports ${s}`)));
    assert.deepEqual(bad, []);
  });
  for (const name of BROWSER_SAFE) {
    test(`${name} uses no Node built-ins outside tests`, () => {
      const pkg = pkgs.find((p) => p.name === name)!;
      const bad = sources(pkg.dir)
        .filter((f) => !f.endsWith('.test.ts') && !f.includes('/scripts/') && !f.includes('/test/'))
        .flatMap((f) => importsOf(f).filter((s) => s.startsWith('node:') || ['fs', 'path', 'os', 'child_process', 'crypto', 'zlib'].includes(s)).map((s) => `${relative(root, f)} imports ${s}`));
      assert.deepEqual(bad, []);
    });
  }
});
