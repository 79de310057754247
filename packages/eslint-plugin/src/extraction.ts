/**
 * Extraction once per file, shared by every rule: ESLint gives each rule the same `SourceCode`,
 * so the first rule to run on a file reads its tree (the ESTree that espree or
 * @typescript-eslint/parser built; the file is not parsed again) and the others reuse the result.
 */
import type { ExtractedFile } from '@rolecall/core';
import { commentsOf, EXTRACTOR_ID, extractFromProgram, prefilter, type EstreeComment } from '@rolecall/extractor-typescript/estree';

/** What a rule needs from ESLint's `SourceCode`. */
export interface SourceLike {
  readonly text: string;
  readonly ast: object;
  getAllComments(): readonly EstreeComment[];
}

const cache = new WeakMap<object, ExtractedFile | null>();

/** The file's extraction, or null when it holds nothing rolecall reads. */
export function extractionOf(source: SourceLike, path: string): ExtractedFile | null {
  const cached = cache.get(source.ast);
  if (cached !== undefined) return cached;
  let result: ExtractedFile | null = null;
  if (prefilter(source.text)) {
    const { calls, roles } = extractFromProgram(source.ast as Parameters<typeof extractFromProgram>[0], source.text, path);
    if (calls.length > 0 || (roles?.length ?? 0) > 0) {
      const part = { extractor: EXTRACTOR_ID, calls, roles: roles ?? [], facts: [], comments: commentsOf(source.getAllComments()), problems: [] };
      result = { path, text: source.text, parts: [part] };
    }
  }
  cache.set(source.ast, result);
  return result;
}
