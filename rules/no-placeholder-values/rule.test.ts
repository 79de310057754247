import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RuleTester } from '@rolecall/testing';
import { DOCUMENTATION_ACCOUNTS, findPlaceholder } from '../_shared/placeholders.js';
import { lintScript, lintWorkflow, workflow } from '../_shared/test/lint-file.js';
import rule from './rule.js';

const RoleSessionName = 'deploy-session';
const REAL = 'arn:aws:iam::731902345678:role/deploy';

// Canonical JSON: the first member is on line 2 and its string starts at column 15 (RoleArn) / 17 (ExternalId).
new RuleTester().run(rule, {
  valid: [
    { name: 'a real account and name', input: { RoleArn: REAL, RoleSessionName } },
    { name: 'an AWS managed policy (account field "aws")', input: { RoleArn: REAL, RoleSessionName, PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }] } },
    { name: 'an upper-case external id that names no slot', input: { RoleArn: REAL, RoleSessionName, ExternalId: 'PROD_CI' } },
    { name: 'todo in lower case is a word (a todo-app session)', input: { RoleArn: REAL, RoleSessionName: 'todo-app' } },
    { name: 'three x are not a row of x', input: { RoleArn: REAL, RoleSessionName: 'xxx-build' } },
    { name: 'a digit next to the marker: not the word', input: { RoleArn: REAL, RoleSessionName: 'TODO2' } },
    { name: 'an account one digit off a documentation account', input: { RoleArn: 'arn:aws:iam::123456789013:role/deploy', RoleSessionName } },
    { name: 'skipPaths [] checks every file, and this one is clean', input: { RoleArn: REAL, RoleSessionName }, options: { skipPaths: [] } },
  ],
  invalid: [
    {
      name: 'the documentation account 123456789012',
      input: { RoleArn: 'arn:aws:iam::123456789012:role/deploy', RoleSessionName },
      errors: [
        {
          messageId: 'documentationAccount',
          data: { parameter: 'RoleArn', account: '123456789012' },
          message: 'RoleArn names account 123456789012, an example account of the AWS documentation: a placeholder, not an account of yours.',
          line: 2,
          column: 28,
          endLine: 2,
          endColumn: 40,
          path: '/RoleArn',
        },
      ],
    },
    {
      name: 'ROLE_ARN as the whole value',
      input: { RoleArn: 'ROLE_ARN', RoleSessionName },
      errors: [
        {
          messageId: 'placeholder',
          data: { parameter: 'RoleArn', text: '"ROLE_ARN"', why: 'a name written where the value belongs' },
          message: 'RoleArn holds "ROLE_ARN", which looks like a placeholder (a name written where the value belongs).',
          line: 2,
          column: 15,
          endLine: 2,
          endColumn: 23,
        },
      ],
    },
    {
      name: 'ACCOUNT_ID in the account field',
      input: { RoleArn: 'arn:aws:iam::ACCOUNT_ID:role/deploy', RoleSessionName },
      errors: [{ messageId: 'placeholder', data: { parameter: 'RoleArn', text: '"ACCOUNT_ID"', why: 'a name written where the value belongs' }, line: 2, column: 28, endLine: 2, endColumn: 38 }],
    },
    {
      name: '<ACCOUNT_ID> in the account field',
      input: { RoleArn: 'arn:aws:iam::<ACCOUNT_ID>:role/deploy', RoleSessionName },
      errors: [{ messageId: 'placeholder', data: { parameter: 'RoleArn', text: '"<ACCOUNT_ID>"', why: 'a <…> slot to fill in' }, line: 2, column: 28, endLine: 2, endColumn: 40 }],
    },
    {
      name: 'a row of x in the account field',
      input: { RoleArn: 'arn:aws:iam::xxxxxxxxxxxx:role/deploy', RoleSessionName },
      errors: [{ messageId: 'placeholder', data: { parameter: 'RoleArn', text: '"xxxxxxxxxxxx"', why: 'a row of x standing for the real characters' }, line: 2, column: 28, endLine: 2, endColumn: 40 }],
    },
    {
      name: '{{account}} in the account field',
      input: { RoleArn: 'arn:aws:iam::{{account}}:role/deploy', RoleSessionName },
      errors: [
        {
          messageId: 'placeholder',
          data: { parameter: 'RoleArn', text: '"{{account}}"', why: 'a {{…}} template slot that nothing fills in this file' },
          message: 'RoleArn holds "{{account}}", which looks like a placeholder (a {{…}} template slot that nothing fills in this file).',
          line: 2,
          column: 28,
          endLine: 2,
          endColumn: 39,
        },
      ],
    },
    {
      name: '<role-name> in the resource',
      input: { RoleArn: 'arn:aws:iam::731902345678:role/<role-name>', RoleSessionName },
      errors: [{ messageId: 'placeholder', data: { parameter: 'RoleArn', text: '"<role-name>"', why: 'a <…> slot to fill in' }, line: 2, column: 46, endLine: 2, endColumn: 57 }],
    },
    {
      name: 'CHANGEME as the external id (any case)',
      input: { RoleArn: REAL, RoleSessionName, ExternalId: 'changeme' },
      errors: [{ messageId: 'placeholder', data: { parameter: 'ExternalId', text: '"changeme"', why: 'a marker of a value still to be filled in' }, line: 4, column: 18, endLine: 4, endColumn: 26 }],
    },
    {
      name: '__FILL_IN__ inside a session name',
      input: { RoleArn: REAL, RoleSessionName: 'deploy-__FILL_IN__' },
      errors: [{ messageId: 'placeholder', data: { parameter: 'RoleSessionName', text: '"__FILL_IN__"', why: 'a marker of a value still to be filled in' }, line: 3, column: 30, endLine: 3, endColumn: 41 }],
    },
    {
      name: 'TODO as the source identity',
      input: { RoleArn: REAL, RoleSessionName, SourceIdentity: 'TODO' },
      errors: [{ messageId: 'placeholder', data: { parameter: 'SourceIdentity', text: '"TODO"', why: 'a marker of a value still to be filled in' }, line: 4, column: 22, endLine: 4, endColumn: 26 }],
    },
    {
      name: 'EXTERNAL_ID as the whole external id',
      input: { RoleArn: REAL, RoleSessionName, ExternalId: 'EXTERNAL_ID' },
      errors: [{ messageId: 'placeholder', data: { parameter: 'ExternalId', text: '"EXTERNAL_ID"', why: 'a name written where the value belongs' }, line: 4, column: 18, endLine: 4, endColumn: 29 }],
    },
    {
      name: 'the documentation account in an MFA serial number',
      input: { RoleArn: REAL, RoleSessionName, SerialNumber: 'arn:aws:iam::111122223333:mfa/alice', TokenCode: '123456' },
      errors: [{ messageId: 'documentationAccount', data: { parameter: 'SerialNumber', account: '111122223333' }, line: 4, column: 33, endLine: 4, endColumn: 45 }],
    },
    {
      name: 'a policy ARN in a documentation account, named as written',
      input: { RoleArn: REAL, RoleSessionName, PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }, { arn: 'arn:aws:iam::444455556666:policy/boundary' }] },
      errors: [{ messageId: 'documentationAccount', data: { parameter: 'PolicyArns[1].arn', account: '444455556666' }, line: 9, column: 28, endLine: 9, endColumn: 40, path: '/PolicyArns/1/arn' }],
    },
    {
      name: 'a documentation principal ARN (SAML)',
      input: { RoleArn: REAL, PrincipalArn: 'arn:aws:iam::777788889999:saml-provider/okta', SAMLAssertion: 'PHNhbWxwOlJlc3BvbnNlPjwvc2FtbHA6UmVzcG9uc2U+' },
      errors: [{ messageId: 'documentationAccount', data: { parameter: 'PrincipalArn', account: '777788889999' }, line: 3, column: 33, endLine: 3, endColumn: 45 }],
    },
    {
      name: 'skipPaths [] reports under any path',
      input: { RoleArn: 'arn:aws:iam::012345678901:role/deploy', RoleSessionName },
      options: { skipPaths: [] },
      errors: [{ messageId: 'documentationAccount', data: { parameter: 'RoleArn', account: '012345678901' }, line: 2, column: 28, endLine: 2, endColumn: 40 }],
    },
  ],
});

