/**
 * Validators for rules' options. The built-in rules' schemas are compiled at codegen time
 * (generated/config-validators.generated.js); a rule of a custom registry (Node API) whose schema was not compiled
 * there is compiled by ajv, imported only then, in `prepareRuleOptions` — the async step every entry point that
 * takes a registry runs before checking a config, so the checks themselves stay synchronous.
 */
import type { Rule } from '@rolecall/core';
import type { ValidateFunction } from 'ajv';
import { RULE_OPTIONS_AJV_OPTIONS, ruleSchemaKey } from './ajv-options.js';
import { ruleOptions } from './generated/config-validators.generated.js';
import type { Registry } from './registry.js';

/** Schema object → what ajv made of it at run time (a validator, or the error of an invalid schema). */
const compiledAtRunTime = new WeakMap<object, ValidateFunction | Error>();

function precompiled(rule: Rule<any>): ValidateFunction | undefined {
  const entry = ruleOptions[rule.id];
  return entry !== undefined && entry.schema === ruleSchemaKey(rule.meta.schema) ? entry.validate : undefined;
}

/** Compiles the options schemas the build did not (custom rules); loads ajv only when there is one. */
export async function prepareRuleOptions(registry: Registry): Promise<void> {
  const missing = registry.rules.filter((r) => r.meta.schema !== undefined && precompiled(r) === undefined && !compiledAtRunTime.has(r.meta.schema));
  if (missing.length === 0) return;
  const { Ajv } = await import('ajv');
  for (const rule of missing) {
    const schema = rule.meta.schema as object;
    try {
      compiledAtRunTime.set(schema, new Ajv(RULE_OPTIONS_AJV_OPTIONS).compile(schema));
    } catch (error) {
      compiledAtRunTime.set(schema, error instanceof Error ? error : new Error(String(error)));
    }
  }
}

/** The validator of a rule's options, or the error that made its schema unusable. */
export function ruleOptionsValidator(rule: Rule<any>): ValidateFunction | Error {
  const found = precompiled(rule) ?? compiledAtRunTime.get(rule.meta.schema as object);
  if (found === undefined) throw new Error(`the options schema of rule "${rule.id}" is not compiled: call prepareRuleOptions(registry) first`);
  return found;
}
