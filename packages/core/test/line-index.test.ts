import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { LineIndex, locationOf } from '../src/index.js';

const pos = (index: LineIndex, offset: number): string => {
  const p = index.positionAt(offset);
  return `${p.line}:${p.column}@${p.offset}`;
};

describe('LineIndex', () => {
  test('empty text has one line and one position', () => {
    const index = new LineIndex('');
    assert.equal(index.lineCount, 1);
    assert.equal(pos(index, 0), '1:1@0');
    assert.equal(index.offsetAt(1, 1), 0);
    assert.equal(index.lineText(1), '');
  });

  test('\\n line breaks', () => {
    const index = new LineIndex('ab\ncd\n');
    assert.equal(index.lineCount, 3);
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6].map((o) => pos(index, o)), ['1:1@0', '1:2@1', '1:3@2', '2:1@3', '2:2@4', '2:3@5', '3:1@6']);
    assert.equal(index.lineText(2), 'cd');
    assert.equal(index.lineEnd(1), 2);
    assert.equal(index.lineStart(3), 6);
  });

  test('\\r\\n counts as one line break', () => {
    const index = new LineIndex('ab\r\ncd\r\n');
    assert.equal(index.lineCount, 3);
    assert.deepEqual([2, 3, 4, 5].map((o) => pos(index, o)), ['1:3@2', '1:4@3', '2:1@4', '2:2@5']);
    assert.equal(index.lineEnd(1), 2, 'line 1 ends before its \\r');
    assert.equal(index.lineText(1), 'ab');
    assert.equal(index.lineText(2), 'cd');
    assert.equal(index.offsetAt(2, 1), 4);
    assert.equal(index.offsetAt(1, 99), 2, 'a column past the line end stops before the terminator');
  });

  test('a lone \\r is a line break', () => {
    const index = new LineIndex('a\rb\r\rc');
    assert.equal(index.lineCount, 4);
    assert.deepEqual([index.lineText(1), index.lineText(2), index.lineText(3), index.lineText(4)], ['a', 'b', '', 'c']);
    assert.equal(pos(index, 2), '2:1@2');
    assert.equal(pos(index, 5), '4:1@5');
  });

  test('mixed terminators: \\n, \\r\\n, \\r', () => {
    const index = new LineIndex('a\nb\r\nc\rd');
    assert.equal(index.lineCount, 4);
    assert.deepEqual([1, 2, 3, 4].map((l) => index.lineText(l)), ['a', 'b', 'c', 'd']);
    assert.equal(pos(index, 7), '4:1@7');
  });

  test('U+2028 and U+2029 are not line breaks', () => {
    const index = new LineIndex('a\u2028b\u2029c');
    assert.equal(index.lineCount, 1);
    assert.equal(pos(index, 4), '1:5@4');
  });

  test('a BOM takes no column but keeps its offset', () => {
    const index = new LineIndex('\ufeff{"a":1}\nx');
    assert.equal(pos(index, 0), '1:1@0');
    assert.equal(pos(index, 1), '1:1@1');
    assert.equal(pos(index, 2), '1:2@2');
    assert.equal(pos(index, 8), '1:8@8');
    assert.equal(pos(index, 9), '2:1@9');
    assert.equal(index.offsetAt(1, 1), 1);
    assert.equal(index.lineStart(1), 1);
    assert.equal(index.lineText(1), '{"a":1}');
  });

  test('astral characters are two UTF-16 columns', () => {
    const index = new LineIndex('a😀b\n𝔘x');
    assert.deepEqual([0, 1, 3, 4].map((o) => pos(index, o)), ['1:1@0', '1:2@1', '1:4@3', '1:5@4']);
    assert.equal(pos(index, 7), '2:3@7');
    assert.equal(index.offsetAt(1, 4), 3);
  });

  test('spans never split a surrogate pair', () => {
    const index = new LineIndex('a😀b');
    assert.deepEqual(index.normalizeSpan({ start: 2, end: 3 }), { start: 1, end: 3 });
    assert.deepEqual(index.normalizeSpan({ start: 1, end: 2 }), { start: 1, end: 3 });
    assert.deepEqual(index.normalizeSpan({ start: 2, end: 2 }), { start: 1, end: 3 });
    assert.deepEqual(index.normalizeSpan({ start: 0, end: 4 }), { start: 0, end: 4 });
  });

  test('offsets past the end, negative or not finite are clamped', () => {
    const index = new LineIndex('ab\ncd');
    assert.equal(pos(index, 99), '2:3@5');
    assert.equal(pos(index, -4), '1:1@0');
    assert.equal(pos(index, Number.NaN), '1:1@0');
    assert.equal(pos(index, Number.POSITIVE_INFINITY), '1:1@0');
    assert.equal(pos(index, 1.7), '1:2@1');
    assert.equal(index.offsetAt(99, 1), 3, 'a line past the end clamps to the last line');
    assert.equal(index.offsetAt(0, 0), 0);
    assert.deepEqual(index.normalizeSpan({ start: 9, end: -1 }), { start: 0, end: 5 });
  });

  test('locationOf gives 1-based, end-exclusive positions', () => {
    const text = '{\n  "RoleSessionName": "a b"\n}';
    const index = new LineIndex(text);
    const start = text.indexOf('"a b"');
    assert.deepEqual(locationOf('x.json', index, { start, end: start + 5 }), {
      file: 'x.json',
      start: { line: 2, column: 22, offset: 23 },
      end: { line: 2, column: 27, offset: 28 },
    });
    assert.deepEqual(locationOf('x.json', index, { start: 28, end: 23 }).start, { line: 2, column: 22, offset: 23 }, 'reversed spans are ordered');
  });

  test('property: positionAt and offsetAt round-trip (except inside \\r\\n and on a BOM)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'é', '😀', '\n', '\r', '\r\n', '\t', '\ufeff', ' '), { maxLength: 40 }).map((parts) => parts.join('')),
        fc.nat(60),
        (text, raw) => {
          const index = new LineIndex(text);
          const offset = Math.min(raw, text.length);
          const inCrLf = text[offset] === '\n' && text[offset - 1] === '\r';
          const onBom = offset === 0 && text.charCodeAt(0) === 0xfeff;
          const p = index.positionAt(offset);
          assert.ok(p.line >= 1 && p.line <= index.lineCount && p.column >= 1);
          if (!inCrLf && !onBom) assert.equal(index.offsetAt(p.line, p.column), offset);
        },
      ),
    );
  });

  test('withText: the same line table over a text masked one code unit for one (no rescan)', () => {
    const text = '\ufeff{\r\n  "SessionToken": "s3cr3t😀",\n  "x": 1\r}';
    const masked = text.replace('s3cr3t😀', '********');
    const index = new LineIndex(text);
    const shared = index.withText(masked);
    assert.equal(shared.text, masked);
    assert.ok(shared.sharesLinesWith(index));
    assert.ok(!new LineIndex(masked).sharesLinesWith(index), 'a fresh index has its own table');
    for (let offset = 0; offset <= text.length; offset++) assert.deepEqual(shared.positionAt(offset), index.positionAt(offset));
    assert.equal(index.withText(text), index);
    assert.throws(() => index.withText(masked.slice(1)), RangeError);
    assert.throws(() => index.withText(`x${masked.slice(1)}`), RangeError, 'a BOM is part of the line table (column 1 follows it)');
  });
});
