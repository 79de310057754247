/*
 * FNV-1a (64-bit) over the UTF-8 bytes of the parts. Not a cryptographic hash, and it does not
 * need to be: a fingerprint only has to be stable and well spread so code-scanning alerts and
 * baselines survive edits. A hand-written FNV keeps core free of dependencies and synchronous in
 * every runtime (Web Crypto's digest is async; node:crypto is not available in a browser).
 */

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;

function utf8Bytes(text: string, out: number[]): void {
  for (const char of text) {
    const cp = char.codePointAt(0) as number;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
}

/** 16 lowercase hex digits of the 64-bit FNV-1a hash of a string's UTF-8 bytes. */
export function fnv1a64(text: string): string {
  const bytes: number[] = [];
  utf8Bytes(text, bytes);
  let hash = FNV_OFFSET;
  for (const byte of bytes) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & MASK_64;
  }
  return hash.toString(16).padStart(16, '0');
}

/**
 * Stable fingerprint of a finding: rule id, file, call id, request path and message id joined by
 * NUL (which none of them can contain ambiguously). Never line numbers, so findings keep their
 * fingerprint when lines above them move.
 */
export function fingerprintOf(parts: {
  readonly ruleId: string;
  readonly file: string;
  readonly callId?: string;
  readonly path?: string;
  readonly messageId: string;
}): string {
  return fnv1a64([parts.ruleId, parts.file, parts.callId ?? '', parts.path ?? '', parts.messageId].join('\u0000'));
}
