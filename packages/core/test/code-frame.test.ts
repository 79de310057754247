import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { displayWidth, renderCodeFrame, sanitizeForTerminal } from '../src/index.js';

describe('renderCodeFrame', () => {
  test('one-line span with context and a label', () => {
    const text = '{\n  "RoleSessionName": "has space",\n  "DurationSeconds": 90\n}\n';
    const start = text.indexOf('"has space"');
    assert.equal(
      renderCodeFrame(text, { start, end: start + 11 }, { label: 'contains a space' }),
      ['  1 │ {', '> 2 │   "RoleSessionName": "has space",', '    │                      ^^^^^^^^^^^ contains a space', '  3 │   "DurationSeconds": 90'].join('\n'),
    );
  });

  test('multi-line span marks every line from its first non-blank character', () => {
    const text = '{\n  "Tags": [\n    {"Key": "a"}\n  ],\n  "X": 1\n}';
    assert.equal(
      renderCodeFrame(text, { start: text.indexOf('['), end: text.indexOf(']') + 1 }, { contextLines: 0 }),
      ['> 2 │   "Tags": [', '    │           ^', '> 3 │     {"Key": "a"}', '    │     ^^^^^^^^^^^^', '> 4 │   ],', '    │   ^'].join('\n'),
    );
  });

  test('a long span is elided in the middle; the gutter fits the widest line number', () => {
    const text = Array.from({ length: 12 }, (_, i) => `line ${i + 1}`).join('\n');
    assert.equal(
      renderCodeFrame(text, { start: text.indexOf('line 2'), end: text.indexOf('line 10') + 7 }),
      [
        '   1 │ line 1',
        '>  2 │ line 2',
        '     │ ^^^^^^',
        '>  3 │ line 3',
        '     │ ^^^^^^',
        '>  4 │ line 4',
        '     │ ^^^^^^',
        '     ⋮',
        '>  9 │ line 9',
        '     │ ^^^^^^',
        '> 10 │ line 10',
        '     │ ^^^^^^^',
        '  11 │ line 11',
      ].join('\n'),
    );
  });

  test('empty span and empty text get one caret', () => {
    assert.equal(renderCodeFrame('', { start: 0, end: 0 }), ['> 1 │', '    │ ^'].join('\n'));
    assert.equal(renderCodeFrame('ab\ncd', { start: 5, end: 5 }), ['  1 │ ab', '> 2 │ cd', '    │   ^'].join('\n'));
  });

  test('a span ending with a line break does not mark the next line', () => {
    assert.equal(renderCodeFrame('ab\ncd\nef', { start: 3, end: 6 }, { contextLines: 0 }), ['> 2 │ cd', '    │ ^^'].join('\n'));
  });

  test('CRLF text', () => {
    const text = '{\r\n  "ExternalId": "x"\r\n}\r\n';
    const start = text.indexOf('"x"');
    assert.equal(renderCodeFrame(text, { start, end: start + 3 }), ['  1 │ {', '> 2 │   "ExternalId": "x"', '    │                 ^^^', '  3 │ }'].join('\n'));
  });

  test('tabs, wide characters and control characters keep carets aligned', () => {
    const text = '{"a":"\t😀中x\u001b[31m"}';
    assert.equal(renderCodeFrame(text, { start: 9, end: 11 }), ['> 1 │ {"a":"\t😀中x\u241b[31m"}', '    │       \t  ^^^'].join('\n'));
  });

  test('long lines scroll to the span', () => {
    const text = `{"RoleSessionName": "${'x'.repeat(300)} y${'z'.repeat(100)}"}`;
    const at = text.indexOf(' y');
    const frame = renderCodeFrame(text, { start: at, end: at + 1 }, { maxWidth: 40 });
    assert.equal(frame, ['> 1 │ …xxxxxxxxxxxxx yzzzzzzzzzzzzzzzzzzzzzzzzz…', '    │               ^'].join('\n'));
  });

  test('colour wraps gutter and carets in ANSI codes only when asked', () => {
    const frame = renderCodeFrame('ab', { start: 0, end: 1 }, { color: true });
    const red = (t: string): string => `\u001b[31m\u001b[1m${t}\u001b[0m`;
    const dim = (t: string): string => `\u001b[2m${t}\u001b[0m`;
    assert.equal(frame, [`${red('>')} ${dim('1')} ${dim('│')} ab`, `    ${dim('│')} ${red('^')}`].join('\n'));
    assert.ok(!renderCodeFrame('ab', { start: 0, end: 1 }).includes('\u001b'));
  });

  test('never throws on spans outside the text', () => {
    assert.equal(renderCodeFrame('ab', { start: 10, end: -3 }), ['> 1 │ ab', '    │ ^^'].join('\n'));
  });
});

describe('terminal helpers', () => {
  test('sanitizeForTerminal replaces controls and bidi overrides', () => {
    assert.equal(sanitizeForTerminal('a\u001b[2Jb\u0007\u007f\u009b\u202ec\td'), 'a\u241b[2Jb\u2407\u2421\ufffd\ufffdc\td');
  });

  test('displayWidth counts wide and zero-width characters', () => {
    assert.equal(displayWidth('abc'), 3);
    assert.equal(displayWidth('中文'), 4);
    assert.equal(displayWidth('😀'), 2);
    assert.equal(displayWidth('e\u0301'), 1);
  });
});
