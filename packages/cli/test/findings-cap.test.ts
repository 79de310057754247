import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from '@rolecall/core';
import { extractFile, lintProject } from '@rolecall/core';
import type { FileConfig } from '../src/config.js';
import { defaultRegistry } from '../src/default-registry.js';
import { extractorsFor, lintExtracted } from '../src/lint.js';
import { capFindings, MAX_FINDINGS_PER_FILE } from '../src/findings-cap.js';
import { redactDiagnostic } from '../src/redact.js';

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

describe("the engine's budget (core's maxFindingsPerFile)", () => {
  it('lists and counts exactly what capping the whole list gives, for a file far past the cap', () => {
    // Three inputs whose findings come from several rules, reported call by call and rule by rule, so report
    // order is not file order: bad tags, repeated keys, a bad session name each.
    const input = (i: number): string =>
      `{"RoleArn": "arn:aws:iam::731902345678:role/r${i}", "RoleSessionName": "bad name ${i}", "ExternalId": "a", "ExternalId": "b", "Tags": [${Array.from({ length: 700 }, (_, j) => (j % 3 === 0 ? '{"Key": "aws:x", "Value": "v"}' : String(j))).join(', ')}]}`;
    const text = `[${[0, 1, 2].map(input).join(',\n')}]`;
    const path = 'assume-role.json';
    const config: FileConfig = { rules: Object.fromEntries(Object.entries(defaultRegistry.presets['recommended'] ?? {}).map(([id, severity]) => [id, { severity }])), settings: {} };
    const extracted = extractFile({ path, text }, extractorsFor(defaultRegistry, path));
    const [all = []] = lintProject([extracted], { rules: defaultRegistry.rules, extractors: defaultRegistry.extractors, configFor: () => ({ ruleSettings: config.rules, settings: config.settings }) });
    assert.ok(all.length > 2 * MAX_FINDINGS_PER_FILE, String(all.length));
    assert.ok(new Set(all.map((d) => d.ruleId)).size >= 3);
    const whole = capFindings(all);
    const [budgeted] = lintExtracted([extracted], () => config, defaultRegistry);
    assert.deepEqual(budgeted!.diagnostics, whole.listed.map(redactDiagnostic));
    assert.deepEqual(budgeted!.omitted, whole.omitted);
    assert.equal(budgeted!.errorCount, all.filter((d) => d.severity === 'error').length);
    assert.equal(budgeted!.warningCount, all.filter((d) => d.severity !== 'error').length);
  });
});
