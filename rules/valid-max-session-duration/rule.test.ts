import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LiteralNode, RoleDefinition } from '@rolecall/core';
import { runRules } from '@rolecall/core';
import { IAM } from '@rolecall/validators';
import rule from './rule.js';

const { min, max } = IAM.maxSessionDuration;

function lint(value: string, parsed: LiteralNode['value']) {
  const text = `resource "aws_iam_role" "r" {\n  max_session_duration = ${value}\n}\n`;
  const start = text.indexOf(value, text.indexOf('='));
  const role: RoleDefinition = {
    id: 'terraform:role:0',
    file: 'main.tf',
    extractor: 'terraform',
    kind: 'terraform-aws-iam-role',
    span: { start: 0, end: text.length - 1 },
    handles: ['aws_iam_role.r'],
    maxSessionDuration: { key: 'max_session_duration', keySpan: { start: 32, end: 52 }, value: { kind: 'literal', value: parsed, span: { start, end: start + value.length } } },
  };
  return runRules({ file: 'main.tf', text, calls: [], roles: [role], rules: [rule], ruleSettings: { [rule.id]: { severity: 'error' } } }).map(
    (d) => `${d.location.start.line}:${d.location.start.column}-${d.location.end.column} ${d.message}`,
  );
}

describe('valid-max-session-duration', () => {
  it('accepts the bounds and reports one past each (n-1, n, n+1)', () => {
    assert.deepEqual(lint(String(min), min), []);
    assert.deepEqual(lint(String(max), max), []);
    assert.deepEqual(lint(String(min - 1), min - 1), [
      `2:26-30 max_session_duration is ${min - 1} seconds; IAM accepts a role's MaxSessionDuration from ${min} to ${max} seconds (1h to 12h).`,
    ]);
    assert.deepEqual(lint(String(max + 1), max + 1), [
      `2:26-31 max_session_duration is ${max + 1} seconds; IAM accepts a role's MaxSessionDuration from ${min} to ${max} seconds (1h to 12h).`,
    ]);
    assert.deepEqual(lint(String(min + 1), min + 1), []);
    assert.deepEqual(lint(String(max - 1), max - 1), []);
  });
  it('a quoted number counts as the number; fractions and words are reported', () => {
    assert.deepEqual(lint('"7200"', '7200'), []);
    assert.deepEqual(lint('3600.5', 3600.5), ['2:26-32 max_session_duration is 3600.5; IAM accepts whole seconds from 3600 to 43200 (1h to 12h).']);
    assert.deepEqual(lint('"1h"', '1h'), ['2:26-30 max_session_duration is "1h", not a number of seconds; IAM accepts 3600 to 43200 (1h to 12h).']);
  });
});
