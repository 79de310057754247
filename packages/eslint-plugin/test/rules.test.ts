// The plugin under ESLint's own RuleTester, with espree (ESLint's default parser) and with
// @typescript-eslint/parser: exact messages and locations, the same as the CLI's.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineRule, type Rule as RolecallRule } from '@rolecall/core';
import { rules } from '@rolecall/rules';
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from 'eslint';
import { RuleTester as RuleTester10 } from 'eslint-v10';
import plugin from '../src/index.js';
import { toEslintRule } from '../src/rule-adapter.js';

for (const Tester of [RuleTester, RuleTester10]) {
  Tester.describe = describe;
  Tester.it = it;
  Tester.itOnly = it.only;
}
/** ESLint 9 and ESLint 10 (the plugin declares both as peers); their rule types differ only in name. */
const TESTERS = [
  { eslint: 'ESLint 9', Tester: RuleTester },
  { eslint: 'ESLint 10', Tester: RuleTester10 as unknown as typeof RuleTester },
];

const IMPORT = `import { AssumeRoleCommand } from '@aws-sdk/client-sts';\n`;
const ARN = 'arn:aws:iam::123456789012:role/deploy';
const rule = (id: string) => plugin.rules![id]!;
/** 1-based column of `needle` on the last line of `code` (ESLint's columns are 1-based in tests). */
const col = (code: string, needle: string): number => code.split('\n').at(-1)!.indexOf(needle) + 1;
const SHORT = `${IMPORT}new AssumeRoleCommand({ RoleArn: '${ARN}', RoleSessionName: 'a' });`;
const LONG = `${IMPORT}new AssumeRoleCommand({ RoleArn: '${ARN}', RoleSessionName: '${'a'.repeat(65)}' });`;
const TEMPLATE = `${IMPORT}const env = 'prod';\nconst input = { RoleArn: '${ARN}', RoleSessionName: \`deploy \${env}\` };\nnew AssumeRoleCommand(input);`;
const CHAINED = `import { fromTemporaryCredentials as f } from '@aws-sdk/credential-providers';\nf({ params: { RoleArn: '${ARN}', DurationSeconds: 3601 }, masterCredentials: f({ params: { RoleArn: '${ARN}' } }) });`;
const ARITHMETIC = `${IMPORT}new AssumeRoleCommand({ RoleArn: '${ARN}', RoleSessionName: 'ab', DurationSeconds: 60 * 60 * 12 + 1 });`;

const parsers = [
  { name: 'espree', languageOptions: { ecmaVersion: 'latest' as const, sourceType: 'module' as const } },
  { name: '@typescript-eslint/parser', languageOptions: { parser: tsParser, sourceType: 'module' as const } },
];

for (const { eslint, Tester } of TESTERS)
for (const { name, languageOptions } of parsers) {
  describe(`${eslint} with ${name}`, () => {
    const tester = new Tester({ languageOptions });
    tester.run('valid-role-session-name', rule('valid-role-session-name'), {
      valid: [
        `${IMPORT}new AssumeRoleCommand({ RoleArn: '${ARN}', RoleSessionName: 'ab' });`,
        `${IMPORT}new AssumeRoleCommand({ RoleArn: '${ARN}', RoleSessionName: '${'a'.repeat(64)}' });`,
        // rolecall's own directives suppress inside ESLint too (files shared with the CLI behave the same).
        `${IMPORT}// rolecall-disable-next-line valid-role-session-name -- fixture\nnew AssumeRoleCommand({ RoleArn: '${ARN}', RoleSessionName: 'a' });`,
        // A local class of the same name is not an STS call.
        `class AssumeRoleCommand { constructor(i) { this.i = i; } }\nnew AssumeRoleCommand({ RoleSessionName: 'x y' });`,
      ],
      invalid: [
        {
          code: SHORT,
          errors: [{ message: 'RoleSessionName is 1 character long; STS requires at least 2.', line: 2, column: col(SHORT, "'a'"), endLine: 2, endColumn: col(SHORT, "'a'") + 3 }],
        },
        {
          code: LONG,
          errors: [{ message: 'RoleSessionName is 65 characters; STS accepts at most 64.', line: 2, column: col(LONG, "'aaa") }],
        },
        {
          name: 'through a variable and a template literal',
          code: TEMPLATE,
          // Reported at the space inside the template literal, where the object is written; the
          // range runs to where the next character comes from (the hole's \`\${\` ends it).
          errors: [
            {
              message: 'RoleSessionName contains a space (U+0020) at position 7; STS accepts only characters matching [\\w+=,.@-].',
              line: 3,
              column: TEMPLATE.split('\n')[2]!.indexOf('deploy ') + 7,
              endLine: 3,
              endColumn: TEMPLATE.split('\n')[2]!.indexOf('env}') + 1,
            },
          ],
        },
      ],
    });
    tester.run('max-chained-duration', rule('max-chained-duration'), {
      valid: [`import { fromTemporaryCredentials as f } from '@aws-sdk/credential-providers';\nf({ params: { RoleArn: '${ARN}', DurationSeconds: 3600 }, masterCredentials: f({ params: { RoleArn: '${ARN}' } }) });`],
      invalid: [
        {
          code: CHAINED,
          errors: [{ message: 'DurationSeconds is 3601; its source credentials are the role session started at <input>:2 (role chaining), so STS caps the session at 3600 seconds.', line: 2, column: col(CHAINED, '3601'), endColumn: col(CHAINED, '3601') + 4 }],
        },
      ],
    });
    tester.run('valid-duration-seconds', rule('valid-duration-seconds'), {
      valid: [`${IMPORT}new AssumeRoleCommand({ RoleArn: '${ARN}', RoleSessionName: 'ab', DurationSeconds: 60 * 60 * 12 });`],
      invalid: [
        {
          code: ARITHMETIC,
          errors: [{ message: 'DurationSeconds 60 * 60 * 12 + 1 is 43201 seconds; STS accepts 900 to 43200.', line: 2, column: col(ARITHMETIC, '60 *'), endColumn: col(ARITHMETIC, '+ 1') + 3 }],
        },
      ],
    });
  });
}

