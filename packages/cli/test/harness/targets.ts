/**
 * Fuzz targets: the validators, the estimator, the config loader and every extractor of the default registry.
 * Each target checks, for one generated value, the invariants of issue 13: nothing throws out of the public API,
 * each call ends within `boundMs`, the same input gives the same output, a finding's span lies inside the file, and
 * a finding on a value implies the validators reject that value. properties.test.ts runs a short budget in CI;
 * `pnpm fuzz` runs at least 1,000,000 values per target with a fixed, printed seed.
 */
import assert from 'node:assert/strict';
import type { Extractor } from '@rolecall/core';
import { materialize, OPERATIONS, type Operation } from '@rolecall/core';
import { estimateSessionToken, validate } from '@rolecall/validators';
import fc from 'fast-check';
import { parseConfig } from '../../src/config.js';
import { defaultRegistry } from '../../src/default-registry.js';
import { lintSource } from '../../src/lint.js';
import { resolveFileConfig } from '../../src/config.js';
import { EXTRACTOR_HARNESS } from './extractors.js';

export interface FuzzTarget<T = unknown> {
  readonly name: string;
  readonly arbitrary: fc.Arbitrary<T>;
  /** Throws (an assertion error) when an invariant does not hold for `value`. */
  readonly check: (value: T) => void;
  /** Longest time one check may take, in milliseconds (generated values are small; hostile.ts covers large ones). */
  readonly boundMs: number;
}

function within<T>(boundMs: number, what: string, f: () => T): T {
  const start = performance.now();
  const value = f();
  const ms = performance.now() - start;
  assert.ok(ms < boundMs, `${what} took ${ms.toFixed(0)} ms (bound ${boundMs} ms)`);
  return value;
}

const operation = fc.constantFrom(...OPERATIONS);
const anything = fc.anything({ maxDepth: 3, withBoxedValues: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true });

const validatorsTarget: FuzzTarget<[Operation, unknown, unknown]> = {
  name: 'validators',
  arbitrary: fc.tuple(operation, fc.oneof(anything, fc.dictionary(fc.constantFrom('RoleArn', 'RoleSessionName', 'Tags', 'TransitiveTagKeys', 'Policy', 'DurationSeconds', 'TokenCode'), anything)), fc.oneof(fc.constant(undefined), anything)),
  check: ([op, input, options]) => {
    const first = within(2_000, 'validate', () => validate(op, input, options as never));
    assert.deepEqual(validate(op, input, options as never), first);
    assert.equal(first.valid, !first.issues.some((i) => i.severity === 'error'));
  },
  boundMs: 2_000,
};

const estimatorTarget: FuzzTarget<[Operation, unknown]> = {
  name: 'estimator',
  arbitrary: fc.tuple(operation, anything),
  check: ([op, input]) => {
    const first = within(2_000, 'estimateSessionToken', () => estimateSessionToken(input, { operation: op }));
    assert.deepEqual(estimateSessionToken(input, { operation: op }), first);
  },
  boundMs: 2_000,
};

const configText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc
    .array(fc.record({ files: fc.array(fc.string({ maxLength: 6 }), { maxLength: 2 }), rules: fc.dictionary(fc.constantFrom('valid-tags', 'valid-role-arn', 'nope', 'Bad_Id'), fc.constantFrom('off', 'warn', 'error', 'nope', ['error', {}])), settings: fc.dictionary(fc.constantFrom('stsModel', 'roleChaining', 'maxSessionDuration', 'profile'), fc.jsonValue({ maxDepth: 1 })) }, { requiredKeys: [] }), { maxLength: 3 })
    .map((v) => JSON.stringify(v, null, 1)),
);

const configTarget: FuzzTarget<string> = {
  name: 'config loader',
  arbitrary: configText,
  check: (text) => {
    const first = within(2_000, 'parseConfig', () => parseConfig('rolecall.config.json', text, defaultRegistry));
    assert.deepEqual(parseConfig('rolecall.config.json', text, defaultRegistry), first);
    if (!first.ok) {
      const lines = text.split(/\r\n|\r|\n/).length;
      for (const e of first.errors) assert.ok(e.line === undefined || (e.line >= 1 && e.line <= lines), `error line ${e.line} of ${lines}`);
    }
  },
  boundMs: 2_000,
};

/** Validator-backed findings only: the estimator's and the engine's own ids do not come from `validate`. */
const NOT_FROM_VALIDATORS = new Set(['parse-error', 'internal-error', 'max-packed-size', 'unused-disable', 'disable-without-reason', 'unresolved-value', 'config-error']);

function extractorTarget(extractor: Extractor): FuzzTarget<string> {
  const harness = EXTRACTOR_HARNESS[extractor.id];
  assert.ok(harness, `extractor "${extractor.id}" has no entry in test/harness/extractors.ts`);
  const fileConfig = resolveFileConfig({ filePath: undefined, baseDir: '/', objects: [] }, `/${harness.path}`, defaultRegistry);
  return {
    name: `extractor ${extractor.id}`,
    arbitrary: harness.texts,
    check: (text) => {
      const extraction = within(2_000, 'extract', () => (extractor.prefilter(text) ? extractor.extract({ path: harness.path, text }) : undefined));
      if (extraction !== undefined) {
        assert.deepEqual(JSON.parse(JSON.stringify(extractor.extract({ path: harness.path, text }))), JSON.parse(JSON.stringify(extraction)));
        const inside = (s: { start: number; end: number }): boolean => s.start >= 0 && s.start <= s.end && s.end <= text.length;
        for (const call of extraction.calls) {
          assert.ok(inside(call.span), 'call span');
          for (const p of call.parameters) assert.ok(inside(p.value.span), 'parameter span');
        }
        for (const p of extraction.problems) assert.ok(inside(p.span), 'problem span');
      }
      const result = within(4_000, 'lint', () => lintSource(harness.path, text, fileConfig, defaultRegistry));
      assert.deepEqual(lintSource(harness.path, text, fileConfig, defaultRegistry), result);
      for (const d of result.diagnostics) {
        assert.ok(d.location.start.offset >= 0 && d.location.start.offset <= d.location.end.offset && d.location.end.offset <= text.length, `${d.ruleId} span`);
        assert.notEqual(d.ruleId, 'internal-error', d.message);
      }
      // A finding on a value implies the validators reject that value.
      if (extraction === undefined) return;
      for (const d of result.diagnostics) {
        if (NOT_FROM_VALIDATORS.has(d.ruleId) || d.path === undefined || d.severity !== 'error') continue;
        const rejected = extraction.calls.some((call) => {
          const input: Record<string, unknown> = {};
          for (const p of call.parameters) input[p.member] = materialize(p.value);
          for (const k of call.unknownKeys ?? []) input[k.key] = materialize(k.value);
          return validate(call.operation, input).issues.some((i) => i.path === d.path || d.path!.startsWith(`${i.path}/`) || i.path.startsWith(`${d.path}/`));
        });
        assert.ok(rejected, `${d.ruleId} at ${d.path}, but validate() has no issue there`);
      }
    },
    boundMs: 4_000,
  };
}

export function fuzzTargets(): FuzzTarget<any>[] {
  return [validatorsTarget, estimatorTarget, configTarget, ...defaultRegistry.extractors.map(extractorTarget)];
}
