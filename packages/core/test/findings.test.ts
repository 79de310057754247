// The per-file findings budget (findings.ts): what a budgeted pass lists and counts is what the whole list
// would give once capped (the first `limit` in file order, every internal error, the rest counted by
// severity), and a file never holds more than the budget while its rules report.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AssumeRoleCall, Diagnostic, ExtractedFile, FileFindingsResult, Rule, RuleSettings, SourceComment } from '../src/index.js';
import { defineRule, findingCounters, KeySet, lintProject, lintProjectFindings, runRules } from '../src/index.js';

/** A seeded linear congruential generator: the same findings on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296;
}

const LINES = 400;
const TEXT = Array.from({ length: LINES }, (_, i) => (i % 50 === 7 ? `// rolecall-disable-next-line scatter-a -- line ${i}` : i === 3 ? '// rolecall-disable-line nothing-here' : `value ${i} = x`)).join('\n');
const COMMENTS: SourceComment[] = [...TEXT.matchAll(/\/\/([^\n]*)/g)].map((m) => ({ text: m[1]!, span: { start: m.index, end: m.index + m[0].length } }));
const CALL: AssumeRoleCall = { id: 'c0', file: 'big.jsonc', extractor: 'toy', kind: 'toy', operation: 'AssumeRole', span: { start: 0, end: TEXT.length }, parameters: [] };

/** Reports `count` findings at seeded places with a few messages each, so exact repeats and ties occur. */
function scatter(id: string, seed: number, count: number, throwAfter?: number): Rule {
  return defineRule({
    id,
    meta: { type: 'problem', docs: { description: id, recommended: true, awsSource: 'https://example.com' }, defaultSeverity: 'error', parameters: [], messages: { m: 'Finding {{n}}.' } },
    check(_call, context) {
      const next = prng(seed);
      for (let i = 0; i < count; i++) {
        const start = Math.floor(next() * TEXT.length);
        context.report({ messageId: 'm', data: { n: Math.floor(next() * 3) }, span: { start, end: Math.min(TEXT.length, start + Math.floor(next() * 4)) } });
        if (i === throwAfter) throw new Error(`${id} gave up`);
      }
    },
  });
}

const RULES = [scatter('scatter-a', 1, 1500), scatter('scatter-b', 2, 1200), scatter('scatter-c', 3, 40, 30)];
const SETTINGS: RuleSettings = { 'scatter-a': { severity: 'error' }, 'scatter-b': { severity: 'warning' }, 'scatter-c': { severity: 'error' } };
const FILE: ExtractedFile = { path: 'big.jsonc', text: TEXT, parts: [{ extractor: 'toy', calls: [CALL], roles: [], facts: [], comments: COMMENTS, problems: [] }] };
const OPTIONS = { rules: RULES, extractors: [], configFor: () => ({ ruleSettings: SETTINGS, settings: {} }) };

/** The whole list capped as the CLI caps it: the first `limit`, every internal error after them, the rest counted. */
function capped(all: readonly Diagnostic[], limit: number): FileFindingsResult {
  if (all.length <= limit) return { diagnostics: all.slice() };
  const diagnostics = all.slice(0, limit);
  let errorCount = 0;
  let warningCount = 0;
  for (const d of all.slice(limit)) {
    if (d.ruleId === 'internal-error') diagnostics.push(d);
    else if (d.severity === 'error') errorCount++;
    else warningCount++;
  }
  return errorCount + warningCount === 0 ? { diagnostics } : { diagnostics, omitted: { errorCount, warningCount } };
}

