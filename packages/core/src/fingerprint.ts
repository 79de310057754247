/*
 * FNV-1a (64-bit) over the UTF-8 bytes of the parts. Not a cryptographic hash, and it does not
 * need to be: a fingerprint only has to be stable and well spread so code-scanning alerts and
 * baselines survive edits. A hand-written FNV keeps core free of dependencies and synchronous in
 * every runtime (Web Crypto's digest is async; node:crypto is not available in a browser).
 */

/**
 * The 64-bit state as four 16-bit limbs (h0 lowest), so the multiply by the FNV prime (2^40 + 0x1b3) runs on
 * plain numbers: BigInt arithmetic made fingerprints most of a lint run's time at 400,000 findings.
 */
function hashBytes(text: string): string {
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  const step = (byte: number): void => {
    h0 ^= byte;
    const t0 = h0 * 0x1b3;
    let t1 = h1 * 0x1b3;
    let t2 = h2 * 0x1b3 + (h0 << 8);
    const t3 = h3 * 0x1b3 + (h1 << 8);
    t1 += t0 >>> 16;
    h0 = t0 & 0xffff;
    t2 += t1 >>> 16;
    h1 = t1 & 0xffff;
    h3 = (t3 + (t2 >>> 16)) & 0xffff;
    h2 = t2 & 0xffff;
  };
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    // UTF-8 bytes of the code point (a lone surrogate is encoded as itself, as `for…of` + codePointAt did).
    if (cp < 0x80) step(cp);
    else if (cp < 0x800) {
      step(0xc0 | (cp >> 6));
      step(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      step(0xe0 | (cp >> 12));
      step(0x80 | ((cp >> 6) & 0x3f));
      step(0x80 | (cp & 0x3f));
    } else {
      step(0xf0 | (cp >> 18));
      step(0x80 | ((cp >> 12) & 0x3f));
      step(0x80 | ((cp >> 6) & 0x3f));
      step(0x80 | (cp & 0x3f));
    }
  }
  const hex = (n: number): string => n.toString(16).padStart(4, '0');
  return hex(h3) + hex(h2) + hex(h1) + hex(h0);
}

/** 16 lowercase hex digits of the 64-bit FNV-1a hash of a string's UTF-8 bytes. */
export function fnv1a64(text: string): string {
  return hashBytes(text);
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
