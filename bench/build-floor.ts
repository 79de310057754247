/**
 * Bundles `bench/floor.ts` into one ESM file (plus the three wasm files beside it, as the release
 * build places them next to the CLI bundle), so the floor starts as a bundle, like the CLI, and
 * not through tsx's on-the-fly compilation. Written under `os.tmpdir()` on every benchmark run
 * (esbuild takes about a second); returns the bundle's path.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { wasmUrl } from '@rolecall/extractor-terraform';

const WASM = ['web-tree-sitter.wasm', 'tree-sitter-terraform.wasm', 'tree-sitter-hcl.wasm'] as const;

export async function buildFloor(outDir: string = join(tmpdir(), 'rolecall-bench', `floor-${process.pid}`)): Promise<string> {
  mkdirSync(join(outDir, 'wasm'), { recursive: true });
  // From sources `wasmUrl` names the installed packages' files; the bundle reads its copies in ./wasm.
  for (const file of WASM) copyFileSync(wasmUrl(file), join(outDir, 'wasm', file));
  const outfile = join(outDir, 'floor.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./floor.ts', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    conditions: ['rolecall-source'],
    mainFields: ['module', 'main'],
    define: {
      ROLECALL_WASM_DIR: JSON.stringify('./wasm'),
      ROLECALL_FLOOR_PACKAGES: JSON.stringify(fileURLToPath(new URL('../packages/', import.meta.url))),
    },
    logLevel: 'error',
  });
  return outfile;
}
