import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { validatePolicy } from '../index.js';
import { brief } from '../../test/helpers.js';
import { checkPolicyDocument } from './grammar.js';
import { clearPolicyMemo, isCleanPolicy } from './quick.js';

/** `[start, end)` of the `nth` occurrence of `needle` in `text`. */
function at(text: string, needle: string, nth = 0): { start: number; end: number } {
  let i = -1;
  for (let n = 0; n <= nth; n++) {
    i = text.indexOf(needle, i + 1);
    assert.notEqual(i, -1, `${needle} occurs ${nth + 1} times`);
  }
  return { start: i, end: i + needle.length };
}

function one(text: string) {
  const issues = validatePolicy(text);
  assert.equal(issues.length, 1, JSON.stringify(brief(issues), null, 1));
  const [issue] = issues;
  return issue!;
}

const stmt = (s: Record<string, unknown>) => JSON.stringify({ Version: '2012-10-17', Statement: [s] });
const ok = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };

describe('session policy: valid documents', () => {
  const valid: [string, string][] = [
    ['single statement object', JSON.stringify({ Version: '2012-10-17', Statement: ok })],
    ['statement array', stmt(ok)],
    ['no Version (optional in the grammar)', JSON.stringify({ Statement: [ok] })],
    ['Version 2008-10-17', JSON.stringify({ Version: '2008-10-17', Statement: [ok] })],
    ['NotAction and NotResource', stmt({ Effect: 'Deny', NotAction: ['iam:*'], NotResource: ['arn:aws:iam::*:role/x'] })],
    ['action wildcards', stmt({ Effect: 'Allow', Action: ['*', 's3:Get*', 'ec2:Describe?nstances', 'execute-api:Invoke'], Resource: '*' })],
    [
      'condition operators with qualifiers and IfExists',
      stmt({
        ...ok,
        Condition: {
          StringEquals: { 'aws:RequestedRegion': ['eu-west-1', 'us-east-1'] },
          'ForAnyValue:StringLike': { 'aws:TagKeys': 'team-*' },
          'ForAllValues:StringEqualsIfExists': { 'aws:TagKeys': ['a', 'b'] },
          NumericLessThanIfExists: { 's3:max-keys': 10 },
          Bool: { 'aws:MultiFactorAuthPresent': true },
          Null: { 'aws:TokenIssueTime': 'false' },
          IpAddress: { 'aws:SourceIp': '203.0.113.0/24' },
        },
      }),
    ],
    ['unique Sids', stmt({ Sid: 'ReadOnly1', ...ok }).replace(']}', `,${JSON.stringify({ Sid: 'ReadOnly2', ...ok })}]}`)],
    ['pretty-printed with CRLF', JSON.stringify({ Statement: [ok] }, null, 2).replace(/\n/g, '\r\n')],
    ['empty Sid', stmt({ Sid: '', ...ok })],
  ];
  for (const [name, text] of valid) {
    it(name, () => {
      assert.deepEqual(validatePolicy(text), []);
      assert.equal(isCleanPolicy(text), true);
    });
  }
});

describe('session policy: JSON errors (jsonc-parser, comments disallowed)', () => {
  const cases: [string, string, string, { start: number; end: number }][] = [
    [
      'trailing comma',
      '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*",}]}',
      'Policy is not valid JSON: expected a property name in double quotes at line 1, column 72.',
      { start: 71, end: 72 },
    ],
    [
      'line comment',
      '{"Version":"2012-10-17", // why\n"Statement":[]}',
      'Policy is not valid JSON: comments are not allowed in JSON at line 1, column 26.',
      { start: 25, end: 31 },
    ],
    [
      'content after the document',
      '{"Statement":[]}x',
      'Policy is not valid JSON: unexpected character at line 1, column 17.',
      { start: 16, end: 17 },
    ],
    [
      'no-break space, which JSON does not count as white space',
      '{"Statement":[]}\u00a0',
      'Policy is not valid JSON: unexpected character at line 1, column 17.',
      { start: 16, end: 17 },
    ],
    ['only white space', '   ', 'Policy is not valid JSON: expected a value at line 1, column 4.', { start: 3, end: 3 }],
    [
      'error on the third line',
      '{\n  "Version": "2012-10-17"\n  "Statement": []\n}',
      'Policy is not valid JSON: expected "," or a closing bracket at line 3, column 3.',
      { start: 30, end: 41 },
    ],
    [
      'single quotes',
      "{'Statement':[]}",
      'Policy is not valid JSON: unexpected character at line 1, column 2.',
      { start: 1, end: 12 },
    ],
  ];
  for (const [name, text, message, range] of cases) {
    it(name, () => {
      const issue = one(text);
      assert.equal(issue.code, 'invalidPolicyJson');
      assert.equal(issue.path, '/Policy');
      assert.equal(issue.message, message);
      assert.deepEqual(issue.range, range);
      assert.equal(isCleanPolicy(text), false);
    });
  }
  it('grammar is not checked when the JSON is broken', () => {
    assert.deepEqual(
      validatePolicy('{"Version":"1999","Foo":1,}').map((i) => i.code),
      ['invalidPolicyJson'],
    );
  });
});

