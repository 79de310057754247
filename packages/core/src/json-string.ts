import { offsetMap, type OffsetMap } from './call.js';

/**
 * Shared by every extractor that reads JSON with jsonc-parser (input JSON files, CloudFormation
 * JSON templates), so the escape-aware map is written once.
 *
 * Decodes the raw text of a JSON string token and records, for every UTF-16 unit of the decoded
 * value, the file offset of the character or escape that produced it (parsers.md §3.2).
 *
 * jsonc-parser gives the decoded value but no such map, and no library offers one, so this is
 * hand-written. It mirrors jsonc-parser 3.3's scanner exactly (including its recovery: an unknown
 * escape such as `\x` and a short `\u12` produce nothing), so the decoded string always equals the
 * parser's own `value`; the extractor checks that and drops the map if they ever disagree.
 *
 * @param text   the whole file text
 * @param start  offset of the opening quote
 * @param end    offset just past the token (the closing quote, or the end of an unterminated string)
 */
export function decodeJsonString(text: string, start: number, end: number): { value: string; offsets: number[] } {
  const offsets: number[] = [];
  let value = '';
  let pos = start + 1;
  // The token ends at its closing quote, or (unterminated) at `end`.
  let stop = end;
  while (pos < stop) {
    const ch = text.charCodeAt(pos);
    if (ch === 0x22) {
      stop = pos;
      break;
    }
    if (ch !== 0x5c) {
      value += text[pos];
      offsets.push(pos);
      pos++;
      continue;
    }
    const escapeStart = pos;
    pos++;
    if (pos >= stop) break;
    const ch2 = text.charCodeAt(pos++);
    let decoded: string | undefined;
    switch (ch2) {
      case 0x22:
        decoded = '"';
        break;
      case 0x5c:
        decoded = '\\';
        break;
      case 0x2f:
        decoded = '/';
        break;
      case 0x62:
        decoded = '\b';
        break;
      case 0x66:
        decoded = '\f';
        break;
      case 0x6e:
        decoded = '\n';
        break;
      case 0x72:
        decoded = '\r';
        break;
      case 0x74:
        decoded = '\t';
        break;
      case 0x75: {
        let digits = 0;
        let code = 0;
        while (digits < 4 && pos < stop) {
          const h = hexValue(text.charCodeAt(pos));
          if (h < 0) break;
          code = code * 16 + h;
          pos++;
          digits++;
        }
        if (digits === 4) decoded = String.fromCharCode(code);
        break;
      }
      default:
        break;
    }
    if (decoded !== undefined) {
      value += decoded;
      offsets.push(escapeStart);
    }
  }
  offsets.push(stop);
  return { value, offsets };
}

function hexValue(ch: number): number {
  if (ch >= 0x30 && ch <= 0x39) return ch - 0x30;
  if (ch >= 0x41 && ch <= 0x46) return ch - 0x41 + 10;
  if (ch >= 0x61 && ch <= 0x66) return ch - 0x61 + 10;
  return -1;
}

/** An `OffsetMap` over a recorded table (plain data, so it survives structured cloning). */
export function tableOffsetMap(offsets: readonly number[]): OffsetMap {
  return offsetMap(Uint32Array.from(offsets));
}

/**
 * Readable names for jsonc-parser's error codes (`printParseErrorCode`), in the words of a JSON
 * user; each JSON extractor words `InvalidCommentToken` for its own file kind.
 */
export const JSON_SYNTAX_MESSAGES: Readonly<Record<string, string>> = {
  InvalidSymbol: 'Invalid symbol in JSON.',
  InvalidNumberFormat: 'Invalid number format.',
  PropertyNameExpected: 'Expected a property name in double quotes.',
  ValueExpected: 'Expected a value.',
  ColonExpected: 'Expected a colon after the property name.',
  CommaExpected: 'Expected a comma.',
  CloseBraceExpected: 'Expected a closing brace.',
  CloseBracketExpected: 'Expected a closing bracket.',
  EndOfFileExpected: 'Expected the end of the file after the JSON value.',
  InvalidCommentToken: 'Comments are not allowed in JSON.',
  UnexpectedEndOfComment: 'Unterminated block comment.',
  UnexpectedEndOfString: 'Unterminated string.',
  UnexpectedEndOfNumber: 'Unexpected end of number.',
  InvalidUnicode: 'Invalid \\u escape: expected four hexadecimal digits.',
  InvalidEscapeCharacter: 'Invalid escape sequence in string.',
  InvalidCharacter: 'Control characters must be escaped inside JSON strings.',
};
