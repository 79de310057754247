/**
 * A nesting guard run before any parser. yaml and jsonc-parser recurse once per level: 20,000 nested
 * `[` overflow the stack, and in a process that already caught one overflow a second deep YAML
 * document aborted V8 outright (parsers.md §2.5); yaml overflowed at about 320 levels with a smaller stack (measured with --stack-size=400). So depth is measured on the raw text first, in
 * one linear pass, and deeper files are refused with a finding. Real templates nest about 15 levels.
 *
 * Two measures: flow nesting (`[`/`{` outside quotes and comments, exact for JSON and YAML flow
 * style) and, for YAML block style, the indentation column plus two columns per leading `- `/`? `
 * marker (block nesting cannot go deeper than that column). Hand-written: no parser exposes a limit.
 */

/** Refused beyond this many flow levels. */
export const MAX_FLOW_DEPTH = 128;
/** Refused beyond this block-style column (each level needs at least one column). */
export const MAX_BLOCK_COLUMN = 256;

/** Offset where a limit is first passed, or -1. */
export function findExcessiveNesting(text: string, yaml: boolean): number {
  let depth = 0;
  let lineStart = true;
  let column = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x0a || ch === 0x0d) {
      lineStart = true;
      column = 0;
      continue;
    }
    if (yaml && lineStart) {
      if (ch === 0x20) {
        column++;
        if (column > MAX_BLOCK_COLUMN) return i;
        continue;
      }
      if ((ch === 0x2d || ch === 0x3f) && text.charCodeAt(i + 1) === 0x20) {
        column += 2;
        if (column > MAX_BLOCK_COLUMN) return i;
        i++;
        continue;
      }
      lineStart = false;
    }
    if (ch === 0x22 || (yaml && ch === 0x27)) {
      // Skip a quoted string on this line (an unterminated one ends at the line).
      for (i++; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x5c && ch === 0x22) i++;
        else if (c === ch || c === 0x0a || c === 0x0d) break;
      }
      if (text.charCodeAt(i) === 0x0a || text.charCodeAt(i) === 0x0d) i--;
    } else if (yaml && ch === 0x23) {
      while (i + 1 < text.length && text.charCodeAt(i + 1) !== 0x0a && text.charCodeAt(i + 1) !== 0x0d) i++;
    } else if (ch === 0x5b || ch === 0x7b) {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if (ch === 0x5d || ch === 0x7d) {
      depth = Math.max(0, depth - 1);
    }
  }
  return -1;
}