describe('session policy: grammar, one finding each with path and node range', () => {
  const cases: { name: string; text: string; path: string; message: string; node: string; nth?: number; severity?: string }[] = [
    {
      name: 'document is an array',
      text: '[]',
      path: '/Policy',
      message: 'Policy: a policy document must be a JSON object; got an array.',
      node: '[]',
    },
    {
      name: 'Statement missing',
      text: '{"Version":"2012-10-17"}',
      path: '/Policy',
      message: 'Policy: the policy has no Statement; a session policy needs at least one statement.',
      node: '{"Version":"2012-10-17"}',
    },
    {
      name: 'Statement of the wrong type',
      text: '{"Statement":"Allow"}',
      path: '/Policy/Statement',
      message: 'Policy.Statement: must be an object or an array of objects; got a string ("Allow").',
      node: '"Allow"',
    },
    {
      name: 'statement entry not an object',
      text: '{"Statement":[1]}',
      path: '/Policy/Statement/0',
      message: 'Policy.Statement[0]: a statement must be an object; got a number (1).',
      node: '1',
    },
    {
      name: 'unknown top-level element',
      text: '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}],"Statment":[]}',
      path: '/Policy/Statment',
      message: 'Policy.Statment: is not a policy element here; expected one of Version, Id, Statement.',
      node: '"Statment"',
    },
    {
      name: 'unknown statement element',
      text: stmt({ ...ok, Resources: '*' }),
      path: '/Policy/Statement/0/Resources',
      message:
        'Policy.Statement[0].Resources: is not a policy element here; expected one of Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource, Condition.',
      node: '"Resources"',
    },
    {
      name: 'Version not a string',
      text: JSON.stringify({ Version: 2012, Statement: [ok] }),
      path: '/Policy/Version',
      message: 'Policy.Version: must be a string; got a number (2012).',
      node: '2012',
    },
    {
      name: 'unknown Version',
      text: JSON.stringify({ Version: '2012-10-18', Statement: [ok] }),
      path: '/Policy/Version',
      message: 'Policy.Version: "2012-10-18" is not a policy language version; use "2012-10-17" or "2008-10-17".',
      node: '"2012-10-18"',
    },
    {
      name: 'Id (warning: unverified for session policies)',
      text: JSON.stringify({ Id: 'x', Statement: [ok] }),
      path: '/Policy/Id',
      message:
        'Policy.Id: is not allowed in identity-based policies; whether STS rejects it in a session policy is unverified.',
      node: '"Id"',
      severity: 'warning',
    },
    {
      name: 'Sid not a string',
      text: stmt({ Sid: 7, ...ok }),
      path: '/Policy/Statement/0/Sid',
      message: 'Policy.Statement[0].Sid: must be a string; got a number (7).',
      node: '7',
      nth: 1,
    },
    {
      name: 'Sid with a hyphen',
      text: stmt({ Sid: 'read-only', ...ok }),
      path: '/Policy/Statement/0/Sid',
      message: 'Policy.Statement[0].Sid: "read-only" may contain only A-Z, a-z and 0-9.',
      node: '"read-only"',
    },
    {
      name: 'duplicate Sid',
      text: JSON.stringify({ Statement: [{ Sid: 'A', ...ok }, { Sid: 'A', ...ok }] }),
      path: '/Policy/Statement/1/Sid',
      message: 'Policy.Statement[1].Sid: "A" is already the Sid of Statement[0]; Sids must be unique within a policy.',
      node: '"A"',
      nth: 1,
    },
    {
      name: 'Effect missing',
      text: stmt({ Action: '*', Resource: '*' }),
      path: '/Policy/Statement/0',
      message: 'Policy.Statement[0]: the statement has no Effect; it must be "Allow" or "Deny".',
      node: '{"Action":"*","Resource":"*"}',
    },
    {
      name: 'Effect in the wrong case',
      text: stmt({ ...ok, Effect: 'allow' }),
      path: '/Policy/Statement/0/Effect',
      message: 'Policy.Statement[0].Effect: must be "Allow" or "Deny" (case-sensitive); got "allow".',
      node: '"allow"',
    },
    {
      name: 'Effect not a string',
      text: stmt({ ...ok, Effect: true }),
      path: '/Policy/Statement/0/Effect',
      message: 'Policy.Statement[0].Effect: must be "Allow" or "Deny" (case-sensitive); got a boolean (true).',
      node: 'true',
    },
    {
      name: 'no Action nor NotAction',
      text: stmt({ Effect: 'Allow', Resource: '*' }),
      path: '/Policy/Statement/0',
      message: 'Policy.Statement[0]: the statement has neither Action nor NotAction; it needs exactly one.',
      node: '{"Effect":"Allow","Resource":"*"}',
    },
    {
      name: 'both Action and NotAction',
      text: stmt({ ...ok, NotAction: 's3:PutObject' }),
      path: '/Policy/Statement/0',
      message: 'Policy.Statement[0]: the statement has both Action and NotAction; they are mutually exclusive.',
      node: '{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","NotAction":"s3:PutObject"}',
    },
    {
      name: 'no Resource nor NotResource',
      text: stmt({ Effect: 'Allow', Action: '*' }),
      path: '/Policy/Statement/0',
      message: 'Policy.Statement[0]: the statement has neither Resource nor NotResource; it needs exactly one.',
      node: '{"Effect":"Allow","Action":"*"}',
    },
    {
      name: 'both Resource and NotResource',
      text: stmt({ ...ok, NotResource: '*' }),
      path: '/Policy/Statement/0',
      message: 'Policy.Statement[0]: the statement has both Resource and NotResource; they are mutually exclusive.',
      node: '{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","NotResource":"*"}',
    },
    {
      name: 'Action of the wrong type',
      text: stmt({ ...ok, Action: { s3: 'GetObject' } }),
      path: '/Policy/Statement/0/Action',
      message: 'Policy.Statement[0].Action: must be a string or an array of strings; got an object.',
      node: '{"s3":"GetObject"}',
    },
    {
      name: 'Resource entry not a string',
      text: stmt({ ...ok, Resource: ['*', null] }),
      path: '/Policy/Statement/0/Resource/1',
      message: 'Policy.Statement[0].Resource[1]: must be a string; got null.',
      node: 'null',
    },
    {
      name: 'empty Action array',
      text: stmt({ ...ok, Action: [] }),
      path: '/Policy/Statement/0/Action',
      message: 'Policy.Statement[0].Action: is an empty array; list at least one value.',
      node: '[]',
    },
    {
      name: 'action without a service prefix',
      text: stmt({ ...ok, Action: ['s3:GetObject', 'GetObject'] }),
      path: '/Policy/Statement/0/Action/1',
      message: 'Policy.Statement[0].Action[1]: "GetObject" is not "service:action" (wildcards * and ? allowed) or "*".',
      node: '"GetObject"',
    },
    {
      name: 'action with a space',
      text: stmt({ ...ok, NotAction: 's3:Get Object', Action: undefined }),
      path: '/Policy/Statement/0/NotAction',
      message:
        'Policy.Statement[0].NotAction: "s3:Get Object" is not "service:action" (wildcards * and ? allowed) or "*".',
      node: '"s3:Get Object"',
    },
    {
      name: 'Principal (warning: unverified for session policies)',
      text: stmt({ ...ok, Principal: '*' }),
      path: '/Policy/Statement/0/Principal',
      message:
        'Policy.Statement[0].Principal: does not belong in a session policy (identity-based policies name no principal); whether STS rejects it is unverified.',
      node: '"Principal"',
      severity: 'warning',
    },
    {
      name: 'NotPrincipal (warning)',
      text: stmt({ ...ok, NotPrincipal: { AWS: '*' } }),
      path: '/Policy/Statement/0/NotPrincipal',
      message:
        'Policy.Statement[0].NotPrincipal: does not belong in a session policy (identity-based policies name no principal); whether STS rejects it is unverified.',
      node: '"NotPrincipal"',
      severity: 'warning',
    },
    {
      name: 'Condition not an object',
      text: stmt({ ...ok, Condition: ['StringEquals'] }),
      path: '/Policy/Statement/0/Condition',
      message:
        'Policy.Statement[0].Condition: must be an object mapping operators to {key: value} blocks; got an array.',
      node: '["StringEquals"]',
    },
    {
      name: 'unknown operator',
      text: stmt({ ...ok, Condition: { StringEqual: { 'aws:username': 'a' } } }),
      path: '/Policy/Statement/0/Condition/StringEqual',
      message: 'Policy.Statement[0].Condition.StringEqual: is not a condition operator.',
      node: '"StringEqual"',
    },
    {
      name: 'operator in the wrong case, with a suggestion',
      text: stmt({ ...ok, Condition: { 'forallvalues:stringequalsifexists': { 'aws:TagKeys': 'a' } } }),
      path: '/Policy/Statement/0/Condition/forallvalues:stringequalsifexists',
      message:
        'Policy.Statement[0].Condition["forallvalues:stringequalsifexists"]: is not a condition operator. Did you mean "ForAllValues:StringEqualsIfExists"?',
      node: '"forallvalues:stringequalsifexists"',
    },
    {
      name: 'IfExists on Null',
      text: stmt({ ...ok, Condition: { NullIfExists: { 'aws:TokenIssueTime': 'true' } } }),
      path: '/Policy/Statement/0/Condition/NullIfExists',
      message: 'Policy.Statement[0].Condition.NullIfExists: the IfExists suffix cannot be used with the Null operator.',
      node: '"NullIfExists"',
    },
    {
      name: 'operator block not an object',
      text: stmt({ ...ok, Condition: { Bool: true } }),
      path: '/Policy/Statement/0/Condition/Bool',
      message:
        'Policy.Statement[0].Condition.Bool: must be an object mapping condition keys to values; got a boolean (true).',
      node: 'true',
    },
    {
      name: 'condition value of the wrong type',
      text: stmt({ ...ok, Condition: { StringEquals: { 'aws:PrincipalTag/team': { eq: 'x' } } } }),
      path: '/Policy/Statement/0/Condition/StringEquals/aws:PrincipalTag~1team',
      message:
        'Policy.Statement[0].Condition.StringEquals["aws:PrincipalTag/team"]: must be a string, number, boolean or an array of them; got an object.',
      node: '{"eq":"x"}',
    },
    {
      name: 'repeated key in a statement',
      text: '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Effect":"Deny"}]}',
      path: '/Policy/Statement/0/Effect',
      message: 'Policy.Statement[0].Effect: is repeated in the same object; a policy element must not contain the same key twice.',
      node: '"Effect"',
      nth: 1,
    },
    {
      name: 'repeated key in a condition block',
      text: '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"a":true,"a":false}}}]}',
      path: '/Policy/Statement/0/Condition/Bool/a',
      message:
        'Policy.Statement[0].Condition.Bool.a: is repeated in the same object; a policy element must not contain the same key twice.',
      node: '"a"',
      nth: 1,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const issue = one(c.text);
      assert.equal(issue.code, 'invalidPolicyGrammar');
      assert.equal(issue.parameter, 'Policy');
      assert.equal(issue.path, c.path);
      assert.equal(issue.message, c.message);
      assert.equal(issue.severity, c.severity ?? 'error');
      assert.deepEqual(issue.range, at(c.text, c.node, c.nth ?? 0));
      assert.equal(isCleanPolicy(c.text), false, 'the quick gate agrees');
    });
  }

  it('reports several findings in document order', () => {
    const text = JSON.stringify({ Version: '1', Statement: [{ Effect: 'allow', Action: 'x', Resource: '*' }] });
    assert.deepEqual(
      validatePolicy(text).map((i) => i.path),
      ['/Policy/Version', '/Policy/Statement/0/Effect', '/Policy/Statement/0/Action'],
    );
  });

  it('nesting deeper than any policy element is reported without recursing into it', () => {
    const text = `{"Statement":${'['.repeat(40)}${']'.repeat(40)}}`;
    const issue = one(text);
    assert.equal(issue.path, '/Policy');
    assert.equal(issue.message, 'Policy: nests deeper than 32 levels at this bracket; no policy element nests that deep.');
    assert.deepEqual(issue.range, { start: 13 + 31, end: 13 + 32 });
    assert.equal(isCleanPolicy(text), false);
    assert.deepEqual(validatePolicy(`{"Statement":${'['.repeat(100_000)}`).map((i) => i.code), ['invalidPolicyGrammar', 'policyPlaintextOverDocumented']);
    assert.deepEqual(validatePolicy('{"a":'.repeat(300)).map((i) => i.code), ['invalidPolicyGrammar']);
    // 32 levels are parsed normally (and are wrong for other reasons).
    assert.equal(validatePolicy(`${'['.repeat(32)}${']'.repeat(32)}`)[0]!.message, 'Policy: a policy document must be a JSON object; got an array.');
  });

  it('ranges are UTF-16 offsets into the policy text', () => {
    const text = '{"Statement":[{"Sid":"é-x","Effect":"Allow","Action":"*","Resource":"*"}]}';
    const issue = one(text);
    assert.equal(text.slice(issue.range!.start, issue.range!.end), '"é-x"');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The fast path's gate must agree with the detailed checker on every text.

const token = fc.constantFrom(
  'Version',
  'Statement',
  'Effect',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
  'Sid',
  'Principal',
  'Id',
  'Bogus',
);
const leaf = fc.oneof(
  fc.constantFrom('Allow', 'Deny', 'allow', '*', 's3:GetObject', 'GetObject', 's3:Get*', '2012-10-17', '2008-10-17', 'A1', 'a-b', ''),
  fc.integer({ min: -2, max: 3 }),
  fc.boolean(),
  fc.constant(null),
);
const condition = fc.dictionary(
  fc.constantFrom('StringEquals', 'StringLikeIfExists', 'NullIfExists', 'Null', 'ForAnyValue:StringLike', 'Bogus', 'boolifexists'),
  fc.oneof(fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(leaf, fc.array(leaf, { maxLength: 2 })), { maxKeys: 2 }), leaf),
  { maxKeys: 3 },
);
const value = fc.oneof(leaf, fc.array(leaf, { maxLength: 3 }), condition);
const statement = fc.oneof(
  fc.record({ Effect: fc.constantFrom('Allow', 'Deny', 'allow'), Action: fc.oneof(leaf, fc.array(leaf, { maxLength: 2 })), Resource: leaf }, { requiredKeys: [] }),
  fc.dictionary(token, value, { maxKeys: 5 }),
);
const documentArb = fc.oneof(
  fc.record(
    { Version: fc.constantFrom('2012-10-17', '2008-10-17', '1'), Statement: fc.oneof(statement, fc.array(statement, { maxLength: 3 })) },
    { requiredKeys: ['Statement'] },
  ),
  fc.dictionary(token, fc.oneof(value, statement, fc.array(statement, { maxLength: 2 })), { maxKeys: 4 }),
  leaf,
);
/** Text edits that make duplicates, broken JSON and odd white space. */
const edit = fc.oneof(
  fc.constant((t: string) => t),
  fc.constant((t: string) => t.replace('{"Effect":', '{"Effect":"Deny","Effect":')),
  fc.constant((t: string) => t.replace('"Sid":', '"Sid":"X","Sid":')),
  fc.constant((t: string) => t.replace(/,/, ' ,\n ')),
  fc.constant((t: string) => t.replace(/:/, ' \t: ')),
  fc.constant((t: string) => `${t}\u00a0`),
  fc.constant((t: string) => `\ufeff${t}`),
  fc.constant((t: string) => t.replace(/}$/, ',}')),
  fc.tuple(fc.nat(), fc.constantFrom('"', ':', ',', '\\', '}', ' ', '/*x*/', '\u0085')).map(
    ([n, s]) =>
      (t: string) =>
        t.slice(0, n % (t.length + 1)) + s + t.slice(n % (t.length + 1)),
  ),
);

describe('isCleanPolicy agrees with the detailed checker', () => {
  it('on generated policies and edits of them', () => {
    fc.assert(
      fc.property(documentArb, fc.integer({ min: 0, max: 2 }), edit, (doc, indent, f) => {
        const text = f(JSON.stringify(doc, null, indent) ?? 'null');
        clearPolicyMemo();
        const detailed = checkPolicyDocument(text);
        const clean = detailed.jsonError === undefined && detailed.findings.length === 0;
        // An empty text is reported by the schema's minLength, not by the checker; the gate never calls it clean.
        assert.equal(isCleanPolicy(text), text.length > 0 && clean, text);
        // A remembered verdict answers the same.
        assert.equal(isCleanPolicy(text), text.length > 0 && clean, text);
      }),
      { numRuns: 3000 },
    );
  });
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        clearPolicyMemo();
        const d = checkPolicyDocument(text);
        assert.equal(isCleanPolicy(text), text.length > 0 && d.jsonError === undefined && d.findings.length === 0);
      }),
      { numRuns: 2000 },
    );
  });
});
