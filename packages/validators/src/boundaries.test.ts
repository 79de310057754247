/**
 * Every model limit at n-1, n and n+1, through the public API (per-parameter validators and the whole-request
 * validators), in both compatibility profiles. The limits are written out here on purpose: a test pins behaviour,
 * and a change in the generated schemas must show up as a failing test to look at.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  memberConstraints,
  validate,
  validateDurationSeconds,
  validateMinimumSessionTokenSize,
  validateProvidedContexts,
  validateTags,
  validateTokenCode,
  validateTransitiveTagKeys,
  type Issue,
  type Operation,
  type ParameterValidateOptions,
} from './index.js';
import * as api from './index.js';
import { ROLE_ARN } from '../test/helpers.js';

type Profile = 'current' | 'botocore-2015-04-27';
const PROFILES: Profile[] = ['current', 'botocore-2015-04-27'];

interface LengthCase {
  op: Operation;
  member: string;
  min: number;
  max?: number;
  /** A valid value of length n. */
  make: (n: number) => string;
}

const letters = (n: number) => 'a'.repeat(n);
const arnOf = (n: number) => (n >= 32 ? `arn:aws:iam::123456789012:role/${'r'.repeat(n - 31)}` : letters(n));

function lengthCases(profile: Profile): LengthCase[] {
  const seed = profile === 'botocore-2015-04-27';
  return [
    { op: 'AssumeRole', member: 'RoleArn', min: 20, max: 2048, make: arnOf },
    { op: 'AssumeRole', member: 'RoleSessionName', min: 2, max: seed ? 32 : 64, make: letters },
    { op: 'AssumeRole', member: 'ExternalId', min: 2, max: seed ? 96 : 1224, make: letters },
    { op: 'AssumeRole', member: 'SerialNumber', min: 9, max: 256, make: letters },
    { op: 'AssumeRole', member: 'SourceIdentity', min: 2, max: 64, make: letters },
    { op: 'AssumeRoleWithWebIdentity', member: 'RoleArn', min: 20, max: 2048, make: arnOf },
    { op: 'AssumeRoleWithWebIdentity', member: 'RoleSessionName', min: 2, max: seed ? 32 : 64, make: letters },
    { op: 'AssumeRoleWithWebIdentity', member: 'WebIdentityToken', min: 4, max: seed ? 2048 : 20000, make: letters },
    { op: 'AssumeRoleWithWebIdentity', member: 'ProviderId', min: 4, max: 2048, make: letters },
    { op: 'AssumeRoleWithWebIdentity', member: 'Policy', min: 1, max: 2048, make: letters },
    { op: 'AssumeRoleWithSAML', member: 'RoleArn', min: 20, max: 2048, make: arnOf },
    { op: 'AssumeRoleWithSAML', member: 'PrincipalArn', min: 20, max: 2048, make: letters },
    { op: 'AssumeRoleWithSAML', member: 'SAMLAssertion', min: 4, max: seed ? 50000 : 100000, make: letters },
    { op: 'AssumeRoleWithSAML', member: 'Policy', min: 1, max: 2048, make: letters },
    // AssumeRole.Policy: min 1, and a model maximum only in the seed-era profile (the documented 2,048 plaintext
    // limit applies in both; see validate.test.ts).
    { op: 'AssumeRole', member: 'Policy', min: 1, ...(seed ? { max: 2048 } : {}), make: letters },
  ];
}

const BASE: Record<Operation, Record<string, unknown>> = {
  AssumeRole: { RoleArn: ROLE_ARN, RoleSessionName: 'session' },
  AssumeRoleWithWebIdentity: { RoleArn: ROLE_ARN, RoleSessionName: 'session', WebIdentityToken: 'token' },
  AssumeRoleWithSAML: {
    RoleArn: ROLE_ARN,
    PrincipalArn: 'arn:aws:iam::123456789012:saml-provider/Okta',
    SAMLAssertion: 'PHNhbWw+',
  },
};

const LIMIT_CODES = new Set(['tooShort', 'tooLong', 'outOfRange', 'tooFewItems', 'tooManyItems', 'invalidTokenCode']);

/** Limit issues at `path`, as `code limit actual`. */
function limits(issues: readonly Issue[], path: string): string[] {
  return issues.filter((i) => i.path === path && LIMIT_CODES.has(i.code)).map((i) => `${i.code} ${i.limit} ${i.actual}`);
}