describe('settings come from settings.rolecall', () => {
  new RuleTester10({ languageOptions: { sourceType: 'module' } }).run('max-chained-duration', rule('max-chained-duration'), {
    valid: [],
    invalid: [
      {
        code: `${IMPORT}new AssumeRoleCommand({ RoleArn: '${ARN}', RoleSessionName: 'ab', DurationSeconds: 7200 });`,
        settings: { rolecall: { roleChaining: true } },
        errors: [{ message: 'DurationSeconds is 7200; a session assumed with role credentials (role chaining) lasts at most 3600 seconds.' }],
      },
    ],
  });
});

// No registered rule offers a suggestion yet; the adapter's suggestion path is checked with one.
const suggesting: RolecallRule = defineRule({
  id: 'sample-suggesting',
  meta: {
    type: 'suggestion',
    docs: { description: 'Sample.', recommended: false, awsSource: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html' },
    defaultSeverity: 'warning',
    parameters: ['RoleSessionName'],
    messages: { short: 'RoleSessionName {{value}} is short.', lengthen: 'Use {{value}}-session.' },
    hasSuggestions: true,
  },
  check(call, context) {
    const p = call.parameters.find((x) => x.member === 'RoleSessionName');
    if (p?.value.kind !== 'literal' || typeof p.value.value !== 'string') return;
    const value = p.value.value;
    const { start, end } = p.value.span;
    context.report({ messageId: 'short', data: { value }, parameter: 'RoleSessionName', suggestions: [{ messageId: 'lengthen', data: { value }, edits: [{ span: { start, end }, text: `'${value}-session'` }] }] });
  },
});

describe('suggestions', () => {
  new RuleTester({ languageOptions: { sourceType: 'module' } }).run('sample-suggesting', toEslintRule(suggesting, [...rules, suggesting]), {
    valid: [],
    invalid: [
      {
        code: `${IMPORT}new AssumeRoleCommand({ RoleArn: '${ARN}', RoleSessionName: 'ab' });`,
        errors: [{ message: 'RoleSessionName ab is short.', suggestions: [{ desc: 'Use ab-session.', output: `${IMPORT}new AssumeRoleCommand({ RoleArn: '${ARN}', RoleSessionName: 'ab-session' });` }] }],
      },
    ],
  });
});

describe('plugin shape', () => {
  it('has every rolecall rule, with the same docs URL and messages', () => {
    assert.deepEqual(Object.keys(plugin.rules!).sort(), rules.map((r) => r.id).sort());
    for (const r of rules) {
      const meta = plugin.rules![r.id]!.meta!;
      assert.equal(meta.docs?.url, `https://github.com/rolecall/rolecall/blob/main/rules/${r.id}/README.md`);
      assert.deepEqual(meta.messages, r.meta.messages);
    }
  });
  it('has its name and version, and flat configs', () => {
    assert.equal(plugin.meta?.name, 'eslint-plugin-rolecall');
    assert.match(plugin.meta?.version ?? '', /^\d+\.\d+\.\d+/);
    assert.equal(plugin.configs.recommended.plugins?.['rolecall'], plugin);
    assert.equal(plugin.configs.strict.rules?.['rolecall/valid-role-session-name'], 'error');
    assert.ok(Object.keys(plugin.configs.strict.rules ?? {}).length >= Object.keys(plugin.configs.recommended.rules ?? {}).length);
  });
});
