/** Levenshtein distance, capped: no library in the tree offers it and "did you mean" needs only this. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return Math.min(previous[b.length]!, cap);
}

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
