// Hostile inputs end in bounded time and memory with a diagnostic (parsers.md §2.4, §2.5).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { githubActionsExtractor, MAX_DEPTH, MAX_EXPANDED_NODES, MAX_FILE_CHARS } from '../src/index.js';

await githubActionsExtractor.load?.();

const HEAD = 'on: push\n# uses aws-actions/configure-aws-credentials\n';

function timed<T>(run: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

describe('hostile YAML', () => {
  test('20,000-deep flow nesting is refused before yaml sees it (bound: 1 s)', () => {
    const text = `${HEAD}jobs: ${'['.repeat(20_000)}`;
    const { result, ms } = timed(() => githubActionsExtractor.extract({ path: '.github/workflows/deep.yml', text }));
    assert.deepEqual(result.problems.map((p) => p.message), [`The YAML nests deeper than ${MAX_DEPTH} levels; rolecall does not read files this deep (no workflow is).`]);
    assert.equal(result.problems[0]?.span.start, HEAD.length + 6 + MAX_DEPTH);
    assert.ok(ms < 1_000, `${ms} ms`);
  });
  test(`nesting at ${MAX_DEPTH} levels is read, ${MAX_DEPTH + 1} is refused`, () => {
    const at = (n: number) => githubActionsExtractor.extract({ path: 'a/.github/workflows/x.yml', text: `${HEAD}x: ${'['.repeat(n)}${']'.repeat(n)}\n` }).problems.length;
    assert.equal(at(MAX_DEPTH - 1), 0);
    assert.equal(at(MAX_DEPTH), 0);
    assert.equal(at(MAX_DEPTH + 1), 1);
  });
  test('deep block indentation is refused too', () => {
    const text = `${HEAD}${Array.from({ length: 1100 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')}\n`;
    assert.equal(githubActionsExtractor.extract({ path: '.github/workflows/indent.yml', text }).problems.length, 1);
  });
  test('an alias bomb (9 levels × 9 aliases) is reported, not expanded (bound: 1 s)', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(97 + i - 1);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${prev}`).join(',')}]`);
    }
    const text = `${HEAD}${levels.join('\n')}\njobs:\n  x:\n    steps: *i\n`;
    const { result, ms } = timed(() => githubActionsExtractor.extract({ path: '.github/workflows/bomb.yml', text }));
    assert.deepEqual(result.problems.map((p) => p.message), [`YAML aliases expand to more than ${MAX_EXPANDED_NODES.toLocaleString('en-US')} nodes (an alias bomb); rolecall reads the file without expanding them.`]);
    assert.deepEqual(result.calls, []);
    assert.ok(ms < 1_000, `${ms} ms`);
  });
  test('aliases that stay small are followed (a step and an input reused by anchor)', () => {
    const text = [
      'on: push',
      'jobs:',
      '  a:',
      '    steps:',
      '      - &creds',
      '        uses: aws-actions/configure-aws-credentials@v4',
      '        with:',
      '          role-to-assume: &role arn:aws:iam::123456789012:role/deploy',
      '  b:',
      '    steps:',
      '      - *creds',
      '      - uses: aws-actions/configure-aws-credentials@v4',
      '        with:',
      '          role-to-assume: *role',
      '',
    ].join('\n');
    const { calls, problems } = githubActionsExtractor.extract({ path: '.github/workflows/anchors.yml', text });
    assert.deepEqual(problems, []);
    assert.equal(calls.length, 3);
    assert.deepEqual(calls.map((c) => c.context?.roleChaining ?? false), [false, false, true]);
  });
  test(`a 10 MB file is refused at once; ${MAX_FILE_CHARS} characters are read, one more is refused`, () => {
    const head = 'on: push\njobs:\n  big:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          role-to-assume: arn:aws:iam::123456789012:role/deploy\n';
    const sized = (n: number) => {
      const step = '      - run: echo "building the thing that needs building"\n';
      const body = step.repeat(Math.ceil((n - head.length) / step.length));
      return (head + body).slice(0, n - 1) + '\n';
    };
    const tenMegabytes = sized(10_000_000);
    const huge = timed(() => githubActionsExtractor.extract({ path: '.github/workflows/big.yml', text: tenMegabytes }));
    assert.deepEqual(huge.result.problems.map((p) => p.message), ['The file holds 10,000,000 characters; rolecall reads YAML files of up to 1,000,000 (no workflow comes near).']);
    assert.ok(huge.ms < 50, `${huge.ms} ms`);
    const largest = sized(MAX_FILE_CHARS);
    const atLimit = timed(() => githubActionsExtractor.extract({ path: '.github/workflows/big.yml', text: largest }));
    assert.equal(atLimit.result.calls.length, 1);
    assert.deepEqual(atLimit.result.problems.length, 0);
    assert.ok(atLimit.ms < 10_000, `${atLimit.ms} ms`);
    assert.equal(githubActionsExtractor.extract({ path: '.github/workflows/big.yml', text: sized(MAX_FILE_CHARS + 1) }).problems.length, 1);
  });
});
