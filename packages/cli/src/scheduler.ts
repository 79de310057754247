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
/**
 * A thread loads a parser another thread already claimed only when the work waiting for other
 * threads is more than this many times that load: sharing a backlog R after a load L ends at about
 * (R + L) / 2, which beats R only when L < R, and the estimates are rough.
 */
const HELP_FACTOR = 1.2;

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
  /** Per thread: extractor ids it has parsed a file with (its parser is loaded, not still loading). */
  private readonly ready: Set<string>[] = [new Set()];
  /**
   * Per thread: estimated and measured ms of the files it returned. Their ratio corrects the
   * estimates for this machine and its load (a worker on a busy machine may get little CPU).
   */
  private readonly spent: { estimated: number; actual: number }[] = [{ estimated: 0, actual: 0 }];
  /** Thread each file given out went to. */
  private readonly owner = new Map<number, number>();
  private readonly buckets = new Map<string, Bucket>();
  private readonly sent = new Map<number, Pending>();
  /** Estimated parse ms of every file added so far. */
  foundMs = 0;
  pendingBytes = 0;
  pendingCount = 0;

  /** Registers another thread; returns its id. */
  addThread(): number {
    this.claimed.push(new Set());
    this.ready.push(new Set());
    this.spent.push({ estimated: 0, actual: 0 });
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
    const load = missing.reduce((sum, id) => sum + (LOAD_MS[id] ?? 0), 0) * this.speed(thread);
    if (HELP_FACTOR * load < this.backlog(thread)) return 'help';
    return undefined;
  }

  /** Estimated work left for threads other than `thread`: what only they can take now, with the loads they still face. */
  private backlog(thread: number): number {
    let ms = 0;
    for (const [index, t] of this.owner) if (t !== thread) ms += this.sent.get(index)!.ms;
    const loads = new Set<string>();
    for (const bucket of this.buckets.values()) {
      if (bucket.head >= bucket.items.length || bucket.needs.every((id) => this.claimed[thread]!.has(id))) continue;
      ms += bucket.ms;
      for (const id of bucket.needs) if (!this.ready.some((set, t) => t !== thread && set.has(id))) loads.add(id);
    }
    for (const id of loads) ms += LOAD_MS[id] ?? 0;
    let speed = 0;
    for (let t = 0; t < this.spent.length; t++) if (t !== thread) speed = Math.max(speed, this.speed(t));
    return ms * speed;
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
      this.pendingBytes -= item.bytes;
      this.pendingCount--;
      this.sent.set(item.index, item);
      this.owner.set(item.index, thread);
    }
    return out;
  }

  /** A file given out by `take`, by index. */
  inFlight(index: number): Pending {
    const item = this.sent.get(index);
    if (item === undefined) throw new Error(`a worker thread returned file #${index}, which it was not sent`);
    return item;
  }

  /** Measured ms per estimated ms of `thread` so far (1 until it has returned enough to tell). */
  private speed(thread: number): number {
    const { estimated, actual } = this.spent[thread]!;
    return estimated < 20 ? 1 : actual / estimated;
  }

  /** `items` came back from `thread`, which spent `actualMs` (wall) on them, parser loads included. */
  done(items: readonly Pending[], thread: number, actualMs: number): void {
    let estimated = 0;
    for (const item of items) {
      this.sent.delete(item.index);
      this.owner.delete(item.index);
      estimated += item.ms;
      for (const id of item.needs) {
        if (this.ready[thread]!.has(id)) continue;
        this.ready[thread]!.add(id);
        estimated += LOAD_MS[id] ?? 0;
      }
    }
    this.spent[thread]!.estimated += estimated;
    this.spent[thread]!.actual += actualMs;
  }
}
