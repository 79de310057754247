/**
 * The short CI budget of the fuzz targets (targets.ts): a fixed seed, printed, so a failure replays with
 * `pnpm fuzz --target '<name>' --seed <seed>`.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { defaultRegistry } from '../../src/default-registry.js';
import { EXTRACTOR_HARNESS } from './extractors.js';
import { fuzzTargets } from './targets.js';

const SEED = 13;
const RUNS = Number(process.env['ROLECALL_PROPERTY_RUNS'] ?? 150);

describe('property tests (CI budget)', () => {
  // Parsers load lazily in a run; the targets call extract() directly, so load them first.
  before(async () => {
    for (const extractor of defaultRegistry.extractors) await extractor.load?.();
  });

  it('every extractor of the registry has a harness entry (generator, hostile cases, canaries)', () => {
    assert.deepEqual(defaultRegistry.extractors.map((e) => e.id).filter((id) => EXTRACTOR_HARNESS[id] === undefined), []);
  });

  for (const target of fuzzTargets()) {
    it(`${target.name}: ${RUNS} inputs, seed ${SEED}`, () => {
      fc.assert(fc.property(target.arbitrary, (value) => target.check(value)), { seed: SEED, numRuns: RUNS, endOnFailure: true });
    });
  }
});
