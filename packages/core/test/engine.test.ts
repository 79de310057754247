import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { AssumeRoleCall, Diagnostic, ReferenceNode, ReportDescriptor, Rule, RuleContext, RunRulesInput } from '../src/index.js';
import { defineRule, fingerprintOf, runRules } from '../src/index.js';
import { arr, call, num, obj, param, spanOf, str } from './helpers.js';

const TEXT = ['{', '  "RoleSessionName": "has space",', '  "DurationSeconds": 900,', '  "Tags": [{"Key": "team", "Value": "a"}]', '}', ''].join('\n');

function buildCall(text: string, extra: Partial<AssumeRoleCall> = {}): AssumeRoleCall {
  const tag = obj(text, { start: spanOf(text, '{"Key"').start, end: spanOf(text, '"a"}').end }, [
    ['Key', str(text, 'team')],
    ['Value', str(text, 'a')],
  ]);
  return call(
    text,
    [
      param(text, 'RoleSessionName', str(text, 'has space')),
      param(text, 'DurationSeconds', num(text, 900)),
      param(text, 'Tags', arr({ start: spanOf(text, '[{').start, end: spanOf(text, '}]').end }, [tag])),
    ],
    { span: { start: 0, end: text.trimEnd().length }, ...extra },
  );
}

const CALL = buildCall(TEXT);

