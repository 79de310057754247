/**
 * The research note's DEFLATE model of a session policy's packed size: the kept strings, UTF-8, each followed by a
 * NUL, raw-DEFLATEd (fflate). The estimator does not run it (it is not monotone, see PACKED-SIZE.md); calibration
 * prints it for comparison and the bench times it as a reference row. Workspace-only (not in `files`).
 */
import { deflateSync } from 'fflate';

/** The kept strings as the research note's DEFLATE model reads them: UTF-8, each followed by NUL. */
export function nulJoined(strings: readonly string[]): Uint8Array {
  return new TextEncoder().encode(strings.map((s) => `${s}\u0000`).join(''));
}

/** Raw DEFLATE size (fflate) of encoded bytes: the research note's measure, for comparisons and the bench. */
export function deflatedSize(bytes: Uint8Array, level: 6 | 9): number {
  return deflateSync(bytes, { level }).length;
}
