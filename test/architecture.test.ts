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

interface Manifest {
  readonly exports?: Record<string, unknown>;
  readonly publishConfig?: { readonly exports?: Record<string, unknown> };
  readonly files?: readonly string[];
  readonly devDependencies?: Record<string, string>;
}

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
  test('an internal entry resolves only inside this workspace and is never published', () => {
    const bad: string[] = [];
    for (const pkg of pkgs) {
      const manifest = JSON.parse(readFileSync(join(pkg.dir, 'package.json'), 'utf8')) as Manifest;
      for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
        if (!subpath.endsWith('/internal')) continue;
        const conditions = typeof target === 'object' && target !== null ? Object.keys(target) : [];
        if (conditions.join() !== 'rolecall-source') bad.push(`${pkg.name}: ${subpath} has conditions ${conditions.join(', ') || '(none)'}; an internal entry has only rolecall-source`);
        if (manifest.publishConfig?.exports?.[subpath] !== undefined) bad.push(`${pkg.name}: ${subpath} is in publishConfig.exports`);
        const source = (target as Record<string, string>)['rolecall-source'] ?? '';
        const top = source.replace(/^\.\//, '').split('/')[0];
        if ((manifest.files ?? []).some((f) => f.replace(/^\.\//, '').split('/')[0] === top)) bad.push(`${pkg.name}: ${source} is shipped (its folder is in files)`);
      }
    }
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

/**
 * The repository's own tests (test/) and benchmarks (bench/) use packages as a consumer does: by package name,
 * through the main entry or a subpath the package declares (`@rolecall/validators/internal`), never by a relative
 * path into a package's folder. Each package they name is a root devDependency, so it resolves through the package
 * manager rather than by accident. test/install tests the release scripts, so test/ may import the root's
 * scripts/release; bench/ imports no maintainer script (scripts/ of the root or of a package) as a library.
 */
describe('test/ and bench/ import packages through declared entries', () => {
  const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
  const rootDeps = new Set(Object.keys(rootManifest.devDependencies ?? {}));
  const exportsOf = new Map(pkgs.map((p) => [p.name, (JSON.parse(readFileSync(join(p.dir, 'package.json'), 'utf8')) as Manifest).exports ?? {}]));
  // test/install/consumer/ holds the files an installed-package project runs (resolved against the tarballs in a sandbox).
  const files = (folder: string): string[] => sources(join(root, folder)).filter((f) => !f.startsWith(join(root, 'test/install/consumer/')));

  for (const folder of ['test', 'bench']) {
    test(`${folder}/: relative imports stay in ${folder}/, workspace imports name a declared entry`, () => {
      const bad: string[] = [];
      for (const file of files(folder)) {
        for (const spec of importsOf(file)) {
          const at = relative(root, file);
          if (spec.startsWith('.')) {
            const target = relative(root, join(file, '..', spec)).split('\\').join('/');
            const allowed = target.startsWith(`${folder}/`) || (folder === 'test' && target.startsWith('scripts/release/'));
            if (!allowed) bad.push(`${at} imports ${spec} by relative path (use the package name or a declared entry)`);
            if (folder === 'bench' && /(^|\/)scripts\//.test(target)) bad.push(`${at} imports the maintainer script ${target} as a library`);
            continue;
          }
          const ws = isWorkspace(spec, names);
          if (ws === undefined) continue;
          if (!rootDeps.has(ws)) bad.push(`${at} imports ${spec}, but ${ws} is not a devDependency of the root package.json`);
          const subpath = `.${spec.slice(ws.length)}`;
          if (!(subpath in exportsOf.get(ws)!)) bad.push(`${at} imports ${spec}: ${ws} declares no "${subpath}" export`);
        }
      }
      assert.deepEqual(bad, []);
    });
  }
});
