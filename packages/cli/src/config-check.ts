/** Rule ids, rule options and settings values checked against the registry (what the schema alone cannot judge). */
import type { Settings } from '@rolecall/core';
import { describeSchemaErrors, validators, type ConfigProblem } from './config-schema.js';
import { isPlainObject, type ConfigError, type RuleEntry } from './config-types.js';
import { CONFIGURABLE_RESERVED_IDS, type Registry } from './registry.js';
import { ruleOptionsValidator } from './rule-options.js';
import { closest } from './text.js';

/** The settings whose values have the right type (the schema reports the others). */
export function wellTyped(settings: Record<string, unknown>): Settings {
  return {
    ...(typeof settings['stsModel'] === 'string' ? { stsModel: settings['stsModel'] } : {}),
    ...(Number.isInteger(settings['maxSessionDuration']) ? { maxSessionDuration: settings['maxSessionDuration'] as number } : {}),
  };
}

/** Checks rule ids against the registry and rule options against each rule's `meta.schema`. */
export function checkRules(
  rules: Readonly<Record<string, RuleEntry>>,
  registry: Registry,
  pointerPrefix: string,
): { pointer: string; keyPointer?: string; message: string }[] {
  const out: { pointer: string; keyPointer?: string; message: string }[] = [];
  // Outside a config file (`--rule`) there is no pointer to show; the rule id says it all.
  const label = (pointer: string, id: string): string => (pointerPrefix === '' ? `"${id}"` : pointer);
  const byId = new Map(registry.rules.map((r) => [r.id, r]));
  const known = [...byId.keys(), ...CONFIGURABLE_RESERVED_IDS];
  for (const [id, entry] of Object.entries(rules)) {
    const pointer = `${pointerPrefix}/${id}`;
    const rule = byId.get(id);
    if (rule === undefined && !CONFIGURABLE_RESERVED_IDS.includes(id)) {
      const hint = closest(id, known);
      out.push({
        pointer,
        keyPointer: pointer,
        message: `${label(pointer, id)} is not a known rule (${hint !== undefined ? `did you mean "${hint}"? ` : ''}\`rolecall --list-rules\` lists them)`,
      });
      continue;
    }
    if (!Array.isArray(entry) || entry.length < 2 || !isPlainObject(entry[1])) continue;
    if (rule === undefined || rule.meta.schema === undefined) {
      out.push({ pointer: `${pointer}/1`, message: `${label(`${pointer}/1`, id)}: rule "${id}" takes no options` });
      continue;
    }
    const validate = ruleOptionsValidator(rule);
    if (validate instanceof Error) {
      out.push({ pointer: `${pointer}/1`, message: `${label(`${pointer}/1`, id)}: rule "${id}" has an invalid options schema (${validate.message})` });
      continue;
    }
    if (!validate(entry[1])) for (const problem of describeSchemaErrors(validate.errors ?? [], `${pointer}/1`)) out.push(problem);
  }
  return out;
}

/** Validates rule entries given outside a config file (`--rule`, the Node API's `rules`); messages only. */
export function validateRuleEntries(rules: unknown, registry: Registry): string[] {
  const validate = validators().rules;
  if (!validate(rules)) return describeSchemaErrors(validate.errors ?? [], '').map((e) => e.message);
  return checkRules(rules as Record<string, RuleEntry>, registry, '').map((e) => e.message);
}

/** Checks settings values against the registry's data (profiles, IAM limits). */
export function checkSettings(settings: Settings | undefined, registry: Registry, pointerPrefix: string): { pointer: string; message: string }[] {
  if (settings === undefined) return [];
  return registry.checkSettings(settings).map((p) => ({ pointer: `${pointerPrefix}/${p.key}`, message: `${pointerPrefix}/${p.key}: ${p.message}` }));
}

/** Problems with options given outside a config file (`--sts-model`, `--rule`). */
export function checkOptions(options: { readonly stsModel?: string; readonly rules?: Readonly<Record<string, RuleEntry>> }, registry: Registry): ConfigError[] {
  const errors: ConfigError[] = [];
  if (options.stsModel !== undefined) {
    for (const problem of registry.checkSettings({ stsModel: options.stsModel })) errors.push({ file: '--sts-model', message: problem.message });
  }
  if (options.rules !== undefined) errors.push(...validateRuleEntries(options.rules, registry).map((message) => ({ file: '--rule', message })));
  return errors;
}