function makeRule(id: string, check: (call: AssumeRoleCall, context: RuleContext<any>) => void, meta: Partial<Rule['meta']> = {}): Rule<any> {
  return defineRule<any>({
    id,
    meta: {
      type: 'problem',
      docs: { description: `${id} description`, recommended: true, awsSource: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html' },
      defaultSeverity: 'error',
      parameters: [],
      messages: { found: '{{key}} is bad.', plain: 'Something is wrong.' },
      ...meta,
    },
    check,
  });
}

function lint(rules: Rule<any>[], extra: Partial<RunRulesInput> = {}): Diagnostic[] {
  return runRules({
    file: 'input.json',
    text: TEXT,
    calls: [CALL],
    rules,
    ruleSettings: Object.fromEntries(rules.map((r) => [r.id, { severity: r.meta.defaultSeverity }])),
    ...extra,
  });
}

const at = (d: Diagnostic): string => `${d.location.start.line}:${d.location.start.column}-${d.location.end.line}:${d.location.end.column}`;
const summary = (ds: Diagnostic[]): string[] => ds.map((d) => `${at(d)} ${d.ruleId} ${d.severity} ${d.message}`);

describe('runRules: reports', () => {
  test('builds a complete diagnostic from a parameter report', () => {
    const rule = makeRule('valid-role-session-name', (c, ctx) => ctx.report({ messageId: 'found', data: { key: 'RoleSessionName' }, parameter: 'RoleSessionName' }), {
      parameters: ['RoleSessionName'],
      help: 'Use only letters, digits and +=,.@_-.',
    });
    const [d, ...rest] = lint([rule]);
    assert.deepEqual(rest, []);
    assert.deepEqual(d, {
      ruleId: 'valid-role-session-name',
      severity: 'error',
      messageId: 'found',
      message: 'RoleSessionName is bad.',
      data: { key: 'RoleSessionName' },
      location: { file: 'input.json', start: { line: 2, column: 22, offset: 23 }, end: { line: 2, column: 33, offset: 34 } },
      parameter: 'RoleSessionName',
      path: '/RoleSessionName',
      source: { extractor: 'test', key: 'RoleSessionName' },
      help: 'Use only letters, digits and +=,.@_-.',
      docsUrl: 'https://github.com/rolecall/rolecall/blob/main/rules/valid-role-session-name/README.md',
      fingerprint: fingerprintOf({ ruleId: 'valid-role-session-name', file: 'input.json', callId: 'test:0', path: '/RoleSessionName', messageId: 'found' }),
    });
  });

  test('anchors: node, then path, then parameter, then the call', () => {
    const reports: ReportDescriptor[] = [
      { messageId: 'plain', node: CALL.parameters[0]!.value },
      { messageId: 'plain', path: '/Tags/0/Value' },
      { messageId: 'plain', path: '/Tags/0/Value', parameter: 'RoleSessionName', node: CALL.parameters[1]!.value },
      { messageId: 'plain', parameter: 'DurationSeconds' },
      { messageId: 'plain', parameter: 'ExternalId' },
      { messageId: 'plain' },
    ];
    const diagnostics = reports.map((r) => lint([makeRule('r', (c, ctx) => ctx.report(r))])[0]!);
    assert.deepEqual(
      diagnostics.map((d) => [at(d), d.parameter, d.path]),
      [
        ['2:22-2:33', 'RoleSessionName', '/RoleSessionName'],
        ['4:37-4:40', 'Tags', '/Tags/0/Value'],
        ['3:22-3:25', 'DurationSeconds', '/Tags/0/Value'], // an explicit path wins, even a contradictory one
        ['3:22-3:25', 'DurationSeconds', '/DurationSeconds'],
        ['1:1-5:2', 'ExternalId', undefined],
        ['1:1-5:2', undefined, undefined],
      ],
    );
  });

  test('a node built by the rule is placed by the descriptor path; an explicit path wins', () => {
    const fragment = { kind: 'literal' as const, value: 'team', span: spanOf(TEXT, 'team') };
    const rule = makeRule('r', (c, ctx) => {
      ctx.report({ messageId: 'found', data: { key: 'a' }, node: fragment, path: '/Tags/0/Key' });
      ctx.report({ messageId: 'found', data: { key: 'b' }, node: fragment, path: '/Tags/1/Key' });
      ctx.report({ messageId: 'found', data: { key: 'c' }, node: fragment, parameter: 'Tags' });
      ctx.report({ messageId: 'plain', node: CALL.parameters[0]!.value, path: '/RoleSessionName/deeper' });
    });
    const diagnostics = lint([rule]);
    assert.deepEqual(
      diagnostics.map((d) => [at(d), d.parameter, d.path]),
      [
        ['2:22-2:33', 'RoleSessionName', '/RoleSessionName/deeper'],
        ['4:21-4:25', 'Tags', '/Tags/0/Key'],
        ['4:21-4:25', 'Tags', '/Tags/1/Key'],
        ['4:21-4:25', 'Tags', undefined],
      ],
    );
    assert.equal(new Set(diagnostics.map((d) => d.fingerprint)).size, 4);
  });

  test('a pointer below a string stops at the string and keeps the full path', () => {
    const [d] = lint([makeRule('r', (c, ctx) => ctx.report({ messageId: 'plain', path: '/RoleSessionName/Statement/0' }))]);
    assert.equal(at(d!), '2:22-2:33');
    assert.equal(d!.path, '/RoleSessionName/Statement/0');
    assert.equal(d!.parameter, 'RoleSessionName');
  });

  test('range narrows a string anchor to decoded indices', () => {
    const [d] = lint([makeRule('r', (c, ctx) => ctx.report({ messageId: 'plain', parameter: 'RoleSessionName', range: { start: 3, end: 4 } }))]);
    assert.equal(at(d!), '2:26-2:27');
    const [n] = lint([makeRule('r', (c, ctx) => ctx.report({ messageId: 'plain', parameter: 'DurationSeconds', range: { start: 0, end: 1 } }))]);
    assert.equal(at(n!), '3:22-3:25', 'range is ignored on a non-string');
  });

  test('suggestions get interpolated messages and keep their edits', () => {
    const edit = { span: { start: 26, end: 27 }, text: '-' };
    const rule = makeRule('r', (c, ctx) => ctx.report({ messageId: 'plain', parameter: 'RoleSessionName', suggestions: [{ messageId: 'suggestReplace', data: { character: "' '" }, edits: [edit] }] }), {
      messages: { plain: 'Bad.', suggestReplace: 'Replace {{character}} with -.' },
      hasSuggestions: true,
    });
    assert.deepEqual(lint([rule])[0]!.suggestions, [{ messageId: 'suggestReplace', message: "Replace ' ' with -.", edits: [edit] }]);
  });

  test('related locations pass through', () => {
    const related = [{ message: 'Defined here.', location: { file: 'vars.tf', start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } } }];
    assert.deepEqual(lint([makeRule('r', (c, ctx) => ctx.report({ messageId: 'plain', related }))])[0]!.related, related);
  });

  test('a report after check returned is ignored', () => {
    let late: (() => void) | undefined;
    const rule = makeRule('r', (c, ctx) => {
      late = () => ctx.report({ messageId: 'plain' });
    });
    assert.deepEqual(lint([rule]), []);
    late!();
  });
});

