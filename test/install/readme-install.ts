/**
 * The README's install sections: each `<!-- install-test: NAME [with=PACKAGE] -->` marks a ```sh block that runs
 * as written with bash in a fresh project outside the workspace, and `<!-- install-output: NAME -->` the ```text
 * block showing what it prints. The commands refer to the tarballs as "$ROLECALL_PACKED/<name>.tgz" (what
 * `pnpm pack:all` writes, and where the README tells users to point the variable); npm runs offline against a
 * counting local registry (sandbox.ts). `with=PACKAGE` is a dependency the user's project already has (the SDK
 * plugin's @aws-sdk/client-sts): it is linked in from this workspace's install first.
 */
import { readFileSync, realpathSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/release/workspace.js';
import { newProject, offlineNpmEnv, run, type RecordingServer, type Run } from './sandbox.js';

export interface InstallBlock {
  readonly name: string;
  readonly script: string;
  readonly expected: string;
  readonly with?: string;
}

export function installBlocks(readme = readFileSync(join(ROOT, 'README.md'), 'utf8')): InstallBlock[] {
  const outputs = new Map<string, string>();
  for (const m of readme.matchAll(/<!-- install-output: (\S+) -->\n```text\n([\s\S]*?)```/g)) outputs.set(m[1]!, m[2]!);
  const blocks: InstallBlock[] = [];
  for (const m of readme.matchAll(/<!-- install-test: (\S+)(?: with=(\S+))? -->\n```sh\n([\s\S]*?)```/g)) {
    const expected = outputs.get(m[1]!);
    if (expected === undefined) throw new Error(`README: install-test ${m[1]} has no install-output block`);
    blocks.push({ name: m[1]!, script: m[3]!, expected, ...(m[2] ? { with: m[2] } : {}) });
  }
  return blocks;
}

/** Where this workspace's install put a package (any workspace package's node_modules). */
function workspaceInstall(name: string): string {
  for (const dir of ['packages/sdk-plugin', 'packages/cli', 'packages/validators', '.']) {
    try {
      return realpathSync(join(ROOT, dir, 'node_modules', name));
    } catch {
      // not in this package's node_modules
    }
  }
  throw new Error(`${name} is not installed in the workspace`);
}

export async function runInstallBlock(block: InstallBlock, options: { packDir: string; registry: RecordingServer }): Promise<Run> {
  const project = newProject(`rolecall-readme-${block.name}-`);
  try {
    const env = { ...offlineNpmEnv(options.registry.url, join(project, '.npm-cache')), ROLECALL_PACKED: options.packDir };
    if (block.with !== undefined) {
      const pre = await run('npm', ['install', workspaceInstall(block.with)], { cwd: project, env });
      if (pre.status !== 0) return pre;
    }
    const r = await run('bash', ['-euo', 'pipefail', '-c', block.script], { cwd: project, env });
    // npm's summary ("added 2 packages in 1s", after a blank line) has a timing in it; the README leaves it out.
    return { ...r, stdout: r.stdout.replace(/^\n?(?:up to date|added \d+ packages?)[^\n]*\n/gm, '') };
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}
