/**
 * "Did you mean" for names the user made up or misspelt: an input of a GitHub action
 * (`role-duration` → `role-duration-seconds`), a flag of an AWS CLI command (`--session-duration` →
 * `--duration-seconds`). Plain edit distance misses these (the real name is much longer), so a
 * close spelling wins first and shared hyphen-separated words decide otherwise. Hand-written: no
 * library in the tree ranks candidates this way, and the CLI's `closest` is edit distance only.
 */

/** Levenshtein distance, stopping at `cap` (cheap on long candidates). */
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

const words = (name: string): string[] => name.toLowerCase().split(/[-_.\s]+/).filter((w) => w.length > 0);

/**
 * The candidate nearest to `name`: the one within edit distance 2 (1 for names of up to 5
 * characters), else the one sharing the most hyphen-separated words (at least one that is not a
 * generic `role`/`aws` or shorter than three letters), ties to the shorter then the first in order; undefined when none is near.
 */
export function nearestName(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = lower.length <= 5 ? 2 : 3;
  for (const candidate of candidates) {
    const d = editDistance(lower, candidate.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best !== undefined) return best;
  const own = new Set(words(name).filter((w) => w.length >= 3 && w !== 'role' && w !== 'aws'));
  let bestShared = 0;
  for (const candidate of candidates) {
    const shared = words(candidate).filter((w) => own.has(w)).length;
    if (shared > bestShared || (shared === bestShared && shared > 0 && best !== undefined && candidate.length < best.length)) {
      best = candidate;
      bestShared = shared;
    }
  }
  return best;
}
