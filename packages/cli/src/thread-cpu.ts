/**
 * CPU time per thread for `TIMING=1`: the main thread, each `--jobs` worker, and the rest of the
 * process (V8's helper threads: concurrent compiler and GC; libuv's pool). On a machine with few
 * cores that rest decides what `--jobs` can gain: a one-thread run already keeps a second core
 * partly busy with it, so the speed-up of N threads is bounded by N × (main-thread CPU of `--jobs 1`)
 * / (all CPU of `--jobs N`), whatever the split (bench/cli-jobs.bench.ts prints that bound).
 *
 * Linux only: a thread's own CPU comes from /proc/thread-self/stat (Node 20 has no
 * `process.threadCpuUsage`, added in 23.9). Elsewhere nothing is recorded and the table is left out.
 */
import { readFileSync } from 'node:fs';
import type { Timing } from '@rolecall/core';

/** /proc reports utime and stime in clock ticks of USER_HZ, which is 100 on every Linux architecture. */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system, ms, 10 ms resolution) the calling thread has used since it started; undefined off Linux. */
export function threadCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'latin1');
    // Fields after the command name in parentheses (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : undefined;
  } catch {
    return undefined;
  }
}

/** Names of the rows `recordThreadCpu` adds (workers add `worker <n>` themselves, see parallel.ts). */
export const THREAD_ROWS = { main: 'main thread', other: 'other threads (V8 compiler and GC, libuv)' } as const;

/**
 * Starts measuring; `record` adds the main thread's CPU since now, and the process's CPU not spent
 * by the main thread or the workers (recorded in `timing.threads` by then), to `timing.threads`.
 */
export function startThreadCpu(): { record(timing: Timing): void } {
  const main = threadCpuMs();
  const process0 = process.cpuUsage();
  return {
    record(timing) {
      const mainNow = threadCpuMs();
      if (main === undefined || mainNow === undefined) return;
      const all = process.cpuUsage(process0);
      let workers = 0;
      for (const ms of timing.threads.values()) workers += ms;
      const mainMs = mainNow - main;
      timing.threads.set(THREAD_ROWS.main, mainMs);
      timing.threads.set(THREAD_ROWS.other, Math.max(0, (all.user + all.system) / 1000 - mainMs - workers));
    },
  };
}
