import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  validate,
  validateAssumeRole,
  validateAssumeRoleWithSAML,
  validateAssumeRoleWithWebIdentity,
  validateDurationSeconds,
  validatePolicyArns,
  validatePrincipalArn,
  validateProviderId,
  validateRoleArn,
  validateSourceIdentity,
  validateProvidedContexts,
  validateTags,
  validateTokenCode,
  validateTransitiveTagKeys,
  type Issue,
} from './index.js';
import { brief, codes, full, minimal, POLICY, ROLE_ARN } from '../test/helpers.js';

function only(issues: readonly Issue[]): Issue {
  assert.equal(issues.length, 1, JSON.stringify(brief(issues), null, 1));
  return issues[0]!;
}

describe('valid inputs', () => {
  it('the smallest AssumeRole input', () => {
    assert.deepEqual(validateAssumeRole(minimal()), { valid: true, issues: [] });
  });
  it('every AssumeRole member', () => {
    assert.deepEqual(validateAssumeRole(full()), { valid: true, issues: [] });
  });
  it('the same object parsed from `aws sts assume-role --cli-input-json` JSON', () => {
    const json = JSON.stringify(full());
    assert.deepEqual(validateAssumeRole(JSON.parse(json)), { valid: true, issues: [] });
  });
  it('SDK inputs with undefined optional members', () => {
    assert.deepEqual(validateAssumeRole(minimal({ DurationSeconds: undefined, Tags: undefined })).issues, []);
  });
  it('AssumeRoleWithWebIdentity and AssumeRoleWithSAML', () => {
    assert.deepEqual(
      validateAssumeRoleWithWebIdentity({
        RoleArn: ROLE_ARN,
        RoleSessionName: 'web-user',
        WebIdentityToken: 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln',
        ProviderId: 'www.amazon.com',
        PolicyArns: [{ arn: 'arn:aws:iam::123456789012:policy/Read' }],
        Policy: POLICY,
        DurationSeconds: 900,
      }).issues,
      [],
    );
    assert.deepEqual(
      validateAssumeRoleWithSAML({
        RoleArn: ROLE_ARN,
        PrincipalArn: 'arn:aws:iam::123456789012:saml-provider/Okta',
        SAMLAssertion: 'PHNhbWw+',
        DurationSeconds: 43200,
      }).issues,
      [],
    );
  });
  it('validate() is the generic form', () => {
    assert.deepEqual(validate('AssumeRole', minimal()), validateAssumeRole(minimal()));
    assert.deepEqual(validate('AssumeRoleWithSAML', {}).issues.map((i) => i.path), ['/RoleArn', '/PrincipalArn', '/SAMLAssertion']);
  });
  it('role ARNs in every partition of the reference, with paths', () => {
    for (const partition of ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc']) {
      assert.deepEqual(validateRoleArn(`arn:${partition}:iam::123456789012:role/x`), [], partition);
    }
    for (const arn of [
      'arn:aws:iam::123456789012:role/application_abc/component_xyz/RDSAccess',
      'arn:aws:iam::123456789012:role/aws-service-role/access-analyzer.amazonaws.com/AWSServiceRoleForAccessAnalyzer',
      'arn:aws:iam::123456789012:role/service-role/QuickSightAction',
    ]) {
      assert.deepEqual(validateRoleArn(arn), [], arn);
    }
  });
});

