/**
 * Where a run's time goes, as ESLint's `TIMING=1` reports it: time per rule (every `check`,
 * `checkFact`, `checkRole` and `checkProject` call of that rule, summed over the run) and time per
 * phase of the pipeline. Hosts create one `Timing` and pass it down (`LintProjectOptions.timing`);
 * without one nothing is measured and nothing is added to the hot path but a branch.
 * Uses the global `performance` clock (Node and browsers), so core stays free of `node:` imports.
 */
export class Timing {
  /** Rule id → milliseconds. */
  readonly rules = new Map<string, number>();
  /** Phase name → milliseconds, in the order phases first ran. Sub-phases are named `parent › child`. */
  readonly phases = new Map<string, number>();
  /** Thread name → CPU milliseconds, recorded by hosts that can measure it (the CLI on Linux); empty otherwise. */
  readonly threads = new Map<string, number>();

  addRule(id: string, ms: number): void {
    this.rules.set(id, (this.rules.get(id) ?? 0) + ms);
  }

  addPhase(name: string, ms: number): void {
    this.phases.set(name, (this.phases.get(name) ?? 0) + ms);
  }

  /** Runs `fn` and adds its time to phase `name`. */
  phase<T>(name: string, fn: () => T): T {
    const start = performance.now();
    try {
      return fn();
    } finally {
      this.addPhase(name, performance.now() - start);
    }
  }

  /** `phase` for asynchronous work: the wall time until the promise settles. */
  async phaseAsync<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await fn();
    } finally {
      this.addPhase(name, performance.now() - start);
    }
  }
}

/** The phase names core records inside `lintProject` (under the host's `project pass`). */
export const PROJECT_PHASES = {
  hooks: 'project pass › extractor project hooks',
  fileRules: 'project pass › rules per file',
  projectRules: 'project pass › cross-file rules',
  finish: 'project pass › suppressions and order',
} as const;
