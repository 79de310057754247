/**
 * Bounds checked before parsing. tree-sitter's parser is iterative, but its wasm heap grows with
 * the tree and never shrinks (parsers.md §1.3: one 5 MB file left ~460 MB resident), and our own
 * value walk recurses; so a file above `MAX_FILE_CHARS` or nesting deeper than `MAX_NESTING` is
 * reported and not parsed. Measured on the 2-core CI machine under load: 1 MiB of provider blocks
 * (11,781 calls) took 2.2 s to parse and 5.2 s to extract at 311 MB RSS; 4 MiB took 13 s and
 * 870 MB, hence the 1 MiB cap. Real Terraform files are far below both limits (real nesting is
 * under 15 levels; a generated 1 MiB .tf file is already unusual).
 */
import type { ExtractionProblem } from '@rolecall/core';

export const MAX_FILE_CHARS = 1024 * 1024;
export const MAX_NESTING = 256;

/** Where brackets first nest deeper than `MAX_NESTING` (ignoring quoted strings and comments); -1 if never. */
function excessiveNesting(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22) {
      for (i++; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x5c) i++;
        else if (c === 0x22 || c === 0x0a) break;
      }
    } else if (ch === 0x23 || (ch === 0x2f && text.charCodeAt(i + 1) === 0x2f)) {
      while (i < text.length && text.charCodeAt(i) !== 0x0a) i++;
    } else if (ch === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 1;
    } else if (ch === 0x7b || ch === 0x5b || ch === 0x28) {
      if (++depth > MAX_NESTING) return i;
    } else if (ch === 0x7d || ch === 0x5d || ch === 0x29) {
      depth = Math.max(0, depth - 1);
    }
  }
  return -1;
}

export function preflight(text: string): ExtractionProblem | undefined {
  if (text.length > MAX_FILE_CHARS) {
    return {
      message: `File not checked: ${text.length} characters is more than the ${MAX_FILE_CHARS} rolecall parses in one Terraform file.`,
      span: { start: 0, end: 0 },
    };
  }
  const deep = excessiveNesting(text);
  if (deep >= 0) return { message: `File not checked: brackets nest deeper than ${MAX_NESTING} levels here.`, span: { start: deep, end: deep + 1 } };
  return undefined;
}
