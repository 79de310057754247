/**
 * The validators as users run them: an esbuild bundle of `@rolecall/validators`, built for the benchmark run.
 *
 * Why: `pnpm bench` runs the TypeScript sources (through tsx, one module per file), but every user runs a bundle —
 * the published dist/ and the CLI's committed bundles are esbuild output (scripts/release/build.ts). Bundling is
 * not neutral for speed: esbuild turns every top-level `const`/`let` into `var` (evanw/esbuild#623), and V8 then
 * cannot treat a module's constants and typed-array tables as constants (the policy scanner ran about 1.5× slower
 * bundled until it moved into a closure, see packages/validators/src/policy/scan.ts). So the validator rows time the
 * bundled copy beside the sources.
 *
 * The bundle holds the public entry and, in the same module graph, the internal helpers the rows use as floors
 * (`@rolecall/validators/internal`), so the bundled `scanIsClean` is the very copy the bundled `validateAssumeRole`
 * calls. Written under `os.tmpdir()` on every run (esbuild takes well under a second).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import type { BenchRow } from './run.js';

/** What the benchmark rows take from the bundle (the same names as the source entries export). */
export interface ValidatorsModule {
  readonly validateAssumeRole: typeof import('@rolecall/validators').validateAssumeRole;
  readonly estimateSessionToken: typeof import('@rolecall/validators').estimateSessionToken;
  readonly scanIsClean: typeof import('@rolecall/validators/internal').scanIsClean;
  readonly IAM: typeof import('@rolecall/validators/internal').IAM;
}

/** The bundle's one entry: the public API plus the internal floors, so both sit in one module graph. */
export const BUNDLE_ENTRY = "export * from '@rolecall/validators';\nexport { IAM, scanIsClean } from '@rolecall/validators/internal';\n";

/**
 * The esbuild options of the release build that change the code V8 runs, copied from scripts/release/build.ts
 * (`common()`, and `minify` as in the committed CLI bundles and the browser build); bench/ must not import
 * maintainer scripts (test/architecture.test.ts). The published dist/index.js is the same bundle unminified;
 * minifying renames and folds but hoists nothing more, so both have the top-level `var`s this build is for.
 */
export function bundleOptions(outfile: string, resolveDir: string): BuildOptions {
  return {
    stdin: { contents: BUNDLE_ENTRY, resolveDir, sourcefile: 'bench-validators-entry.js', loader: 'js' },
    outfile,
    bundle: true,
    format: 'esm',
    target: 'node20',
    platform: 'neutral',
    minify: true,
    conditions: ['rolecall-source'],
    mainFields: ['module', 'main'],
    logLevel: 'error',
  };
}

/** Builds the bundle under `outDir` and imports it. */
export async function bundledValidators(outDir: string = join(tmpdir(), 'rolecall-bench', `validators-${process.pid}`)): Promise<ValidatorsModule> {
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'validators.mjs');
  await build(bundleOptions(outfile, fileURLToPath(new URL('.', import.meta.url))));
  return (await import(pathToFileURL(outfile).href)) as ValidatorsModule;
}

/**
 * The rows a bench file prints when run as a script with `flag` (see `printRowsIfChild`), from a child process: so
 * the bundled copy is timed in a process that holds no other copy of the validators' hot code, as a user's process
 * does. With both copies in one process the bundled rows read up to 10% slower than with one copy per process.
 */
export function rowsFromChild(file: string, flag: string): BenchRow[] {
  const child = spawnSync(process.execPath, [...process.execArgv, file, flag], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (child.status !== 0) throw new Error(`${file} ${flag} failed (exit ${child.status}):\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '[]') as BenchRow[];
}

/** In a bench file run as `node <file> <flag>`: prints the rows `rows` makes from the bundle, as JSON, and true. */
export async function printRowsIfChild(moduleUrl: string, flag: string, rows: (lib: ValidatorsModule) => BenchRow[]): Promise<boolean> {
  if (process.argv[2] !== flag || process.argv[1] === undefined || moduleUrl !== pathToFileURL(process.argv[1]).href) return false;
  process.stdout.write(`${JSON.stringify(rows(await bundledValidators()))}\n`);
  return true;
}
