/**
 * `pnpm build`: builds every publishable package (see workspace.ts) and the committed bundles.
 *
 * Per package, driven by its package.json:
 * - JavaScript: one esbuild ESM bundle per entry point in dist/. What the package declares in `dependencies` or
 *   `peerDependencies` stays an import (the installer provides it); everything else it uses (internal workspace
 *   packages, small third-party helpers listed as devDependencies) is bundled, so no private package is ever a
 *   runtime dependency of a published one.
 * - Types: when every workspace package it imports is itself published, tsc writes one .d.ts and one declaration
 *   map per source file (the sources ship beside them, so "go to definition" lands in TypeScript). A package that
 *   bundles internal packages gets one rolled-up .d.ts per entry instead (rollup-plugin-dts; it writes no
 *   declaration maps, and the internal sources are not shipped).
 * - `rolecall.build.browser`: a minified browser build, dist/browser.js.
 *
 * The committed bundles (root package.json `rolecall.bundles`: the single-file CLI for pre-commit and the GitHub
 * Action's entry) are what a hook or action runs from a git checkout, with no install step; `--check` rebuilds
 * them in memory and fails when the committed files differ, as JavaScript GitHub Actions do.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { build, type BuildOptions } from 'esbuild';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';
import ts from 'typescript';
import { WASM_SPECIFIERS } from '../../packages/extractor-terraform/src/wasm.js';
import { entryPoints, internalPackageNames, publishablePackages, readManifest, ROOT, runtimeDependencies, workspacePackages, type WorkspacePackage } from './workspace.js';

// CommonJS code that esbuild bundles into ESM (ajv, yargs) calls require() for Node built-ins; give it one. TypeScript
// (bundled into the CLI for the TypeScript extractor) also reads __filename when it loads. Not __dirname: yargs'
// ESM shim declares its own, and TypeScript reads __dirname only when its file is named sys.js.
const REQUIRE_BANNER =
  "import { createRequire as __rolecallCreateRequire } from 'node:module'; import { fileURLToPath as __rolecallFileURLToPath } from 'node:url'; const require = __rolecallCreateRequire(import.meta.url); const __filename = __rolecallFileURLToPath(import.meta.url);";

/**
 * The Terraform extractor loads wasm files (tree-sitter and its HCL grammars) at run time. A bundle has no
 * node_modules, so they are copied into `wasm/` beside it, and `ROLECALL_WASM_DIR` tells the extractor's loader
 * (packages/extractor-terraform/src/wasm.ts) to look there. Returns output path (relative to `dir`) → bytes.
 */
function wasmAssets(dir: string): Map<string, Uint8Array> {
  const resolveFrom = createRequire(join(ROOT, 'packages/extractor-terraform/package.json'));
  return new Map(Object.entries(WASM_SPECIFIERS).map(([file, specifier]) => [join(dir, 'wasm', file), readFileSync(resolveFrom.resolve(specifier))]));
}
const WASM_DEFINE = { ROLECALL_WASM_DIR: JSON.stringify('./wasm') };

function common(external: readonly string[]): BuildOptions {
  return {
    bundle: true,
    define: WASM_DEFINE,
    format: 'esm',
    target: 'node20',
    // Sources of workspace packages, not their (maybe absent) builds.
    conditions: ['rolecall-source'],
    // jsonc-parser's `main` is a UMD build whose internal require() calls esbuild cannot follow; `module` is ESM.
    mainFields: ['module', 'main'],
    external: external.flatMap((name) => [name, `${name}/*`]),
    logLevel: 'warning',
  };
}

function sourceFiles(dir: string, suffix: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p, suffix));
    else if (name.endsWith(suffix) && !name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

function check(diagnostics: readonly ts.Diagnostic[], what: string): void {
  if (diagnostics.length === 0) return;
  const host: ts.FormatDiagnosticsHost = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => ROOT, getNewLine: () => '\n' };
  throw new Error(`${what}:\n${ts.formatDiagnostics(diagnostics, host)}`);
}

/** One .d.ts and .d.ts.map per source file; workspace imports resolve to the built types of published packages. */
function emitFileTypes(pkg: WorkspacePackage): void {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.build.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => check([d], 'tsconfig.build.json'),
  });
  if (!parsed) throw new Error('tsconfig.build.json: unreadable');
  const srcDir = join(pkg.dir, 'src');
  const outDir = join(pkg.dir, 'dist');
  const options: ts.CompilerOptions = { ...parsed.options, rootDir: srcDir, outDir, declarationDir: outDir };
  const program = ts.createProgram(sourceFiles(srcDir, '.ts').filter((f) => !f.endsWith('.d.ts')), options);
  const result = program.emit();
  check(result.diagnostics, `${pkg.manifest.name}: declarations`);
}

/**
 * One rolled-up .d.ts per exported entry. Workspace packages the package bundles are inlined from their sources;
 * third-party types stay imports (rollup-plugin-dts treats bare imports as external), so the package must declare
 * what its public types use.
 */
async function emitBundledTypes(pkg: WorkspacePackage, external: readonly string[]): Promise<void> {
  const input = Object.fromEntries(entryPoints(pkg.manifest).filter((e) => e.exported).map((e) => [e.name, join(pkg.dir, e.source)]));
  const sources = new Map<string, string>();
  for (const other of workspacePackages()) {
    const main = entryPoints(other.manifest).find((e) => e.exported && e.name === 'index');
    if (main && !external.includes(other.manifest.name)) sources.set(other.manifest.name, join(other.dir, main.source));
  }
  const bundle = await rollup({
    input,
    plugins: [
      { name: 'workspace-sources', resolveId: (id) => sources.get(id) ?? null },
      dts({ tsconfig: join(ROOT, 'tsconfig.json'), compilerOptions: { noCheck: true } }),
    ],
    onwarn: (warning) => {
      throw new Error(`${pkg.manifest.name}: types: ${warning.message}`);
    },
  });
  await bundle.write({ dir: join(pkg.dir, 'dist'), format: 'es', entryFileNames: '[name].d.ts', chunkFileNames: '[name]-[hash].d.ts' });
  await bundle.close();
}

