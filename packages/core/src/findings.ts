/**
 * A file's findings as rules report them, within a budget: what `finishFile` does to a list
 * (suppressions, then file order without exact repeats), one diagnostic at a time, keeping only
 * the first `limit` in file order — plus every `internal-error` after them, which decides the exit
 * code and is never hidden — and counting the rest by severity. One 4 MiB file can hold two million
 * findings; holding them all before a host lists its first thousand cost gigabytes (issue 14).
 * With no limit, `finish()` returns exactly what `finishFile` returns for the same diagnostics in
 * the same order; with one, its first `limit` entries and its counts are those of that list.
 *
 * Kept: a max-heap of the `limit` smallest findings so far (by `compareDiagnostics`): a new one
 * replaces the largest when it sorts before it, so the heap ends as the list's first `limit`.
 * Exact repeats (same rule, start, end and message: what `sortAndDedupe` drops) compare equal, so
 * the first one reported is the one kept, as in a stable sort. A repeat of a finding already
 * counted away is found by a 64-bit hash of its key (`KeySet`): the keys themselves would hold
 * memory for every finding, which is what the budget is there to avoid.
 */
import type { Diagnostic } from './diagnostic.js';
import type { SourceComment } from './extractor.js';
import { compareDiagnostics } from './order.js';
import { errorText, reservedDiagnostic, type DiagnosticDraft, type Locator } from './report.js';
import { Suppressions } from './apply-suppressions.js';
import type { RuleSettings } from './severity.js';

/** Findings a budget left out, by severity. */
export interface OmittedCounts {
  readonly errorCount: number;
  readonly warningCount: number;
}

/** One file's findings after suppressions, in file order; `omitted` is absent when nothing was left out. */
export interface FileFindingsResult {
  readonly diagnostics: Diagnostic[];
  readonly omitted?: OmittedCounts;
}

/**
 * Counters for tests (findings.test.ts): how many findings `FileFindings` took, the most one of
 * them held at once (its kept findings and internal errors), and how many drafts it built. Counts, not memory, so the budget
 * can be checked without measuring the heap.
 */
export const findingCounters = { taken: 0, peakHeld: 0, built: 0 };

export class FileFindings {
  private readonly suppressions: Suppressions;
  /** Max-heap by `compareDiagnostics` (the largest at 0). */
  private readonly heap: Diagnostic[] = [];
  /**
   * The key of every finding taken (kept or counted away). Without a limit every finding is held
   * anyway, so the keys are too and the check is exact.
   */
  private readonly seen: { add(key: string): boolean };
  /** Internal errors past the budget: listed after the kept findings. */
  private readonly internal: Diagnostic[] = [];
  private errorCount = 0;
  private warningCount = 0;
  /** What an engine bug threw while taking a finding: it becomes an internal error at `finish`. */
  private broken: unknown;

  constructor(
    private readonly locator: Locator,
    comments: readonly SourceComment[],
    knownRuleIds: readonly string[],
    ruleSettings: RuleSettings,
    private readonly limit: number = Infinity,
  ) {
    this.suppressions = new Suppressions(locator, comments, knownRuleIds, ruleSettings);
    this.seen = limit === Infinity ? exactSet() : new KeySet();
  }

  /** Takes one diagnostic of the file (in report order). Never throws (see `broken`). */
  add(diagnostic: Diagnostic): void {
    this.addDraft(diagnostic);
  }

  /**
   * Takes one finding of the file (in report order) as a draft: it is built only if it is kept
   * (or is an internal error), so one counted away costs no more than its message and place.
   */
  addDraft(draft: Diagnostic | DiagnosticDraft): void {
    findingCounters.taken++;
    try {
      if (!this.suppressions.suppresses(draft)) this.take(draft);
    } catch (error) {
      this.broken ??= error;
    }
  }

  private take(d: Diagnostic | DiagnosticDraft): void {
    if (!this.seen.add(dedupeKey(d))) return;
    const heap = this.heap;
    if (heap.length < this.limit) {
      heap.push(full(d));
      this.held();
      if (this.limit !== Infinity) siftUp(heap, heap.length - 1);
      return;
    }
    const largest = heap[0];
    if (largest !== undefined && compareDiagnostics(d, largest) < 0) {
      heap[0] = full(d);
      siftDown(heap, 0);
      this.leaveOut(largest);
    } else this.leaveOut(d);
  }