describe('no-placeholder-values: where example values belong', () => {
  const docAccount = { RoleArn: 'arn:aws:iam::123456789012:role/deploy', RoleSessionName };
  for (const file of ['docs/assume-role.json', 'site/docs/a.json', 'examples/a.json', 'test/fixtures/a.json', 'packages/x/tests/a.json', 'src/__tests__/a.json', 'fixtures/a.json', 'go/testdata/a.json', 'test/e2e/013/input/a.json']) {
    new RuleTester({ file }).run(rule, { valid: [{ name: `${file}: off by default`, input: docAccount }], invalid: [{ name: `${file}: on with skipPaths []`, input: docAccount, options: { skipPaths: [] }, errors: [{ messageId: 'documentationAccount', data: { parameter: 'RoleArn', account: '123456789012' }, line: 2, column: 28, endLine: 2, endColumn: 40 }] }], exercisedElsewhere: ['placeholder'] });
  }
  // A path that only contains the word is real config; a configured list replaces the defaults.
  new RuleTester({ file: 'deploy/testing-account.json' }).run(rule, {
    valid: [{ name: 'custom skipPaths: the file matches', input: docAccount, options: { skipPaths: ['deploy/**'] } }],
    invalid: [
      { name: 'testing-account.json is not a test folder', input: docAccount, errors: [{ messageId: 'documentationAccount', data: { parameter: 'RoleArn', account: '123456789012' }, line: 2, column: 28, endLine: 2, endColumn: 40 }] },
      { name: 'custom skipPaths replace the defaults', input: { RoleArn: 'ROLE_ARN', RoleSessionName }, options: { skipPaths: ['docs/**'] }, errors: [{ messageId: 'placeholder', data: { parameter: 'RoleArn', text: '"ROLE_ARN"', why: 'a name written where the value belongs' }, line: 2, column: 15, endLine: 2, endColumn: 23 }] },
    ],
    exercisedElsewhere: [],
  });
});

