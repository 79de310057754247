import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Diagnostic, Rule, RuleSetting, SourceComment } from '../src/index.js';
import { defineRule, parseDirective, runRules } from '../src/index.js';
import { call, num, param, str } from './helpers.js';

/** `//` and block comments of a JSONC-like text, as an extractor would report them. */
function commentsOf(text: string): SourceComment[] {
  const out: SourceComment[] = [];
  for (const m of text.matchAll(/\/\/([^\n]*)|\/\*([\s\S]*?)\*\//g)) {
    out.push({ text: m[1] ?? m[2] ?? '', span: { start: m.index, end: m.index + m[0].length } });
  }
  return out;
}

const rule = (id: string, member: 'RoleSessionName' | 'DurationSeconds'): Rule =>
  defineRule({
    id,
    meta: { type: 'problem', docs: { description: id, recommended: true, awsSource: 'https://example.com' }, defaultSeverity: 'error', parameters: [member], messages: { bad: `${member} is bad.` } },
    check(c, ctx) {
      ctx.report({ messageId: 'bad', parameter: member });
    },
  });

const RULES = [rule('valid-role-session-name', 'RoleSessionName'), rule('valid-duration-seconds', 'DurationSeconds')];

function lint(lines: string[], ruleSettings: Record<string, RuleSetting> = {}): string[] {
  const text = lines.join('\n');
  const c = call(text, [param(text, 'RoleSessionName', str(text, 'has space')), param(text, 'DurationSeconds', num(text, 90))]);
  const diagnostics = runRules({
    file: 'input.jsonc',
    text,
    calls: [c],
    comments: commentsOf(text),
    rules: RULES,
    ruleSettings: { 'valid-role-session-name': { severity: 'error' }, 'valid-duration-seconds': { severity: 'warning' }, ...ruleSettings },
  });
  return diagnostics.map(show);
}

const show = (d: Diagnostic): string => `${d.location.start.line}:${d.location.start.column} ${d.ruleId} ${d.severity} ${d.message}`;

const SESSION = '  "RoleSessionName": "has space",';
const DURATION = '  "DurationSeconds": 90';

describe('parseDirective', () => {
  const parse = (text: string) => parseDirective({ text, span: { start: 0, end: text.length } });

  test('reads kind, rule ids and reason', () => {
    assert.deepEqual(parse(' rolecall-disable-next-line valid-tags, valid-external-id -- set by the pipeline '), {
      kind: 'disable-next-line',
      name: 'rolecall-disable-next-line',
      ruleIds: ['valid-tags', 'valid-external-id'],
      reason: 'set by the pipeline',
      span: { start: 0, end: 81 },
    });
    assert.deepEqual(parse('rolecall-disable-line a b,c,, a')?.ruleIds, ['a', 'b', 'c']);
    assert.deepEqual(parse('rolecall-disable-file -- whole file is a fixture')?.ruleIds, []);
    assert.equal(parse('rolecall-disable-file -- whole file is a fixture')?.reason, 'whole file is a fixture');
  });

  test('an empty or missing reason is no reason; dashes inside ids are not a divider', () => {
    assert.equal(parse('rolecall-disable-line a --')?.reason, undefined);
    assert.equal(parse('rolecall-disable-line a --   ')?.reason, undefined);
    assert.equal(parse('rolecall-disable-line a')?.reason, undefined);
    assert.deepEqual(parse('rolecall-disable-line no--dash')?.ruleIds, ['no--dash']);
    assert.equal(parse('rolecall-disable-line a --- reason')?.reason, 'reason');
  });

  test('only comments that open with a directive count', () => {
    assert.equal(parse('see rolecall-disable-line a'), undefined);
    assert.equal(parse('rolecall-disable-lines a'), undefined);
    assert.equal(parse('rolecall-disable a'), undefined);
    assert.equal(parse('\n  rolecall-disable-line a -- multi\n line reason')?.reason, 'multi\n line reason');
  });
});

describe('suppressions', () => {
  test('disable-next-line suppresses the named rule on the next line only', () => {
    assert.deepEqual(lint(['{', '  // rolecall-disable-next-line valid-role-session-name -- CI names sessions', SESSION, DURATION, '}']), ['4:22 valid-duration-seconds warning DurationSeconds is bad.']);
  });

  test('disable-line suppresses on the comment line, in any comment syntax', () => {
    assert.deepEqual(lint(['{', `${SESSION} /* rolecall-disable-line valid-role-session-name -- CI names sessions */`, DURATION, '}']), ['3:22 valid-duration-seconds warning DurationSeconds is bad.']);
  });

  test('disable-file with a list suppresses those rules everywhere; without one, all rules', () => {
    assert.deepEqual(lint(['// rolecall-disable-file valid-duration-seconds -- fixture', '{', SESSION, DURATION, '}']), ['3:22 valid-role-session-name error RoleSessionName is bad.']);
    assert.deepEqual(lint(['{', SESSION, DURATION, '}', '// rolecall-disable-file -- fixture']), []);
  });

  test('several rules in one directive', () => {
    assert.deepEqual(lint(['{', `${SESSION.slice(0, -1)}, "DurationSeconds": 90 // rolecall-disable-line valid-role-session-name, valid-duration-seconds -- fixture`, '}']), []);
  });

  test('a directive without a reason still suppresses and is reported', () => {
    assert.deepEqual(lint(['{', '  // rolecall-disable-next-line valid-role-session-name', SESSION, DURATION, '}']), [
      "2:3 disable-without-reason warning rolecall-disable-next-line directive has no reason; add one after ' -- '.",
      '4:22 valid-duration-seconds warning DurationSeconds is bad.',
    ]);
  });

  test('a directive that suppresses nothing is reported per unused rule', () => {
    assert.deepEqual(lint(['{', SESSION, '  // rolecall-disable-next-line valid-role-session-name, valid-duration-seconds -- wrong line', '}', DURATION]), [
      '2:22 valid-role-session-name error RoleSessionName is bad.',
      "3:3 unused-disable warning Unused rolecall-disable-next-line directive (no problems were reported from 'valid-duration-seconds').",
      "3:3 unused-disable warning Unused rolecall-disable-next-line directive (no problems were reported from 'valid-role-session-name').",
      '5:22 valid-duration-seconds warning DurationSeconds is bad.',
    ]);
    assert.deepEqual(lint(['// rolecall-disable-line -- nothing here', '{', '}', SESSION, DURATION]).slice(0, 1), ['1:1 unused-disable warning Unused rolecall-disable-line directive (no problems were reported).']);
  });

  test('a directive for a rule that is turned off is unused', () => {
    assert.deepEqual(lint(['{', SESSION, '  // rolecall-disable-next-line valid-duration-seconds -- reason', DURATION, '}'], { 'valid-duration-seconds': { severity: 'off' } }), [
      '2:22 valid-role-session-name error RoleSessionName is bad.',
      "3:3 unused-disable warning Unused rolecall-disable-next-line directive (no problems were reported from 'valid-duration-seconds').",
    ]);
  });

  test('unused-disable and disable-without-reason can be configured', () => {
    assert.deepEqual(lint(['// rolecall-disable-line', '{', SESSION, DURATION, '}'], { 'unused-disable': { severity: 'off' }, 'disable-without-reason': { severity: 'off' } }), [
      '3:22 valid-role-session-name error RoleSessionName is bad.',
      '4:22 valid-duration-seconds warning DurationSeconds is bad.',
    ]);
    assert.deepEqual(lint(['// rolecall-disable-line -- r', '{', SESSION, DURATION, '}'], { 'unused-disable': { severity: 'error' } })[0], '1:1 unused-disable error Unused rolecall-disable-line directive (no problems were reported).');
  });

  test('an unknown rule id is a config-error at the directive, with a close match offered', () => {
    assert.deepEqual(lint(['{', '  // rolecall-disable-next-line valid-role-sesion-name, no-such-rule -- typo', SESSION, DURATION, '}']), [
      "2:3 config-error error Unknown rule 'no-such-rule' in rolecall-disable-next-line directive.",
      "2:3 config-error error Unknown rule 'valid-role-sesion-name' in rolecall-disable-next-line directive. Did you mean 'valid-role-session-name'?",
      '3:22 valid-role-session-name error RoleSessionName is bad.',
      '4:22 valid-duration-seconds warning DurationSeconds is bad.',
    ]);
  });

  test('tool problems cannot be suppressed', () => {
    const text = '// rolecall-disable-file -- nothing to see\n{ "a": }';
    const diagnostics = runRules({ file: 'x.json', text, calls: [], comments: commentsOf(text), rules: RULES, ruleSettings: {}, problems: [{ message: 'Value expected.', span: { start: 50, end: 51 } }] });
    assert.deepEqual(diagnostics.map(show), ['1:1 unused-disable warning Unused rolecall-disable-file directive (no problems were reported).', '2:8 parse-error error Value expected.']);
  });

  test('a multi-line block directive covers its lines (disable-line) and the line after its end (next-line)', () => {
    assert.deepEqual(lint(['{', '  /* rolecall-disable-next-line valid-role-session-name', '     -- CI names sessions */', SESSION, DURATION, '}']), ['5:22 valid-duration-seconds warning DurationSeconds is bad.']);
  });
});