describe('input shape', () => {
  for (const [input, received] of [
    [null, 'null'],
    [[], 'an array'],
    ['{"RoleArn":"x"}', 'a string ("{\\"RoleArn\\":\\"x\\"}")'],
    [42, 'a number (42)'],
    [undefined, 'undefined'],
  ] as const) {
    it(`rejects ${received}`, () => {
      const r = validateAssumeRole(input);
      assert.equal(r.valid, false);
      assert.deepEqual(brief(r.issues), [
        {
          code: 'invalidType',
          path: '',
          severity: 'error',
          message: `AssumeRoleRequest must be an object; got ${received}.`,
        },
      ]);
    });
  }
  it('reports missing required members in model order', () => {
    assert.deepEqual(brief(validateAssumeRole({}).issues), [
      { code: 'missingRequired', path: '/RoleArn', severity: 'error', message: 'RoleArn is missing; AssumeRole requires it.' },
      {
        code: 'missingRequired',
        path: '/RoleSessionName',
        severity: 'error',
        message: 'RoleSessionName is missing; AssumeRole requires it.',
      },
    ]);
  });
  it('reports unknown members, with a hint for a wrong case', () => {
    const issue = only(validateAssumeRole(minimal({ durationSeconds: 3600 })).issues);
    assert.equal(issue.code, 'unknownParameter');
    assert.equal(issue.path, '/durationSeconds');
    assert.equal(
      issue.message,
      'durationSeconds is not accepted by AssumeRole. Did you mean "DurationSeconds"? Parameter names are case-sensitive; the SDK silently drops a misspelled one.',
    );
  });
  it('explains members of another operation', () => {
    const web = { RoleArn: ROLE_ARN, RoleSessionName: 'web', WebIdentityToken: 'token' };
    assert.deepEqual(brief(validateAssumeRoleWithWebIdentity({ ...web, ExternalId: 'partner', Tags: [] }).issues), [
      {
        code: 'unknownParameter',
        path: '/ExternalId',
        severity: 'error',
        message: 'ExternalId is not accepted by AssumeRoleWithWebIdentity. It is a parameter of AssumeRole, not of AssumeRoleWithWebIdentity.',
      },
      {
        code: 'unknownParameter',
        path: '/Tags',
        severity: 'error',
        message:
          "Tags is not accepted by AssumeRoleWithWebIdentity. With AssumeRoleWithWebIdentity, session tags, transitive tag keys and the source identity come from the identity provider's token or assertion, not from request parameters.",
      },
    ]);
  });
  it('unknown keys inside list items, with the SDK spelling as hint', () => {
    const issue = only(validateAssumeRole(minimal({ PolicyArns: [{ Arn: 'arn:aws:iam::123456789012:policy/Read' }] })).issues);
    assert.equal(issue.path, '/PolicyArns/0/Arn');
    assert.equal(issue.message, 'PolicyArns[0].Arn is not accepted by AssumeRole. Did you mean "PolicyArns[0].arn"?');
  });
  it('wrong types, without echoing secrets', () => {
    assert.deepEqual(
      brief(validateAssumeRole(minimal({ DurationSeconds: '3600', TokenCode: 123456, SerialNumber: 'GAHT12345678' })).issues),
      [
        {
          code: 'invalidType',
          path: '/DurationSeconds',
          severity: 'error',
          message: 'DurationSeconds must be an integer; got a string ("3600").',
        },
        { code: 'invalidType', path: '/TokenCode', severity: 'error', message: 'TokenCode must be a string; got a number.' },
      ],
    );
  });
  it('a fractional DurationSeconds', () => {
    assert.equal(
      only(validateDurationSeconds(3600.5)).message,
      'DurationSeconds is 3600.5; STS accepts only whole numbers from 900 to 43200.',
    );
  });
  it('list items of the wrong shape', () => {
    assert.deepEqual(codes(validateTags(['Team=data', { Key: 'a' }])), [
      'invalidType /Tags/0',
      'missingRequired /Tags/1/Value',
    ]);
    assert.equal(validateTags([{ Key: 'a' }])[0]!.message, 'Tags[0].Value is missing; AssumeRole requires it.');
  });
});

