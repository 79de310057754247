import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AssumeRoleCall, CallParameter, Diagnostic, Rule, Settings, ValueNode } from '@rolecall/core';
import { runRules } from '@rolecall/core';
import type { Issue } from '@rolecall/validators';
import { messages } from '@rolecall/validators';
import { canonicalJson } from '@rolecall/testing';
import { rulesById } from '../index.js';
import { isTopLevel, memberOfPath, notUnknownMember, parameterRule } from './parameter-rule.js';
import { callWithHoles } from './test/holes.js';
import { validateCall, validateOptionsOf } from './validation.js';

const RoleArn = 'arn:aws:iam::123456789012:role/deploy';

function rule(id: string): Rule<any> {
  const found = rulesById.get(id);
  assert.ok(found, id);
  return found;
}

function lint(call: AssumeRoleCall, text: string, rules: readonly Rule<any>[], settings?: Settings): Diagnostic[] {
  return runRules({
    file: 'input.json',
    text,
    calls: [call],
    rules,
    ruleSettings: Object.fromEntries(rules.map((r) => [r.id, { severity: r.meta.defaultSeverity }])),
    ...(settings !== undefined ? { settings } : {}),
  });
}

/** The call of `input` with its keys renamed, as an extractor for another dialect would give them. */
function withKeys(input: Record<string, unknown>, keys: Readonly<Record<string, string>>): { call: AssumeRoleCall; text: string } {
  const text = canonicalJson(input);
  const call = callWithHoles(text);
  const parameters: CallParameter[] = call.parameters.map((p) => ({ ...p, key: keys[p.member] ?? p.key }));
  return { call: { ...call, parameters }, text };
}

describe('parameterRule', () => {
  test('names the parameter as the user wrote it, also inside a member', () => {
    const { call, text } = withKeys(
      { RoleArn, RoleSessionName: 'a b', Tags: [{ Key: 'team', Value: 'ops!' }] },
      { RoleSessionName: 'role-session-name', Tags: 'tags' },
    );
    const diagnostics = lint(call, text, [rule('valid-role-session-name'), rule('valid-tags')]);
    assert.deepEqual(
      diagnostics.map((d) => [d.ruleId, d.data?.parameter, d.message, d.source?.key]),
      [
        ['valid-role-session-name', 'role-session-name', "role-session-name contains a space (U+0020) at position 2; STS accepts only characters matching [\\w+=,.@-].", 'role-session-name'],
        ['valid-tags', 'tags[0].Value', "tags[0].Value contains '!' (U+0021) at position 4; STS accepts only characters matching [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@].", 'tags'],
      ],
    );
  });

  test('derives meta from the spec and the validators’ message table', () => {
    const built = parameterRule({
      id: 'example-rule',
      description: 'Example.',
      awsSource: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html',
      help: 'Fix it.',
      parameters: ['ExternalId'],
      codes: ['tooLong', 'invalidCharacters'],
    });
    assert.deepEqual(built.meta.messages, { tooLong: messages.tooLong, invalidCharacters: messages.invalidCharacters });
    assert.equal(built.meta.defaultSeverity, 'error');
    assert.equal(built.meta.type, 'problem');
    assert.equal(built.meta.docs.recommended, true);
    assert.deepEqual(built.meta.parameters, ['ExternalId']);
    assert.equal(built.meta.experimental, undefined);
  });

  test('keeps only its own codes and members: two rules on one call split the findings', () => {
    const text = canonicalJson({ RoleArn, RoleSessionName: 'x', ExternalId: 'y' });
    const call = callWithHoles(text);
    const diagnostics = lint(call, text, [rule('valid-role-session-name'), rule('valid-external-id')]);
    assert.deepEqual(
      diagnostics.map((d) => [d.ruleId, d.messageId, d.parameter]),
      [
        ['valid-role-session-name', 'tooShort', 'RoleSessionName'],
        ['valid-external-id', 'tooShort', 'ExternalId'],
      ],
    );
  });

  test('an implicit value (supplied by a tool) is checked and reported where it is implied', () => {
    const text = '- uses: aws-actions/configure-aws-credentials@v4\n';
    const implicit: ValueNode = { kind: 'implicit', span: { start: 2, end: 48 }, origin: 'configure-aws-credentials default', value: { kind: 'literal', span: { start: 2, end: 48 }, value: 'a' } };
    const call: AssumeRoleCall = {
      id: 'test:0',
      file: 'workflow.yml',
      extractor: 'test',
      kind: 'gha-configure-aws-credentials',
      operation: 'AssumeRole',
      span: { start: 0, end: text.length - 1 },
      parameters: [
        { member: 'RoleArn', key: 'role-to-assume', value: { kind: 'literal', span: { start: 0, end: 1 }, value: RoleArn } },
        { member: 'RoleSessionName', key: 'role-session-name', value: implicit },
      ],
    };
    const [diagnostic, ...rest] = lint(call, text, [rule('valid-role-session-name')]);
    assert.deepEqual(rest, []);
    assert.equal(diagnostic?.message, 'role-session-name is 1 character long; STS requires at least 2.');
    assert.deepEqual([diagnostic?.location.start.column, diagnostic?.location.end.column], [3, 49]);
  });

  test('a finding in a template fragment keeps its path, so fingerprints tell the elements apart', () => {
    const text = canonicalJson({ RoleArn, RoleSessionName: 'ci', Tags: [{ Key: 'a', Value: '${x} #' }, { Key: 'b', Value: '${y} #' }] });
    const diagnostics = lint(callWithHoles(text), text, [rule('valid-tags')]);
    assert.deepEqual(
      diagnostics.map((d) => [d.path, d.parameter, d.source?.key]),
      [
        ['/Tags/0/Value', 'Tags', 'Tags'],
        ['/Tags/1/Value', 'Tags', 'Tags'],
      ],
    );
    assert.notEqual(diagnostics[0]?.fingerprint, diagnostics[1]?.fingerprint);
  });

  test('in a partly unknown object, a misspelt field is still found and an unknown field value skipped', () => {
    const text = canonicalJson({ RoleArn, RoleSessionName: 'ci', Tags: [{ key: 'team', Value: '${var.team}' }] });
    const diagnostics = lint(callWithHoles(text), text, [rule('valid-tags')]);
    assert.deepEqual(
      diagnostics.map((d) => [d.messageId, d.data?.parameter]),
      [['unknownParameter', 'Tags[0].key']],
    );
  });
});

