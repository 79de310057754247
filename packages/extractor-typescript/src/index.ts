import type { ExtractionResult, Extractor, SourceFile } from '@rolecall/core';
import { typescriptDiscovery } from './discovery.js';
import { commentsOf, extractFromProgram } from './extract.js';
import type { Parse } from './parse.js';

export { EXTRACTOR_ID } from './calls.js';
export { commentsOf, extractFromProgram, prefilter, type EstreeComment } from './extract.js';
export { parseGoDuration } from './pulumi.js';
export { KEYWORDS, SYMBOLS } from './modules.js';

export { FILES, typescriptDiscovery } from './discovery.js';

/**
 * Files longer than this (UTF-16 units, about 4 MB of ASCII) are not parsed: typescript-estree
 * reads about 2 MB/s on an idle machine and holds ~200 bytes of tree per byte of source, so a
 * 10 MB bundle would take many seconds and gigabytes. Hand-written source is far smaller; a file
 * this large is generated or bundled, and the finding says so instead of stalling the run.
 */
export const MAX_FILE_LENGTH = 4_000_000;

let parse: Parse | undefined;

/**
 * AssumeRole calls in TypeScript and JavaScript: SDK v3 commands and clients, SDK v2, the
 * credential providers, CDK roles and the Pulumi AWS provider (see README.md).
 */
export const typescriptExtractor: Extractor = {
  ...typescriptDiscovery,
  async load(): Promise<void> {
    if (parse !== undefined) return;
    // Dynamic import: a run over files of other kinds never loads TypeScript.
    const { loadParser } = await import('./parse.js');
    parse = await loadParser();
  },
  extract(file: SourceFile): ExtractionResult {
    if (parse === undefined) throw new Error('typescript extractor used before load()');
    if (file.text.length > MAX_FILE_LENGTH) {
      const mb = (n: number): string => (n / 1_000_000).toFixed(1);
      const message = `The file is ${mb(file.text.length)} MB; rolecall parses TypeScript and JavaScript files up to ${mb(MAX_FILE_LENGTH)} MB (a generated or bundled file? exclude it, or lint its sources).`;
      return { calls: [], roles: [], comments: [], problems: [{ message, span: { start: 0, end: 0 } }] };
    }
    const parsed = parse(file.path, file.text);
    const comments = commentsOf(parsed.comments);
    if (parsed.program === undefined) return { calls: [], roles: [], comments, problems: parsed.problems };
    const { calls, roles } = extractFromProgram(parsed.program, file.text, file.path);
    return { calls, roles: roles ?? [], comments, problems: parsed.problems };
  },
};

export default typescriptExtractor;