describe('RoleArn must be an IAM role ARN (reference §6)', () => {
  const cases: [string, string, string?][] = [
    [
      'arn:aws:iam::123456789012:user/alice',
      'RoleArn is not an IAM role ARN: it names an IAM user (user/alice). Pass the ARN of the role to assume, e.g. arn:aws:iam::123456789012:role/<role name>.',
    ],
    [
      'arn:aws:sts::123456789012:assumed-role/Deploy/session-1',
      "RoleArn is not an IAM role ARN: it is the ARN of an assumed-role session (arn:…:sts::…:assumed-role/…). Pass the role's own ARN instead: arn:aws:iam::123456789012:role/Deploy.",
    ],
    [
      'arn:aws:iam::123456789012:Deploy',
      'RoleArn is not an IAM role ARN: the resource part has no "role/" before the role name. Did you mean arn:aws:iam::123456789012:role/Deploy?',
    ],
    [
      'arn:aws-xx:iam::123456789012:role/x',
      'RoleArn is not an IAM role ARN: partition "aws-xx" is not one of aws, aws-cn, aws-eusc, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-us-gov.',
    ],
    [
      'arn:aws:iam:us-east-1:123456789012:role/x',
      'RoleArn is not an IAM role ARN: IAM ARNs have an empty region field; found "us-east-1". Expected arn:<partition>:iam::<12-digit account>:role/<optional/path/><role name>.',
    ],
    [
      'arn:aws:iam::1234-5678-9012:role/x',
      'RoleArn is not an IAM role ARN: account "1234-5678-9012" is not a 12-digit AWS account ID. Expected arn:<partition>:iam::<12-digit account>:role/<optional/path/><role name>.',
    ],
    [
      'arn:aws:iam::123456789012:policy/ReadOnly',
      'RoleArn is not an IAM role ARN: the resource is "policy", not "role". Expected arn:<partition>:iam::<12-digit account>:role/<optional/path/><role name>.',
    ],
    [
      'arn:aws:iam::123456789012:role/team a/x',
      'RoleArn is not an IAM role ARN: the path "/team a/" is not a valid IAM path (printable ASCII between slashes).',
    ],
    [
      'the role to assume, please',
      'RoleArn is not an IAM role ARN: it does not start with "arn:". Expected arn:<partition>:iam::<12-digit account>:role/<optional/path/><role name>.',
      'the role to assume, please is invalid',
    ],
  ];
  for (const [arn, message, aws] of cases) {
    it(arn, () => {
      const issue = only(validateAssumeRole(minimal({ RoleArn: arn })).issues);
      assert.equal(issue.code, 'notARoleArn');
      assert.equal(issue.path, '/RoleArn');
      assert.equal(issue.message, message);
      assert.equal(issue.awsMessage, aws);
    });
  }
  it('role name at 64 and 65 characters (IAM roleNameType)', () => {
    assert.deepEqual(validateRoleArn(`arn:aws:iam::123456789012:role/${'r'.repeat(64)}`), []);
    assert.equal(
      only(validateRoleArn(`arn:aws:iam::123456789012:role/${'r'.repeat(65)}`)).message,
      `RoleArn is not an IAM role ARN: the name "${'r'.repeat(64)}…" is not a valid role name (1 to 64 letters, digits and _+=,.@-).`,
    );
  });
  it('role path at 512 and 513 characters', () => {
    const path = (n: number) => `/${'p'.repeat(n - 2)}/`;
    assert.deepEqual(validateRoleArn(`arn:aws:iam::123456789012:role${path(512)}x`), []);
    assert.equal(
      only(validateRoleArn(`arn:aws:iam::123456789012:role${path(513)}x`)).message,
      'RoleArn is not an IAM role ARN: the path is 513 characters; IAM accepts at most 512.',
    );
  });
  it('role path of several segments at 511, 512 and 513 characters, through the whole-request fast path', () => {
    // Segments of 9 characters and a slash; the last one padded to reach n.
    const path = (n: number) => `/${'segment-/'.repeat(Math.floor((n - 2) / 9))}${'q'.repeat((n - 2) % 9)}/`;
    for (const n of [511, 512, 513]) assert.equal(path(n).length, n);
    for (const n of [511, 512]) assert.equal(validateAssumeRole(minimal({ RoleArn: `arn:aws:iam::123456789012:role${path(n)}x` })).valid, true);
    assert.equal(
      only(validateAssumeRole(minimal({ RoleArn: `arn:aws:iam::123456789012:role${path(513)}x` })).issues).message,
      'RoleArn is not an IAM role ARN: the path is 513 characters; IAM accepts at most 512.',
    );
  });
  it('whole ARNs of 511, 512 and 513 characters with a short path (the path is measured only in a longer text)', () => {
    // roleArnProblem skips measuring the path when the whole text is within the path limit: both sides of that edge.
    for (const n of [511, 512, 513]) {
      const arn = `arn:aws:iam::123456789012:role/${'seg/'.repeat(112)}`; // a 449-character path
      const full = `${arn}${'n'.repeat(n - arn.length)}`; // a name of 32 to 34 characters
      assert.equal(full.length, n);
      assert.deepEqual(validateRoleArn(full), []);
      assert.equal(validateAssumeRole(minimal({ RoleArn: full })).valid, true);
    }
  });
  it('a bare role name is also too short for the model', () => {
    assert.deepEqual(brief(validateRoleArn('Deploy')), [
      { code: 'tooShort', path: '/RoleArn', severity: 'error', message: 'RoleArn is 6 characters long; STS requires at least 20.' },
      {
        code: 'notARoleArn',
        path: '/RoleArn',
        severity: 'error',
        message:
          'RoleArn is not an IAM role ARN: it is a bare role name, not an ARN. Pass the full ARN, e.g. arn:aws:iam::123456789012:role/Deploy.',
      },
    ]);
    // STS checks the length first, so only that issue carries STS's text.
    assert.equal(validateRoleArn('Deploy')[1]!.awsMessage, undefined);
  });
});

