/**
 * Bounded memory of texts a pure check found clean, for the fast path: an input validated again (the SDK plugin on
 * every credential refresh, a linter meeting the same role ARN or policy in many files) skips the check. Only
 * "clean" is remembered, and only for checks whose verdict depends on the text alone, so a hit can never hide a
 * finding: `has` is true only for a text equal (`===`) to one added.
 *
 * A direct-mapped table, not a Set: a Set hashes the whole text on every miss and reallocates as it fills, which made
 * a call with a new role ARN a third slower than with no memory at all. Here a text's slot comes from its length and
 * three of its units (ARNs and policies differ mostly near the end and the middle), a miss costs one string
 * comparison that stops at the first difference, and a new text simply replaces the one in its slot.
 */
export class CleanMemo {
  private readonly slots: (string | undefined)[];
  private readonly mask: number;

  /** `size`: slots, a power of two; texts longer than `maxText` are not remembered. */
  constructor(
    size: number,
    private readonly maxText: number,
  ) {
    if (size < 1 || (size & (size - 1)) !== 0) throw new Error(`memo size ${size} is not a power of two`);
    this.slots = new Array<string | undefined>(size).fill(undefined);
    this.mask = size - 1;
    ALL.push(this);
  }

  private slot(text: string): number {
    const n = text.length;
    if (n === 0) return 0;
    let h = Math.imul(n, 0x9e3779b1) ^ text.charCodeAt(n - 1);
    h = Math.imul(h ^ (h >>> 15), 0x85ebca6b) ^ text.charCodeAt(n >> 1);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) ^ text.charCodeAt((n * 3) >> 2);
    return (h ^ (h >>> 16)) & this.mask;
  }

  /** True when `text` is remembered, or `isClean(text)` (then `text` is remembered); one slot computation. */
  clean(text: string, isClean: (text: string) => boolean): boolean {
    const slot = this.slot(text);
    if (this.slots[slot] === text) return true;
    if (!isClean(text)) return false;
    if (text.length <= this.maxText) this.slots[slot] = text;
    return true;
  }

  has(text: string): boolean {
    return this.slots[this.slot(text)] === text;
  }

  add(text: string): void {
    if (text.length <= this.maxText) this.slots[this.slot(text)] = text;
  }

  clear(): void {
    this.slots.fill(undefined);
  }
}

const ALL: CleanMemo[] = [];

/** Test and benchmark hook: forget every remembered verdict. */
export function clearMemos(): void {
  for (const m of ALL) m.clear();
}
