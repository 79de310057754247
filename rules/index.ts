/**
 * The rolecall rule registry. Every folder of `rules/` (except `_shared` and `scripts`) is one rule,
 * registered here once; `test/rules-index.test.ts` fails when a folder is missing or an id differs
 * from its folder name. Presets are computed from rule `meta`, never listed by hand.
 */
import type { Rule } from '@rolecall/core';
import { presetsOf, type Presets } from './_shared/registry.js';
import validRoleSessionName from './valid-role-session-name/rule.js';

export const rules: readonly Rule<any>[] = Object.freeze([validRoleSessionName]);

/** Rules by id. */
export const rulesById: ReadonlyMap<string, Rule<any>> = new Map(rules.map((rule) => [rule.id, rule]));

export const presets: Presets = presetsOf(rules);

export { presetsOf, ruleDocsUrl } from './_shared/registry.js';
export type { Preset, Presets } from './_shared/registry.js';
export { parameterRule } from './_shared/parameter-rule.js';
export type { ParameterRuleSpec } from './_shared/parameter-rule.js';
