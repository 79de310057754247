import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inputJsonExtractor } from '@rolecall/extractor-input-json';
import { lintWithRule } from '@rolecall/testing';
import rule from './rule.js';

const INPUT = '{"RoleArn": "arn:aws:iam::123456789012:role/deploy", "RoleSessionName": "deploy-session"}\n';
const at = (d: { location: { start: { line: number; column: number; offset: number }; end: { offset: number } } }) => [d.location.start.line, d.location.start.column, d.location.start.offset, d.location.end.offset];

describe('no-bom', () => {
  it('reports a byte order mark at the first character, with what the AWS CLI does', () => {
    const diagnostics = lintWithRule(rule, [inputJsonExtractor], 'input.json', `\uFEFF${INPUT}`);
    assert.deepEqual(
      diagnostics.map((d) => [d.ruleId, d.message, ...at(d)]),
      [['no-bom', 'The file starts with a byte order mark (U+FEFF); the AWS CLI rejects it in --cli-input-json. Save the file as UTF-8 without BOM.', 1, 1, 0, 1]],
    );
  });

  it('reports nothing without one, and nothing for a U+FEFF that is not the first character', () => {
    assert.deepEqual(lintWithRule(rule, [inputJsonExtractor], 'input.json', INPUT), []);
    assert.deepEqual(lintWithRule(rule, [inputJsonExtractor], 'input.json', INPUT.replace('deploy-session', 'deploy\uFEFFsession')), []);
  });

  it('is suppressible like any rule in a .jsonc file', () => {
    const text = `\uFEFF// rolecall-disable-file no-bom -- the file is read by our own loader, which strips it\n${INPUT}`;
    assert.deepEqual(lintWithRule(rule, [inputJsonExtractor], 'input.jsonc', text), []);
  });
});
