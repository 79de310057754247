/**
 * `pnpm fuzz`: the fuzz targets (targets.ts) with a long budget. At least 1,000,000 generated inputs per target by
 * default, with a fixed seed printed first so a failure replays exactly:
 *
 *   pnpm fuzz                                  every target, 1,000,000 runs each, seed 13
 *   pnpm fuzz --runs 50000 --seed 7            another budget and seed
 *   pnpm fuzz --target 'extractor input-json'  one target (names as printed)
 *
 * Exit 1 on the first counterexample, which fast-check prints shrunk, with its seed and path.
 */
import fc from 'fast-check';
import { fuzzTargets } from './targets.js';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const runs = Number(option('runs') ?? 1_000_000);
const seed = Number(option('seed') ?? 13);
const only = option('target');
if (!Number.isSafeInteger(runs) || runs < 1 || !Number.isSafeInteger(seed)) {
  console.error('usage: pnpm fuzz [--runs N] [--seed S] [--target NAME]');
  process.exit(2);
}

const targets = fuzzTargets().filter((t) => only === undefined || t.name === only);
if (targets.length === 0) {
  console.error(`no target named "${only}" (targets: ${fuzzTargets().map((t) => t.name).join(', ')})`);
  process.exit(2);
}
console.log(`rolecall fuzz: seed ${seed}, ${runs.toLocaleString('en-US')} inputs per target`);
let failed = false;
for (const target of targets) {
  const start = performance.now();
  const result = fc.check(fc.property(target.arbitrary, (value) => target.check(value)), { seed, numRuns: runs, endOnFailure: true });
  const seconds = (performance.now() - start) / 1000;
  if (result.failed) {
    failed = true;
    console.log(`✖ ${target.name}: failed after ${result.numRuns} inputs (${seconds.toFixed(1)} s)`);
    console.log(fc.defaultReportMessage(result));
  } else {
    console.log(`✔ ${target.name}: ${result.numRuns.toLocaleString('en-US')} inputs in ${seconds.toFixed(1)} s (seed ${seed})`);
  }
}
process.exit(failed ? 1 : 0);