describe('no-placeholder-values in files other than input JSON', () => {
  it('a workflow: the literal role, not the template holes', () => {
    assert.deepEqual(
      lintWorkflow(rule, workflow('v4', ['role-to-assume: arn:aws:iam::123456789012:role/deploy', 'role-session-name: deploy-${{ github.run_id }}', 'role-external-id: ${{ secrets.EXTERNAL_ID }}', 'aws-region: eu-west-1'])),
      ['8:40-8:52 role-to-assume names account 123456789012, an example account of the AWS documentation: a placeholder, not an account of yours.'],
    );
  });
  it('a template: the account in its known text is found; a hole is not a placeholder', () => {
    assert.deepEqual(lintWorkflow(rule, workflow('v4', ['role-to-assume: arn:aws:iam::123456789012:role/${{ vars.ROLE }}', 'aws-region: eu-west-1'])), [
      '8:40-8:52 role-to-assume names account 123456789012, an example account of the AWS documentation: a placeholder, not an account of yours.',
    ]);
    assert.deepEqual(lintWorkflow(rule, workflow('v4', ['role-to-assume: arn:aws:iam::${{ vars.ACCOUNT }}:role/deploy', 'aws-region: eu-west-1'])), []);
    assert.deepEqual(lintWorkflow(rule, workflow('v4', ['role-to-assume: arn:aws:iam::${{ vars.ACCOUNT }}:role/CHANGEME', 'aws-region: eu-west-1'])), [
      '8:65-8:73 role-to-assume holds "CHANGEME", which looks like a placeholder (a marker of a value still to be filled in).',
    ]);
  });
  it('a shell script: a variable is no placeholder, a literal one is', () => {
    assert.deepEqual(lintScript(rule, 'aws sts assume-role --role-arn "$ROLE_ARN" --role-session-name s\n'), []);
    assert.deepEqual(lintScript(rule, 'aws sts assume-role --role-arn ROLE_ARN --role-session-name s\n'), ['1:32-1:40 --role-arn holds "ROLE_ARN", which looks like a placeholder (a name written where the value belongs).']);
  });
});

describe('findPlaceholder', () => {
  it('scans in linear time: a long value of near-misses', () => {
    const value = `${'<a'.repeat(50_000)}${'{{'.repeat(50_000)}${'_A'.repeat(50_000)}`;
    const started = performance.now();
    findPlaceholder(value, { arn: false, whole: true });
    assert.ok(performance.now() - started < 500);
  });
  it('every documentation account has a source on docs.aws.amazon.com', () => {
    for (const a of DOCUMENTATION_ACCOUNTS) {
      assert.match(a.account, /^\d{12}$/);
      assert.match(a.source, /^https:\/\/docs\.aws\.amazon\.com\//);
    }
  });
});
