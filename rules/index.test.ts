import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Rule } from '@rolecall/core';
import { OPERATIONS } from '@rolecall/core';
import { membersOf, messages, PROFILES } from '@rolecall/validators';
import { presets, presetsOf, ruleDocsUrl, rules, rulesById } from './index.js';

const dir = dirname(fileURLToPath(import.meta.url));
const folders = readdirSync(dir)
  .filter((name) => !name.startsWith('.') && !['_shared', 'scripts', 'node_modules', 'dist'].includes(name) && statSync(join(dir, name)).isDirectory())
  .sort();
const STS_MEMBERS = new Set(PROFILES.flatMap((p) => OPERATIONS.flatMap((o) => membersOf(p, o))));

describe('rule registry', () => {
  test('every rule folder is registered, and every registered id is a folder', () => {
    assert.deepEqual(rules.map((r) => r.id).sort(), folders);
  });

  test('ids are unique and kebab-case', () => {
    assert.equal(new Set(rules.map((r) => r.id)).size, rules.length);
    for (const rule of rules) assert.match(rule.id, /^[a-z]+(?:-[a-z]+)*$/, rule.id);
  });

  test("each folder's rule.ts default export is the registered rule", async () => {
    for (const id of folders) {
      const module = (await import(pathToFileURL(join(dir, id, 'rule.ts')).href)) as { default: Rule };
      assert.equal(module.default, rulesById.get(id), id);
    }
  });

  test('meta is complete and consistent', () => {
    for (const { id, meta } of rules) {
      assert.ok(meta.docs.description.endsWith('.'), `${id}: description is one sentence ending with "."`);
      assert.ok(!meta.docs.description.includes('\n'), `${id}: description is one line`);
      assert.match(meta.docs.awsSource, /^https:\/\/docs\.aws\.amazon\.com\//, `${id}: awsSource`);
      assert.ok(meta.help !== undefined && meta.help.length > 0, `${id}: help`);
      assert.ok(Object.keys(meta.messages).length > 0, `${id}: messages`);
      for (const member of meta.parameters) assert.ok(STS_MEMBERS.has(member), `${id}: unknown member ${member}`);
      assert.ok(['error', 'warning'].includes(meta.defaultSeverity), `${id}: defaultSeverity`);
      for (const messageId of Object.keys(meta.messages)) assert.match(messageId, /^[a-z][A-Za-z]*$/, `${id}: messageId ${messageId}`);
    }
  });

  test("messages of validator codes are the validators' own templates, never retyped", () => {
    for (const { id, meta } of rules) {
      for (const [messageId, template] of Object.entries(meta.messages)) {
        if (Object.prototype.hasOwnProperty.call(messages, messageId)) {
          assert.equal(template, messages[messageId as keyof typeof messages], `${id}: ${messageId}`);
        }
      }
    }
  });

  test('ruleDocsUrl points at the rule README', () => {
    for (const { id } of rules) assert.match(ruleDocsUrl(id), new RegExp(`/rules/${id}/README\\.md$`));
  });
});

describe('presets', () => {
  test('recommended: recommended and not experimental, at the default severity', () => {
    const expected = Object.fromEntries(rules.filter((r) => r.meta.docs.recommended && r.meta.experimental !== true).map((r) => [r.id, r.meta.defaultSeverity]));
    assert.deepEqual({ ...presets.recommended }, expected);
  });

  test('strict: every rule that is not experimental, at error', () => {
    const expected = Object.fromEntries(rules.filter((r) => r.meta.experimental !== true).map((r) => [r.id, 'error']));
    assert.deepEqual({ ...presets.strict }, expected);
  });

  test('are computed from meta: an experimental rule is in no preset, a non-recommended one only in strict', () => {
    const base = rules[0] as Rule<any>;
    const make = (id: string, patch: Partial<Rule['meta']>): Rule<any> => ({ ...base, id, meta: { ...base.meta, ...patch } });
    const computed = presetsOf([
      make('a-rule', { experimental: true }),
      make('b-rule', { docs: { ...base.meta.docs, recommended: false } }),
      make('c-rule', { defaultSeverity: 'warning' }),
    ]);
    assert.deepEqual({ ...computed.recommended }, { 'c-rule': 'warning' });
    assert.deepEqual({ ...computed.strict }, { 'b-rule': 'error', 'c-rule': 'error' });
  });

  test('are frozen', () => {
    assert.ok(Object.isFrozen(presets.recommended) && Object.isFrozen(presets.strict));
  });
});