function perParameter(member: string, value: unknown, options: ParameterValidateOptions): Issue[] {
  const fn = (api as unknown as Record<string, (v: unknown, o: ParameterValidateOptions) => Issue[]>)[`validate${member}`];
  assert.ok(fn, `validate${member} is exported`);
  return fn(value, options);
}

for (const profile of PROFILES) {
  describe(`length limits at n-1, n, n+1 (${profile})`, () => {
    for (const c of lengthCases(profile)) {
      it(`${c.op}.${c.member} ${c.min}–${c.max ?? '∞'}`, () => {
        const manifest = memberConstraints(profile, c.op, c.member);
        assert.equal(manifest?.minLength, c.min, 'manifest minimum');
        assert.equal(manifest?.maxLength, c.max, 'manifest maximum');
        const expectations: [number, string[]][] = [
          ...(c.min > 0 ? ([[c.min - 1, [`tooShort ${c.min} ${c.min - 1}`]]] as [number, string[]][]) : []),
          [c.min, []],
          [c.min + 1, []],
          ...(c.max !== undefined
            ? ([
                [c.max - 1, []],
                [c.max, []],
                [c.max + 1, [`tooLong ${c.max} ${c.max + 1}`]],
              ] as [number, string[]][])
            : []),
        ];
        for (const [n, expected] of expectations) {
          const value = c.make(n);
          assert.equal(value.length, n);
          const options = { profile, operation: c.op };
          assert.deepEqual(limits(perParameter(c.member, value, options), `/${c.member}`), expected, `validate${c.member} at ${n}`);
          const whole = validate(c.op, { ...BASE[c.op], [c.member]: value }, { profile });
          assert.deepEqual(limits(whole.issues, `/${c.member}`), expected, `validate(${c.op}) at ${n}`);
        }
      });
    }
  });

  describe(`numeric and list limits at n-1, n, n+1 (${profile})`, () => {
    const seed = profile === 'botocore-2015-04-27';
    const durations: [Operation, number, number][] = [
      ['AssumeRole', 900, seed ? 3600 : 43200],
      ['AssumeRoleWithWebIdentity', 900, seed ? 129600 : 43200],
      ['AssumeRoleWithSAML', 900, seed ? 129600 : 43200],
    ];
    for (const [op, min, max] of durations) {
      it(`${op}.DurationSeconds ${min}–${max}`, () => {
        for (const [n, expected] of [
          [min - 1, [`outOfRange ${min} ${min - 1}`]],
          [min, []],
          [min + 1, []],
          [max - 1, []],
          [max, []],
          [max + 1, [`outOfRange ${max} ${max + 1}`]],
        ] as [number, string[]][]) {
          assert.deepEqual(limits(validateDurationSeconds(n, { profile, operation: op }), '/DurationSeconds'), expected, `${n}`);
          assert.deepEqual(
            limits(validate(op, { ...BASE[op], DurationSeconds: n }, { profile }).issues, '/DurationSeconds'),
            expected,
            `${op} ${n}`,
          );
        }
      });
    }

    it('Tags: 50 items; Key 1–128; Value 0–256', () => {
      const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
      assert.deepEqual(limits(validateTags(tags(49), { profile }), '/Tags'), []);
      assert.deepEqual(limits(validateTags(tags(50), { profile }), '/Tags'), []);
      assert.deepEqual(limits(validateTags(tags(51), { profile }), '/Tags'), ['tooManyItems 50 51']);
      const key = (n: number) => limits(validateTags([{ Key: letters(n), Value: '' }], { profile }), '/Tags/0/Key');
      assert.deepEqual([key(0), key(1), key(2), key(127), key(128), key(129)], [['tooShort 1 0'], [], [], [], [], ['tooLong 128 129']]);
      const value = (n: number) => limits(validateTags([{ Key: 'k', Value: letters(n) }], { profile }), '/Tags/0/Value');
      assert.deepEqual([value(0), value(1), value(255), value(256), value(257)], [[], [], [], [], ['tooLong 256 257']]);
    });

    it('TransitiveTagKeys: 50 items of 1–128', () => {
      const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}`);
      assert.deepEqual(limits(validateTransitiveTagKeys(keys(49), { profile }), '/TransitiveTagKeys'), []);
      assert.deepEqual(limits(validateTransitiveTagKeys(keys(50), { profile }), '/TransitiveTagKeys'), []);
      assert.deepEqual(limits(validateTransitiveTagKeys(keys(51), { profile }), '/TransitiveTagKeys'), ['tooManyItems 50 51']);
      const item = (n: number) => limits(validateTransitiveTagKeys([letters(n)], { profile }), '/TransitiveTagKeys/0');
      assert.deepEqual([item(0), item(1), item(128), item(129)], [['tooShort 1 0'], [], [], ['tooLong 128 129']]);
      // Through the whole request, with matching tags so only the count can fail.
      const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
      const whole = (n: number) =>
        limits(validate('AssumeRole', { ...BASE.AssumeRole, Tags: tags(50), TransitiveTagKeys: keys(n) }, { profile }).issues, '/TransitiveTagKeys');
      assert.deepEqual([whole(49), whole(50)], [[], []]);
    });

    it('ProvidedContexts: 1–5 items; ContextAssertion 4–2048', () => {
      const ctx = (n: number) =>
        Array.from({ length: n }, () => ({ ProviderArn: 'arn:aws:iam::aws:contextProvider/IdentityCenter', ContextAssertion: 'abcd' }));
      const count = (n: number) => limits(validateProvidedContexts(ctx(n), { profile }), '/ProvidedContexts');
      assert.deepEqual([count(0), count(1), count(2), count(4), count(5), count(6)], [['tooFewItems 1 0'], [], [], [], [], ['tooManyItems 5 6']]);
      const assertion = (n: number) =>
        limits(
          validateProvidedContexts([{ ProviderArn: 'arn:aws:iam::aws:contextProvider/IdentityCenter', ContextAssertion: letters(n) }], { profile }),
          '/ProvidedContexts/0/ContextAssertion',
        );
      assert.deepEqual(
        [assertion(3), assertion(4), assertion(5), assertion(2047), assertion(2048), assertion(2049)],
        [['tooShort 4 3'], [], [], [], [], ['tooLong 2048 2049']],
      );
    });

    it('MinimumSessionTokenSize 0–4096 on the three operations (current); an unknown parameter in the seed era', () => {
      for (const op of ['AssumeRole', 'AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML'] as Operation[]) {
        for (const [n, expected] of [
          [-1, ['outOfRange 0 -1']],
          [0, []],
          [1, []],
          [4095, []],
          [4096, []],
          [4097, ['outOfRange 4096 4097']],
        ] as [number, string[]][]) {
          const whole = validate(op, { ...BASE[op], MinimumSessionTokenSize: n }, { profile }).issues;
          if (seed) {
            assert.deepEqual(whole.map((i) => i.code), ['unknownParameter'], `${op} ${n}`);
            continue;
          }
          assert.deepEqual(limits(whole, '/MinimumSessionTokenSize'), expected, `${op} ${n}`);
          assert.deepEqual(limits(validateMinimumSessionTokenSize(n, { profile, operation: op }), '/MinimumSessionTokenSize'), expected, `${op} ${n}`);
        }
      }
    });

    it('TokenCode: exactly 6', () => {
      const t = (n: number) => limits(validateTokenCode('1'.repeat(n), { profile }), '/TokenCode');
      assert.deepEqual([t(5), t(6), t(7)], [['invalidTokenCode 6 5'], [], ['invalidTokenCode 6 7']]);
    });
  });
}

describe('messages at the boundary name the measured value and the limit', () => {
  it('RoleSessionName 65 (current) and 33 (seed era)', () => {
    assert.equal(
      validate('AssumeRole', { ...BASE.AssumeRole, RoleSessionName: letters(65) }).issues[0]!.message,
      'RoleSessionName is 65 characters; STS accepts at most 64.',
    );
    assert.equal(
      validate('AssumeRole', { ...BASE.AssumeRole, RoleSessionName: letters(33) }, { profile: 'seed-era' }).issues[0]!.message,
      'RoleSessionName is 33 characters; STS accepts at most 32.',
    );
  });
  it('lengths count code points, like the model and ajv', () => {
    // U+1D4B3 is one letter (\p{L}) and two UTF-16 units.
    assert.deepEqual(validateTags([{ Key: '𝒳'.repeat(128), Value: '' }]), []);
    assert.deepEqual(
      validateTags([{ Key: '𝒳'.repeat(129), Value: '' }]).map((i) => i.message),
      ['Tags[0].Key is 129 characters; STS accepts at most 128.'],
    );
  });
});
