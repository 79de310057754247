/**
 * The HCL parser, loaded once and lazily: `load()` imports web-tree-sitter and reads the grammars
 * only when the first file passes the prefilter; `parse` is then synchronous.
 */
import type { Language, Parser, Tree } from 'web-tree-sitter';
import { readWasm } from './wasm.js';

interface Loaded {
  readonly parser: Parser;
  readonly terraform: Language;
  readonly hcl: Language;
}

let loaded: Loaded | undefined;
let loading: Promise<void> | undefined;

export function isLoaded(): boolean {
  return loaded !== undefined;
}

export function loadParser(): Promise<void> {
  if (loaded !== undefined) return Promise.resolve();
  loading ??= (async () => {
    const ts = await import('web-tree-sitter');
    const runtime = await readWasm('web-tree-sitter.wasm');
    // The runtime accepts its own wasm as bytes (Emscripten's `wasmBinary`), so it never looks
    // next to its module file — which a bundle does not have.
    await ts.Parser.init({ wasmBinary: runtime } as object);
    const [terraform, hcl] = await Promise.all([ts.Language.load(await readWasm('tree-sitter-terraform.wasm')), ts.Language.load(await readWasm('tree-sitter-hcl.wasm'))]);
    loaded = { parser: new ts.Parser(), terraform, hcl };
  })().finally(() => {
    loading = undefined;
  });
  return loading;
}

/**
 * Parses with the Terraform grammar (`.tf`, `.tofu`, `.tfvars`) or plain HCL (Terragrunt `.hcl`).
 * The caller must `tree.delete()`: wasm memory is not reclaimed by the JS garbage collector.
 */
export function parse(text: string, grammar: 'terraform' | 'hcl'): Tree {
  if (loaded === undefined) throw new Error('the HCL parser is not loaded: call the extractor\'s load() first');
  loaded.parser.setLanguage(grammar === 'terraform' ? loaded.terraform : loaded.hcl);
  const tree = loaded.parser.parse(text);
  if (tree === null) throw new Error('tree-sitter returned no tree');
  return tree;
}
