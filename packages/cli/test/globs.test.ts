/**
 * The glob expressions written at codegen time (generated/globs.generated.ts, used by globs.ts) are picomatch's: each
 * has the exact source and flags picomatch compiles from the same glob with the same options now, the table holds
 * exactly the globs a run compiles without a config (the default ignores and the default extractors' globs), and the
 * matchers built on them answer as picomatch's own matchers on sample paths.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import picomatch from 'picomatch';
import { defaultGlobs } from '../src/default-globs.js';
import { DOT_GLOB_EXPRESSIONS } from '../src/generated/globs.generated.js';
import { dotGlobExpression, dotGlobMatcher } from '../src/globs.js';

const OPTIONS = { dot: true, windows: false } as const;

/** Paths around every glob: its own text, plain and dotted directories, `..` segments, trailing slashes, near misses. */
function samples(glob: string): string[] {
  const literal = glob.replace(/^\*\*\//, '').replace(/\*/g, 'x');
  const names = [literal, `.${literal}`, `${literal}/`, `${literal}x`, `x${literal}`, `${literal}/inner`, literal.replace(/\.[^./]*$/, '.md')];
  const dirs = ['', 'a/', 'a/b/', '.hidden/', 'a/.hidden/', '../', 'a/../', 'node_modules/', './'];
  return ['', glob, ...dirs.flatMap((d) => names.map((n) => d + n))];
}

describe('precompiled glob expressions', () => {
  it('cover exactly the globs a run compiles without a config', () => {
    assert.deepEqual([...DOT_GLOB_EXPRESSIONS.keys()], defaultGlobs());
    assert.ok(DOT_GLOB_EXPRESSIONS.has('**/node_modules') && DOT_GLOB_EXPRESSIONS.has('**/*.json'));
  });

  it("are exactly picomatch's expressions (source and flags) for the same glob and options", () => {
    for (const [glob, expression] of DOT_GLOB_EXPRESSIONS) {
      const compiled = picomatch.makeRe(glob, OPTIONS);
      assert.equal(expression.source, compiled.source, glob);
      assert.equal(expression.flags, compiled.flags, glob);
      // What the run-time helpers give: the precompiled expression itself on POSIX, picomatch's elsewhere.
      assert.equal(dotGlobExpression(glob).source, picomatch.makeRe(glob, { dot: true }).source, glob);
    }
  });

  it("match sample paths as picomatch's matchers do", () => {
    let checked = 0;
    for (const glob of DOT_GLOB_EXPRESSIONS.keys()) {
      const ours = dotGlobMatcher(glob);
      const theirs = picomatch(glob, { dot: true });
      const expression = picomatch.makeRe(glob, OPTIONS);
      for (const path of samples(glob)) {
        assert.equal(ours(path), theirs(path), `${glob} on ${JSON.stringify(path)}`);
        assert.equal(dotGlobExpression(glob).test(path), expression.test(path), `${glob} expression on ${JSON.stringify(path)}`);
        checked += ours(path) ? 1 : 0;
      }
    }
    assert.ok(checked > DOT_GLOB_EXPRESSIONS.size, `only ${checked} sample paths matched`);
  });

  it('globs outside the table are compiled by picomatch', () => {
    assert.equal(DOT_GLOB_EXPRESSIONS.has('src/**/*.cfg'), false);
    assert.equal(dotGlobMatcher('src/**/*.cfg')('src/a/.b.cfg'), true);
    assert.equal(dotGlobMatcher('src/**/*.cfg')('lib/a.cfg'), false);
    assert.equal(dotGlobExpression('src/**/*.cfg').source, picomatch.makeRe('src/**/*.cfg', { dot: true }).source);
  });
});
