/**
 * The one place that finds and reads the `.wasm` files (the tree-sitter runtime and the HCL and
 * Terraform grammars). They come from the installed packages, never from the network.
 *
 * - From source or an installed package: `import.meta.resolve` names the file in node_modules.
 * - From a bundle (the CLI's dist/ and its committed single-file bundles): scripts/release/build.ts
 *   defines `ROLECALL_WASM_DIR` (`./wasm`, next to the bundle's files) and copies the three files
 *   there, because a bundle has no node_modules.
 * - Reading: `file:` URLs through Node's `fs` taken from `process.getBuiltinModule` (no `node:`
 *   import, so this module stays browser-safe); any other URL (a browser, a CDN mirror a host
 *   configured) through `fetch`.
 */

declare const ROLECALL_WASM_DIR: string | undefined;

export type WasmFile = 'web-tree-sitter.wasm' | 'tree-sitter-terraform.wasm' | 'tree-sitter-hcl.wasm';

/** Where each file is installed; the release build copies them next to bundles from here. */
export const WASM_SPECIFIERS: Readonly<Record<WasmFile, string>> = {
  'web-tree-sitter.wasm': 'web-tree-sitter/web-tree-sitter.wasm',
  'tree-sitter-terraform.wasm': '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm',
  'tree-sitter-hcl.wasm': '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm',
};

/** Where a wasm file is: the bundle's own copy when bundled, else the installed package's file. */
export function wasmUrl(file: WasmFile): URL {
  if (typeof ROLECALL_WASM_DIR === 'string') return new URL(`${ROLECALL_WASM_DIR}/${file}`, import.meta.url);
  return new URL(import.meta.resolve(WASM_SPECIFIERS[file]));
}

interface NodeFs {
  readFileSync(path: URL): Uint8Array;
}

/** Reads a wasm file's bytes (see the module comment for how). */
export async function readWasm(file: WasmFile): Promise<Uint8Array> {
  const url = wasmUrl(file);
  if (url.protocol === 'file:') {
    const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const fs = proc?.getBuiltinModule?.('fs') as NodeFs | undefined;
    if (fs !== undefined) return new Uint8Array(fs.readFileSync(url));
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot read ${file} from ${url.href}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
