/**
 * The workspace's packages as the build, pack and release scripts see them, read from each package.json: nothing
 * about a package is listed twice. A package is publishable unless its package.json says `"private": true`; what a
 * publishable package bundles is what it does not declare as a runtime dependency (see build.ts). A new package
 * plugs in by having a package.json with `exports` (and, for extra entries or a browser build, a `rolecall.build`
 * block); nothing here names a package.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT: string = fileURLToPath(new URL('../../', import.meta.url));

/** Optional build settings a package.json may carry under `rolecall.build`. */
export interface BuildSettings {
  /** Extra entry points (output name without extension → source path), e.g. a bin's `{ "bin": "src/bin.ts" }`. */
  readonly entries?: Readonly<Record<string, string>>;
  /** `node` when the code uses Node built-ins; default `neutral` (no built-ins, runs in any runtime). */
  readonly platform?: 'node' | 'neutral';
  /** Source of a minified browser build written to dist/browser.js (the `browser` export condition). */
  readonly browser?: string;
}

export interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly private?: boolean;
  readonly exports?: Record<string, unknown>;
  readonly publishConfig?: { readonly exports?: Record<string, unknown>; readonly [key: string]: unknown };
  readonly bin?: Record<string, string>;
  readonly files?: readonly string[];
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
  readonly rolecall?: { readonly build?: BuildSettings };
}

export interface WorkspacePackage {
  /** Absolute folder. */
  readonly dir: string;
  /** Folder relative to the repository root, with forward slashes. */
  readonly path: string;
  readonly manifest: Manifest;
}

/** The folders pnpm-workspace.yaml lists (`packages/*` and plain folders: the only shapes it uses). */
function workspaceFolders(): string[] {
  const text = readFileSync(join(ROOT, 'pnpm-workspace.yaml'), 'utf8');
  const folders: string[] = [];
  for (const m of text.matchAll(/^\s*-\s*['"]?([^'"\s#]+)['"]?/gm)) {
    const pattern = m[1]!;
    if (pattern.endsWith('/*')) {
      const parent = join(ROOT, pattern.slice(0, -2));
      for (const name of readdirSync(parent).sort()) folders.push(join(parent, name));
    } else {
      folders.push(join(ROOT, pattern));
    }
  }
  return folders.filter((dir) => existsSync(join(dir, 'package.json')));
}

export function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
}

export function workspacePackages(): WorkspacePackage[] {
  return workspaceFolders().map((dir) => ({ dir, path: relative(ROOT, dir).split('\\').join('/'), manifest: readManifest(dir) }));
}

/**
 * The packages users install, in dependency order (a package after the workspace packages it depends on, so
 * their built types exist when its own are emitted).
 */
export function publishablePackages(): WorkspacePackage[] {
  const all = workspacePackages().filter((p) => p.manifest.private !== true);
  const byName = new Map(all.map((p) => [p.manifest.name, p]));
  const ordered: WorkspacePackage[] = [];
  const visit = (p: WorkspacePackage, seen: Set<string>): void => {
    if (ordered.includes(p) || seen.has(p.manifest.name)) return;
    seen.add(p.manifest.name);
    for (const dep of Object.keys({ ...p.manifest.dependencies, ...p.manifest.peerDependencies })) {
      const other = byName.get(dep);
      if (other) visit(other, seen);
    }
    ordered.push(p);
  };
  for (const p of all) visit(p, new Set());
  return ordered;
}

/** Names of the workspace packages that are never published (they are bundled into the packages that use them). */
export function internalPackageNames(): Set<string> {
  return new Set(workspacePackages().filter((p) => p.manifest.private === true).map((p) => p.manifest.name));
}

/** What a package leaves to the installer (its declared runtime and peer dependencies); everything else is bundled. */
export function runtimeDependencies(manifest: Manifest): string[] {
  return Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }).sort();
}

/** The single version: the root package.json's. Every publishable package carries it (test/install/versions.test.ts). */
export function releaseVersion(): string {
  return readManifest(ROOT).version;
}

/**
 * Entry points of a package: each `exports` subpath whose target has a `rolecall-source` (TypeScript source) and a
 * `default` under dist/ (`"./dist/index.js"` → entry `index`), plus `rolecall.build.entries`.
 */
export function entryPoints(manifest: Manifest): { name: string; source: string; exported: boolean }[] {
  const entries: { name: string; source: string; exported: boolean }[] = [];
  for (const target of Object.values(manifest.exports ?? {})) {
    if (typeof target !== 'object' || target === null) continue;
    const t = target as Record<string, unknown>;
    const source = t['rolecall-source'];
    const output = t['default'];
    if (typeof source !== 'string' || typeof output !== 'string') continue;
    const m = /^\.\/dist\/(.+)\.js$/.exec(output);
    if (!m) throw new Error(`${manifest.name}: export target ${output} is not ./dist/<name>.js`);
    entries.push({ name: m[1]!, source, exported: true });
  }
  for (const [name, source] of Object.entries(manifest.rolecall?.build?.entries ?? {})) entries.push({ name, source, exported: false });
  return entries;
}