describe('runRules: which rules run', () => {
  test('rules run only on calls having one of meta.parameters, and for meta.operations', () => {
    const seen: string[] = [];
    const rules = [
      makeRule('tags', () => seen.push('tags'), { parameters: ['Tags', 'ExternalId'] }),
      makeRule('external', () => seen.push('external'), { parameters: ['ExternalId'] }),
      makeRule('every', () => seen.push('every')),
      makeRule('web', () => seen.push('web'), { operations: ['AssumeRoleWithWebIdentity'] }),
      makeRule('plain', () => seen.push('plain'), { operations: ['AssumeRole'] }),
    ];
    lint(rules);
    assert.deepEqual(seen, ['tags', 'every', 'plain']);
  });

  test('rules without a setting or set to off do not run', () => {
    const seen: string[] = [];
    const rules = [makeRule('a', () => seen.push('a')), makeRule('b', () => seen.push('b')), makeRule('c', () => seen.push('c'))];
    lint(rules, { ruleSettings: { a: { severity: 'off' }, c: { severity: 'warning' } } });
    assert.deepEqual(seen, ['c']);
  });

  test('configured severity wins over the default', () => {
    const rule = makeRule('r', (c, ctx) => ctx.report({ messageId: 'plain' }));
    assert.equal(lint([rule], { ruleSettings: { r: { severity: 'warning' } } })[0]!.severity, 'warning');
  });

  test('options are shallow-merged over defaultOptions; non-objects replace them', () => {
    const seen: unknown[] = [];
    const rule = makeRule('r', (c, ctx) => seen.push(ctx.options), { defaultOptions: { max: 64, allow: ['a'] } });
    lint([rule], { ruleSettings: { r: { severity: 'error', options: { max: 32 } } } });
    lint([rule], { ruleSettings: { r: { severity: 'error' } } });
    lint([rule], { ruleSettings: { r: { severity: 'error', options: [1] } } });
    assert.deepEqual(seen, [{ max: 32, allow: ['a'] }, { max: 64, allow: ['a'] }, [1]]);
  });

  test("rules see file settings with the call's context merged over them", () => {
    const seen: unknown[] = [];
    const rule = makeRule('r', (c, ctx) => seen.push(ctx.settings));
    runRules({
      file: 'input.json',
      text: TEXT,
      calls: [buildCall(TEXT, { context: { roleChaining: true } })],
      rules: [rule],
      ruleSettings: { r: { severity: 'error' } },
      settings: { stsModel: 'current', roleChaining: false, maxSessionDuration: 7200 },
    });
    assert.deepEqual(seen, [{ stsModel: 'current', roleChaining: true, maxSessionDuration: 7200 }]);
  });
});

describe('runRules: tool problems', () => {
  test('a rule that throws gives one internal-error at the call and the run continues', () => {
    const rules = [
      makeRule('boom', () => {
        throw new TypeError('cannot read x\nsecond line');
      }),
      makeRule('ok', (c, ctx) => ctx.report({ messageId: 'plain', parameter: 'Tags' })),
    ];
    assert.deepEqual(summary(lint(rules)), ["1:1-5:2 internal-error error Rule 'boom' failed on this call: TypeError: cannot read x", '4:11-4:42 ok error Something is wrong.']);
  });

  test('malformed meta is reported as a rule bug, not a crash', () => {
    const broken = { ...makeRule('broken', () => {}), meta: { ...makeRule('x', () => {}).meta, parameters: undefined } } as unknown as Rule;
    const ok = makeRule('ok', (c, ctx) => ctx.report({ messageId: 'plain', parameter: 'Tags' }));
    assert.deepEqual(summary(lint([broken, ok])).map((line) => line.replace(/: TypeError: .*/, ': TypeError')), [
      "1:1-5:2 internal-error error Rule 'broken' failed on this call: TypeError",
      '4:11-4:42 ok error Something is wrong.',
    ]);
  });

  test('never throws and keeps its order on arbitrary spans, comments and problems', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }),
        fc.array(fc.record({ text: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(' rolecall-disable-line', 'rolecall-disable-next-line r -- x', 'rolecall-disable-file nope')), start: fc.integer({ min: -5, max: 50 }), end: fc.integer({ min: -5, max: 50 }) }), { maxLength: 4 }),
        fc.array(fc.record({ message: fc.string({ maxLength: 10 }), start: fc.integer({ min: -5, max: 50 }), end: fc.integer({ min: -5, max: 50 }) }), { maxLength: 3 }),
        fc.integer({ min: -100, max: 100 }),
        (text, comments, problems, shift) => {
          const rule = makeRule('r', (c, ctx) => ctx.report({ messageId: 'plain', range: { start: shift, end: shift + 3 }, parameter: 'RoleSessionName' }));
          const diagnostics = runRules({
            file: 'f',
            text,
            calls: [CALL],
            rules: [rule],
            ruleSettings: { r: { severity: 'error' } },
            comments: comments.map((c) => ({ text: c.text, span: { start: c.start, end: c.end } })),
            problems: problems.map((p) => ({ message: p.message, span: { start: p.start, end: p.end } })),
          });
          for (let i = 1; i < diagnostics.length; i++) assert.ok(diagnostics[i - 1]!.location.start.offset <= diagnostics[i]!.location.start.offset);
          for (const d of diagnostics) assert.ok(d.location.start.offset >= 0 && d.location.end.offset <= text.length && d.location.start.offset <= d.location.end.offset);
        },
      ),
    );
  });

  test('a non-Error throw is reported too', () => {
    const [d] = lint([
      makeRule('boom', () => {
        throw 42;
      }),
    ]);
    assert.equal(d!.message, "Rule 'boom' failed on this call: 42");
  });

  test('an unknown messageId or a missing placeholder is a rule bug', () => {
    const unknown = lint([makeRule('r', (c, ctx) => ctx.report({ messageId: 'nope' }))]);
    assert.deepEqual(summary(unknown), ["1:1-5:2 internal-error error Rule 'r' reported unknown messageId 'nope'."]);
    const missing = lint([makeRule('r', (c, ctx) => ctx.report({ messageId: 'found', data: { other: 1 } }))]);
    assert.deepEqual(summary(missing), ["1:1-5:2 internal-error error Rule 'r' reported 'found' without data for placeholder 'key'."]);
    const suggestion = lint([makeRule('r', (c, ctx) => ctx.report({ messageId: 'plain', suggestions: [{ messageId: 'found', edits: [] }] }))]);
    assert.deepEqual(summary(suggestion), ["1:1-5:2 internal-error error Rule 'r' reported 'found' without data for placeholder 'key'."]);
    const inherited = lint([makeRule('r', (c, ctx) => ctx.report({ messageId: 'toString' }))]);
    assert.deepEqual(summary(inherited), ["1:1-5:2 internal-error error Rule 'r' reported unknown messageId 'toString'."], 'prototype keys are not messages');
  });

  test('extraction problems become parse-error diagnostics', () => {
    const diagnostics = runRules({ file: 'bad.json', text: '{\n  "a": \n}', calls: [], rules: [], ruleSettings: {}, problems: [{ message: 'Value expected.', span: { start: 10, end: 11 } }] });
    assert.deepEqual(summary(diagnostics), ['3:1-3:2 parse-error error Value expected.']);
    assert.equal(diagnostics[0]!.docsUrl, 'https://github.com/rolecall/rolecall/blob/main/packages/core/README.md#parse-error');
  });

  test('unresolved values are listed only when unresolved-value is turned on', () => {
    const ref: ReferenceNode = { kind: 'reference', span: spanOf(TEXT, '"has space"'), text: 'var.session_name' };
    const c = call(TEXT, [param(TEXT, 'RoleSessionName', ref, 'role_session_name')]);
    const base = { file: 'main.tf', text: TEXT, calls: [c], rules: [], ruleSettings: {} };
    assert.deepEqual(runRules(base), []);
    const on = runRules({ ...base, ruleSettings: { 'unresolved-value': { severity: 'warning' } } });
    assert.deepEqual(summary(on), ['2:22-2:33 unresolved-value warning role_session_name is not known statically (var.session_name); rolecall checked only what is known.']);
    assert.equal(on[0]!.path, '/RoleSessionName');
    assert.deepEqual(on[0]!.source, { extractor: 'test', key: 'role_session_name' });
  });
});

