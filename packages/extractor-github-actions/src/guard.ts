/**
 * Limits in front of and behind the YAML parser, for hostile files (parsers.md §2.4, §2.5):
 * - size: see `MAX_FILE_CHARS`;
 * - nesting: yaml recurses per flow level and overflows the stack near 20,000 `[`; a second such
 *   overflow in one process has aborted V8. So the raw text is scanned first (one pass) and a file
 *   nested deeper than `MAX_DEPTH` is not parsed.
 * - aliases: `parseDocument` never expands them, and this extractor resolves one alias at a time
 *   where a value is read; `aliasExpansion` still measures what a full expansion would hold so a
 *   "billion laughs" file gets a diagnostic instead of silence.
 * Hand-written: yaml has no depth option, and its `maxAliasCount` applies only to `toJS()`.
 */
import type { Node as YamlNode } from 'yaml';

/** Deeper than any real workflow (they nest under 20 levels) and far below a stack overflow. */
export const MAX_DEPTH = 256;
/** Nodes a full alias expansion may add before the file counts as an alias bomb. */
export const MAX_EXPANDED_NODES = 100_000;
/**
 * Characters read at most: yaml parses about 1–2.5 MB/s, and no workflow or action file comes
 * near this size, so a larger file is reported instead of holding a worker for seconds.
 */
export const MAX_FILE_CHARS = 1_000_000;

/**
 * The offset where flow nesting (`[`, `{`) or block indentation first goes deeper than
 * `MAX_DEPTH`, or -1. Quoted strings and comments are skipped; block indentation counts columns
 * (a level is at least one column, so `MAX_DEPTH` columns bound the levels).
 */
export function excessiveNesting(text: string): number {
  let depth = 0;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      if (c === 0x20 || c === 0x2d /* "- " sequence entries nest too */) {
        indent++;
        if (indent > MAX_DEPTH * 4) return i;
        continue;
      }
      lineStart = false;
    }
    if (c === 0x23 && (i === 0 || text.charCodeAt(i - 1) === 0x20 || text.charCodeAt(i - 1) === 0x09)) {
      while (i + 1 < text.length && text.charCodeAt(i + 1) !== 0x0a) i++;
    } else if (c === 0x22 || c === 0x27) {
      // A quoted scalar: skip to its end on this line (multi-line quotes hold no structure anyway).
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (c === 0x22 && d === 0x5c) i++;
        else if (d === c || d === 0x0a) break;
      }
      if (text.charCodeAt(i) === 0x0a) i--;
    } else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > MAX_DEPTH) return i;
    } else if (c === 0x5d || c === 0x7d) {
      depth = Math.max(0, depth - 1);
    }
  }
  return -1;
}

type Yaml = typeof import('yaml');

/**
 * How many nodes alias expansion would add to the document: the size with every alias expanded
 * minus the size as written, counted with a memo per node (linear in the document; sizes are
 * floats, so even an absurd expansion is a finite or infinite number, never a loop).
 */
export function aliasExpansion(yaml: Yaml, root: YamlNode | null, doc: import('yaml').Document): number {
  const memo = new Map<unknown, number>();
  let written = 0;
  const size = (node: unknown, depth: number): number => {
    if (node === null || node === undefined || depth > MAX_DEPTH * 4) return 1;
    const known = memo.get(node);
    if (known !== undefined) return known;
    memo.set(node, 1); // a self-referencing alias counts once
    written++;
    let n = 1;
    if (yaml.isAlias(node)) n += size(node.resolve(doc), depth + 1);
    else if (yaml.isMap(node) || yaml.isSeq(node)) {
      for (const item of node.items as unknown[]) {
        if (yaml.isPair(item)) n += size(item.key, depth + 1) + size(item.value, depth + 1);
        else n += size(item, depth + 1);
      }
    }
    memo.set(node, n);
    return n;
  };
  return size(root, 0) - written;
}
