/**
 * Test helper for extractor-owned rules: lints text whose extraction is given as facts (and role
 * definitions), through core's `lintProject`, and renders each finding as
 * `line:col-endLine:endCol message` plus its related locations, for exact assertions.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic, Fact, RoleDefinition, Rule } from '@rolecall/core';
import { lintProject } from '@rolecall/core';

export function lintExtraction(rule: Rule<any>, path: string, text: string, extraction: { facts?: readonly Fact[]; roles?: readonly RoleDefinition[] }, options?: unknown): Diagnostic[] {
  const file = { path, text, parts: [{ extractor: 'test', calls: [], roles: extraction.roles ?? [], facts: extraction.facts ?? [], comments: [], problems: [] }] };
  const setting = { severity: rule.meta.defaultSeverity, ...(options !== undefined ? { options } : {}) };
  return lintProject([file], { rules: [rule], extractors: [], configFor: () => ({ ruleSettings: { [rule.id]: setting }, settings: {} }) })[0]!;
}

export function describeDiagnostic(d: Diagnostic): string {
  const at = (l: Diagnostic['location']): string => `${l.start.line}:${l.start.column}-${l.end.line}:${l.end.column}`;
  const related = (d.related ?? []).map((r) => `\n  related ${at(r.location)} ${r.message}`).join('');
  return `${at(d.location)} ${d.severity} ${d.ruleId}: ${d.message}${related}`;
}

/**
 * The tests every extractor-owned rule shares: the facts given are reported with exactly the
 * `expected` findings (see `describeDiagnostic`), and a fact of another kind is not.
 */
export function testFactRule(rule: Rule<any>, cases: { path?: string; text: string; facts: readonly Fact[]; expected: readonly string[] }, more?: (found: Diagnostic[]) => void): void {
  const path = cases.path ?? '.aws/config';
  describe(rule.id, () => {
    const found = lintExtraction(rule, path, cases.text, { facts: cases.facts });
    it('reports each fact with the exact message and location', () => assert.deepEqual(found.map(describeDiagnostic), cases.expected));
    it('reports nothing for facts of other kinds', () => {
      assert.deepEqual(lintExtraction(rule, path, cases.text, { facts: [{ kind: 'aws-config/other', span: { start: 0, end: 1 } }] }), []);
    });
    more?.(found);
  });
}