/** The minified browser build (`rolecall.build.browser`), written to dist/browser.js or returned. */
export async function browserBuild(pkg: WorkspacePackage, write: boolean): Promise<Uint8Array> {
  const source = pkg.manifest.rolecall?.build?.browser;
  if (source === undefined) throw new Error(`${pkg.manifest.name} has no rolecall.build.browser`);
  const result = await build({
    ...common(runtimeDependencies(pkg.manifest)),
    absWorkingDir: pkg.dir,
    entryPoints: { browser: source },
    outdir: 'dist',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'linked',
    write,
  });
  if (write) return readFileSync(join(pkg.dir, 'dist/browser.js'));
  const file = result.outputFiles?.find((f) => f.path.endsWith('browser.js'));
  if (!file) throw new Error(`${pkg.manifest.name}: no browser.js`);
  return file.contents;
}

export async function buildPackage(pkg: WorkspacePackage): Promise<void> {
  const { manifest } = pkg;
  const settings = manifest.rolecall?.build ?? {};
  const external = runtimeDependencies(manifest);
  const outdir = join(pkg.dir, 'dist');
  rmSync(outdir, { recursive: true, force: true });
  const entries = entryPoints(manifest);
  const platform = settings.platform ?? 'neutral';
  await build({
    ...common(external),
    absWorkingDir: pkg.dir,
    entryPoints: Object.fromEntries(entries.map((e) => [e.name, e.source])),
    outdir: 'dist',
    splitting: entries.length > 1,
    platform,
    legalComments: 'linked',
    ...(platform === 'node' ? { banner: { js: REQUIRE_BANNER } } : {}),
  });
  if (settings.browser !== undefined) await browserBuild(pkg, true);
  if ('@rolecall/extractor-terraform' in { ...manifest.dependencies, ...manifest.devDependencies }) {
    mkdirSync(join(outdir, 'wasm'), { recursive: true });
    for (const [path, bytes] of wasmAssets(outdir)) writeFileSync(path, bytes);
  }
  const internal = internalPackageNames();
  const bundlesInternal = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).some((d) => internal.has(d));
  if (bundlesInternal) await emitBundledTypes(pkg, external);
  else emitFileTypes(pkg);
}

/** Root package.json `rolecall.bundles`: committed output path → entry source. */
function committedBundles(): Record<string, string> {
  const manifest = readManifest(ROOT) as { rolecall?: { bundles?: Record<string, string> } };
  return manifest.rolecall?.bundles ?? {};
}

/** Builds the committed single-file bundles in memory: output path (relative to the root) → bytes. */
export async function renderCommittedBundles(): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const [target, source] of Object.entries(committedBundles())) {
    const result = await build({
      ...common([]),
      absWorkingDir: ROOT,
      entryPoints: [source],
      outfile: target,
      write: false,
      platform: 'node',
      legalComments: 'eof',
      // One file in git: minified, so a rebuild is one changed line rather than a megabyte of diff noise.
      minify: true,
      banner: { js: `#!/usr/bin/env node\n// Generated by \`pnpm build\` from ${source}. DO NOT EDIT; test/install checks it is fresh.\n${REQUIRE_BANNER}` },
    });
    const files = result.outputFiles ?? [];
    if (files.length !== 1) throw new Error(`${target}: expected one output file, got ${files.length}`);
    out.set(target, files[0]!.contents);
    for (const [path, bytes] of wasmAssets(dirname(target))) out.set(path, bytes);
  }
  return out;
}

/** Committed bundles that differ from a fresh build (or are missing). */
export async function staleCommittedBundles(): Promise<string[]> {
  const stale: string[] = [];
  for (const [target, bytes] of await renderCommittedBundles()) {
    let current: Buffer | undefined;
    try {
      current = readFileSync(join(ROOT, target));
    } catch {
      current = undefined;
    }
    if (!current || !current.equals(bytes)) stale.push(target);
  }
  return stale;
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--check')) {
    const stale = await staleCommittedBundles();
    for (const target of stale) process.stderr.write(`${target} is stale: run \`pnpm build\` and commit it\n`);
    return stale.length === 0 ? 0 : 1;
  }
  // `--package <dir>`: that package only (its `prepack` script, so a bare `pnpm pack` never ships a stale dist/).
  const only = argv.indexOf('--package');
  if (only >= 0) {
    const dir = resolve(argv[only + 1] ?? '.');
    const pkg = publishablePackages().find((p) => p.dir === dir || p.dir === `${dir}/`);
    if (!pkg) throw new Error(`${dir} is not a publishable workspace package`);
    await buildPackage(pkg);
    return 0;
  }
  for (const pkg of publishablePackages()) {
    const started = performance.now();
    await buildPackage(pkg);
    process.stdout.write(`built ${pkg.manifest.name} (${pkg.path}/dist) in ${Math.round(performance.now() - started)} ms\n`);
  }
  for (const [target, bytes] of await renderCommittedBundles()) {
    mkdirSync(dirname(join(ROOT, target)), { recursive: true });
    writeFileSync(join(ROOT, target), bytes, { mode: target.endsWith('.wasm') ? 0o644 : 0o755 });
    process.stdout.write(`wrote ${target}\n`);
  }
  return 0;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) process.exitCode = await main(process.argv.slice(2));
