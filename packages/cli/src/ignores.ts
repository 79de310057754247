/** Global ignores: the defaults, the config's ignore-only objects and `--ignore-pattern`, with gitignore-like semantics. */
import { dirname, relative } from 'node:path';
import { isGlobalIgnore } from './config-resolve.js';
import { toPosix, type LoadedConfig } from './config-types.js';
import { dotGlobMatcher } from './globs.js';

/** Directories never walked unless a config un-ignores them with `!` (ESLint's defaults plus build output). */
export const DEFAULT_IGNORES: readonly string[] = ['**/node_modules/', '**/.git/', '**/dist/', '**/build/', '**/coverage/'];

/**
 * Global ignore patterns in order: the defaults, the config's ignore-only objects (relative to its
 * directory), then `--ignore-pattern`s (relative to cwd). Later patterns win; `!` un-ignores.
 */
export interface IgnoreRule {
  readonly baseDir: string;
  readonly negated: boolean;
  readonly match: (path: string) => boolean;
  /** Whether the pattern (ending in `/`) matches directories only. */
  readonly dirOnly: boolean;
  /**
   * For `dir/**`: matches `dir` itself, which picomatch's `**` (zero or more segments) would also
   * match. Such a pattern ignores what is inside, not the directory, so `!dir/keep.json` works.
   */
  readonly stem?: (path: string) => boolean;
}

/** The globs an ignore pattern compiles: its own (without `!` and trailing `/`) and, for `dir/**`, its stem's. */
export function ignoreGlobs(raw: string): { negated: boolean; dirOnly: boolean; glob: string; stem?: string } {
  const negated = raw.startsWith('!');
  let glob = negated ? raw.slice(1) : raw;
  const dirOnly = glob.endsWith('/');
  if (dirOnly) glob = glob.replace(/\/+$/, '');
  return { negated, dirOnly, glob, ...(glob.endsWith('/**') ? { stem: glob.slice(0, -3) } : {}) };
}

export function compileIgnores(patterns: readonly string[], baseDir: string): IgnoreRule[] {
  return patterns.map((raw) => {
    const { negated, dirOnly, glob, stem } = ignoreGlobs(raw);
    return { baseDir, negated, match: dotGlobMatcher(glob), dirOnly, ...(stem !== undefined ? { stem: dotGlobMatcher(stem) } : {}) };
  });
}

export function globalIgnoreRules(config: LoadedConfig, cwd: string, ignorePatterns: readonly string[]): IgnoreRule[] {
  const rules = [...compileIgnores(DEFAULT_IGNORES, cwd)];
  // Loops, not push(...many): a config may list enough patterns to overflow the stack as call arguments.
  for (const object of config.objects) if (isGlobalIgnore(object)) for (const rule of compileIgnores(object.ignores ?? [], config.baseDir)) rules.push(rule);
  for (const rule of compileIgnores(ignorePatterns, cwd)) rules.push(rule);
  return rules;
}

/**
 * Whether a path is ignored: the last matching rule decides; a rule never applies outside its base
 * directory (so a checkout under `/home/me/build/` is not ignored by the default `build/` pattern). With
 * `ancestors`, a file is also ignored when one of its directories is (gitignore semantics: a file
 * inside an ignored directory cannot be un-ignored); the walker checks directories as it descends
 * and passes `ancestors: false`.
 */
export function isIgnored(rules: readonly IgnoreRule[], absolutePath: string, isDirectory: boolean, ancestors = true): boolean {
  const check = (path: string, dir: boolean): boolean => {
    let ignored = false;
    for (const rule of rules) {
      if (rule.dirOnly && !dir) continue;
      const rel = toPosix(relative(rule.baseDir, path));
      if (rel === '' || rel === '..' || rel.startsWith('../') || /^[a-zA-Z]:/.test(rel) || rel.startsWith('/')) continue;
      if (dir && rule.stem?.(rel) === true) continue;
      if (rule.match(rel)) ignored = !rule.negated;
    }
    return ignored;
  };
  if (ancestors && !isDirectory) {
    const chain: string[] = [];
    for (let dir = dirname(absolutePath); dirname(dir) !== dir; dir = dirname(dir)) chain.push(dir);
    for (const ancestor of chain.reverse()) if (check(ancestor, true)) return true;
  }
  return check(absolutePath, isDirectory);
}

