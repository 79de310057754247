import type { Rule, RuleSeverity } from '@rolecall/core';
import { docsUrl } from '@rolecall/core';
import type { Issue } from '@rolecall/validators';
import type { ValidatorRule } from './parameter-rule.js';

/** A named set of rule settings, as the config's `extends`/`--preset` consumes it: rule id → severity. */
export type Preset = Readonly<Record<string, Exclude<RuleSeverity, 'off'>>>;

/** A type alias (not an interface) so it is assignable to a plain `Record` of presets. */
export type Presets = {
  /** Rules whose `meta.docs.recommended` is true and that are not experimental, at their default severity. */
  readonly recommended: Preset;
  /** Every rule that is not experimental, at `error`. */
  readonly strict: Preset;
};

/**
 * Computes the presets from rule `meta`, so that adding a rule (or promoting one out of
 * `experimental`) changes the presets without anyone editing a list. Rule order is kept.
 */
export function presetsOf(rules: readonly Rule<any>[]): Presets {
  const recommended: Record<string, Exclude<RuleSeverity, 'off'>> = {};
  const strict: Record<string, Exclude<RuleSeverity, 'off'>> = {};
  for (const rule of rules) {
    if (rule.meta.experimental === true) continue;
    strict[rule.id] = 'error';
    if (rule.meta.docs.recommended) recommended[rule.id] = rule.meta.defaultSeverity;
  }
  return { recommended: Object.freeze(recommended), strict: Object.freeze(strict) };
}

/** The documentation URL of a rule: its README. Built by core's `docsUrl`, the one place URLs are made. */
export function ruleDocsUrl(id: string): string {
  return docsUrl(id);
}

/**
 * The rule that reports a given validator issue in a lint run, so tools that call the validators
 * directly (`rolecall check-input`) name the same rule id and docs page as a lint run. The answer
 * comes from each rule's own filter (`owns`, built by `parameterRule`), so it cannot disagree with
 * what the rule reports.
 */
export function ruleForIssue(rules: readonly Rule<any>[], issue: Issue): Rule<any> | undefined {
  return rules.find((rule) => (rule as Partial<ValidatorRule>).owns?.(issue) === true);
}