  private held(): void {
    const held = this.heap.length + this.internal.length;
    if (held > findingCounters.peakHeld) findingCounters.peakHeld = held;
  }

  private leaveOut(d: Diagnostic | DiagnosticDraft): void {
    if (d.ruleId === 'internal-error') {
      this.internal.push(full(d));
      this.held();
    }
    else if (d.severity === 'error') this.errorCount++;
    else this.warningCount++;
  }

  /** The directives' own findings go in, then the kept ones come out in file order. Call once. */
  finish(): FileFindingsResult {
    try {
      for (const d of this.suppressions.findings()) this.take(d);
    } catch (error) {
      this.broken ??= error;
    }
    // Only a bug in the engine itself gets here; report it instead of crashing the caller.
    if (this.broken !== undefined) this.take(reservedDiagnostic(this.locator, 'internal-error', 'ruleThrew', { rule: '(engine)', error: errorText(this.broken) }, { start: 0, end: 0 }));
    // The heap holds no two equal keys, so the order is total; internal errors past the budget sort after every kept one.
    const diagnostics = this.heap.sort(compareDiagnostics);
    for (const d of this.internal.sort(compareDiagnostics)) diagnostics.push(d);
    const omitted = this.errorCount + this.warningCount;
    return omitted === 0 ? { diagnostics } : { diagnostics, omitted: { errorCount: this.errorCount, warningCount: this.warningCount } };
  }
}

/** A draft built; a diagnostic as it is. */
function full(d: Diagnostic | DiagnosticDraft): Diagnostic {
  if (!('build' in d)) return d;
  findingCounters.built++;
  return d.build();
}

/** What `sortAndDedupe` calls the same finding. */
export function dedupeKey(d: Pick<Diagnostic, 'ruleId' | 'location' | 'message'>): string {
  return `${d.ruleId}\u0000${d.location.start.offset}\u0000${d.location.end.offset}\u0000${d.message}`;
}

function exactSet(): { add(key: string): boolean } {
  const set = new Set<string>();
  return {
    add(key) {
      if (set.has(key)) return false;
      set.add(key);
      return true;
    },
  };
}

function siftUp(heap: Diagnostic[], i: number): void {
  const item = heap[i]!;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (compareDiagnostics(heap[parent]!, item) >= 0) break;
    heap[i] = heap[parent]!;
    i = parent;
  }
  heap[i] = item;
}

function siftDown(heap: Diagnostic[], i: number): void {
  const item = heap[i]!;
  const n = heap.length;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= n) break;
    const right = left + 1;
    const child = right < n && compareDiagnostics(heap[right]!, heap[left]!) > 0 ? right : left;
    if (compareDiagnostics(heap[child]!, item) <= 0) break;
    heap[i] = heap[child]!;
    i = child;
  }
  heap[i] = item;
}

/**
 * A set of strings held as 64-bit hashes (two 32-bit FNV-1a lanes with different offsets) in an
 * open-addressed table: 16 bytes a slot at most half full, where a `Set<string>` of the keys would
 * hold each key's characters. Two different keys of one file sharing both lanes is the only way it
 * can be wrong (about n²/2⁶⁵ for n keys); no library offers such a set, hence by hand.
 */
export class KeySet {
  private hi = new Uint32Array(16);
  private lo = new Uint32Array(16);
  private size = 0;

  /** Adds `key`; false when it was already there. */
  add(key: string): boolean {
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    h1 >>>= 0;
    h2 >>>= 0;
    // (0, 0) marks an empty slot.
    if (h1 === 0 && h2 === 0) h2 = 1;
    if ((this.size + 1) * 2 > this.hi.length) this.grow();
    if (!this.insert(h1, h2)) return false;
    this.size++;
    return true;
  }

  private insert(h1: number, h2: number): boolean {
    const mask = this.hi.length - 1;
    let i = (h1 ^ Math.imul(h2, 0x27d4eb2d)) & mask;
    for (;;) {
      const a = this.hi[i]!;
      const b = this.lo[i]!;
      if (a === 0 && b === 0) {
        this.hi[i] = h1;
        this.lo[i] = h2;
        return true;
      }
      if (a === h1 && b === h2) return false;
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const { hi, lo } = this;
    this.hi = new Uint32Array(hi.length * 2);
    this.lo = new Uint32Array(lo.length * 2);
    for (let i = 0; i < hi.length; i++) if (hi[i] !== 0 || lo[i] !== 0) this.insert(hi[i]!, lo[i]!);
  }
}
