/**
 * Every constraint or example stated in the seed references (/work/shared/seeds, see their README) as a test, in
 * the compatibility profile of its era and in the current one where the limits differ.
 *
 *  000  amazonka-sts 1.3.1 AssumeRole (2015)
 *  001  paws 0.7.0 sts_assume_role (current parameter set)
 *  002  amazonka-sts 1.2.0 AssumeRoleWithWebIdentity (2015)
 *  003  AWS SDK for Java v1 AssumeRoleRequest constraint blocks (2015)
 *  004  Tufin SecureTrack cross-account AssumeRole fields
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  validateAssumeRole,
  validateAssumeRoleWithWebIdentity,
  validateDurationSeconds,
  validateExternalId,
  validatePolicy,
  validatePolicyArns,
  validateProvidedContexts,
  validateProviderId,
  validateRoleArn,
  validateRoleSessionName,
  validateSerialNumber,
  validateSourceIdentity,
  validateTags,
  validateTokenCode,
  type Issue,
} from './index.js';
import { codes, minimal, ROLE_ARN } from '../test/helpers.js';

const SEED = { profile: 'botocore-2015-04-27' } as const;
const CURRENT = { profile: 'current' } as const;
const BOTH = [SEED, CURRENT];

const codesOf = (issues: readonly Issue[]) => codes(issues).map((c) => c.split(' ')[0]);

describe('seed 000 (amazonka-sts 1.3.1, AssumeRole)', () => {
  it('"DurationSeconds … from 900 seconds (15 minutes) to 3600 seconds (1 hour)": the seed-era range', () => {
    assert.deepEqual(codesOf(validateDurationSeconds(899, SEED)), ['outOfRange']);
    assert.deepEqual(validateDurationSeconds(900, SEED), []);
    assert.deepEqual(validateDurationSeconds(3600, SEED), []);
    assert.deepEqual(codesOf(validateDurationSeconds(3601, SEED)), ['outOfRange']);
    // Today the model allows up to 43200; the role's MaxSessionDuration (default 3600) is the real cap.
    assert.deepEqual(validateDurationSeconds(3601, CURRENT), []);
    assert.deepEqual(codesOf(validateDurationSeconds(3601, { maxSessionDuration: 3600 })), ['maxSessionDurationExceeded']);
  });
  it('"The policy plain text must be 2048 bytes or shorter": 2,049 characters are rejected in both profiles', () => {
    const policy = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: '*', Resource: 'x'.repeat(2000) }] });
    const at = (n: number) => policy.replace('x'.repeat(2000), 'x'.repeat(2000 + n - policy.length));
    assert.equal(at(2048).length, 2048);
    for (const options of BOTH) assert.deepEqual(validatePolicy(at(2048), options), [], options.profile);
    assert.deepEqual(codesOf(validatePolicy(at(2049), SEED)), ['tooLong']);
    // The current model has no maximum for AssumeRole.Policy; the documented plaintext limit is left, as a warning
    // that says the model lifted it (model-update-2026-10.md).
    assert.deepEqual(codesOf(validatePolicy(at(2049), CURRENT)), ['policyPlaintextOverDocumented']);
    assert.equal(validatePolicy(at(2049), CURRENT)[0]!.severity, 'warning');
    assert.deepEqual(codesOf(validatePolicy(at(2049), { ...CURRENT, operation: 'AssumeRoleWithSAML' })), ['tooLong']);
  });
  it('"SerialNumber … such as GAHT12345678 … or arn:aws:iam::123456789012:mfa/user"', () => {
    for (const options of BOTH) {
      assert.deepEqual(validateSerialNumber('GAHT12345678', options), []);
      assert.deepEqual(validateSerialNumber('arn:aws:iam::123456789012:mfa/user', options), []);
    }
  });
  it('"To use MFA with AssumeRole, you pass values for the SerialNumber and TokenCode parameters"', () => {
    for (const options of BOTH) {
      assert.deepEqual(validateAssumeRole(minimal({ SerialNumber: 'GAHT12345678', TokenCode: '123456' }), options).issues, []);
      assert.deepEqual(codesOf(validateAssumeRole(minimal({ TokenCode: '123456' }), options).issues), ['tokenCodeWithoutSerialNumber']);
    }
  });
  it('the MFA condition example is a well-formed condition block', () => {
    const policy = `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition": {"Bool": {"aws:MultiFactorAuthPresent": true}}}}`;
    for (const options of BOTH) assert.deepEqual(validatePolicy(policy, options), []);
  });
  it('RoleArn and RoleSessionName are required', () => {
    for (const options of BOTH) {
      assert.deepEqual(codes(validateAssumeRole({}, options).issues), ['missingRequired /RoleArn', 'missingRequired /RoleSessionName']);
    }
  });
});

describe('seed 001 (paws 0.7.0, the current AssumeRole parameter set)', () => {
  it('RoleSessionName: letters and digits, no spaces, plus _ and =,.@- (the pattern also admits +)', () => {
    for (const options of BOTH) {
      assert.deepEqual(validateRoleSessionName('deploy_Session=1,a.b@c-d', options), []);
      assert.deepEqual(validateRoleSessionName('a+b', options), [], 'the pattern allows + although the prose omits it');
      assert.deepEqual(codesOf(validateRoleSessionName('deploy session', options)), ['invalidCharacters']);
    }
  });
  it('PolicyArns: up to 10', () => {
    const arns = (n: number) => Array.from({ length: n }, (_, i) => ({ arn: `arn:aws:iam::123456789012:policy/P${i}` }));
    for (const options of BOTH) {
      assert.deepEqual(validatePolicyArns(arns(10), options), []);
      assert.deepEqual(codesOf(validatePolicyArns(arns(11), options)), ['tooManyItems']);
    }
  });
  it('"the plaintext that you use for both inline and managed session policies can\'t exceed 2,048 characters"', () => {
    const arn = 'arn:aws:iam::123456789012:policy/ReadOnly';
    const policy = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: '*', Resource: 'x'.repeat(2048 - arn.length - 61) }] });
    assert.equal(policy.length + arn.length, 2048);
    assert.deepEqual(validateAssumeRole(minimal({ Policy: policy, PolicyArns: [{ arn }] })).issues, []);
    const over = policy.replace('"x', '"xx');
    assert.deepEqual(codesOf(validateAssumeRole(minimal({ Policy: over, PolicyArns: [{ arn }] })).issues), ['policyPlaintextOverDocumented']);
  });
  it('Policy characters: U+0020–U+00FF plus tab, line feed and carriage return', () => {
    const policy = (s: string) => `{"Statement":{"Effect":"Allow","Action":"*","Resource":"${s}"}}`;
    for (const options of BOTH) {
      assert.deepEqual(validatePolicy(policy(' ~\u00a0\u00ff'), options), []);
      assert.deepEqual(validatePolicy(`\t${policy('x')}\r\n`, options), []);
      assert.deepEqual(codesOf(validatePolicy(policy('\u0100'), options)), ['invalidCharacters']);
      assert.deepEqual(codesOf(validatePolicy(policy('\u001f'), options)).slice(0, 1), ['invalidCharacters']);
    }
  });
  it('DurationSeconds up to the role setting (1 to 12 hours); role chaining limits to one hour', () => {
    assert.deepEqual(validateDurationSeconds(43200, { maxSessionDuration: 43200 }), []);
    assert.deepEqual(codesOf(validateDurationSeconds(43200, { maxSessionDuration: 21600 })), ['maxSessionDurationExceeded']);
    assert.deepEqual(codesOf(validateDurationSeconds(3601, { roleChaining: true })), ['roleChainingDurationExceeded']);
    assert.deepEqual(validateDurationSeconds(3600, { roleChaining: true }), []);
  });
  it('Tags: up to 50; keys ≤ 128 and values ≤ 256 characters', () => {
    const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    assert.deepEqual(validateTags(tags(50)), []);
    assert.deepEqual(codesOf(validateTags(tags(51))), ['tooManyItems']);
    assert.deepEqual(validateTags([{ Key: 'k'.repeat(128), Value: 'v'.repeat(256) }]), []);
    assert.deepEqual(codesOf(validateTags([{ Key: 'k'.repeat(129), Value: 'v'.repeat(257) }])), ['tooLong', 'tooLong']);
  });
  it('"you cannot have separate Department and department tag keys"', () => {
    assert.deepEqual(codesOf(validateTags([{ Key: 'Department', Value: 'Marketing' }, { Key: 'department', Value: 'engineering' }])), [
      'duplicateKey',
    ]);
  });
  it('"If you pass a session tag with the same key as an inherited tag, the operation fails"', () => {
    assert.deepEqual(codesOf(validateTags([{ Key: 'Project', Value: 'x' }], { inheritedTransitiveTagKeys: ['Project'] })), [
      'inheritedTransitiveKeyConflict',
    ]);
  });
  it('ExternalId: letters and digits without spaces, plus _ and =,.@:/- (2–1224 today; 2–96 without / in the seed era)', () => {
    assert.deepEqual(validateExternalId('partner:tenant/42=a,b.c@d-e_f', CURRENT), []);
    assert.deepEqual(codesOf(validateExternalId('partner:tenant/42', SEED)), ['invalidCharacters']);
    assert.deepEqual(validateExternalId('partner:tenant-42', SEED), []);
    assert.deepEqual(codesOf(validateExternalId('partner 42', CURRENT)), ['invalidCharacters']);
    assert.deepEqual(validateExternalId('e'.repeat(1224), CURRENT), []);
    assert.deepEqual(codesOf(validateExternalId('e'.repeat(97), SEED)), ['tooLong']);
  });
  it('TokenCode: "a sequence of six numeric digits"', () => {
    for (const options of BOTH) {
      assert.deepEqual(validateTokenCode('012345', options), []);
      assert.deepEqual(codesOf(validateTokenCode('01234', options)), ['invalidTokenCode']);
      assert.deepEqual(codesOf(validateTokenCode('01234x', options)), ['invalidTokenCode']);
    }
  });
  it('SourceIdentity: "You cannot use a value that begins with the text aws:"', () => {
    assert.deepEqual(validateSourceIdentity('alice@example.com'), []);
    assert.deepEqual(codesOf(validateSourceIdentity('aws:alice')), ['reservedPrefix']);
  });
  it('the ProvidedContexts example', () => {
    const example = JSON.parse(
      '[{"ProviderArn":"arn:aws:iam::aws:contextProvider/IdentityCenter","ContextAssertion":"trusted-context-assertion"}]',
    ) as unknown;
    assert.deepEqual(validateProvidedContexts(example), []);
    assert.deepEqual(validateAssumeRole(minimal({ ProvidedContexts: example })).issues, []);
  });
});

describe('seed 002 (amazonka-sts 1.2.0, AssumeRoleWithWebIdentity)', () => {
  const web = (extra: Record<string, unknown> = {}) => ({
    RoleArn: ROLE_ARN,
    RoleSessionName: 'web-user',
    WebIdentityToken: 'Atza|IQEBLjAsAhQ',
    ...extra,
  });
  it('ProviderId: "www.amazon.com and graph.facebook.com are the only supported identity providers"', () => {
    for (const options of BOTH) {
      assert.deepEqual(validateProviderId('www.amazon.com', options), []);
      assert.deepEqual(validateProviderId('graph.facebook.com', options), []);
      assert.deepEqual(codesOf(validateProviderId('accounts.google.com', options)), ['providerIdNotAllowed']);
    }
  });
  it('"Do not include URL schemes and port numbers"', () => {
    for (const options of BOTH) {
      assert.deepEqual(codesOf(validateProviderId('https://graph.facebook.com', options)), ['providerIdNotAllowed']);
      assert.deepEqual(codesOf(validateProviderId('www.amazon.com:443', options)), ['providerIdNotAllowed']);
    }
  });
  it('"from 900 seconds (15 minutes) to 3600 seconds (1 hour)": roles then had a fixed one-hour maximum', () => {
    // The 2015-04-27 model itself allowed 900–129600 here (the 3600 model maximum came on 2015-07-08); the
    // one-hour cap of that time is today's default role MaxSessionDuration.
    for (const options of BOTH) {
      const o = { ...options, maxSessionDuration: 3600 };
      assert.deepEqual(validateAssumeRoleWithWebIdentity(web({ DurationSeconds: 900 }), o).issues, []);
      assert.deepEqual(validateAssumeRoleWithWebIdentity(web({ DurationSeconds: 3600 }), o).issues, []);
      assert.deepEqual(codesOf(validateAssumeRoleWithWebIdentity(web({ DurationSeconds: 3601 }), o).issues), ['maxSessionDurationExceeded']);
      assert.deepEqual(codesOf(validateAssumeRoleWithWebIdentity(web({ DurationSeconds: 899 }), o).issues), ['outOfRange']);
    }
  });
  it('"The policy plain text must be 2048 bytes or shorter"', () => {
    const policy = (n: number) => {
      const base = '{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}';
      return base.replace('"*"}', `"${'*'.repeat(n - base.length + 1)}"}`);
    };
    for (const options of BOTH) {
      assert.deepEqual(validateAssumeRoleWithWebIdentity(web({ Policy: policy(2048) }), options).issues, []);
      assert.deepEqual(codesOf(validateAssumeRoleWithWebIdentity(web({ Policy: policy(2049) }), options).issues), ['tooLong']);
    }
  });
  it('WebIdentityToken is required; 2,048 characters at most in the seed era, 20,000 today', () => {
    for (const options of BOTH) {
      assert.deepEqual(codes(validateAssumeRoleWithWebIdentity(web({ WebIdentityToken: undefined }), options).issues), [
        'missingRequired /WebIdentityToken',
      ]);
    }
    const token = 't'.repeat(2049);
    assert.deepEqual(codesOf(validateAssumeRoleWithWebIdentity(web({ WebIdentityToken: token }), SEED).issues), ['tooLong']);
    assert.deepEqual(validateAssumeRoleWithWebIdentity(web({ WebIdentityToken: token }), CURRENT).issues, []);
  });
});

describe('seed 003 (AWS SDK for Java v1 AssumeRoleRequest constraint blocks)', () => {
  const seedAndCurrent: [string, (v: unknown, o: typeof SEED | typeof CURRENT) => Issue[], unknown, string[], string[]][] = [
    // [what, validator, value, codes in the seed era, codes today]
    ['RoleArn length 20–2048: 19 characters', validateRoleArn, 'arn:aws:iam::1234:r', ['tooShort', 'notARoleArn'], ['tooShort', 'notARoleArn']],
    ['RoleSessionName length 2–32: 33 characters', validateRoleSessionName, 's'.repeat(33), ['tooLong'], []],
    ['RoleSessionName length 2–32: 1 character', validateRoleSessionName, 's', ['tooShort'], ['tooShort']],
    ['RoleSessionName pattern [\\w+=,.@-]*', validateRoleSessionName, 'a:b', ['invalidCharacters'], ['invalidCharacters']],
    ['DurationSeconds range 900–3600: 3601', validateDurationSeconds, 3601, ['outOfRange'], []],
    ['ExternalId length 2–96: 97', validateExternalId, 'e'.repeat(97), ['tooLong'], []],
    ['ExternalId pattern [\\w+=,.@:-]*: "/" only today', validateExternalId, 'a/b', ['invalidCharacters'], []],
    ['SerialNumber length 9–256: 8', validateSerialNumber, 'GAHT1234', ['tooShort'], ['tooShort']],
    ['SerialNumber length 9–256: 257', validateSerialNumber, 's'.repeat(257), ['tooLong'], ['tooLong']],
    ['SerialNumber pattern [\\w+=/:,.@-]*', validateSerialNumber, 'GAHT 12345678', ['invalidCharacters'], ['invalidCharacters']],
    ['TokenCode length 6–6, pattern [\\d]*', validateTokenCode, '12345a', ['invalidTokenCode'], ['invalidTokenCode']],
    ['Policy length 1–2048: empty', validatePolicy, '', ['tooShort'], ['tooShort']],
  ];
  for (const [what, fn, value, seedCodes, currentCodes] of seedAndCurrent) {
    it(what, () => {
      assert.deepEqual(codesOf(fn(value, SEED)), seedCodes, 'seed era');
      assert.deepEqual(codesOf(fn(value, CURRENT)), currentCodes, 'current');
    });
  }
  it('RoleArn had no character pattern in the seed era', () => {
    const arn = 'arn:aws:iam::123456789012:role/x\u0001y';
    assert.deepEqual(codesOf(validateRoleArn(arn, SEED)), ['notARoleArn']);
    assert.deepEqual(codesOf(validateRoleArn(arn, CURRENT)), ['invalidCharacters', 'notARoleArn']);
  });
});

describe('seed 004 (Tufin SecureTrack AssumeRole fields)', () => {
  it('the example RoleArn arn:aws:iam::006751140943:role/AssumRoleAdmin is valid', () => {
    for (const options of BOTH) {
      assert.deepEqual(validateRoleArn('arn:aws:iam::006751140943:role/AssumRoleAdmin', options), []);
      assert.deepEqual(
        validateAssumeRole({ RoleArn: 'arn:aws:iam::006751140943:role/AssumRoleAdmin', RoleSessionName: 'securetrack' }, options).issues,
        [],
      );
    }
  });
  it('"Duration of the role session, in seconds: 900 s - 3600 s", default 3600', () => {
    assert.deepEqual(validateDurationSeconds(3600, SEED), []);
    assert.deepEqual(codesOf(validateDurationSeconds(3601, SEED)), ['outOfRange']);
    assert.deepEqual(codesOf(validateDurationSeconds(899, CURRENT)), ['outOfRange']);
  });
  it('the optional ExternalID, SerialNumber and TokenCode together', () => {
    const input = minimal({
      RoleArn: 'arn:aws:iam::006751140943:role/AssumRoleAdmin',
      ExternalId: 'securetrack-external-id',
      SerialNumber: 'arn:aws:iam::123456789012:mfa/user',
      TokenCode: '123456',
    });
    for (const options of BOTH) assert.deepEqual(validateAssumeRole(input, options).issues, []);
  });
});
