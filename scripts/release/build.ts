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
import { basename, dirname, join, relative, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
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

/**
 * string-width (what yargs and its cliui measure `--help` text with) builds an `Intl.Segmenter` and, in version 8,
 * a `\p{RGI_Emoji}` regular expression when it loads: about 10 and 14 ms of CPU on every run, though only `--help`
 * and usage errors ever measure text. Both are made on first use instead (same objects, same results). The build
 * fails if string-width's lines change, so an upgrade cannot silently bring the cost back.
 */
const LAZY_STRING_WIDTH: readonly { eager: string; lazy: string; required: boolean }[] = [
  {
    eager: 'const segmenter = new Intl.Segmenter();',
    lazy: 'let eagerSegmenter; const segmenter = { segment: (text) => (eagerSegmenter ??= new Intl.Segmenter()).segment(text) };',
    required: true,
  },
  {
    eager: 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;',
    lazy: "let eagerRgiEmojiRegex; const rgiEmojiRegex = { test: (text) => (eagerRgiEmojiRegex ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(text) };",
    required: false,
  },
];
const lazyStringWidth: Plugin = {
  name: 'lazy-string-width',
  setup(b) {
    b.onLoad({ filter: /[\\/]string-width[\\/]index\.js$/ }, (args) => {
      let text = readFileSync(args.path, 'utf8');
      for (const { eager, lazy, required } of LAZY_STRING_WIDTH) {
        if (text.includes(eager)) text = text.replace(eager, () => lazy); // a function: `$'` in the text is no pattern
        else if (required) throw new Error(`${args.path}: expected \`${eager}\` (see LAZY_STRING_WIDTH in scripts/release/build.ts)`);
      }
      if (/^const \w+ = \/.*RGI_Emoji/m.test(text)) throw new Error(`${args.path}: an RGI_Emoji expression built at load time (see LAZY_STRING_WIDTH in scripts/release/build.ts)`);
      return { contents: text, loader: 'js' };
    });
  },
};

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
    plugins: [lazyStringWidth],
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

/**
 * Where the committed bundles live: every entry sits in one folder, with its chunks (`chunk-<hash>.js`) beside it,
 * not in a subfolder, so the extractor's `./wasm` (relative to whichever chunk holds its loader) is `wasm/` there.
 */
function committedBundleDir(targets: readonly string[]): string {
  const dirs = new Set(targets.map((t) => dirname(t)));
  if (dirs.size !== 1) throw new Error(`rolecall.bundles: every committed bundle must sit in one folder (got ${[...dirs].join(', ')})`);
  return [...dirs][0]!;
}
const CHUNK = /^chunk-[A-Z0-9]+\.js$/;

/** The one esbuild run that makes the committed bundles (see renderCommittedBundles). */
function committedBuildOptions(): BuildOptions & { write: false } {
  const bundles = committedBundles();
  const targets = Object.keys(bundles);
  const dir = committedBundleDir(targets);
  const entryPoints = Object.entries(bundles).map(([target, source]) => ({ in: source, out: basename(target, '.js') }));
  return {
    ...common([]),
    absWorkingDir: ROOT,
    entryPoints,
    outdir: dir,
    splitting: true,
    // Content hashes name the chunks, so a rebuild that changes one chunk does not rename the others.
    chunkNames: 'chunk-[hash]',
    write: false,
    platform: 'node',
    legalComments: 'eof',
    // Minified, so a rebuild is a few changed lines rather than megabytes of diff noise.
    minify: true,
    banner: { js: `#!/usr/bin/env node\n// Generated by \`pnpm build\` (scripts/release/build.ts). DO NOT EDIT; test/install checks it is fresh.\n${REQUIRE_BANNER}` },
  };
}

/**
 * A committed bundle file without the require banner when nothing in it reads `require` or `__filename` (the text
 * holds neither word outside the banner, so the names it declares are unused): each banner costs start-up a
 * `createRequire` and two more built-in imports, in every one of the dozen files a lint run loads.
 */
function withoutUnusedRequire(contents: Uint8Array): Uint8Array {
  const text = Buffer.from(contents).toString('utf8');
  const banner = `${REQUIRE_BANNER}\n`;
  const at = text.indexOf(banner);
  if (at < 0) return contents;
  const rest = text.slice(0, at) + text.slice(at + banner.length);
  return rest.includes('require') || rest.includes('__filename') ? contents : new Uint8Array(Buffer.from(rest, 'utf8'));
}

/**
 * Builds the committed bundles in memory: output path (relative to the root) → bytes. One esbuild run with code
 * splitting over every entry, so start-up reads only what it needs: the entry (`rolecall.js`) holds the argument
 * parser and `--version`/`--help`; each parser (TypeScript, yaml, mvdan-sh, web-tree-sitter), the lint pipeline and
 * the rest are chunks beside it that load on first `import()`. Chunks shared by the CLI and its worker threads
 * load once per thread.
 */
export async function renderCommittedBundles(): Promise<Map<string, Uint8Array>> {
  const result = await build(committedBuildOptions());
  const out = new Map<string, Uint8Array>();
  for (const file of result.outputFiles ?? []) out.set(relative(ROOT, file.path).split('\\').join('/'), withoutUnusedRequire(file.contents));
  const targets = Object.keys(committedBundles());
  for (const target of targets) if (!out.has(target)) throw new Error(`${target}: esbuild wrote no such entry`);
  for (const [path, bytes] of wasmAssets(committedBundleDir(targets))) out.set(path, bytes);
  return out;
}

/** The esbuild metafile of the committed bundles (which sources each file holds, what it imports, and how). */
export async function committedBundleGraph(): Promise<Metafile> {
  const result = await build({ ...committedBuildOptions(), metafile: true });
  return result.metafile!;
}

/** Chunks in the committed bundle folder that a fresh build would not write (left by an older build). */
function leftoverChunks(rendered: ReadonlyMap<string, Uint8Array>): string[] {
  const dir = committedBundleDir(Object.keys(committedBundles()));
  let names: string[];
  try {
    names = readdirSync(join(ROOT, dir));
  } catch {
    return [];
  }
  return names.filter((n) => CHUNK.test(n)).map((n) => `${dir}/${n}`).filter((p) => !rendered.has(p));
}

/** Committed bundles that differ from a fresh build, are missing, or are left over from an older build. */
export async function staleCommittedBundles(): Promise<string[]> {
  const stale: string[] = [];
  const rendered = await renderCommittedBundles();
  for (const [target, bytes] of rendered) {
    let current: Buffer | undefined;
    try {
      current = readFileSync(join(ROOT, target));
    } catch {
      current = undefined;
    }
    if (!current || !current.equals(bytes)) stale.push(target);
  }
  return [...stale, ...leftoverChunks(rendered)];
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
  const rendered = await renderCommittedBundles();
  for (const path of leftoverChunks(rendered)) rmSync(join(ROOT, path));
  for (const [target, bytes] of rendered) {
    mkdirSync(dirname(join(ROOT, target)), { recursive: true });
    // Entries are executables (the hook runs rolecall.js directly); chunks and wasm are read by them.
    const entry = target in committedBundles();
    writeFileSync(join(ROOT, target), bytes, { mode: entry ? 0o755 : 0o644 });
  }
  process.stdout.write(`wrote ${rendered.size} files into ${committedBundleDir(Object.keys(committedBundles()))}/\n`);
  return 0;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) process.exitCode = await main(process.argv.slice(2));
