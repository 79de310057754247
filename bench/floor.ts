/**
 * The floor (issue 14): the least work any linter of this tree must do, as one process. It walks
 * the same tree as the CLI (skipping the CLI's default-ignored folders), keeps the files some
 * extractor's globs take, reads every one of them, runs the same prefilters on the same Latin-1
 * view of the bytes, and parses only the files that pass, with the same parsers and the options
 * the extractors give them. It builds no model, runs no rule and formats nothing: `rolecall` on
 * the same tree costs this plus its own work, and `cli-floor` reports the ratio.
 *
 * Extractors (globs, prefilters, `parseIni`, `grammarFor`, `isShellScript`, `wasmUrl`) come from
 * the packages' public entry files; the third-party parsers through their packages' public
 * entries, resolved from the extractor package that depends on them (pnpm keeps them there), at
 * run time so this file type-checks without declaring them. `bench/build-floor.ts` bundles this
 * file for the benchmark, so the floor starts as a bundle, as the CLI does.
 *
 * Run: `node <bundle> <dir>` prints one JSON line of counts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseIni, awsConfigExtractor } from '@rolecall/extractor-aws-config';
import { cloudFormationExtractor } from '@rolecall/extractor-cloudformation';
import { githubActionsExtractor } from '@rolecall/extractor-github-actions';
import { inputJsonExtractor } from '@rolecall/extractor-input-json';
import { isShellScript, shellExtractor } from '@rolecall/extractor-shell';
import { grammarFor, terraformExtractor, wasmUrl } from '@rolecall/extractor-terraform';
import { typescriptExtractor } from '@rolecall/extractor-typescript';

/** The CLI's default-ignored folders (packages/cli/src/ignores.ts `DEFAULT_IGNORES`). */
const IGNORED_DIRS = new Set(['node_modules', '.git', 'dist', 'build', 'coverage']);

declare const ROLECALL_FLOOR_PACKAGES: string | undefined;

/** The repository's packages folder: given by the bundle build, or found from this source file. */
function packagesDir(): string {
  if (typeof ROLECALL_FLOOR_PACKAGES === 'string') return ROLECALL_FLOOR_PACKAGES;
  return fileURLToPath(new URL('../packages/', import.meta.url));
}

/** Imports a third-party package's public entry as the named workspace package resolves it. */
async function fromPackage<T>(workspacePackage: string, specifier: string): Promise<T> {
  const require = createRequire(join(packagesDir(), workspacePackage, 'package.json'));
  const module = (await import(pathToFileURL(require.resolve(specifier)).href)) as { default?: T } & T;
  // CommonJS packages come as `default`; ESM ones as named exports.
  return (module.default ?? module) as T;
}

interface Yaml {
  parseDocument(text: string, options: object): unknown;
}
interface Jsonc {
  parseTree(text: string, errors: unknown[], options: object): unknown;
}
interface Estree {
  parse(text: string, options: object): unknown;
}
interface TreeSitter {
  Parser: { init(options: object): Promise<void>; new (): { setLanguage(l: unknown): void; parse(text: string): { delete(): void } | null } };
  Language: { load(bytes: Uint8Array): Promise<unknown> };
}
interface Sh {
  syntax: { NewParser(...options: unknown[]): { Parse(text: string, name: string): unknown }; KeepComments(on: boolean): unknown; Variant(v: unknown): unknown; LangBash: unknown };
}

type ParseFn = (path: string, text: string) => void;

/** Loads each parser once, on the first file that needs it (as the extractors' `load()` do). */
function lazy(load: () => Promise<ParseFn>): () => Promise<ParseFn> {
  let p: Promise<ParseFn> | undefined;
  return () => (p ??= load());
}

