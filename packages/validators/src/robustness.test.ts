/**
 * Properties of every public function: it never throws, it is deterministic, it never echoes a secret, it never
 * reports an internal error, and the fast path agrees with the detailed pass.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as api from './index.js';
import {
  RolecallValidationError,
  assertValidAssumeRole,
  validate,
  validateAssumeRole,
  validateAssumeRoleWithSAML,
  validateAssumeRoleWithWebIdentity,
  type Issue,
  type Operation,
  type ValidationResult,
} from './index.js';
import { validateRequest, validateRequestDetailed } from './internal/request.js';
import { clearPolicyMemo } from './policy/quick.js';
import { assertWellFormed, full, minimal, POLICY, ROLE_ARN } from '../test/helpers.js';

const OPS: Operation[] = ['AssumeRole', 'AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML'];

function noInternalError(r: ValidationResult | readonly Issue[]): void {
  const issues = Array.isArray(r) ? (r as readonly Issue[]) : (r as ValidationResult).issues;
  assertWellFormed(issues);
  for (const i of issues) assert.notEqual(i.code, 'internalError', i.message);
}

const PER_PARAMETER = Object.entries(api).filter(
  ([name, fn]) => typeof fn === 'function' && /^validate[A-Z]/.test(name) && !/^validateAssumeRole/.test(name) && name !== 'validate',
) as [string, (v: unknown, o?: unknown) => Issue[]][];

describe('never throws', () => {
  it('there are 17 per-parameter validators, one per request member', () => {
    assert.equal(PER_PARAMETER.length, 17, PER_PARAMETER.map(([n]) => n).join());
  });

  it('on arbitrary values as input and options', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withMap: true, withSet: true, withDate: true, withTypedArray: true, withNullPrototype: true }), fc.anything(), (input, options) => {
        for (const op of OPS) noInternalError(validate(op, input, options as never));
        for (const [, fn] of PER_PARAMETER) noInternalError(fn(input, options));
      }),
      { numRuns: 400 },
    );
  });

  it('on arbitrary values in every member', () => {
    const members = ['RoleArn', 'RoleSessionName', 'PolicyArns', 'Policy', 'DurationSeconds', 'Tags', 'TransitiveTagKeys', 'ExternalId', 'SerialNumber', 'TokenCode', 'SourceIdentity', 'ProvidedContexts', 'WebIdentityToken', 'ProviderId', 'PrincipalArn', 'SAMLAssertion', 'Bogus'];
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...members), fc.anything({ withBigInt: true, withNullPrototype: true }), { maxKeys: 8 }), (input) => {
        for (const op of OPS) noInternalError(validate(op, input));
      }),
      { numRuns: 500 },
    );
  });

  it('on getters and Proxy traps that throw, revoked proxies and cycles', () => {
    const throwingGetter = Object.defineProperty(minimal(), 'RoleSessionName', {
      enumerable: true,
      get() {
        throw new Error('getter exploded');
      },
    });
    const trap = new Proxy(minimal(), {
      get() {
        throw new TypeError('get trap');
      },
    });
    const keysTrap = new Proxy(minimal(), {
      ownKeys() {
        throw new RangeError('ownKeys trap');
      },
    });
    const { proxy: revoked, revoke } = Proxy.revocable(minimal(), {});
    revoke();
    const { proxy: revokedTags, revoke: revoke2 } = Proxy.revocable([], {});
    revoke2();
    const cyclic: Record<string, unknown> = minimal();
    cyclic.Tags = [cyclic, { Key: cyclic, Value: [cyclic] }];
    cyclic.PolicyArns = cyclic.Tags;
    const tagThrows = minimal({
      Tags: [
        Object.defineProperty({ Value: 'x' }, 'Key', {
          enumerable: true,
          get() {
            throw new Error('nested');
          },
        }),
      ],
    });
    const hugeArray = minimal({ Tags: new Proxy([], { get: (t, k) => (k === 'length' ? 2 ** 32 - 1 : Reflect.get(t, k)) }) });
    const throwsNonError = new Proxy(minimal(), {
      get() {
        // eslint-disable-next-line @typescript-eslint/only-throw-error
        throw new Proxy({}, { get() { throw new Error('again'); } });
      },
    });

    for (const input of [throwingGetter, trap, keysTrap, revoked, cyclic, tagThrows, hugeArray, throwsNonError, minimal({ Tags: revokedTags })]) {
      for (const op of OPS) {
        const r = validate(op, input);
        noInternalError(r);
        assert.equal(r.valid, false);
      }
    }
    assert.deepEqual(
      validateAssumeRole(throwingGetter).issues.map((i) => i.message),
      ['RoleSessionName could not be read: Error: getter exploded.'],
    );
    assert.deepEqual(
      validateAssumeRole(tagThrows).issues.map((i) => [i.path, i.message]),
      [['/Tags/0/Key', 'Tags[0].Key could not be read: Error: nested.']],
    );
    assert.deepEqual(
      validateAssumeRole(hugeArray).issues.map((i) => i.message),
      [
        'Tags could not be read: an array of 4294967295 items is longer than the 4194304 rolecall checks item by item, so its items were not checked.',
        'Tags has 4294967295 items; STS accepts at most 50.',
      ],
    );
    // Options too.
    noInternalError(validateAssumeRole(minimal(), trap as never));
    noInternalError(api.validateTags([], keysTrap as never));
  });

  it('on huge strings, quickly', () => {
    const big = 'a'.repeat(5_000_000);
    const start = performance.now();
    for (const [, fn] of PER_PARAMETER) noInternalError(fn(big));
    noInternalError(validateAssumeRole(full({ RoleSessionName: big, Policy: `{${big}` })));
    // Deep nesting must not exhaust the stack of the policy parser.
    for (const op of OPS) noInternalError(validate(op, { Policy: '['.repeat(200_000) }));
    assert.ok(performance.now() - start < 20_000, 'bounded time');
  });

  it('does not modify the input (deep-frozen input validates the same)', () => {
    const deepFreeze = <T>(o: T): T => {
      if (typeof o === 'object' && o !== null) {
        for (const v of Object.values(o)) deepFreeze(v);
        Object.freeze(o);
      }
      return o;
    };
    const input = deepFreeze(full({ Tags: [{ Key: 'a', Value: 'aws:x' }, { Key: 'A', Value: '' }] }));
    const r = validateAssumeRole(input);
    noInternalError(r);
    assert.deepEqual(r, validateAssumeRole(structuredClone(full({ Tags: [{ Key: 'a', Value: 'aws:x' }, { Key: 'A', Value: '' }] }))));
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Inputs that are realistic and mostly one mistake away from valid, to exercise the fast path and every rule.

const tagKey = fc.constantFrom('Project', 'project', 'Team', 'aws:x', 'AWS:y', 'Cost Center', 'k!', '', 'Équipe');
const tag = fc.record({ Key: tagKey, Value: fc.constantFrom('a', '', 'aws:v', 'x'.repeat(257), 'ok value') });
const member = {
  RoleArn: fc.constantFrom(ROLE_ARN, 'arn:aws:iam::123456789012:user/u', 'arn:aws:iam::123456789012:role/AWSReservedSSO_A_1', 'Deploy', 'arn:aws:sts::123456789012:assumed-role/R/s'),
  RoleSessionName: fc.constantFrom('session', 's', 'has space', 's'.repeat(33), 's'.repeat(65)),
  PolicyArns: fc.array(fc.record({ arn: fc.constantFrom('arn:aws:iam::123456789012:policy/P', 'arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::123456789012:role/R', `arn:aws:iam::123456789012:policy/${'p'.repeat(120)}`) }), { maxLength: 12 }),
  Policy: fc.constantFrom(POLICY, POLICY.replace('Allow', 'allow'), '{"Statement":[]}', '{', '{"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Principal":"*"}}', `{"Statement":{"Effect":"Allow","Action":"*","Resource":"${'r'.repeat(2100)}"}}`, ''),
  DurationSeconds: fc.constantFrom(899, 900, 3600, 3601, 7200, 43200, 43201, 3600.5, '3600'),
  Tags: fc.array(tag, { maxLength: 6 }),
  TransitiveTagKeys: fc.array(tagKey, { maxLength: 3 }),
  ExternalId: fc.constantFrom('partner-1', 'a/b', 'x'),
  SerialNumber: fc.constantFrom('GAHT12345678', 'arn:aws:iam::123456789012:mfa/user', 'short'),
  TokenCode: fc.constantFrom('123456', '12345', 'abcdef'),
  SourceIdentity: fc.constantFrom('alice', 'aws:alice', 'al ice'),
  ProvidedContexts: fc.constantFrom([], [{ ProviderArn: 'arn:aws:iam::aws:contextProvider/IdentityCenter', ContextAssertion: 'abcd' }]),
  WebIdentityToken: fc.constantFrom('tok', 'token-value'),
  ProviderId: fc.constantFrom('www.amazon.com', 'https://www.amazon.com', 'accounts.google.com'),
  PrincipalArn: fc.constantFrom('arn:aws:iam::123456789012:saml-provider/Okta', 'arn:aws:iam::123456789012:oidc-provider/x'),
  SAMLAssertion: fc.constantFrom('PHNhbWw+', 'abc'),
  durationSeconds: fc.constant(1),
};
const inputArb = fc.record(member, { requiredKeys: [] });
const optionsArb = fc.record(
  {
    profile: fc.constantFrom('current', 'botocore-2015-04-27', '2015'),
    roleChaining: fc.boolean(),
    maxSessionDuration: fc.constantFrom(3600, 7200, 43200),
    inheritedTransitiveTagKeys: fc.constantFrom([], ['project'], ['TEAM']),
  },
  { requiredKeys: [] },
);

describe('fast path agrees with the detailed pass', () => {
  it('on generated inputs for every operation', () => {
    fc.assert(
      fc.property(inputArb, optionsArb, fc.boolean(), fc.nat(19), (input, options, keepRequired, foreign) => {
        const base: Record<Operation, Record<string, unknown>> = {
          AssumeRole: keepRequired ? minimal() : {},
          AssumeRoleWithWebIdentity: keepRequired ? { RoleArn: ROLE_ARN, RoleSessionName: 'w', WebIdentityToken: 'tokn' } : {},
          AssumeRoleWithSAML: keepRequired ? { RoleArn: ROLE_ARN, PrincipalArn: 'arn:aws:iam::123456789012:saml-provider/O', SAMLAssertion: 'abcd' } : {},
        };
        for (const op of OPS) {
          // Only the operation's own members (and the misspelled durationSeconds), except in one run of 20, so the
          // fast path is reached often.
          const own = Object.fromEntries(
            Object.entries(input).filter(([k]) => foreign === 0 || k === 'durationSeconds' || api.membersOf('current', op).includes(k)),
          );
          const x = { ...base[op], ...own };
          clearPolicyMemo();
          const fast = validateRequest(op, x, options);
          const detailed = validateRequestDetailed(op, x, options);
          assert.deepEqual(fast, detailed);
          noInternalError(fast);
          // And again with the policy verdict remembered.
          assert.deepEqual(validateRequest(op, x, options), detailed);
        }
      }),
      { numRuns: 1500 },
    );
  });
  it('valid realistic inputs take the fast path and return the shared frozen result', () => {
    const r = validateAssumeRole(full());
    assert.equal(Object.isFrozen(r), true);
    assert.equal(r, validateAssumeRole(full()));
  });
});

describe('deterministic', () => {
  it('the same input gives the same result', () => {
    fc.assert(
      fc.property(inputArb, optionsArb, (input, options) => {
        for (const op of OPS) assert.deepEqual(validate(op, input, options), validate(op, structuredClone(input), { ...options }));
      }),
      { numRuns: 300 },
    );
  });
});

describe('secrets never appear in any output', () => {
  const canary = 'CanarySecret7fQ2x9ZpLw';
  const digits = '739184';
  function assertClean(result: unknown, secrets: string[]): void {
    const text = JSON.stringify(result);
    for (const s of secrets) assert.ok(!text.includes(s), `secret leaked: ${text.slice(0, 300)}`);
  }
  const secretArb = fc.tuple(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 })).map(([a, b]) => `${a}${canary}${b}`);

  it('WebIdentityToken, SAMLAssertion and TokenCode with every kind of problem', () => {
    fc.assert(
      fc.property(secretArb, inputArb, optionsArb, (secret, input, options) => {
        const web = validateAssumeRoleWithWebIdentity({ ...input, WebIdentityToken: secret }, options);
        const saml = validateAssumeRoleWithSAML({ ...input, SAMLAssertion: secret }, options);
        const role = validateAssumeRole({ ...input, TokenCode: secret }, options);
        const token = validateAssumeRole({ ...input, TokenCode: digits.slice(0, 5) + 'x' }, options);
        for (const r of [web, saml, role]) assertClean(r, [canary]);
        assertClean(token, [digits.slice(0, 5)]);
        for (const [name, fn] of PER_PARAMETER) {
          if (/WebIdentityToken|SAMLAssertion|TokenCode/.test(name)) assertClean(fn(secret, options), [canary]);
        }
      }),
      { numRuns: 300 },
    );
  });
  it('oversized and mistyped secrets, and awsMessage', () => {
    const long = canary.repeat(10_000);
    const results = [
      validateAssumeRoleWithWebIdentity({ RoleArn: ROLE_ARN, RoleSessionName: 'web', WebIdentityToken: long }),
      validateAssumeRoleWithSAML({ RoleArn: ROLE_ARN, PrincipalArn: 'x', SAMLAssertion: long }),
      validateAssumeRole(minimal({ TokenCode: `${digits}${digits}` })),
      validateAssumeRole(minimal({ TokenCode: [digits] })),
      validateAssumeRoleWithWebIdentity({ WebIdentityToken: { canary } }),
    ];
    for (const r of results) {
      assert.equal(r.valid, false);
      assertClean(r, [canary, digits]);
    }
    assert.equal(
      results[0]!.issues[0]!.awsMessage,
      "1 validation error detected: Value '***' at 'webIdentityToken' failed to satisfy constraint: Member must have length less than or equal to 20000",
    );
  });
  it('a throwing getter on a secret does not pass its error message through', () => {
    const input = Object.defineProperty({ RoleArn: ROLE_ARN, RoleSessionName: 'web' }, 'WebIdentityToken', {
      enumerable: true,
      get() {
        throw new Error(`token ${canary} expired`);
      },
    });
    const r = validateAssumeRoleWithWebIdentity(input);
    assertClean(r, [canary]);
    assert.equal(r.issues[0]!.message, 'WebIdentityToken could not be read: Error.');
  });
  it('the thrown RolecallValidationError', () => {
    try {
      assertValidAssumeRole(minimal({ TokenCode: `${digits}1`, SerialNumber: 'GAHT12345678' }));
      assert.fail('should throw');
    } catch (e) {
      assert.ok(e instanceof RolecallValidationError);
      assertClean({ message: e.message, stack: e.stack, issues: e.issues }, [`${digits}1`]);
    }
  });
});
