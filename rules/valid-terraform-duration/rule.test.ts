import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Fact } from '@rolecall/core';
import { runRules } from '@rolecall/core';
import rule from './rule.js';

// The Terraform extractor records these facts; the rule is tested on hand-built ones (rules do not
// depend on extractors). The extractor's own tests prove which `duration` values produce which fact.
const text = 'provider "aws" {\n  assume_role {\n    duration = VALUE\n  }\n}\n';

function lint(value: string, data: Record<string, string | number>, settings = {}) {
  const source = text.replace('VALUE', value);
  const start = source.indexOf(value);
  const fact: Fact = { kind: 'terraform/invalid-duration', span: { start, end: start + value.length }, data: { key: 'duration', value, ...data } };
  return runRules({ file: 'main.tf', text: source, calls: [], facts: [fact], rules: [rule], ruleSettings: { [rule.id]: { severity: 'error' } }, settings }).map(
    (d) => `${d.location.start.line}:${d.location.start.column}-${d.location.end.line}:${d.location.end.column} ${d.message}`,
  );
}

describe('valid-terraform-duration', () => {
  it('a number without a unit, with the Go duration to write instead', () => {
    assert.deepEqual(lint('3600', { reason: 'missing-unit', seconds: 3600 }), [
      '3:16-3:20 duration 3600 has no unit: Terraform reads it as a Go duration and rejects it ("missing unit in duration"). Write "1h"; STS accepts 15m to 12h.',
    ]);
    assert.deepEqual(lint('"5400"', { reason: 'missing-unit', seconds: 5400 }), [
      '3:16-3:22 duration "5400" has no unit: Terraform reads it as a Go duration and rejects it ("missing unit in duration"). Write "1h30m"; STS accepts 15m to 12h.',
    ]);
  });
  it('a unit Go does not know', () => {
    assert.deepEqual(lint('"1d"', { reason: 'unknown-unit', unit: 'd' }), [
      '3:16-3:20 duration "1d" uses the unit "d", which Go durations do not have (ns, us, ms, s, m, h); STS accepts 15m to 12h.',
    ]);
  });
  it('negative, fractional and unparsable values', () => {
    assert.deepEqual(lint('"-1h"', { reason: 'negative' }), ['3:16-3:21 duration "-1h" is negative; STS accepts 15m to 12h.']);
    assert.deepEqual(lint('"900.5s"', { reason: 'fractional', seconds: 900 }), [
      '3:16-3:24 duration "900.5s" is not a whole number of seconds; the AWS SDK for Go truncates it to 900 seconds.',
    ]);
    assert.deepEqual(lint('"h"', { reason: 'invalid' }), ['3:16-3:19 duration "h" is not a Go duration such as "1h" or "2h45m"; STS accepts 15m to 12h.']);
  });
  it('the duration_seconds attribute AWS provider 5.0 removed', () => {
    assert.deepEqual(lint('7200', { reason: 'removed-duration-seconds', seconds: 7200 }), [
      '3:16-3:20 duration was removed in AWS provider 5.0, which rejects it; write duration = "2h" instead (STS accepts 15m to 12h).',
    ]);
    assert.deepEqual(lint('var.seconds', { reason: 'removed-duration-seconds' }), [
      '3:16-3:27 duration was removed in AWS provider 5.0, which rejects it; write duration as a Go duration instead (STS accepts 15m to 12h).',
    ]);
  });
  it('the range follows the profile (SDKs of the 2015 model cap at one hour)', () => {
    assert.deepEqual(lint('"1d"', { reason: 'unknown-unit', unit: 'd' }, { stsModel: 'botocore-2015-04-27' }), [
      '3:16-3:20 duration "1d" uses the unit "d", which Go durations do not have (ns, us, ms, s, m, h); STS accepts 15m to 1h.',
    ]);
  });
  it('other facts are not this rule\'s', () => {
    const fact: Fact = { kind: 'terraform/other', span: { start: 0, end: 1 } };
    assert.deepEqual(runRules({ file: 'main.tf', text, calls: [], facts: [fact], rules: [rule], ruleSettings: { [rule.id]: { severity: 'error' } } }), []);
  });
});
