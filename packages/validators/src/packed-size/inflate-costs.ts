/**
 * Where did the compressed bits go? Decodes a raw DEFLATE stream (RFC 1951) and charges every bit of
 * it to the output bytes it produced, so a policy's compressed size can be split exactly between its
 * statements with a single compression pass.
 *
 * Hand-written because no DEFLATE library reports per-symbol costs: fflate, pako and zlib return
 * only the bytes. Compressing every statement prefix separately would give the same split at n times
 * the cost (fflate spends ~25 µs per call on table set-up alone), which the 10,000 estimates/s target
 * does not allow. The decoder follows zlib's puff.c (canonical Huffman decoding by code length) and
 * only ever reads streams fflate produced from our own input; on anything unexpected it returns
 * `undefined` and the caller falls back to a proportional split.
 *
 * Charging rules: a literal's code bits go to its byte; a match's length, distance and extra bits are
 * spread evenly over the bytes it copies; a block's header (block type, Huffman tables, stored-block
 * length fields) and its end-of-block code are spread over the block's bytes in proportion to their
 * symbol bits; the final padding to a whole byte is spread the same way over all bytes. The charges
 * therefore add up to exactly 8 × the compressed length.
 */

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385,
  24577,
];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
/** Order in which a dynamic block lists the code lengths of the code-length alphabet. */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
const MAX_BITS = 15;

interface Huffman {
  /** Number of codes of each length 0..15. */
  readonly count: Uint16Array;
  /** Symbols ordered by code (canonical order). */
  readonly symbol: Uint16Array;
}

function huffman(size: number): Huffman {
  return { count: new Uint16Array(MAX_BITS + 1), symbol: new Uint16Array(size) };
}

/** Builds a canonical decoding table from code lengths; false if the lengths over-subscribe the code space. */
function build(h: Huffman, lengths: Uint8Array, n: number): boolean {
  const { count, symbol } = h;
  count.fill(0);
  for (let s = 0; s < n; s++) count[lengths[s] ?? 0]!++;
  if (count[0] === n) return true; // no codes: legal for an unused distance code
  let left = 1;
  for (let len = 1; len <= MAX_BITS; len++) {
    left = left * 2 - (count[len] ?? 0);
    if (left < 0) return false;
  }
  const offs = new Uint16Array(MAX_BITS + 1);
  for (let len = 1; len < MAX_BITS; len++) offs[len + 1] = (offs[len] ?? 0) + (count[len] ?? 0);
  for (let s = 0; s < n; s++) {
    const len = lengths[s] ?? 0;
    if (len !== 0) symbol[offs[len]!++] = s;
  }
  return true;
}

let fixedTables: { lit: Huffman; dist: Huffman } | undefined;
/** The fixed-code tables of RFC 1951 §3.2.6 (static data, built once). */
function fixed(): { lit: Huffman; dist: Huffman } {
  if (fixedTables) return fixedTables;
  const lengths = new Uint8Array(288);
  lengths.fill(8, 0, 144);
  lengths.fill(9, 144, 256);
  lengths.fill(7, 256, 280);
  lengths.fill(8, 280, 288);
  const lit = huffman(288);
  build(lit, lengths, 288);
  const dist = huffman(30);
  build(dist, new Uint8Array(30).fill(5), 30);
  fixedTables = { lit, dist };
  return fixedTables;
}

class Malformed extends Error {}

