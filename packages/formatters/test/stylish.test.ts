import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { stylish } from '../src/index.js';
import { CONTEXT, RESULTS } from './fixtures.js';

describe('stylish', () => {
  test('ESLint layout with a code frame and help under each finding', () => {
    assert.equal(
      stylish(RESULTS, CONTEXT),
      [
        '',
        'examples/bad.json',
        "  3:26  error    RoleSessionName contains ' ' at index 3; STS accepts only letters, digits and +=,.@_-.  valid-role-session-name",
        '',
        '      2 │   "RoleArn": "arn:aws:iam::123456789012:role/example",',
        '    > 3 │   "RoleSessionName": "has space",',
        '        │                          ^',
        '      4 │   "DurationSeconds": 90',
        '    help: Replace spaces and other characters with -.',
        '',
        '  4:22  warning  DurationSeconds is 90; STS accepts 900 to 43200.                                        valid-duration-seconds',
        '',
        '      3 │   "RoleSessionName": "has space",',
        '    > 4 │   "DurationSeconds": 90',
        '        │                      ^^',
        '      5 │ }',
        '    related: examples/bad.json:2:3 The role is assumed here.',
        '',
        'examples/broken.json',
        '  3:1  error  Value expected.  parse-error',
        '',
        '      2 │   "RoleArn":',
        '    > 3 │ }',
        '        │ ^',
        '      4 │',
        '',
        '✖ 3 problems (2 errors, 1 warning)',
        '',
      ].join('\n'),
    );
  });

  test('without sources: rows only, line numbers right-aligned and columns left-aligned', () => {
    const bad = RESULTS[0]!;
    const moved = bad.diagnostics.map((d, i) => ({ ...d, location: { ...d.location, start: { ...d.location.start, line: i === 0 ? 7 : 12, column: i === 0 ? 3 : 10 } } }));
    assert.equal(
      stylish([{ filePath: bad.filePath, diagnostics: moved }, { filePath: 'examples/broken.json', diagnostics: RESULTS[1]!.diagnostics }], CONTEXT),
      [
        '',
        'examples/bad.json',
        "   7:3   error    RoleSessionName contains ' ' at index 3; STS accepts only letters, digits and +=,.@_-.  valid-role-session-name",
        '  12:10  warning  DurationSeconds is 90; STS accepts 900 to 43200.                                        valid-duration-seconds',
        '',
        'examples/broken.json',
        '  3:1  error  Value expected.  parse-error',
        '',
        '✖ 3 problems (2 errors, 1 warning)',
        '',
      ].join('\n'),
    );
  });

  test('a clean run prints nothing; warnings only are summarized in singular', () => {
    assert.equal(stylish([RESULTS[2]!], CONTEXT), '');
    assert.equal(stylish([], CONTEXT), '');
    const warningOnly = { filePath: 'a.json', diagnostics: [RESULTS[0]!.diagnostics[1]!] };
    assert.equal(stylish([warningOnly], CONTEXT).split('\n').at(-2), '✖ 1 problem (0 errors, 1 warning)');
  });

  test('colour only when asked, as plain ANSI codes', () => {
    assert.ok(!stylish(RESULTS, CONTEXT).includes('\u001b'));
    const coloured = stylish(RESULTS, { ...CONTEXT, color: true });
    assert.ok(coloured.includes('\u001b[4mexamples/bad.json\u001b[0m'));
    assert.ok(coloured.includes('\u001b[31merror\u001b[0m    '));
    assert.ok(coloured.includes('\u001b[33mwarning\u001b[0m'));
    assert.ok(coloured.endsWith('\u001b[1m\u001b[31m✖ 3 problems (2 errors, 1 warning)\u001b[0m\n'));
    assert.equal(coloured.replace(/\u001b\[[0-9;]*m/g, ''), stylish(RESULTS, CONTEXT));
  });

  test('text from linted files cannot drive the terminal', () => {
    const d = { ...RESULTS[0]!.diagnostics[0]!, message: 'Bad \u001b[2J value\u202e.' };
    const out = stylish([{ filePath: 'evil\u001b]0;x\u0007.json', diagnostics: [d] }], CONTEXT);
    assert.ok(!/[\u001b\u0007\u202e]/.test(out));
    assert.ok(out.includes('evil\u241b]0;x\u2407.json'));
    assert.ok(out.includes('Bad \u241b[2J value\ufffd.'));
  });
});
