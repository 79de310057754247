/**
 * A throw-away project outside the workspace, and the means to install the packed tarballs into it with no
 * network: npm runs `--offline` with an empty cache, its registry and proxies set to a local server that counts
 * every request (a registry request would fail the test), and scripts off. Shared by the consumer, README-install
 * and GitHub Action tests.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Asynchronous spawn (a local HTTP server in this process must keep answering while the child runs). */
export function run(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

export interface RecordingServer {
  readonly url: string;
  readonly requests: { method: string; url: string; body: string }[];
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 that records each request and answers with `respond` (default 503). */
export async function recordingServer(respond?: (req: IncomingMessage, body: string) => { status: number; type: string; body: string }): Promise<RecordingServer> {
  const requests: { method: string; url: string; body: string }[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (d: string) => (body += d));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', body });
      const answer = respond?.(req, body) ?? { status: 503, type: 'text/plain', body: 'no registry here\n' };
      res.writeHead(answer.status, { 'content-type': answer.type }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** process.env without npm/pnpm settings a package-manager parent put there, colour and CI variables. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_|NODE_OPTIONS$|NODE_TEST_CONTEXT$|CI$|GITHUB_|FORCE_COLOR$|NO_COLOR$|INPUT_)/i.test(key)) continue;
    env[key] = value;
  }
  return env;
}

/** The environment every npm command of a sandbox runs with: offline, local registry and proxies, fresh cache. */
export function offlineNpmEnv(registry: string, cache: string): NodeJS.ProcessEnv {
  return {
    ...cleanEnv(),
    npm_config_registry: registry,
    npm_config_offline: 'true',
    npm_config_cache: cache,
    npm_config_proxy: registry,
    npm_config_https_proxy: registry,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_ignore_scripts: 'true',
    npm_config_loglevel: 'error',
    NO_COLOR: '1',
  };
}

/** A fresh folder under the OS temporary directory (outside the workspace) with a package.json. */
export function newProject(prefix: string, manifest: Record<string, unknown> = {}): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  mkdirSync(join(dir, '.npm-cache'));
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module', ...manifest }, null, 2)}\n`);
  return dir;
}
