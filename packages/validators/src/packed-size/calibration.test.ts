/**
 * The constants are a pure function of calibration/observations.json: `pnpm codegen --check` compares the
 * committed file with a fresh refit, a changed observation changes them, and the data file's rules are enforced.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CONSTANTS_PATH, OBSERVATIONS_PATH, calibrate, check, serialize } from '../../scripts/calibrate.js';

const text = readFileSync(OBSERVATIONS_PATH, 'utf8');

/** The observations with one observation changed by `edit`. */
function edited(id: string, edit: (o: Record<string, unknown>) => void): string {
  const doc = JSON.parse(text) as { observations: Record<string, unknown>[] };
  const o = doc.observations.find((x) => x['id'] === id);
  assert.ok(o, id);
  edit(o);
  return JSON.stringify(doc);
}

describe('pnpm calibrate', () => {
  // Freshness of the committed file is `pnpm codegen --check`'s (the first step of `pnpm test`); here, the logic.
  it('check() compares the committed constants with a fresh refit', () => {
    assert.equal(check() === undefined, readFileSync(CONSTANTS_PATH, 'utf8') === serialize(calibrate(text).constants));
  });

  it('a changed observation changes the constants (so --check can fail)', () => {
    const changed = calibrate(edited('configure-aws-credentials-1898', (o) => ((o['reported'] as { value: number }).value = 400))).constants;
    assert.notEqual(serialize(changed), serialize(calibrate(text).constants));
    assert.notDeepEqual((changed['tags'] as object), (calibrate(text).constants['tags'] as object));
  });

  it('prints the leave-one-out evaluation', () => {
    const { report } = calibrate(text);
    assert.match(report, /^ {2}mean absolute error +\d+\.\d\d pp$/mu);
    assert.match(report, /^ {2}worst underestimate +\d+\.\d\d pp$/mu);
    assert.match(report, /^ {2}observed failures called fits: 0 of 2 /mu);
    assert.match(report, /^ {2}not identifiable when held out: configure-aws-credentials-1898 — /mu);
  });

  it('rejects partial observations, reconstructions and low-reliability ones in the fit', () => {
    assert.throws(() => calibrate(edited('polaris-3243', (o) => (o['use'] = 'fit'))), {
      message: 'observations.json: polaris-3243: partial observations and reconstructions are excluded from fitting',
    });
    assert.throws(() => calibrate(edited('botocore-example-assume-role', (o) => (o['use'] = 'fit'))), {
      message: 'observations.json: botocore-example-assume-role: low-reliability observations are checks, not fits',
    });
    assert.throws(() => calibrate(edited('containers-roadmap-2413-custom', (o) => (o['use'] = 'check'))), {
      message: 'observations.json: containers-roadmap-2413-custom: a check observation needs its input',
    });
    assert.throws(() => calibrate(edited('whodunnit-initial', (o) => (o['id'] = 'whodunnit-secondary'))), {
      message: 'observations.json: missing or duplicate id whodunnit-secondary',
    });
  });
});
