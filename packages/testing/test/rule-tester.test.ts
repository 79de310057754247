import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Rule } from '@rolecall/core';
import { defineRule } from '@rolecall/core';
import type { InvalidCase, RuleTesterCases, TestFramework } from '../src/index.js';
import { RuleTester } from '../src/index.js';
import { sampleRule } from './sample-rule.js';

/** Runs a tester against a capturing framework and returns each registered test's outcome. */
function outcomes(rule: Rule<any>, cases: RuleTesterCases): Map<string, string> {
  const results = new Map<string, string>();
  const path: string[] = [];
  const framework: TestFramework = {
    describe(name, body) {
      path.push(name);
      body();
      path.pop();
    },
    test(name, body) {
      const key = [...path, name].join(' > ');
      try {
        body();
        results.set(key, 'pass');
      } catch (error) {
        results.set(key, (error as Error).message.split('\n')[0] ?? '');
      }
    },
  };
  new RuleTester({ framework }).run(rule, cases);
  return results;
}

const failures = (results: Map<string, string>): [string, string][] => [...results].filter(([, outcome]) => outcome !== 'pass');

const INVALID: InvalidCase = {
  input: { RoleSessionName: 'has space' },
  errors: [
    {
      messageId: 'invalidCharacter',
      data: { key: 'RoleSessionName', character: '" "', index: 3 },
      line: 2,
      column: 26,
      endLine: 2,
      endColumn: 27,
      suggestions: [{ messageId: 'suggestReplace', data: { character: '" "' }, output: { RoleSessionName: 'has-space' } }],
    },
  ],
};
const SHORT: InvalidCase = {
  input: { RoleSessionName: 'a' },
  errors: [{ messageId: 'tooShort', data: { key: 'RoleSessionName', length: 1 }, line: 2, column: 22, endLine: 2, endColumn: 25 }],
};

