/**
 * Which thread parses which file (`--jobs`). Files waiting to be parsed are grouped by the set of
 * extractors that will read them; each thread keeps to the parsers it has loaded (or is loading),
 * takes a kind no other thread has claimed, and loads another thread's parser only when enough of
 * that kind is left to repay the load. Estimates steer the split only: results never depend on it.
 */
import type { ParseJob } from './extract-files.js';

/**
 * Rough costs measured with the bundled CLI on the bench corpus (bench/corpus.ts), used only to
 * balance threads and to decide whether a worker pays: loading an extractor's parser (ms), and
 * extracting (ms per KiB of text). An extractor missing here counts as cheap.
 */
const LOAD_MS: Readonly<Record<string, number>> = { typescript: 350, 'github-actions': 110, shell: 80, cloudformation: 20, terraform: 30 };
const MS_PER_KIB: Readonly<Record<string, number>> = { typescript: 0.2, terraform: 0.85, 'github-actions': 1.3, cloudformation: 1, shell: 0.5, 'aws-config': 0.1, 'input-json': 0.05 };
/** Per file, whatever its kind: the hand-over and the bookkeeping around a parse. */
const FILE_MS = 0.05;
/** A thread loads a parser another thread already has only if this many times its load is left to parse. */
const HELP_FACTOR = 2;

/** A file waiting for (or being) parsed. */
export interface Pending {
  readonly index: number;
  readonly job: ParseJob;
  /** Estimated parse time in ms, parser loads left out. */
  readonly ms: number;
  readonly bytes: number;
  /** Extractors with a parser to load (`Extractor.load`). */
  readonly needs: readonly string[];
}

interface Bucket {
  readonly needs: readonly string[];
  readonly items: Pending[];
  head: number;
  ms: number;
}

export class Scheduler {
  /** The main thread's id. */
  static readonly MAIN = 0;
  /** Per thread: extractor ids whose parser it has loaded or is loading. */
  private readonly claimed: Set<string>[] = [new Set()];
  private readonly buckets = new Map<string, Bucket>();
  private readonly sent = new Map<number, Pending>();
  /** Estimated parse ms still waiting, per extractor that has a parser to load. */
  private readonly remaining = new Map<string, number>();
  /** Estimated parse ms of every file added so far. */
  foundMs = 0;
  pendingBytes = 0;
  pendingCount = 0;

  /** Registers another thread; returns its id. */
  addThread(): number {
    this.claimed.push(new Set());
    return this.claimed.length - 1;
  }

  add(index: number, job: ParseJob): void {
    const bytes = job.text.length;
    let ms = FILE_MS;
    for (const e of job.extractors) ms += ((MS_PER_KIB[e.id] ?? 0.1) * bytes) / 1024;
    const needs = job.extractors.filter((e) => e.load !== undefined).map((e) => e.id);
    const key = job.extractors.map((e) => e.id).join('\0');
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      bucket = { needs, items: [], head: 0, ms: 0 };
      this.buckets.set(key, bucket);
    }
    bucket.items.push({ index, job, ms, bytes, needs });
    bucket.ms += ms;
    for (const id of needs) this.remaining.set(id, (this.remaining.get(id) ?? 0) + ms);
    this.foundMs += ms;
    this.pendingBytes += bytes;
    this.pendingCount++;
  }

  /** Whether `thread` should parse files of `bucket` now, and whether that means loading a parser. */
  private fit(thread: number, bucket: Bucket): 'loaded' | 'free' | 'help' | undefined {
    const mine = this.claimed[thread]!;
    const missing = bucket.needs.filter((id) => !mine.has(id));
    if (missing.length === 0) return 'loaded';
    const others = (id: string): boolean => this.claimed.some((set, t) => t !== thread && set.has(id));
    if (missing.every((id) => !others(id))) return 'free';
    if (missing.every((id) => (this.remaining.get(id) ?? 0) > HELP_FACTOR * (LOAD_MS[id] ?? 0))) return 'help';
    return undefined;
  }

  /**
   * Files for `thread` to parse, about `budgetMs` of estimated work (at least one file when any
   * fits), all of one kind; empty when nothing fits this thread now.
   */
  take(thread: number, budgetMs: number): Pending[] {
    let best: Bucket | undefined;
    let bestRank = 0;
    const rank = { loaded: 3, free: 2, help: 1 } as const;
    for (const bucket of this.buckets.values()) {
      if (bucket.head >= bucket.items.length) continue;
      const fit = this.fit(thread, bucket);
      if (fit === undefined) continue;
      // Prefer parsers already loaded here, then unclaimed ones; among equals, the most work left.
      if (best === undefined || rank[fit] > bestRank || (rank[fit] === bestRank && bucket.ms > best.ms)) {
        best = bucket;
        bestRank = rank[fit];
      }
    }
    if (best === undefined) return [];
    for (const id of best.needs) this.claimed[thread]!.add(id);
    const out: Pending[] = [];
    let ms = 0;
    while (best.head < best.items.length && (out.length === 0 || ms + best.items[best.head]!.ms <= budgetMs)) {
      const item = best.items[best.head]!;
      best.items[best.head++] = undefined as unknown as Pending; // let the text go once parsed
      out.push(item);
      ms += item.ms;
      best.ms -= item.ms;
      for (const id of item.needs) this.remaining.set(id, this.remaining.get(id)! - item.ms);
      this.pendingBytes -= item.bytes;
      this.pendingCount--;
      this.sent.set(item.index, item);
    }
    return out;
  }

  /** A file given out by `take`, by index. */
  inFlight(index: number): Pending {
    const item = this.sent.get(index);
    if (item === undefined) throw new Error(`a worker thread returned file #${index}, which it was not sent`);
    return item;
  }

  done(item: Pending): void {
    this.sent.delete(item.index);
  }
}