class BitReader {
  pos = 0;
  constructor(private readonly data: Uint8Array) {}
  bit(): number {
    const byte = this.data[this.pos >>> 3];
    if (byte === undefined) throw new Malformed('read past end');
    const b = (byte >>> (this.pos & 7)) & 1;
    this.pos++;
    return b;
  }
  bits(n: number): number {
    let v = 0;
    for (let i = 0; i < n; i++) v |= this.bit() << i;
    return v;
  }
  /** Huffman codes are packed starting with their most significant bit. */
  decode(h: Huffman): number {
    let code = 0;
    let first = 0;
    let index = 0;
    for (let len = 1; len <= MAX_BITS; len++) {
      code |= this.bit();
      const count = h.count[len] ?? 0;
      if (code - count < first) return h.symbol[index + (code - first)] ?? 0;
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    throw new Malformed('invalid Huffman code');
  }
}

export interface InflateCosts {
  /** The decompressed bytes. */
  readonly output: Uint8Array;
  /** Compressed bits charged to each output byte; the sum is 8 × the compressed length. */
  readonly bits: Float64Array;
}

/** Spreads `extra` bits over `bits[from..to)` in proportion to what each byte already carries (evenly if nothing). */
function spread(bits: Float64Array, from: number, to: number, extra: number): void {
  if (extra === 0 || to <= from) return;
  let sum = 0;
  for (let i = from; i < to; i++) sum += bits[i] ?? 0;
  if (sum > 0) {
    const f = extra / sum;
    for (let i = from; i < to; i++) bits[i] = (bits[i] ?? 0) * (1 + f);
  } else {
    const each = extra / (to - from);
    for (let i = from; i < to; i++) bits[i] = (bits[i] ?? 0) + each;
  }
}

function readDynamicTables(r: BitReader, lit: Huffman, dist: Huffman): void {
  const nlen = r.bits(5) + 257;
  const ndist = r.bits(5) + 1;
  const ncode = r.bits(4) + 4;
  if (nlen > 286 || ndist > 30) throw new Malformed('bad table counts');
  const lengths = new Uint8Array(320);
  for (let i = 0; i < ncode; i++) lengths[CODE_LENGTH_ORDER[i]!] = r.bits(3);
  const lencode = huffman(19);
  if (!build(lencode, lengths, 19)) throw new Malformed('bad code-length code');
  lengths.fill(0);
  let index = 0;
  while (index < nlen + ndist) {
    const sym = r.decode(lencode);
    if (sym < 16) {
      lengths[index++] = sym;
      continue;
    }
    let len = 0;
    let repeat: number;
    if (sym === 16) {
      if (index === 0) throw new Malformed('repeat with no previous length');
      len = lengths[index - 1] ?? 0;
      repeat = 3 + r.bits(2);
    } else if (sym === 17) repeat = 3 + r.bits(3);
    else repeat = 11 + r.bits(7);
    if (index + repeat > nlen + ndist) throw new Malformed('too many lengths');
    while (repeat--) lengths[index++] = len;
  }
  if (!build(lit, lengths, nlen)) throw new Malformed('bad literal/length code');
  if (!build(dist, lengths.subarray(nlen), ndist)) throw new Malformed('bad distance code');
}

/**
 * Decodes `data` (raw DEFLATE) that is known to expand to `expectedLength` bytes and returns the output
 * with the bits charged to each byte, or `undefined` if the stream is not what we expect.
 */
export function inflateWithCosts(data: Uint8Array, expectedLength: number): InflateCosts | undefined {
  const output = new Uint8Array(expectedLength);
  const bits = new Float64Array(expectedLength);
  const r = new BitReader(data);
  let out = 0;
  let carried = 0; // overhead of blocks that produced no output, charged to the next block
  const lit = huffman(288);
  const dist = huffman(30);
  try {
    let last = 0;
    do {
      const blockStart = r.pos;
      const blockOut = out;
      last = r.bit();
      const type = r.bits(2);
      let overhead: number;
      if (type === 0) {
        r.pos = (r.pos + 7) & ~7;
        const len = r.bits(16);
        const nlen = r.bits(16);
        if ((len ^ 0xffff) !== nlen) throw new Malformed('stored length check');
        overhead = r.pos - blockStart;
        if (out + len > expectedLength) throw new Malformed('output too long');
        for (let i = 0; i < len; i++) {
          output[out] = r.bits(8);
          bits[out++] = 8;
        }
      } else if (type === 1 || type === 2) {
        let litTable = lit;
        let distTable = dist;
        if (type === 1) ({ lit: litTable, dist: distTable } = fixed());
        else readDynamicTables(r, lit, dist);
        overhead = r.pos - blockStart;
        for (;;) {
          const symStart = r.pos;
          const sym = r.decode(litTable);
          if (sym < 256) {
            if (out >= expectedLength) throw new Malformed('output too long');
            output[out] = sym;
            bits[out++] = r.pos - symStart;
          } else if (sym === 256) {
            overhead += r.pos - symStart;
            break;
          } else {
            const li = sym - 257;
            if (li >= 29) throw new Malformed('bad length symbol');
            const length = LENGTH_BASE[li]! + r.bits(LENGTH_EXTRA[li]!);
            const di = r.decode(distTable);
            if (di >= 30) throw new Malformed('bad distance symbol');
            const distance = DIST_BASE[di]! + r.bits(DIST_EXTRA[di]!);
            if (distance > out) throw new Malformed('distance too far back');
            if (out + length > expectedLength) throw new Malformed('output too long');
            const each = (r.pos - symStart) / length;
            for (let i = 0; i < length; i++) {
              output[out] = output[out - distance]!;
              bits[out++] = each;
            }
          }
        }
      } else throw new Malformed('reserved block type');
      if (out > blockOut) {
        spread(bits, blockOut, out, overhead + carried);
        carried = 0;
      } else carried += overhead;
    } while (!last);
  } catch (e) {
    if (e instanceof Malformed) return undefined;
    throw e;
  }
  if (out !== expectedLength) return undefined;
  const padding = data.length * 8 - r.pos;
  if (padding < 0 || padding > 7) return undefined;
  spread(bits, 0, out, padding + carried);
  return { output, bits };
}
