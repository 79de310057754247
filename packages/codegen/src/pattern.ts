/**
 * Turning the model's Java-style, unanchored patterns into anchored ECMAScript patterns that
 * mean what the model means under the `u` flag (ajv compiles every pattern with `u`).
 */

/**
 * The model writes supplementary-plane escapes as `\u10000`, which ECMAScript (and Java) read as
 * `\u1000` followed by a literal `0`, so `\u10000-\u10FFFF` silently admits no emoji. Braced
 * escapes (`\u{10000}`) say what the model intends.
 */
const LONG_ESCAPE = /\\u([0-9A-Fa-f]{5,6})(?![0-9A-Fa-f])/g;

export interface ConvertedPattern {
  /** Anchored ECMAScript source for a `u`-flag RegExp. */
  readonly source: string;
  /** The single character class when the pattern is `[class]*` or `[class]+`, for per-character checks. */
  readonly charClass?: string;
  /** Whether the class must match at least once (`+`). */
  readonly nonEmpty?: boolean;
}

export function convertPattern(modelPattern: string): ConvertedPattern {
  const body = modelPattern.replace(LONG_ESCAPE, (_m, hex: string) => `\\u{${hex.toUpperCase()}}`);
  const source = `^${body}$`;
  const single = /^(\[(?:\\.|[^\]\\])+\])([*+])$/.exec(body);
  return single ? { source, charClass: single[1]!, nonEmpty: single[2] === '+' } : { source };
}

/** Lint of a converted pattern: the checks the schema README promises. Returns problems. */
export function lintPattern(source: string): string[] {
  const problems: string[] = [];
  if (!source.startsWith('^') || !source.endsWith('$')) problems.push(`pattern ${source} is not anchored`);
  if (/\\u[0-9A-Fa-f]{5}/.test(source.replace(/\\u\{[0-9A-Fa-f]+\}/g, ''))) problems.push(`pattern ${source} has a 5- or 6-digit \\u escape`);
  try {
    new RegExp(source, 'u');
  } catch (e) {
    problems.push(`pattern ${source} does not compile with the u flag: ${(e as Error).message}`);
  }
  return problems;
}