describe('findings budget', () => {
  const all = lintProject([FILE], OPTIONS)[0]!;

  it('without a budget, the pipeline finishes a file as runRules does (suppressions, order, no repeats)', () => {
    assert.deepEqual(all, runRules({ file: FILE.path, text: TEXT, calls: [CALL], comments: COMMENTS, rules: RULES, ruleSettings: SETTINGS }));
    // The fixture has what the budget must get right: repeats dropped, suppressions, directive findings, internal errors, both severities.
    assert.ok(all.length < 1500 + 1200 + 31 && all.length > 2000, String(all.length));
    for (const id of ['internal-error', 'config-error', 'scatter-a', 'scatter-b', 'scatter-c']) assert.ok(all.some((d) => d.ruleId === id), id);
  });

  it('lists the first `limit` in file order plus every internal error, and counts the rest exactly (n-1, n, n+1 and others)', () => {
    const n = all.length;
    for (const limit of [0, 1, 2, 17, 500, 1000, n - 1, n, n + 1]) {
      const [budgeted] = lintProjectFindings([FILE], { ...OPTIONS, maxFindingsPerFile: limit });
      assert.deepEqual(budgeted, capped(all, limit), `limit ${limit}`);
    }
  });

  it('holds at most `limit` findings while rules report, and takes each as it is reported (nothing gathers them first)', () => {
    const count = 20_000;
    let takenDuringCheck = -1;
    const descending = defineRule({
      id: 'descending',
      meta: { type: 'problem', docs: { description: 'd', recommended: true, awsSource: 'https://example.com' }, defaultSeverity: 'warning', parameters: [], messages: { m: 'Finding {{n}}.' } },
      check(_call, context) {
        const before = findingCounters.taken;
        // Each report sorts before every one so far: the worst case for a budget that keeps the first in file order.
        for (let i = count - 1; i >= 0; i--) context.report({ messageId: 'm', data: { n: i }, span: { start: i % TEXT.length, end: i % TEXT.length } });
        takenDuringCheck = findingCounters.taken - before;
      },
    });
    const limit = 25;
    const file: ExtractedFile = { ...FILE, parts: [{ ...FILE.parts[0]!, comments: [] }] };
    const options = { rules: [descending], extractors: [], configFor: () => ({ ruleSettings: { descending: { severity: 'warning' as const } }, settings: {} }) };
    findingCounters.peakHeld = 0;
    const [result] = lintProjectFindings([file], { ...options, maxFindingsPerFile: limit });
    assert.equal(takenDuringCheck, count);
    assert.ok(findingCounters.peakHeld <= limit, `held ${findingCounters.peakHeld}`);
    assert.equal(result!.diagnostics.length, limit);
    assert.deepEqual(result!.omitted, { errorCount: 0, warningCount: count - limit });
    assert.deepEqual(result, capped(lintProject([file], options)[0]!, limit));
  });

  it('builds only the findings it keeps: a finding counted away is never built (n-1, n, n+1 findings for a budget of n)', () => {
    const limit = 40;
    for (const count of [limit - 1, limit, limit + 1, 5_000]) {
      const ascending = defineRule({
        id: 'ascending',
        meta: { type: 'problem', docs: { description: 'a', recommended: true, awsSource: 'https://example.com' }, defaultSeverity: 'error', parameters: [], messages: { m: 'Finding {{n}}.' } },
        check(_call, context) {
          // In file order: each report after the budget is full sorts after every kept one.
          for (let i = 0; i < count; i++) context.report({ messageId: 'm', data: { n: i }, span: { start: i, end: i } });
        },
      });
      const file: ExtractedFile = { ...FILE, parts: [{ ...FILE.parts[0]!, comments: [] }] };
      const options = { rules: [ascending], extractors: [], configFor: () => ({ ruleSettings: { ascending: { severity: 'error' as const } }, settings: {} }) };
      findingCounters.built = 0;
      const [result] = lintProjectFindings([file], { ...options, maxFindingsPerFile: limit });
      assert.equal(findingCounters.built, Math.min(count, limit), `${count} findings`);
      assert.deepEqual(result, capped(lintProject([file], options)[0]!, limit), `${count} findings`);
    }
  });

  it('a suppressed finding does not count against the budget, and an off rule does not run', () => {
    let ran = false;
    const off = defineRule({
      id: 'off-rule',
      meta: { type: 'problem', docs: { description: 'o', recommended: true, awsSource: 'https://example.com' }, defaultSeverity: 'error', parameters: [], messages: { m: 'x' } },
      check() {
        ran = true;
      },
    });
    const text = '// rolecall-disable-next-line scatter-a -- generated\nvalue';
    const comments: SourceComment[] = [{ text: ' rolecall-disable-next-line scatter-a -- generated', span: { start: 0, end: text.indexOf('\n') } }];
    const suppressedThenKept = defineRule({
      id: 'scatter-a',
      meta: { type: 'problem', docs: { description: 's', recommended: true, awsSource: 'https://example.com' }, defaultSeverity: 'error', parameters: [], messages: { m: 'Finding {{n}}.' } },
      check(_call, context) {
        // Three findings on the suppressed line (before the kept one in file order), then one past it.
        for (let n = 0; n < 3; n++) context.report({ messageId: 'm', data: { n }, span: { start: text.length - 5 + n, end: text.length - 4 + n } });
        context.report({ messageId: 'm', data: { n: 9 }, span: { start: 0, end: 1 } });
      },
    });
    const file: ExtractedFile = { path: 'x.jsonc', text, parts: [{ extractor: 'toy', calls: [{ ...CALL, file: 'x.jsonc', span: { start: 0, end: text.length } }], roles: [], facts: [], comments, problems: [] }] };
    const [result] = lintProjectFindings([file], { rules: [suppressedThenKept, off], extractors: [], configFor: () => ({ ruleSettings: { 'scatter-a': { severity: 'error' }, 'off-rule': { severity: 'off' } }, settings: {} }), maxFindingsPerFile: 1 });
    assert.equal(ran, false);
    assert.deepEqual(result!.diagnostics.map((d) => d.message), ['Finding 9.']);
    assert.equal(result!.omitted, undefined);
  });
});

describe('KeySet', () => {
  it('says whether a key was there, across growth', () => {
    const set = new KeySet();
    for (let i = 0; i < 5000; i++) assert.equal(set.add(`k${i}`), true);
    for (let i = 0; i < 5000; i++) assert.equal(set.add(`k${i}`), false);
    assert.equal(set.add(''), true);
    assert.equal(set.add(''), false);
  });
});
