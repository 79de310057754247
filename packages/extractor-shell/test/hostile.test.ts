// Hostile scripts end in bounded time with a diagnostic.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_SCRIPT_CHARS, shellExtractor } from '../src/index.js';

await shellExtractor.load?.();

const timed = <T>(run: () => T): { result: T; ms: number } => {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
};

test('20,000 nested $( … ) end with a diagnostic, not a crash (bound: 5 s)', () => {
  const text = `aws sts assume-role --role-arn ${'$('.repeat(20_000)}x${')'.repeat(20_000)}\n`;
  const { result, ms } = timed(() => shellExtractor.extract({ path: 'deep.sh', text }));
  assert.ok(result.problems.length + result.calls.length >= 1);
  assert.ok(ms < 5_000, `${ms} ms`);
});

test(`a script of ${MAX_SCRIPT_CHARS} characters is parsed; one more is refused at once`, () => {
  const line = 'echo nothing to see here in a long script\n';
  const head = 'aws sts assume-role --role-arn arn:aws:iam::123456789012:role/x --role-session-name s\n';
  const sized = (n: number) => (head + line.repeat(Math.ceil(n / line.length))).slice(0, n - 1) + '\n';
  const largest = sized(MAX_SCRIPT_CHARS);
  const read = timed(() => shellExtractor.extract({ path: 'big.sh', text: largest }));
  assert.equal(read.result.calls.length, 1);
  assert.ok(read.ms < 10_000, `${read.ms} ms`);
  const tooBig = sized(MAX_SCRIPT_CHARS + 1);
  const refused = timed(() => shellExtractor.extract({ path: 'big.sh', text: tooBig }));
  assert.deepEqual(refused.result.problems.map((p) => p.message), [`The script holds ${(MAX_SCRIPT_CHARS + 1).toLocaleString('en-US')} characters; rolecall parses shell scripts of up to ${MAX_SCRIPT_CHARS.toLocaleString('en-US')}.`]);
  assert.ok(refused.ms < 250, `${refused.ms} ms`);
});
