/**
 * `pnpm pack:all [dir]`: `pnpm pack` of every publishable package into `dir` (default: packed/), as
 * `<name>.tgz` (`rolecall.tgz`, `rolecall-validators.tgz`: names without the version, so install commands written
 * down stay valid). Each package's `prepack` script builds it first (build.ts --package), in dependency order. pnpm replaces `workspace:` ranges with real versions and applies `publishConfig` (exports without the
 * `rolecall-source` condition). Prints each tarball with its size and file count.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { publishablePackages, ROOT } from './workspace.js';

export interface PackedTarball {
  readonly name: string;
  readonly version: string;
  /** Absolute path of the .tgz. */
  readonly file: string;
  readonly bytes: number;
  /** Paths inside the package, as npm would install them. */
  readonly files: readonly string[];
}

/**
 * The pnpm that runs this process (`pnpm test`, `pnpm pack:all` set npm_execpath to it), else `pnpm` on PATH.
 * No download: a test must not reach a registry.
 */
export function pnpmCommand(env: NodeJS.ProcessEnv = process.env): string[] {
  const execPath = env['npm_execpath'];
  if (execPath && /pnpm/.test(execPath)) return /\.c?js$/.test(execPath) ? [process.execPath, execPath] : [execPath];
  const which = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (which.status === 0) return ['pnpm'];
  throw new Error('pnpm not found: run this through pnpm (`npx --yes pnpm@10 test`, `pnpm pack:all`) or put pnpm on PATH');
}

export function packAll(destination: string): PackedTarball[] {
  mkdirSync(destination, { recursive: true });
  const [command, ...prefix] = pnpmCommand();
  return publishablePackages().map((pkg) => {
    // No update check: packing must not reach the network.
    const env = { ...process.env, npm_config_update_notifier: 'false' };
    const r = spawnSync(command!, [...prefix, 'pack', '--out', join(destination, '%s.tgz'), '--json'], { cwd: pkg.dir, encoding: 'utf8', env });
    if (r.status !== 0) throw new Error(`pnpm pack in ${pkg.path} failed:\n${r.stdout}${r.stderr}`);
    // The package's `prepack` (its build) prints first; the JSON report is the rest.
    const out = JSON.parse(r.stdout.slice(Math.max(0, r.stdout.search(/^\{/m)))) as { name: string; version: string; filename: string; files: { path: string }[] };
    const file = resolve(destination, out.filename);
    return { name: out.name, version: out.version, file, bytes: statSync(file).size, files: out.files.map((f) => f.path).sort() };
  });
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const destination = resolve(ROOT, process.argv[2] ?? 'packed');
  for (const t of packAll(destination)) process.stdout.write(`${t.file}  ${t.bytes} bytes, ${t.files.length} files\n`);
}
