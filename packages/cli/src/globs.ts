/**
 * The expressions of the globs every run compiles (the default ignores and the default extractors' globs), compiled by
 * picomatch at codegen time (scripts/glob-expressions.ts writes generated/globs.generated.ts; `codegen --check` keeps it
 * fresh, and a test compares each with what picomatch compiles now). Compiling them cost every run a few milliseconds
 * of start-up; any other glob (config files/ignores, `--ignore-pattern`, a custom extractor's) is compiled by picomatch.
 * All of them are compiled with `{ dot: true }` on a POSIX system; on Windows picomatch's expressions differ
 * (`windows: true`), so there every glob is compiled at run time.
 */
import picomatch from 'picomatch';
import { DOT_GLOB_EXPRESSIONS } from './generated/globs.generated.js';

const precompiled = (glob: string): RegExp | undefined => (process.platform === 'win32' ? undefined : DOT_GLOB_EXPRESSIONS.get(glob));

/** What picomatch compiles for `glob` with `{ dot: true }` on a POSIX system: what codegen writes (and a test compares). */
export function posixDotGlobExpression(glob: string): RegExp {
  return picomatch.makeRe(glob, { dot: true, windows: false });
}

/** `picomatch.makeRe(glob, { dot: true })`. */
export function dotGlobExpression(glob: string): RegExp {
  return precompiled(glob) ?? picomatch.makeRe(glob, { dot: true });
}

/**
 * `picomatch(glob, { dot: true })`: its matcher's answer for a glob compiled without `windows` is `input !== '' &&
 * (input === glob || expression.test(input))` (picomatch.test: no format, matchBase or ignore option).
 */
export function dotGlobMatcher(glob: string): (path: string) => boolean {
  const expression = precompiled(glob);
  if (expression === undefined) return picomatch(glob, { dot: true });
  return (path) => path !== '' && (path === glob || expression.test(path));
}
