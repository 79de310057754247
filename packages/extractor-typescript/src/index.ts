import type { ExtractionResult, Extractor, SourceFile } from '@rolecall/core';
import { commentsOf, extractFromProgram, prefilter } from './extract.js';
import type { Parse } from './parse.js';

export { EXTRACTOR_ID } from './calls.js';
export { commentsOf, extractFromProgram, prefilter, type EstreeComment } from './extract.js';
export { parseGoDuration } from './pulumi.js';
export { KEYWORDS, SYMBOLS } from './modules.js';

/** The file kinds read by default. */
export const FILES: readonly string[] = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];

let parse: Parse | undefined;

/**
 * AssumeRole calls in TypeScript and JavaScript: SDK v3 commands and clients, SDK v2, the
 * credential providers, CDK roles and the Pulumi AWS provider (see README.md).
 */
export const typescriptExtractor: Extractor = {
  id: 'typescript',
  files: FILES,
  prefilter,
  async load(): Promise<void> {
    if (parse !== undefined) return;
    // Dynamic import: a run over files of other kinds never loads TypeScript.
    const { loadParser } = await import('./parse.js');
    parse = await loadParser();
  },
  extract(file: SourceFile): ExtractionResult {
    if (parse === undefined) throw new Error('typescript extractor used before load()');
    const parsed = parse(file.path, file.text);
    const comments = commentsOf(parsed.comments);
    if (parsed.program === undefined) return { calls: [], roles: [], comments, problems: parsed.problems };
    const { calls, roles } = extractFromProgram(parsed.program, file.text, file.path);
    return { calls, roles: roles ?? [], comments, problems: parsed.problems };
  },
};

export default typescriptExtractor;
