import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FORMATTER_NAMES, formatters, getFormatter, relativePath } from '../src/index.js';
import { CANARY, CONTEXT, RESULTS } from './fixtures.js';

describe('formatters', () => {
  test('registry by name', () => {
    assert.deepEqual([...FORMATTER_NAMES], ['stylish', 'json', 'sarif', 'github', 'junit']);
    assert.equal(getFormatter('sarif'), formatters.sarif);
    assert.equal(getFormatter('checkstyle'), undefined);
    assert.equal(getFormatter('toString'), undefined);
  });

  for (const name of FORMATTER_NAMES) {
    test(`${name}: nothing from secret-named data fields reaches the output`, () => {
      // The canary sits only in `data` (WebIdentityToken, secretAccessKey, sessionToken, TokenCode).
      assert.ok(JSON.stringify(RESULTS).includes(CANARY), 'the fixture carries the canary');
      for (const color of [false, true]) assert.ok(!formatters[name](RESULTS, { ...CONTEXT, color }).includes(CANARY));
    });

    test(`${name}: deterministic and pure`, () => {
      const before = JSON.stringify(RESULTS);
      assert.equal(formatters[name](RESULTS, CONTEXT), formatters[name](RESULTS, CONTEXT));
      assert.equal(JSON.stringify(RESULTS), before, 'results are not mutated');
    });
  }

  test('relativePath', () => {
    assert.equal(relativePath('/repo/a/b.json', '/repo'), 'a/b.json');
    assert.equal(relativePath('/repo/a/b.json', '/repo/'), 'a/b.json');
    assert.equal(relativePath('/repository/b.json', '/repo'), '/repository/b.json', 'a sibling with a common prefix is not inside');
    assert.equal(relativePath('./a/b.json', '/repo'), 'a/b.json');
    assert.equal(relativePath('a\\b.json', '/repo'), 'a/b.json');
    assert.equal(relativePath('c:\\Repo\\x\\y.json', 'C:\\repo'), 'x/y.json', 'drive paths compare case-insensitively');
  });
});