describe('RuleTester (captured)', () => {
  test('a correct suite passes every test', () => {
    const results = outcomes(sampleRule, { valid: [{ input: { RoleSessionName: 'deploy-session' } }, { input: { RoleArn: 'arn:aws:iam::123456789012:role/example' } }], invalid: [INVALID, SHORT] });
    assert.deepEqual(failures(results), []);
    assert.equal(results.size, 5, 'one test per case plus the messageId coverage test');
  });

  test('a missing location or data field fails the case', () => {
    const { endColumn: _, ...noEnd } = SHORT.errors[0]!;
    const { data: __, ...noData } = SHORT.errors[0]!;
    const results = outcomes(sampleRule, {
      valid: [],
      invalid: [INVALID, { ...SHORT, errors: [noEnd as never] }, { name: 'no data', ...SHORT, errors: [noData as never] }],
    });
    assert.deepEqual(failures(results), [
      ['sample-session-name > invalid > {"RoleSessionName":"a"}', 'errors[0] is missing required field(s): endColumn.'],
      ['sample-session-name > invalid > no data', 'This case repeats an earlier case of this rule.'],
    ]);
  });

  test('wrong data, location, message, path or messageId fail the case', () => {
    const base = SHORT.errors[0]!;
    const variants: [string, Partial<typeof base>, string][] = [
      ['data', { data: { key: 'RoleSessionName', length: 2 } }, 'errors[0]: data differs.'],
      ['extra data', { data: { key: 'RoleSessionName', length: 1, extra: 1 } }, 'errors[0]: data differs.'],
      ['location', { column: 23 }, 'errors[0]: location differs.'],
      ['message', { message: 'RoleSessionName is short.' }, 'errors[0]: message differs.'],
      ['path', { path: '/RoleArn' }, 'errors[0]: path differs.'],
      ['messageId', { messageId: 'invalidCharacter' }, 'errors[0]: messageId differs (message: RoleSessionName is 1 characters; STS needs at least 2.).'],
    ];
    for (const [name, change, expected] of variants) {
      const results = outcomes(sampleRule, { valid: [], invalid: [INVALID, { ...SHORT, name, errors: [{ ...base, ...change }] }] });
      const coverage: [string, string][] =
        name === 'messageId' ? [['sample-session-name > every messageId in meta.messages is exercised by an invalid case', 'messageId(s) no invalid case exercises: tooShort.']] : [];
      assert.deepEqual(failures(results), [[`sample-session-name > invalid > ${name}`, expected], ...coverage], name);
    }
    const right = outcomes(sampleRule, { valid: [], invalid: [INVALID, { ...SHORT, errors: [{ ...base, message: 'RoleSessionName is 1 characters; STS needs at least 2.', path: '/RoleSessionName', parameter: 'RoleSessionName' }] }] });
    assert.deepEqual(failures(right), []);
  });

  test('an unexpected extra diagnostic or a missing one fails the case', () => {
    const both: InvalidCase = { input: { RoleSessionName: '!' }, errors: [SHORT.errors[0]!] };
    const results = outcomes(sampleRule, { valid: [], invalid: [INVALID, both] });
    assert.match(failures(results)[0]![1], /^Expected 1 error\(s\) but the rule reported 2:/);
  });

  test('a valid case with findings, an invalid case without errors, or a case with both input and code fail', () => {
    const results = outcomes(sampleRule, {
      valid: [{ input: { RoleSessionName: 'a b' } }, { input: { RoleSessionName: 'ok-name' }, code: '{}' }],
      invalid: [INVALID, SHORT, { input: { RoleSessionName: 'x y' }, errors: [] }],
    });
    assert.deepEqual(failures(results), [
      ['sample-session-name > valid > {"RoleSessionName":"a b"}', 'A valid case must produce no diagnostics.'],
      ['sample-session-name > valid > {}', 'A case needs exactly one of `input` and `code`.'],
      ['sample-session-name > invalid > {"RoleSessionName":"x y"}', 'An invalid case must list at least one error.'],
    ]);
  });

  test('duplicate cases fail, in valid and across valid/invalid', () => {
    const results = outcomes(sampleRule, { valid: [{ input: { RoleSessionName: 'ok' } }, { name: 'again', input: { RoleSessionName: 'ok' } }], invalid: [INVALID, SHORT, { ...SHORT, name: 'short again' }] });
    assert.deepEqual(failures(results), [
      ['sample-session-name > valid > again', 'This case repeats an earlier case of this rule.'],
      ['sample-session-name > invalid > short again', 'This case repeats an earlier case of this rule.'],
    ]);
  });

  test('a messageId no invalid case exercises fails the coverage test', () => {
    const results = outcomes(sampleRule, { valid: [], invalid: [SHORT] });
    assert.deepEqual(failures(results), [['sample-session-name > every messageId in meta.messages is exercised by an invalid case', 'messageId(s) no invalid case exercises: invalidCharacter, suggestReplace.']]);
  });

  test('untested suggestions, wrong suggestion output and undeclared suggestions fail', () => {
    const { suggestions: _, ...noSuggestions } = INVALID.errors[0]!;
    const wrongOutput = { ...INVALID.errors[0]!, suggestions: [{ messageId: 'suggestReplace', output: { RoleSessionName: 'has_space' } }] };
    const wrongText = { ...INVALID.errors[0]!, suggestions: [{ messageId: 'suggestReplace', output: '{}' }] };
    const wrongData = { ...INVALID.errors[0]!, suggestions: [{ messageId: 'suggestReplace', data: { character: 'x' }, output: { RoleSessionName: 'has-space' } }] };
    const results = outcomes(sampleRule, {
      valid: [],
      invalid: [
        INVALID,
        SHORT,
        { ...INVALID, name: 'untested', input: { RoleSessionName: 'has space!' }, errors: [{ ...noSuggestions, data: { ...noSuggestions.data } }] },
        { name: 'wrong output', input: { RoleSessionName: 'has  space' }, errors: [wrongOutput] },
        { name: 'wrong text', input: { RoleSessionName: 'has   space' }, errors: [wrongText] },
        { name: 'wrong data', input: { RoleSessionName: 'has    space' }, errors: [wrongData] },
      ],
    });
    assert.deepEqual(failures(results), [
      ['sample-session-name > invalid > untested', 'errors[0]: the finding has 1 suggestion(s); list them in `suggestions`.'],
      ['sample-session-name > invalid > wrong output', 'errors[0].suggestions[0]: output differs.'],
      ['sample-session-name > invalid > wrong text', 'errors[0].suggestions[0]: output differs.'],
      ['sample-session-name > invalid > wrong data', 'errors[0].suggestions[0]: data differs.'],
    ]);
    const undeclared: Rule = { ...sampleRule, meta: { ...sampleRule.meta, hasSuggestions: false } };
    assert.equal(outcomes(undeclared, { valid: [], invalid: [INVALID, SHORT] }).get('sample-session-name > invalid > {"RoleSessionName":"has space"}'), 'errors[0]: the rule made suggestions but meta.hasSuggestions is not true.');
  });

  test('a rule bug (internal-error) fails the case', () => {
    const broken: Rule = defineRule({
      ...sampleRule,
      check(call, context) {
        context.report({ messageId: 'tooShort', data: { key: 'RoleSessionName' }, parameter: 'RoleSessionName' });
      },
    });
    const results = outcomes(broken, { valid: [], invalid: [SHORT] });
    assert.equal(results.get('sample-session-name > invalid > {"RoleSessionName":"a"}'), 'The rule produced tool diagnostics (a rule bug).');
  });

  test('options and settings reach the rule', () => {
    const seen: unknown[] = [];
    const probe: Rule<any> = defineRule<any>({
      ...sampleRule,
      meta: { ...sampleRule.meta, defaultOptions: { max: 64 } },
      check(call, context) {
        seen.push([context.options, context.settings, call.operation]);
      },
    });
    outcomes(probe, { valid: [{ input: { RoleSessionName: 'ab' }, options: { max: 32 }, settings: { roleChaining: true } }, { input: { WebIdentityToken: 'x'.repeat(10), RoleSessionName: 'ab' } }], invalid: [] });
    assert.deepEqual(seen, [
      [{ max: 32 }, { roleChaining: true }, 'AssumeRole'],
      [{ max: 64 }, {}, 'AssumeRoleWithWebIdentity'],
    ]);
  });
});

// The same tester registered on node:test for real: proves the default framework wiring.
new RuleTester().run(sampleRule, {
  valid: [{ input: { RoleSessionName: 'deploy-session' } }, { code: '{"RoleSessionName": "a\\u0062c"}' }],
  invalid: [
    INVALID,
    SHORT,
    {
      name: 'escaped string: the location maps through the escape',
      code: '{"RoleSessionName": "\\u0061\\tb"}',
      errors: [
        {
          messageId: 'invalidCharacter',
          data: { key: 'RoleSessionName', character: '"\\t"', index: 1 },
          line: 1,
          column: 28,
          endLine: 1,
          endColumn: 30,
          suggestions: [{ messageId: 'suggestReplace', data: { character: '"\\t"' }, output: '{"RoleSessionName": "a-b"}' }],
        },
      ],
    },
    {
      name: 'CRLF text',
      code: '{\r\n  "RoleArn": "arn:aws:iam::123456789012:role/example",\r\n  "RoleSessionName": "x"\r\n}\r\n',
      errors: [{ messageId: 'tooShort', data: { key: 'RoleSessionName', length: 1 }, line: 3, column: 22, endLine: 3, endColumn: 25 }],
    },
  ],
});
