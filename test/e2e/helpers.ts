/**
 * Runs the `rolecall` CLI from its TypeScript sources in a child process, the way a user's shell
 * would run the built binary: `node --conditions=rolecall-source --import tsx packages/cli/src/bin.ts …`.
 * tsx is resolved from the repository (not from `cwd`), so scenarios can run in any directory.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT: string = fileURLToPath(new URL('../../', import.meta.url));
export const BIN: string = fileURLToPath(new URL('../../packages/cli/src/bin.ts', import.meta.url));
const TSX_LOADER: string = import.meta.resolve('tsx');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd?: string;
  /** Bytes or text piped to stdin. */
  readonly input?: string | Uint8Array;
  /** Added to a clean environment (no colour or CI variables inherited from the test runner). */
  readonly env?: Readonly<Record<string, string>>;
}

/** The command line that runs the CLI from source. */
export function cliCommand(): string[] {
  return [process.execPath, '--conditions=rolecall-source', '--import', TSX_LOADER, BIN];
}

export function runCli(args: readonly string[], options: RunOptions = {}): CliRun {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || /^(?:CI|GITHUB_ACTIONS|FORCE_COLOR|NO_COLOR|NODE_TEST_CONTEXT)$/.test(key)) continue;
    env[key] = value;
  }
  const [node, ...prefix] = cliCommand();
  const result = spawnSync(node!, [...prefix, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    input: options.input ?? '',
    env: { ...env, ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
