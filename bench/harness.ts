/** Shared timing loop for benchmarks: warm up, then run for a fixed time and report ops/s. */
export function measure(fn: () => unknown, { warmupMs = 300, runMs = 1500 } = {}): number {
  const until = (ms: number): number => {
    const end = performance.now() + ms;
    let n = 0;
    let sink: unknown;
    while (performance.now() < end) {
      for (let i = 0; i < 100; i++) sink = fn();
      n += 100;
    }
    if (sink === Symbol.for('never')) console.log(sink);
    return n;
  };
  until(warmupMs);
  const start = performance.now();
  const n = until(runMs);
  return n / ((performance.now() - start) / 1000);
}
