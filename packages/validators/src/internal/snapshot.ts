/**
 * Copies a caller's value into plain data before the detailed checks run, so getters that throw, Proxy traps,
 * revoked proxies and cyclic structures cannot make a validator throw or loop. The STS request shapes are at most
 * two levels deep below a member (Tags[i].Key), so anything deeper is replaced by an empty array/object of the same
 * kind: it is a type error either way, and the copy stays finite for cyclic input.
 */
import { safeErrorText } from './context.js';

const MAX_DEPTH = 3;
/**
 * Longer arrays (a Proxy reporting a huge length) are not walked element by element. Every check is linear, so the
 * cap only bounds memory: it is above the item count of any file rolecall reads by default (4 MiB holds at most
 * about 2.1 million items), so nothing a user wrote there is skipped. A longer array is reported as not checked,
 * together with its item count against STS's limit (which the count alone already exceeds).
 */
export const MAX_ARRAY_LENGTH = 4_194_304;

export class UnreadableError {
  constructor(
    readonly segments: readonly (string | number)[],
    readonly reason: string,
    /** For an array too long to walk: its length. */
    readonly length?: number,
  ) {}
}

function guard<T>(segments: readonly (string | number)[], f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof UnreadableError) throw e;
    throw new UnreadableError(segments, safeErrorText(e));
  }
}

/** Plain-data copy of `value`; throws UnreadableError (only) with the path of the part that could not be read. */
export function snapshot(value: unknown, segments: readonly (string | number)[] = [], depth = 0): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const isArray = guard(segments, () => Array.isArray(value));
  if (depth >= MAX_DEPTH) return isArray ? [] : {};
  if (isArray) {
    const arr = value as unknown[];
    const length = guard(segments, () => arr.length);
    if (!Number.isSafeInteger(length) || length < 0 || length > MAX_ARRAY_LENGTH) {
      throw new UnreadableError(
        segments,
        `an array of ${String(length)} items is longer than the ${MAX_ARRAY_LENGTH} rolecall checks item by item, so its items were not checked`,
        Number.isSafeInteger(length) ? length : undefined,
      );
    }
    const out: unknown[] = new Array<unknown>(length);
    for (let i = 0; i < length; i++) {
      const s = [...segments, i];
      out[i] = snapshot(
        guard(s, () => arr[i]),
        s,
        depth + 1,
      );
    }
    return out;
  }
  const obj = value as Record<string, unknown>;
  const keys = guard(segments, () => {
    const k: string[] = [];
    // for…in, like ajv's additionalProperties check and the SDK's own property reads, sees inherited keys too.
    for (const key in obj) k.push(key);
    return k;
  });
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const s = [...segments, key];
    const v = guard(s, () => obj[key]);
    Object.defineProperty(out, key, { value: snapshot(v, s, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
