import { editDistance } from '@rolecall/core';

/** Levenshtein distance, capped (core's, shared with the extractors' "did you mean"). */
export { editDistance };

/**
 * The candidate closest to `word` within an edit distance of 2, or 1 for words of up to 5
 * characters (so `min` is not taken for `max`); ties go to the first in sorted order.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = word.length <= 5 ? 2 : 3;
  for (const candidate of [...candidates].sort()) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** `1234567` → `1,234,567` (fixed locale so output is the same on every machine). */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
