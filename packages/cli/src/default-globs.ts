/**
 * The globs every lint run compiles when no config or option adds one: the default ignores and the default
 * extractors' globs. Their expressions are written at codegen time (scripts/glob-expressions.ts, globs.ts).
 */
import { DEFAULT_DISCOVERY } from './default-discovery.js';
import { DEFAULT_IGNORES, ignoreGlobs } from './ignores.js';

/** Each glob once, in a stable order: the ignores (and `dir/**` stems), then each default extractor's globs. */
export function defaultGlobs(): string[] {
  const globs = new Set<string>();
  for (const raw of DEFAULT_IGNORES) {
    const { glob, stem } = ignoreGlobs(raw);
    globs.add(glob);
    if (stem !== undefined) globs.add(stem);
  }
  for (const discovery of DEFAULT_DISCOVERY) for (const glob of discovery.files) globs.add(glob);
  return [...globs];
}
