import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inputJsonExtractor } from '@rolecall/extractor-input-json';
import { lintWithRule } from '@rolecall/testing';
import rule from './rule.js';

describe('no-duplicate-keys', () => {
  it('reports the ignored (first) occurrence of a repeated key, exactly at the key', () => {
    const text = '{\n  "RoleArn": "arn:aws:iam::123456789012:role/deploy",\n  "RoleSessionName": "first",\n  "RoleSessionName": "second"\n}\n';
    const diagnostics = lintWithRule(rule, [inputJsonExtractor], 'input.json', text);
    assert.deepEqual(
      diagnostics.map((d) => [d.message, d.location.start.line, d.location.start.column, d.location.end.line, d.location.end.column]),
      [['Duplicate key "RoleSessionName": the AWS CLI and SDKs keep only the last value, so this one is ignored.', 3, 3, 3, 20]],
    );
  });

  it('reports repeats inside nested objects, and keys that differ only in case are not repeats', () => {
    const text = '{"RoleArn": "arn:aws:iam::123456789012:role/deploy", "RoleSessionName": "s", "Tags": [{"Key": "a", "Key": "b", "Value": "v"}], "roleSessionName": "x"}';
    const diagnostics = lintWithRule(rule, [inputJsonExtractor], 'input.json', text);
    assert.deepEqual(diagnostics.map((d) => [d.message, d.location.start.column]), [['Duplicate key "Key": the AWS CLI and SDKs keep only the last value, so this one is ignored.', 88]]);
  });

  it('stays linear: 50,000 repeats of one key are reported within a second', () => {
    const text = `{"RoleArn": "arn:aws:iam::123456789012:role/deploy", ${Array.from({ length: 50_000 }, () => '"RoleSessionName": "s"').join(', ')}}`;
    const started = performance.now();
    const diagnostics = lintWithRule(rule, [inputJsonExtractor], 'input.json', text);
    assert.equal(diagnostics.length, 49_999);
    assert.ok(performance.now() - started < 5_000, `took ${performance.now() - started} ms`);
  });
});