describe('one validation per call', () => {
  test('is shared by every rule and keyed by the options', () => {
    const call = callWithHoles(canonicalJson({ RoleArn, RoleSessionName: 'ci' }));
    const first = validateCall(call, {});
    assert.equal(validateCall(call, {}), first);
    const seedEra = validateCall(call, { stsModel: 'botocore-2015-04-27' });
    assert.notEqual(seedEra, first);
    assert.equal(validateCall(call, { stsModel: 'botocore-2015-04-27' }), seedEra);
  });

  test('lists the members whose values are not known', () => {
    const call = callWithHoles(canonicalJson({ RoleArn: '${var.arn}', RoleSessionName: 'ci-${x}', DurationSeconds: 900 }));
    assert.deepEqual([...validateCall(call, {}).unknownMembers].sort(), ['RoleArn', 'RoleSessionName']);
  });

  test("the call's own context wins over the file settings", () => {
    const call: AssumeRoleCall = { ...callWithHoles(canonicalJson({ RoleArn, RoleSessionName: 'ci' })), context: { roleChaining: false, maxSessionDuration: 7200 } };
    assert.deepEqual(validateOptionsOf(call, { stsModel: 'seed-era', roleChaining: true, maxSessionDuration: 3600, inheritedTransitiveTagKeys: ['a'] }), {
      profile: 'seed-era',
      roleChaining: false,
      maxSessionDuration: 7200,
      inheritedTransitiveTagKeys: ['a'],
    });
    assert.deepEqual(validateOptionsOf(call, {}), { roleChaining: false, maxSessionDuration: 7200 });
  });
});

describe('issue paths', () => {
  const issue = (path: string, code: Issue['code'] = 'unknownParameter'): Issue => ({ parameter: memberOfPath(path), path, code, message: '', data: {}, severity: 'error' });

  test('memberOfPath takes the first pointer token, unescaped', () => {
    assert.equal(memberOfPath('/Tags/3/Key'), 'Tags');
    assert.equal(memberOfPath('/RoleArn'), 'RoleArn');
    assert.equal(memberOfPath('/a~1b~0c/0'), 'a/b~c');
  });

  test('isTopLevel and notUnknownMember', () => {
    assert.equal(isTopLevel(issue('/Tags')), true);
    assert.equal(isTopLevel(issue('/Tags/0/key')), false);
    assert.equal(notUnknownMember(issue('/Tags')), false);
    assert.equal(notUnknownMember(issue('/Tags/0/key')), true);
    assert.equal(notUnknownMember(issue('/Tags', 'tooManyItems')), true);
  });
});
