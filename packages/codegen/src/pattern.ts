/**
 * Turning the model's Java-style, unanchored patterns into anchored ECMAScript patterns that accept
 * exactly what Java accepts for the same pattern string (ajv compiles every pattern with the `u` flag).
 */
import { rangesToClass, readJavaClassPattern } from './java-class.js';

export interface ConvertedPattern {
  /** Anchored ECMAScript source for a `u`-flag RegExp: the Java reading, written as explicit ranges. */
  readonly source: string;
  /** The generated character class (explicit ranges), for per-character checks. */
  readonly charClass: string;
  /** The character class as the model writes it (what STS prints), for messages and docs. */
  readonly modelCharClass: string;
  /** Whether the class must match at least once (`+`). */
  readonly nonEmpty: boolean;
}

/**
 * The model writes `\u10000-\u10FFFF`, which Java (like ECMAScript) reads as `\u1000`, `0-\u10FF`, `F`, `F`:
 * STS applies that literal reading, so rolecall does too (see java-class.ts). `\p{…}` is expanded for
 * one Unicode version, so the pattern means the same under every Node/ICU.
 */
export function convertPattern(modelPattern: string): ConvertedPattern {
  const java = readJavaClassPattern(modelPattern);
  const charClass = rangesToClass(java.ranges);
  return {
    source: `^${charClass}${java.quantifier}$`,
    charClass,
    modelCharClass: modelPattern.slice(0, -1),
    nonEmpty: java.quantifier === '+',
  };
}

/** Lint of a converted pattern: the checks the schema README promises. Returns problems. */
export function lintPattern(source: string): string[] {
  const problems: string[] = [];
  if (!source.startsWith('^') || !source.endsWith('$')) problems.push(`pattern ${source} is not anchored`);
  if (/\\u[0-9A-Fa-f]{5}/.test(source.replace(/\\u\{[0-9A-Fa-f]+\}/g, ''))) problems.push(`pattern ${source} has a 5- or 6-digit \\u escape`);
  if (/\\[pP]\{/.test(source)) problems.push(`pattern ${source} uses a Unicode property escape, whose meaning depends on the ICU of the Node that runs it`);
  try {
    new RegExp(source, 'u');
  } catch (e) {
    problems.push(`pattern ${source} does not compile with the u flag: ${(e as Error).message}`);
  }
  return problems;
}