describe('runRules: order and identity', () => {
  test('sorted by offset, then rule id, then message; exact repeats dropped', () => {
    const rules = [
      makeRule('b-rule', (c, ctx) => {
        ctx.report({ messageId: 'plain', parameter: 'Tags' });
        ctx.report({ messageId: 'found', data: { key: 'x' }, parameter: 'RoleSessionName' });
        ctx.report({ messageId: 'found', data: { key: 'x' }, parameter: 'RoleSessionName' });
      }),
      makeRule('a-rule', (c, ctx) => {
        ctx.report({ messageId: 'plain', parameter: 'RoleSessionName' });
        ctx.report({ messageId: 'found', data: { key: 'z' }, parameter: 'RoleSessionName' });
      }),
    ];
    assert.deepEqual(summary(lint(rules)), [
      '2:22-2:33 a-rule error Something is wrong.',
      '2:22-2:33 a-rule error z is bad.',
      '2:22-2:33 b-rule error x is bad.',
      '4:11-4:42 b-rule error Something is wrong.',
    ]);
  });

  test('fingerprints survive lines moving and differ by rule, path and message', () => {
    const rule = makeRule('r', (c, ctx) => {
      ctx.report({ messageId: 'plain', path: '/Tags/0/Key' });
      ctx.report({ messageId: 'plain', path: '/Tags/0/Value' });
      ctx.report({ messageId: 'found', data: { key: 'k' }, path: '/Tags/0/Key' });
    });
    const before = lint([rule]);
    const shifted = `\n\n\n${TEXT}`;
    const after = runRules({ file: 'input.json', text: shifted, calls: [buildCall(shifted)], rules: [rule], ruleSettings: { r: { severity: 'error' } } });
    assert.deepEqual(
      after.map((d) => d.location.start.line),
      before.map((d) => d.location.start.line + 3),
    );
    assert.deepEqual(
      after.map((d) => d.fingerprint),
      before.map((d) => d.fingerprint),
    );
    assert.equal(new Set(before.map((d) => d.fingerprint)).size, 3);
    assert.match(before[0]!.fingerprint, /^[0-9a-f]{16}$/);
  });
});
