import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../src/', import.meta.url));

// One line index per file: the engine builds it and results carry it (`LintResult.source` is a LineIndex over the
// redacted text), so code frames and fix regions use the positions the engine computed. A formatter that built its
// own would scan every file a second time.
test('formatters build no line index: they use the one the result carries', () => {
  for (const name of readdirSync(src).filter((f) => f.endsWith('.ts'))) {
    assert.doesNotMatch(readFileSync(`${src}${name}`, 'utf8'), /new LineIndex\b/, name);
  }
});
