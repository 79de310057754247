/**
 * Offsets for JS/TS string literals and template chunks whose decoded text is not laid out 1:1 in
 * the file (`'a\'b'`, `"\u00e9"`, a `\` line continuation). ESTree gives the decoded value and the
 * raw text but no per-character map, and no library builds one, so the scan is written here. The
 * decoded text is checked against the parser's own value; on any disagreement the caller drops the
 * map and the whole literal is reported instead.
 */

/**
 * Decodes `raw` (the text between the delimiters, starting at file offset `base`) and returns the
 * file offset of every decoded UTF-16 unit plus one past the end, or undefined when the text is
 * plain (no backslash: index i is at `base + i`).
 */
export function decodeOffsets(raw: string, base: number, expected: string): number[] | undefined {
  if (!raw.includes('\\') && !raw.includes('\r')) return undefined;
  const table: number[] = [];
  let value = '';
  let i = 0;
  const push = (text: string, at: number): void => {
    for (let k = 0; k < text.length; k++) table.push(at);
    value += text;
  };
  while (i < raw.length) {
    const ch = raw[i]!;
    if (ch === '\r') {
      // Template chunks normalise CR LF and CR to LF.
      push('\n', base + i);
      i += raw[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    if (ch !== '\\') {
      push(ch, base + i);
      i++;
      continue;
    }
    const at = base + i;
    const next = raw[i + 1] ?? '';
    i += 2;
    switch (next) {
      case 'n':
        push('\n', at);
        break;
      case 't':
        push('\t', at);
        break;
      case 'r':
        push('\r', at);
        break;
      case 'b':
        push('\b', at);
        break;
      case 'f':
        push('\f', at);
        break;
      case 'v':
        push('\v', at);
        break;
      case '0':
        push('\0', at);
        break;
      case 'x': {
        push(String.fromCharCode(parseInt(raw.slice(i, i + 2), 16)), at);
        i += 2;
        break;
      }
      case 'u': {
        if (raw[i] === '{') {
          const close = raw.indexOf('}', i);
          push(String.fromCodePoint(parseInt(raw.slice(i + 1, close), 16)), at);
          i = close + 1;
        } else {
          push(String.fromCharCode(parseInt(raw.slice(i, i + 4), 16)), at);
          i += 4;
        }
        break;
      }
      case '\r':
        if (raw[i] === '\n') i++;
        break;
      case '\n':
      case '\u2028':
      case '\u2029':
        break;
      default:
        push(next, at);
    }
  }
  table.push(base + raw.length);
  return value === expected ? table : undefined;
}
