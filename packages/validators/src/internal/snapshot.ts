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

function unreadable(segments: readonly (string | number)[], e: unknown): UnreadableError {
  return e instanceof UnreadableError ? e : new UnreadableError(segments, safeErrorText(e));
}

/*
 * Written for the detailed pass's speed as much as for safety: no closure per read, and a child's path is built
 * only when the child is itself an object or an error needs it (a copy of 50 tags built 150 paths and 100 closures
 * before). A key that Object.prototype does not have is assigned plainly; others ("__proto__", "constructor", or
 * anything a polluted prototype adds) are defined, so no setter runs and no prototype changes.
 */

/** Plain-data copy of `value`; throws UnreadableError (only) with the path of the part that could not be read. */
export function snapshot(value: unknown, segments: readonly (string | number)[] = [], depth = 0): unknown {
  if (typeof value !== 'object' || value === null) return value;
  let isArray: boolean;
  try {
    isArray = Array.isArray(value);
  } catch (e) {
    throw unreadable(segments, e);
  }
  if (depth >= MAX_DEPTH) return isArray ? [] : {};
  if (isArray) {
    const arr = value as unknown[];
    let length: number;
    try {
      length = arr.length;
    } catch (e) {
      throw unreadable(segments, e);
    }
    if (!Number.isSafeInteger(length) || length < 0 || length > MAX_ARRAY_LENGTH) {
      throw new UnreadableError(
        segments,
        `an array of ${String(length)} items is longer than the ${MAX_ARRAY_LENGTH} rolecall checks item by item, so its items were not checked`,
        Number.isSafeInteger(length) ? length : undefined,
      );
    }
    const out: unknown[] = new Array<unknown>(length);
    for (let i = 0; i < length; i++) {
      let v: unknown;
      try {
        v = arr[i];
      } catch (e) {
        throw unreadable([...segments, i], e);
      }
      out[i] = typeof v === 'object' && v !== null ? snapshot(v, [...segments, i], depth + 1) : v;
    }
    return out;
  }
  const obj = value as Record<string, unknown>;
  const keys: string[] = [];
  try {
    // for…in, like ajv's additionalProperties check and the SDK's own property reads, sees inherited keys too.
    for (const key in obj) keys.push(key);
  } catch (e) {
    throw unreadable(segments, e);
  }
  const out: Record<string, unknown> = {};
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as string;
    let v: unknown;
    try {
      v = obj[key];
    } catch (e) {
      throw unreadable([...segments, key], e);
    }
    const copy = typeof v === 'object' && v !== null ? snapshot(v, [...segments, key], depth + 1) : v;
    if (key in out) Object.defineProperty(out, key, { value: copy, enumerable: true, writable: true, configurable: true });
    else out[key] = copy;
  }
  return out;
}
