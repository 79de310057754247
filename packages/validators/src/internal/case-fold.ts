/**
 * Linear-time duplicate detection under `equalsIgnoreCase` (Java's per-UTF-16-unit rule, see text.ts).
 *
 * Comparing every pair is quadratic: 50,000 tag keys took minutes. Instead each key gets a fold key such that
 * `equalsIgnoreCase(a, b)` implies `fold(a) === fold(b)`; keys are bucketed by fold key and compared exactly
 * (`equalsIgnoreCase`) only inside a bucket, so the answer is the pairwise one.
 *
 * ASCII units fold to lower case. A non-ASCII unit folds to the representative of its class in a union-find over
 * the unit and its one-unit upper- and lower-case forms: two units equal under Java's rule share an upper or a lower
 * form, so they end up in one class. Classes are built over all keys first, then the fold keys are computed, so no
 * key is folded against a class that later grows. Hand-written: no library offers Java's equalsIgnoreCase classes.
 */
import { equalsIgnoreCase } from './text.js';

class UnitClasses {
  readonly #parent = new Map<string, string>();

  find(x: string): string {
    let root = x;
    for (let p = this.#parent.get(root); p !== undefined && p !== root; p = this.#parent.get(root)) root = p;
    // Path compression keeps later finds near constant.
    for (let node = x; node !== root; ) {
      const next = this.#parent.get(node) as string;
      this.#parent.set(node, root);
      node = next;
    }
    if (!this.#parent.has(root)) this.#parent.set(root, root);
    return root;
  }

  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.#parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }

  add(unit: string): void {
    this.union(unit, unit.toUpperCase());
    this.union(unit, unit.toLowerCase());
  }
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * A fold function for a batch of strings. All ASCII: lower case. Otherwise every unit (ASCII too, since "k" and
 * KELVIN SIGN are equal under the rule) folds to its class representative, classes built over the whole batch.
 */
function folder(batch: readonly string[]): (s: string) => string {
  if (batch.every(isAscii)) return (s) => s.toLowerCase();
  const classes = new UnitClasses();
  for (const s of batch) for (let i = 0; i < s.length; i++) classes.add(s.charAt(i));
  return (s) => {
    let out = '';
    // A separator after each unit's representative, so representatives never run together into another fold.
    for (let i = 0; i < s.length; i++) out += `${classes.find(s.charAt(i))}\u0000`;
    return out;
  };
}

/**
 * For each key, the index (into `keys`) of the first earlier key equal to it under `equalsIgnoreCase`, or -1.
 * Linear in the total length of the keys.
 */
export function firstEqualIgnoringCase(keys: readonly string[]): Int32Array {
  if (keys.every(isAscii)) return firstEqualAscii(keys);
  const fold = folder(keys);
  const buckets = new Map<string, number[]>();
  const out = new Int32Array(keys.length).fill(-1);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const f = fold(key);
    const bucket = buckets.get(f);
    if (bucket === undefined) {
      buckets.set(f, [i]);
      continue;
    }
    // A bucket holds only keys unequal to each other: one, short of contrived non-ASCII input.
    const first = bucket.find((j) => equalsIgnoreCase(keys[j] as string, key));
    if (first === undefined) bucket.push(i);
    else out[i] = first;
  }
  return out;
}

/**
 * All ASCII: equalsIgnoreCase is equality after lower-casing, so a bucket never holds two keys and a map from the
 * lower-cased key to its first index decides (no bucket arrays, no pairwise comparison).
 */
function firstEqualAscii(keys: readonly string[]): Int32Array {
  const first = new Map<string, number>();
  const out = new Int32Array(keys.length).fill(-1);
  for (let i = 0; i < keys.length; i++) {
    const f = (keys[i] as string).toLowerCase();
    const j = first.get(f);
    if (j === undefined) first.set(f, i);
    else out[i] = j;
  }
  return out;
}

/** Keys answering "is there a key equal to this one, ignoring case?" in constant time per query. */
export class CaseInsensitiveSet {
  readonly #keys: readonly string[];
  readonly #buckets = new Map<string, number[]>();
  readonly #fold: (s: string) => string;

  /** Every later query must be among `queries` (its units take part in the fold classes). */
  constructor(keys: readonly string[], queries: readonly string[]) {
    this.#keys = keys;
    this.#fold = folder(queries.length === 0 ? keys : [...keys, ...queries]);
    keys.forEach((key, i) => {
      const f = this.#fold(key);
      const bucket = this.#buckets.get(f);
      if (bucket === undefined) this.#buckets.set(f, [i]);
      // Only keys unequal to each other are kept, so a bucket stays short however often a key repeats.
      else if (!bucket.some((j) => equalsIgnoreCase(keys[j] as string, key))) bucket.push(i);
    });
  }

  /** The first key equal to `key` ignoring case, or undefined. */
  find(key: string): string | undefined {
    const bucket = this.#buckets.get(this.#fold(key));
    const i = bucket?.find((j) => equalsIgnoreCase(this.#keys[j] as string, key));
    return i === undefined ? undefined : this.#keys[i];
  }
}
