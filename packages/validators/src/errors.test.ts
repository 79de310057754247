import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  RolecallValidationError,
  assertValidAssumeRole,
  assertValidAssumeRoleWithSAML,
  assertValidAssumeRoleWithWebIdentity,
} from './index.js';
import { minimal, ROLE_ARN } from '../test/helpers.js';

function thrown(f: () => void): RolecallValidationError {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof RolecallValidationError);
    return e;
  }
  assert.fail('expected a RolecallValidationError');
}

describe('assertValid*', () => {
  it('returns for a valid input and narrows its type', () => {
    const input: unknown = minimal();
    assertValidAssumeRole(input);
    // Compiles only because of the `asserts input is AssumeRoleInput` signature.
    assert.equal(input.RoleSessionName, 'deploy-session');
  });
  it('warnings alone do not throw', () => {
    assert.doesNotThrow(() => assertValidAssumeRole(minimal({ SerialNumber: 'GAHT12345678' })));
  });
  it('throws one aggregated error, one issue per line', () => {
    const e = thrown(() => assertValidAssumeRole(minimal({ RoleSessionName: 'a b', DurationSeconds: 99, TokenCode: '123456' })));
    assert.equal(e.name, 'RolecallValidationError');
    assert.equal(e.operation, 'AssumeRole');
    assert.deepEqual(
      e.issues.map((i) => i.code),
      ['invalidCharacters', 'outOfRange', 'tokenCodeWithoutSerialNumber'],
    );
    assert.equal(
      e.message,
      [
        'Invalid AssumeRole input (2 errors, 1 warning):',
        '  - error: RoleSessionName contains a space (U+0020) at position 2; STS accepts only characters matching [\\w+=,.@-]. (invalidCharacters at /RoleSessionName)',
        '  - error: DurationSeconds is 99; STS accepts 900 to 43200. (outOfRange at /DurationSeconds)',
        '  - warning: TokenCode is set but SerialNumber is not; MFA needs both (whether STS rejects one without the other is unverified). (tokenCodeWithoutSerialNumber at /TokenCode)',
      ].join('\n'),
    );
  });
  it('the siblings', () => {
    assert.equal(
      thrown(() => assertValidAssumeRoleWithWebIdentity({ RoleArn: ROLE_ARN, RoleSessionName: 'web' })).message,
      'Invalid AssumeRoleWithWebIdentity input (1 error):\n  - error: WebIdentityToken is missing; AssumeRoleWithWebIdentity requires it. (missingRequired at /WebIdentityToken)',
    );
    assert.equal(
      thrown(() => assertValidAssumeRoleWithSAML(null)).message,
      'Invalid AssumeRoleWithSAML input (1 error):\n  - error: AssumeRoleWithSAMLRequest must be an object; got null. (invalidType at /)',
    );
    assert.doesNotThrow(() =>
      assertValidAssumeRoleWithSAML({ RoleArn: ROLE_ARN, PrincipalArn: 'arn:aws:iam::123456789012:saml-provider/Okta', SAMLAssertion: 'abcd' }),
    );
  });
});