const parsers: Record<string, () => Promise<ParseFn>> = {
  [inputJsonExtractor.id]: lazy(async () => {
    const jsonc = await fromPackage<Jsonc>('extractor-input-json', 'jsonc-parser');
    return (path, text) => void jsonc.parseTree(text, [], { disallowComments: !/\.jsonc$/i.test(path), allowTrailingComma: false, allowEmptyContent: false });
  }),
  [githubActionsExtractor.id]: lazy(async () => {
    const yaml = await fromPackage<Yaml>('extractor-github-actions', 'yaml');
    return (_path, text) => void yaml.parseDocument(text, { keepSourceTokens: false, uniqueKeys: true });
  }),
  [cloudFormationExtractor.id]: lazy(async () => {
    const yaml = await fromPackage<Yaml>('extractor-cloudformation', 'yaml');
    const jsonc = await fromPackage<Jsonc>('extractor-cloudformation', 'jsonc-parser');
    return (_path, text) => {
      if (/^[\s\uFEFF]*\{/.test(text)) jsonc.parseTree(text, [], { disallowComments: true, allowTrailingComma: false });
      else yaml.parseDocument(text, { uniqueKeys: true, strict: false, prettyErrors: false });
    };
  }),
  [awsConfigExtractor.id]: lazy(async () => (_path, text) => void parseIni(text)),
  [shellExtractor.id]: lazy(async () => {
    const sh = (await fromPackage<Sh>('extractor-shell', 'mvdan-sh')).syntax;
    return (path, text) => {
      // The extractor parses shell scripts whole (Dockerfile/Makefile hosts only their embedded scripts).
      if (!isShellScript(path, text)) return;
      try {
        sh.NewParser(sh.KeepComments(true), sh.Variant(sh.LangBash)).Parse(text, path);
      } catch {
        // A syntax error is a parse too.
      }
    };
  }),
  [terraformExtractor.id]: lazy(async () => {
    const ts = await fromPackage<TreeSitter>('extractor-terraform', 'web-tree-sitter');
    const read = (file: 'web-tree-sitter.wasm' | 'tree-sitter-terraform.wasm' | 'tree-sitter-hcl.wasm'): Uint8Array => new Uint8Array(readFileSync(wasmUrl(file)));
    await ts.Parser.init({ wasmBinary: read('web-tree-sitter.wasm') });
    const terraform = await ts.Language.load(read('tree-sitter-terraform.wasm'));
    const hcl = await ts.Language.load(read('tree-sitter-hcl.wasm'));
    const parser = new ts.Parser();
    return (path, text) => {
      parser.setLanguage(grammarFor(path) === 'hcl' ? hcl : terraform);
      parser.parse(text)?.delete();
    };
  }),
  [typescriptExtractor.id]: lazy(async () => {
    const estree = await fromPackage<Estree>('extractor-typescript', '@typescript-eslint/typescript-estree');
    return (path, text) => {
      try {
        estree.parse(text, { filePath: path, jsDocParsingMode: 'none', range: true, loc: false, comment: true, tokens: false });
      } catch {
        // A syntax error is a parse too (the extractor then recovers with TypeScript; the corpus has none).
      }
    };
  }),
};

export interface FloorCounts {
  /** Files the walk met. */
  readonly walked: number;
  /** Files some extractor's globs take: read. */
  readonly read: number;
  readonly bytesRead: number;
  /** Files some prefilter passed: parsed (once per extractor that passed). */
  readonly parsed: number;
  readonly parses: number;
}

type Matcher = (path: string) => boolean;

/** Walks `root` and does the floor's work; returns what it did. */
export async function floor(root: string): Promise<FloorCounts> {
  const picomatch = await fromPackage<(globs: string[], options: object) => Matcher>('cli', 'picomatch');
  const extractors = [inputJsonExtractor, githubActionsExtractor, shellExtractor, terraformExtractor, typescriptExtractor, awsConfigExtractor, cloudFormationExtractor];
  const matchers = extractors.map((e) => ({ extractor: e, match: picomatch([...e.files], { dot: true }) }));
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const counts = { walked: 0, read: 0, bytesRead: 0, parsed: 0, parses: 0 };
  const visit = async (dir: string, rel: string): Promise<void> => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!IGNORED_DIRS.has(entry.name)) await visit(join(dir, entry.name), path);
        continue;
      }
      if (!entry.isFile()) continue;
      counts.walked++;
      const candidates = matchers.filter((m) => m.match(path));
      if (candidates.length === 0) continue;
      const bytes = readFileSync(join(dir, entry.name));
      counts.read++;
      counts.bytesRead += bytes.length;
      const latin1 = bytes.toString('latin1');
      const passed = candidates.filter((m) => m.extractor.prefilter(latin1));
      if (passed.length === 0) continue;
      let text: string;
      try {
        text = decoder.decode(bytes);
      } catch {
        continue; // not UTF-8: the CLI reports it without parsing
      }
      counts.parsed++;
      for (const m of passed) {
        (await parsers[m.extractor.id]!())(path, text);
        counts.parses++;
      }
    }
  };
  await visit(root, '');
  return counts;
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  const dir = process.argv[2];
  if (dir === undefined) {
    console.error('usage: floor <dir>');
    process.exit(2);
  }
  console.log(JSON.stringify(await floor(dir)));
}
