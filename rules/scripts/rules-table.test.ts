import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { memberConstraints } from '@rolecall/validators';
import { rules, rulesById } from '../index.js';
import { constraintLines, describeConstraints } from '../_shared/constraints.js';
import { RULES_DIR, renderRulesTable, replaceBetween, staleFiles } from './rules-table.js';

describe('rules-table', () => {
  test('renders one row per rule with a link, the parameters and the preset', () => {
    const table = renderRulesTable(rules);
    assert.equal(table.split('\n').length, rules.length + 4);
    assert.match(table, /^\| \[`valid-role-session-name`\]\(\.\/valid-role-session-name\/README\.md\) \| .+ \| `RoleSessionName` \| error \| yes \|$/m);
    assert.match(table, /^\| \[`required-parameters`\]\(\.\/required-parameters\/README\.md\) \| .+ \| all \| error \| yes \|$/m);
  });

  test('escapes table syntax in descriptions', () => {
    const base = rulesById.get('valid-role-arn')!;
    const table = renderRulesTable([{ ...base, meta: { ...base.meta, docs: { ...base.meta.docs, description: 'a | b' } } }]);
    assert.ok(table.includes('| a \\| b |'));
  });

  test('replaceBetween keeps the text around the markers and reports missing markers', () => {
    const start = '<!-- x:start (generated) -->';
    assert.equal(replaceBetween(`a\n<!-- x:start (old comment) -->\nold\n<!-- x:end -->\nb`, start, '<!-- x:end -->', 'NEW'), 'a\nNEW\nb');
    assert.equal(replaceBetween('no markers', start, '<!-- x:end -->', 'NEW'), undefined);
  });

  test('--check logic: a stale table or constraint block is found, fresh files pass', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolecall-rules-'));
    try {
      cpSync(RULES_DIR, dir, { recursive: true, filter: (src) => !src.includes('node_modules') && !src.includes('/.') });
      assert.deepEqual(await staleFiles(rules, dir), []);
      const readme = join(dir, 'README.md');
      writeFileSync(readme, readFileSync(readme, 'utf8').replace('| error | yes |', '| warning | yes |'));
      const ruleReadme = join(dir, 'valid-role-session-name', 'README.md');
      writeFileSync(ruleReadme, readFileSync(ruleReadme, 'utf8').replace('length 2–64', 'length 2–65'));
      assert.deepEqual(await staleFiles(rules, dir), [readme, ruleReadme]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('constraint text', () => {
  test('describes strings, secrets, integers, lists and structures from the manifest', () => {
    assert.equal(describeConstraints(memberConstraints('current', 'AssumeRole', 'TokenCode')!), 'length exactly 6, characters `[\\d]`, secret (never shown in output)');
    assert.equal(describeConstraints(memberConstraints('current', 'AssumeRole', 'DurationSeconds')!), 'whole number 900–43200');
    assert.equal(describeConstraints(memberConstraints('current', 'AssumeRole', 'Policy')!), 'length at least 1, characters `[\\u0009\\u000A\\u000D\\u0020-\\u00FF]`');
    assert.match(describeConstraints(memberConstraints('current', 'AssumeRole', 'Tags')!), /^at most 50 items, each Key: length 1–128, characters .+; Value: length 0–256, characters .+$/);
  });

  test('groups operations with equal constraints and lists profile differences', () => {
    const lines = constraintLines({ members: ['DurationSeconds'] });
    assert.deepEqual(lines, [
      '- `DurationSeconds` in AssumeRole, AssumeRoleWithWebIdentity, AssumeRoleWithSAML: whole number 900–43200 (model shape `roleDurationSecondsType`).',
      '- Profile `botocore-2015-04-27`: `DurationSeconds` in AssumeRole: whole number 900–3600 (model shape `roleDurationSecondsType`).',
      '- Profile `botocore-2015-04-27`: `DurationSeconds` in AssumeRoleWithWebIdentity, AssumeRoleWithSAML: whole number 900–129600 (model shape `roleDurationSecondsType`).',
    ]);
    assert.deepEqual(constraintLines(undefined), []);
  });
});
