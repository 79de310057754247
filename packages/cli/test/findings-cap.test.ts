import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from '@rolecall/core';
import { capFindings, MAX_FINDINGS_PER_FILE } from '../src/findings-cap.js';

const at = (i: number, severity: 'error' | 'warning' = 'error', ruleId = 'valid-tags'): Diagnostic =>
  ({ ruleId, severity, messageId: 'm', message: `finding ${i}`, location: { file: 'a.json', start: { line: 1, column: i + 1, offset: i }, end: { line: 1, column: i + 2, offset: i + 1 } }, fingerprint: String(i) }) as Diagnostic;
const many = (n: number, severity: (i: number) => 'error' | 'warning' = () => 'error'): Diagnostic[] => Array.from({ length: n }, (_, i) => at(i, severity(i)));

describe('capFindings', () => {
  it('lists everything up to the limit (n-1, n) and leaves no omitted counts', () => {
    for (const n of [MAX_FINDINGS_PER_FILE - 1, MAX_FINDINGS_PER_FILE]) {
      const all = many(n);
      assert.deepEqual(capFindings(all), { listed: all });
    }
  });

  it('past the limit (n+1) lists the first ones in order and counts the rest by severity', () => {
    const all = many(MAX_FINDINGS_PER_FILE + 1);
    const { listed, omitted } = capFindings(all);
    assert.deepEqual(listed, all.slice(0, MAX_FINDINGS_PER_FILE));
    assert.deepEqual(omitted, { errorCount: 1, warningCount: 0, limit: MAX_FINDINGS_PER_FILE });
    const mixed = capFindings(many(10, (i) => (i % 2 === 0 ? 'error' : 'warning')), 3);
    assert.deepEqual(mixed.listed.map((d) => d.message), ['finding 0', 'finding 1', 'finding 2']);
    assert.deepEqual(mixed.omitted, { errorCount: 3, warningCount: 4, limit: 3 });
  });

  it('never leaves out an internal error (it decides the exit code)', () => {
    const all = [...many(5), at(9, 'error', 'internal-error')];
    const { listed, omitted } = capFindings(all, 2);
    assert.deepEqual(listed.map((d) => d.ruleId), ['valid-tags', 'valid-tags', 'internal-error']);
    assert.deepEqual(omitted, { errorCount: 3, warningCount: 0, limit: 2 });
  });
});