describe('values from the input are quoted and escaped in messages', () => {
  it('control characters and quotes cannot garble a message', () => {
    assert.equal(
      validateRoleArn('arn:aws:iam::123456789012:role/d\u0001"x')[1]!.message,
      'RoleArn is not an IAM role ARN: the name "d\\u0001\\"x" is not a valid role name (1 to 64 letters, digits and _+=,.@-).',
    );
    const unknown = only(validateAssumeRole(minimal({ 'Bad\nKey': 1 })).issues);
    assert.equal(unknown.message, '"Bad\\nKey" is not accepted by AssumeRole.');
    assert.equal(unknown.parameter, 'Bad\nKey');
  });
  it('long values are shortened', () => {
    const issue = validateTags([{ Key: `aws:${'k'.repeat(100)}`, Value: 'v' }])[0]!;
    assert.equal(issue.message, `Tags[0].Key "aws:${'k'.repeat(60)}…" starts with "aws:", a prefix AWS reserves for its own use.`);
  });
  it('JSON type names', () => {
    assert.equal(only(validateTags({ Key: 'a', Value: 'b' })).message, 'Tags must be an array; got an object.');
    assert.equal(only(validateTags([null])).message, 'Tags[0] must be an object; got null.');
  });
});

describe('PrincipalArn, ProviderId, PolicyArns, AWSReservedSSO_', () => {
  it('PrincipalArn must be a SAML provider ARN', () => {
    assert.deepEqual(validatePrincipalArn('arn:aws:iam::123456789012:saml-provider/Okta'), []);
    assert.equal(
      only(validatePrincipalArn('arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com')).message,
      'PrincipalArn is not an IAM SAML provider ARN: the resource is "oidc-provider", not "saml-provider". Expected arn:<partition>:iam::<12-digit account>:saml-provider/<provider name>.',
    );
  });
  it('ProviderId: only www.amazon.com and graph.facebook.com, host name only', () => {
    assert.deepEqual(validateProviderId('www.amazon.com'), []);
    assert.deepEqual(validateProviderId('graph.facebook.com'), []);
    assert.equal(
      only(validateProviderId('https://www.amazon.com')).message,
      'ProviderId is "https://www.amazon.com"; give the host name only, without URL scheme or port: "www.amazon.com".',
    );
    assert.equal(
      only(validateProviderId('graph.facebook.com:443')).message,
      'ProviderId is "graph.facebook.com:443"; give the host name only, without URL scheme or port: "graph.facebook.com".',
    );
    assert.equal(
      only(validateProviderId('accounts.google.com')).message,
      'ProviderId is "accounts.google.com"; STS accepts only www.amazon.com and graph.facebook.com (OAuth 2.0 access tokens). Omit ProviderId for OpenID Connect ID tokens.',
    );
  });
  it('PolicyArns entries must be managed policy ARNs', () => {
    assert.deepEqual(validatePolicyArns([{ arn: 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess' }]), []);
    const issue = only(validatePolicyArns([{ arn: 'arn:aws:iam::123456789012:role/ReadOnly' }]));
    assert.equal(issue.path, '/PolicyArns/0/arn');
    assert.equal(
      issue.message,
      'PolicyArns[0].arn is not an IAM managed policy ARN: the resource is "role", not "policy". Expected arn:<partition>:iam::<12-digit account or "aws">:policy/<optional/path/><policy name>.',
    );
  });
  it('at most 10 PolicyArns (documented only; the model has no maxItems)', () => {
    const arns = (n: number) => Array.from({ length: n }, (_, i) => ({ arn: `arn:aws:iam::123456789012:policy/P${i}` }));
    assert.deepEqual(validatePolicyArns(arns(9)), []);
    assert.deepEqual(validatePolicyArns(arns(10)), []);
    assert.equal(only(validatePolicyArns(arns(11))).message, 'PolicyArns has 11 items; STS accepts at most 10.');
  });
  it('AssumeRoleWithSAML does not work for AWSReservedSSO_ roles', () => {
    const arn = 'arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123abcd';
    const issue = only(
      validateAssumeRoleWithSAML({ RoleArn: arn, PrincipalArn: 'arn:aws:iam::123456789012:saml-provider/Okta', SAMLAssertion: 'PHNhbWw+' })
        .issues,
    );
    assert.equal(issue.code, 'reservedSsoRole');
    assert.equal(
      issue.message,
      'RoleArn names the IAM Identity Center role "AWSReservedSSO_Admin_0123abcd"; AssumeRoleWithSAML does not work for roles whose names start with "AWSReservedSSO_".',
    );
    assert.equal(arn.slice(issue.range!.start, issue.range!.end), 'AWSReservedSSO_Admin_0123abcd');
    // Only AssumeRoleWithSAML is affected.
    assert.deepEqual(validateAssumeRole(minimal({ RoleArn: arn })).issues, []);
  });
  it('operations alternating call after call each get their own default options (remembered per last operation)', () => {
    const arn = 'arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123abcd';
    const saml = { RoleArn: arn, PrincipalArn: 'arn:aws:iam::123456789012:saml-provider/Okta', SAMLAssertion: 'PHNhbWw+' };
    for (let i = 0; i < 3; i++) {
      assert.deepEqual(validateAssumeRole(minimal({ RoleArn: arn })).issues, []);
      assert.deepEqual(codes(validateAssumeRoleWithSAML(saml).issues), ['reservedSsoRole /RoleArn']);
      assert.deepEqual(codes(validate('AssumeRoleWithSAML', saml).issues), ['reservedSsoRole /RoleArn']);
      assert.deepEqual(validate('AssumeRole', minimal({ RoleArn: arn })).issues, []);
    }
  });
});

describe('session tags (reference §5.3)', () => {
  it('keys are unique case-insensitively; the later key is reported with STS text', () => {
    const issue = only(validateAssumeRole(minimal({ Tags: [{ Key: 'Department', Value: 'a' }, { Key: 'department', Value: 'b' }] })).issues);
    assert.equal(issue.code, 'duplicateKey');
    assert.equal(issue.path, '/Tags/1/Key');
    assert.equal(
      issue.message,
      'Tags[1].Key "department" repeats Tags[0].Key "Department"; tag keys are case-insensitive, so STS sees the same key twice.',
    );
    assert.equal(issue.awsMessage, 'Duplicate tag keys found. Please note that Tag keys are case insensitive.');
  });
  it('keys and values must not start with aws: in any case', () => {
    assert.deepEqual(brief(validateTags([{ Key: 'AWS:team', Value: 'x' }, { Key: 'team', Value: 'aws:x' }])), [
      {
        code: 'reservedPrefix',
        path: '/Tags/0/Key',
        severity: 'error',
        message: 'Tags[0].Key "AWS:team" starts with "aws:", a prefix AWS reserves for its own use.',
      },
      {
        code: 'reservedPrefix',
        path: '/Tags/1/Value',
        severity: 'error',
        message: 'Tags[1].Value "aws:x" starts with "aws:", a prefix AWS reserves for its own use.',
      },
    ]);
    assert.deepEqual(validateTags([{ Key: 'awsteam', Value: 'aws-x' }]), []);
  });
  it('a key equal to an inherited transitive key fails, case-insensitively', () => {
    const issue = only(validateTags([{ Key: 'project', Value: 'x' }], { inheritedTransitiveTagKeys: ['Project'] }));
    assert.equal(issue.code, 'inheritedTransitiveKeyConflict');
    assert.equal(
      issue.message,
      'Tags[0].Key "project" conflicts with the transitive tag key "Project" inherited from the calling session; an inherited transitive tag cannot be set again.',
    );
    assert.equal(
      issue.awsMessage,
      "One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session.",
    );
  });
  it('TransitiveTagKeys must name passed tags (case-insensitive match accepted)', () => {
    const tags = [{ Key: 'SessionTag1', Value: 'a' }];
    assert.deepEqual(validateAssumeRole(minimal({ Tags: tags, TransitiveTagKeys: ['sessiontag1'] })).issues, []);
    const issue = only(validateAssumeRole(minimal({ Tags: tags, TransitiveTagKeys: ['SessionTag2'] })).issues);
    assert.equal(issue.code, 'transitiveKeyNotInTags');
    assert.equal(issue.path, '/TransitiveTagKeys/0');
    assert.equal(
      issue.message,
      'TransitiveTagKeys[0] "SessionTag2" does not match the key of any tag in Tags; a transitive tag key must name a tag passed in the same call.',
    );
    assert.equal(issue.awsMessage, 'The specified transitive tag key must be included in the requested tags.');
    assert.deepEqual(codes(validateAssumeRole(minimal({ TransitiveTagKeys: ['a'] })).issues), ['transitiveKeyNotInTags /TransitiveTagKeys/0']);
  });
  it('a repeated transitive key is a warning (unverified)', () => {
    const issue = only(validateTransitiveTagKeys(['Team', 'team']));
    assert.equal(issue.severity, 'warning');
    assert.equal(issue.message, 'TransitiveTagKeys[1] "team" repeats TransitiveTagKeys[0] "Team"; tag keys are case-insensitive, so STS sees the same key twice.');
  });
});

describe('DurationSeconds beyond the model (reference §5.1)', () => {
  it('role chaining caps at 3600', () => {
    assert.deepEqual(validateDurationSeconds(3600, { roleChaining: true }), []);
    const issue = only(validateDurationSeconds(3601, { roleChaining: true }));
    assert.equal(issue.code, 'roleChainingDurationExceeded');
    assert.equal(issue.message, 'DurationSeconds is 3601; a session assumed with role credentials (role chaining) lasts at most 3600 seconds.');
    assert.equal(issue.limit, 3600);
    assert.equal(issue.awsMessage, 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
  });
  it("the role's MaxSessionDuration", () => {
    assert.deepEqual(validateDurationSeconds(7200, { maxSessionDuration: 7200 }), []);
    const issue = only(validateDurationSeconds(7201, { maxSessionDuration: 7200 }));
    assert.equal(issue.code, 'maxSessionDurationExceeded');
    assert.equal(issue.message, "DurationSeconds is 7201; the role's MaxSessionDuration is 7200, so STS rejects the call.");
    assert.equal(issue.awsMessage, 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  });
  it('reports the tighter of the two caps once', () => {
    assert.deepEqual(codes(validateDurationSeconds(9000, { roleChaining: true, maxSessionDuration: 7200 })), [
      'roleChainingDurationExceeded /DurationSeconds',
    ]);
    assert.deepEqual(codes(validateDurationSeconds(5000, { roleChaining: true, maxSessionDuration: 7200 })), [
      'roleChainingDurationExceeded /DurationSeconds',
    ]);
  });
  it('role chaining applies to AssumeRole only (the other two calls are unsigned)', () => {
    const web = { RoleArn: ROLE_ARN, RoleSessionName: 'web', WebIdentityToken: 'token', DurationSeconds: 7200 };
    assert.deepEqual(validateAssumeRoleWithWebIdentity(web, { roleChaining: true }).issues, []);
    assert.deepEqual(codes(validateAssumeRoleWithWebIdentity(web, { maxSessionDuration: 3600 }).issues), [
      'maxSessionDurationExceeded /DurationSeconds',
    ]);
  });
});

describe('MFA: TokenCode and SerialNumber', () => {
  it('TokenCode is exactly six digits, never echoed', () => {
    assert.deepEqual(validateTokenCode('123456'), []);
    assert.equal(only(validateTokenCode('12345')).message, 'TokenCode must be exactly 6 digits; got 5 characters.');
    assert.equal(only(validateTokenCode('1234567')).message, 'TokenCode must be exactly 6 digits; got 7 characters.');
    assert.equal(only(validateTokenCode('12a456')).message, 'TokenCode must be exactly 6 digits; got 6 characters, not all digits.');
    assert.equal(only(validateTokenCode('1')).message, 'TokenCode must be exactly 6 digits; got 1 character.');
    assert.equal(
      only(validateTokenCode('12a45')).awsMessage,
      "1 validation error detected: Value '***' at 'tokenCode' failed to satisfy constraint: Member must have length greater than or equal to 6",
    );
  });
  it('one without the other is a warning (whether STS rejects it is unverified)', () => {
    assert.deepEqual(brief(validateAssumeRole(minimal({ TokenCode: '123456' })).issues), [
      {
        code: 'tokenCodeWithoutSerialNumber',
        path: '/TokenCode',
        severity: 'warning',
        message: 'TokenCode is set but SerialNumber is not; MFA needs both (whether STS rejects one without the other is unverified).',
      },
    ]);
    const r = validateAssumeRole(minimal({ SerialNumber: 'GAHT12345678' }));
    assert.equal(r.valid, true, 'warnings do not make the input invalid');
    assert.deepEqual(codes(r.issues), ['serialNumberWithoutTokenCode /SerialNumber']);
  });
});

describe('SourceIdentity', () => {
  it('a value starting with aws: gets the reserved-prefix message, not a second pattern message', () => {
    assert.deepEqual(brief(validateSourceIdentity('aws:alice')), [
      {
        code: 'reservedPrefix',
        path: '/SourceIdentity',
        severity: 'error',
        message: 'SourceIdentity "aws:alice" starts with "aws:", a prefix AWS reserves for its own use.',
      },
    ]);
  });
  it('other bad characters after the prefix are still reported', () => {
    assert.deepEqual(codes(validateSourceIdentity('aws:al ice')), ['invalidCharacters /SourceIdentity', 'reservedPrefix /SourceIdentity']);
    assert.deepEqual(validateSourceIdentity('aws:al ice')[0]!.range, { start: 6, end: 7 });
  });
});

describe('characters and the awsMessage family', () => {
  it('RoleSessionName with ":" as recorded from AWS', () => {
    const issue = only(validateAssumeRole(minimal({ RoleSessionName: 'Session1:2' })).issues);
    assert.equal(issue.code, 'invalidCharacters');
    assert.equal(
      issue.message,
      "RoleSessionName contains ':' (U+003A) at position 9; STS accepts only characters matching [\\w+=,.@-].",
    );
    assert.deepEqual(issue.range, { start: 8, end: 9 });
    assert.equal(
      issue.awsMessage,
      "1 validation error detected: Value 'Session1:2' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
    );
  });
  it('RoleSessionName of 65 characters as recorded from AWS', () => {
    const name = 's'.repeat(65);
    const issue = only(validateAssumeRole(minimal({ RoleSessionName: name })).issues);
    assert.equal(issue.message, 'RoleSessionName is 65 characters; STS accepts at most 64.');
    assert.equal(
      issue.awsMessage,
      `1 validation error detected: Value '${name}' at 'roleSessionName' failed to satisfy constraint: Member must have length less than or equal to 64`,
    );
  });
  it('white space is named', () => {
    assert.equal(
      only(validateAssumeRole(minimal({ RoleSessionName: 'my session' })).issues).message,
      'RoleSessionName contains a space (U+0020) at position 3; STS accepts only characters matching [\\w+=,.@-].',
    );
  });
  it('Policy characters outside U+0009/000A/000D/0020–00FF, at the first one', () => {
    const policy = POLICY.replace('example-bucket', 'exämple-bücket–x');
    const issue = validateAssumeRole(minimal({ Policy: policy })).issues[0]!;
    assert.equal(issue.code, 'invalidCharacters');
    assert.equal(policy.slice(issue.range!.start, issue.range!.end), '–');
    assert.match(issue.message, /^Policy contains '–' \(U\+2013\) at position \d+; STS accepts only characters matching \[\\u0009\\u000A\\u000D\\u0020-\\u00FF\]\.$/);
  });
  it('tag keys accept letters of any script, spaces and _.:/=+-@', () => {
    assert.deepEqual(validateTags([{ Key: 'Équipe données', Value: 'été/2024 + α=β@x' }]), []);
    const issue = only(validateTags([{ Key: 'team!', Value: 'x' }]));
    assert.equal(issue.path, '/Tags/0/Key');
    assert.equal(issue.message, "Tags[0].Key contains '!' (U+0021) at position 5; STS accepts only characters matching [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@].");
    assert.equal(issue.awsMessage, undefined, 'nested members have no recorded wire text');
  });
  it('arnType as STS reads it: a ProviderArn with an emoji is rejected at the emoji (model-update-2026-10.md)', () => {
    const issue = only(validateProvidedContexts([{ ProviderArn: 'arn:aws:iam::aws:contextProvider/\u{1F600}', ContextAssertion: 'abcd' }]));
    assert.equal(issue.code, 'invalidCharacters');
    assert.equal(issue.path, '/ProvidedContexts/0/ProviderArn');
    assert.deepEqual(issue.range, { start: 33, end: 35 });
    assert.equal(
      issue.message,
      "ProvidedContexts[0].ProviderArn contains '\u{1F600}' (U+1F600) at position 34; STS accepts only characters matching [\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF].",
    );
    // U+007F–U+009F sit in the range 0-\u10FF that Java reads in the same text: accepted.
    assert.deepEqual(validateProvidedContexts([{ ProviderArn: 'arn:aws:iam::aws:contextProvider/a\u0080', ContextAssertion: 'abcd' }]), []);
  });
  it('tag characters do not depend on the ICU of the running Node: U+1F600 is no letter, U+10D4A (Unicode 16) is not in Unicode 15.0', () => {
    assert.equal(only(validateTags([{ Key: 'k\u{10D4A}', Value: '' }])).code, 'invalidCharacters');
    assert.deepEqual(validateTags([{ Key: 'k\u{11F04}', Value: '' }]), [], 'U+11F04 KAWI LETTER A, assigned in Unicode 15.0');
  });
});

describe('inline policy + managed ARNs plaintext ≤ 2,048 (documented; reference §5.2.1)', () => {
  const arn = 'arn:aws:iam::123456789012:policy/ReadOnly'; // 41 characters
  function policyOfLength(n: number): string {
    const base = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b/' }] });
    const pad = n - base.length;
    return base.replace('b/', `b/${'x'.repeat(pad)}`);
  }
  for (const total of [2047, 2048, 2049]) {
    it(`Policy + 1 ARN = ${total}`, () => {
      const policy = policyOfLength(total - arn.length);
      assert.equal(policy.length + arn.length, total);
      const issues = validateAssumeRole(minimal({ Policy: policy, PolicyArns: [{ arn }] })).issues;
      if (total <= 2048) {
        assert.deepEqual(issues, []);
        return;
      }
      const issue = only(issues);
      // AssumeRole: the model lifted the cap in 2023, so the documented limit is a warning that says so.
      assert.equal(issue.code, 'policyPlaintextOverDocumented');
      assert.equal(issue.severity, 'warning');
      assert.equal(issue.path, '/Policy');
      assert.equal(
        issue.message,
        `The session policies are 2049 characters (Policy ${policy.length} + PolicyArns 41); the AssumeRole documentation states at most 2048 combined, but the STS model lifted that cap for AssumeRole in 2023 (Policy has no maximum since 2023-10-02) and no AWS answer is recorded, so whether STS rejects this is unverified. Without whitespace the Policy is ${policy.length} characters.`,
      );
      // Where the model caps Policy, the same total is an error.
      const saml = validateAssumeRoleWithSAML({ RoleArn: 'arn:aws:iam::123456789012:role/r', PrincipalArn: 'arn:aws:iam::123456789012:saml-provider/p', SAMLAssertion: 'PHNhbWw+', Policy: policy, PolicyArns: [{ arn }] });
      assert.equal(only(saml.issues).code, 'policyPlaintextTooLong');
      assert.equal(saml.valid, false);
      assert.equal(issue.data.minifiedLength, policy.length);
    });
  }
  it('reports the length without white space too', () => {
    const policy = JSON.stringify(JSON.parse(policyOfLength(2000)), null, 8);
    const issue = only(validateAssumeRole(minimal({ Policy: policy, PolicyArns: [{ arn }] })).issues);
    assert.equal(issue.data.policyLength, policy.length);
    assert.equal(issue.data.minifiedLength, 2000);
  });
  it('ARNs alone count (reported on PolicyArns)', () => {
    const long = (i: number) => ({ arn: `arn:aws:iam::123456789012:policy/${'p'.repeat(190)}/Policy${i}` });
    const issue = only(validateAssumeRole(minimal({ PolicyArns: Array.from({ length: 9 }, (_, i) => long(i)) })).issues);
    assert.equal(issue.path, '/PolicyArns');
    assert.equal(issue.data.arnsLength, 9 * 231);
  });
  it('a Policy over the model maximum is reported once (AssumeRoleWithWebIdentity keeps maxLength 2048)', () => {
    const policy = policyOfLength(2049);
    const r = validateAssumeRoleWithWebIdentity({ RoleArn: ROLE_ARN, RoleSessionName: 'web', WebIdentityToken: 'token', Policy: policy });
    assert.deepEqual(codes(r.issues), ['tooLong /Policy']);
  });
});

describe('options', () => {
  it('profile aliases', () => {
    const long = minimal({ RoleSessionName: 's'.repeat(40) });
    assert.deepEqual(validateAssumeRole(long).issues, []);
    for (const profile of ['botocore-2015-04-27', 'seed-era', '2015']) {
      assert.deepEqual(codes(validateAssumeRole(long, { profile }).issues), ['tooLong /RoleSessionName'], profile);
    }
  });
  it('bad options are reported and ignored, never thrown', () => {
    const r = validateAssumeRole(minimal(), {
      profile: 'nope',
      roleChaining: 'yes',
      maxSessionDuration: 100,
      inheritedTransitiveTagKeys: 'Project',
    } as never);
    assert.equal(r.valid, false);
    assert.deepEqual(
      r.issues.map((i) => [i.code, i.message]),
      [
        [
          'invalidOption',
          'Option options.profile is a string ("nope"), which is not a compatibility profile; known: current, botocore-2015-04-27 (aliases: 2015 → botocore-2015-04-27, seed-era → botocore-2015-04-27, latest → current). Validated with "current".',
        ],
        ['invalidOption', 'Option options.roleChaining must be a boolean; got a string ("yes"). The option was ignored.'],
        [
          'invalidOption',
          "Option options.maxSessionDuration is a number (100); a role's MaxSessionDuration is a whole number from 3600 to 43200 seconds. The option was ignored.",
        ],
        [
          'invalidOption',
          'Option options.inheritedTransitiveTagKeys must be an array of strings; got a string ("Project"). The option was ignored.',
        ],
      ],
    );
  });
  it('an unknown operation', () => {
    assert.deepEqual(brief(validate('AssumeRoot' as never, {}).issues), [
      {
        code: 'invalidOption',
        path: '',
        severity: 'error',
        message: 'Option operation is a string ("AssumeRoot"); expected one of AssumeRole, AssumeRoleWithWebIdentity, AssumeRoleWithSAML.',
      },
    ]);
  });
  it('per-parameter validators take the operation', () => {
    assert.deepEqual(codes(validateTags([], { operation: 'AssumeRoleWithSAML' })), ['unknownParameter /Tags']);
    assert.equal(
      validateTags([], { operation: 'AssumeRoleWithSAML' })[0]!.message,
      'Tags is not accepted by AssumeRoleWithSAML. It is a parameter of AssumeRole, not of AssumeRoleWithSAML.',
    );
  });
});
