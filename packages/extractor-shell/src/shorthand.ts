/**
 * The AWS CLI's shorthand syntax for list-of-structure flags: `--tags Key=team,Value=infra
 * Key=env,Value=prod`, `--policy-arns arn=arn:aws:iam::aws:policy/ReadOnlyAccess`. Hand-written
 * because no JavaScript library implements the CLI's grammar (`awscli/shorthand.py`): comma-
 * separated `key=value` pairs, where a value may be quoted ("…" or '…', as the CLI allows) and a
 * comma not followed by `key=` belongs to the value. Works on decoded words (`Chars`), so every
 * key and value keeps its file positions and `$VAR` holes stay holes.
 */
import type { ObjectEntry, ObjectNode, Span } from '@rolecall/core';
import { valueOf, type Chars } from './words.js';

const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*=/;

/** One `Key=a,Value=b` word as an object; undefined when the word is not shorthand. */
export function parseStructure(chars: Chars): ObjectNode | undefined {
  const text = chars.text;
  if (!KEY.test(text)) return undefined;
  const entries: ObjectEntry[] = [];
  let i = 0;
  while (i < text.length) {
    const key = KEY.exec(text.slice(i));
    if (key === null) return undefined;
    const keyStart = i;
    const keyEnd = i + key[0].length - 1;
    let start = keyEnd + 1;
    let end: number;
    let next: number;
    const quote = text[start];
    if (quote === '"' || quote === "'") {
      const close = text.indexOf(quote, start + 1);
      if (close < 0) return undefined;
      start += 1;
      end = close;
      next = close + 1;
      if (next < text.length && text[next] !== ',') return undefined;
    } else {
      // The value runs to the next comma that starts another `key=`.
      end = start;
      while (end < text.length && !(text[end] === ',' && KEY.test(text.slice(end + 1)))) end++;
      next = end;
    }
    const keySpan: Span = { start: chars.table[keyStart] as number, end: chars.table[keyEnd] as number };
    entries.push({ key: text.slice(keyStart, keyEnd), keySpan, value: valueOf(chars, start, end) });
    i = next + 1;
  }
  return { kind: 'object', span: chars.span, entries };
}
