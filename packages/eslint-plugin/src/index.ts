/**
 * eslint-plugin-rolecall: rolecall's rules for TypeScript and JavaScript inside ESLint 9+ (flat
 * config), reading the tree ESLint already parsed (espree or @typescript-eslint/parser).
 *
 *   import rolecall from 'eslint-plugin-rolecall';
 *   export default [rolecall.configs.recommended];
 */
import type { ESLint, Linter, Rule } from 'eslint';
import { presets, rules } from '@rolecall/rules';
import pkg from '../package.json' with { type: 'json' };
import { toEslintRule } from './rule-adapter.js';

export { settingsOf } from './rule-adapter.js';

/** The prefix under which the plugin is registered in its configs. */
export const PLUGIN_PREFIX = 'rolecall';

const eslintRules: Record<string, Rule.RuleModule> = Object.fromEntries(rules.map((rule) => [rule.id, toEslintRule(rule, rules)]));

type Preset = Readonly<Record<string, 'error' | 'warning'>>;

function configOf(name: string, preset: Preset): Linter.Config {
  const ruleLevels: Linter.RulesRecord = {};
  for (const [id, severity] of Object.entries(preset)) ruleLevels[`${PLUGIN_PREFIX}/${id}`] = severity === 'error' ? 'error' : 'warn';
  return { name: `${PLUGIN_PREFIX}/${name}`, plugins: { [PLUGIN_PREFIX]: plugin }, rules: ruleLevels };
}

const plugin: ESLint.Plugin & { configs: Record<'recommended' | 'strict', Linter.Config> } = {
  meta: { name: pkg.name, version: pkg.version },
  rules: eslintRules,
  configs: {} as Record<'recommended' | 'strict', Linter.Config>,
};
plugin.configs.recommended = configOf('recommended', presets.recommended);
plugin.configs.strict = configOf('strict', presets.strict);

export default plugin;
