import type { ReservedRuleId, Severity } from './diagnostic.js';
import { RESERVED_RULES } from './reserved.js';

export type RuleSeverity = 'off' | Severity;

/** How one rule runs for a file, already resolved from config by the caller. */
export interface RuleSetting {
  readonly severity: RuleSeverity;
  /** Shallow-merged over `meta.defaultOptions` when both are plain objects; otherwise replaces them. */
  readonly options?: unknown;
}

/** ruleId → setting; a rule without an entry is off. */
export type RuleSettings = Readonly<Record<string, RuleSetting | undefined>>;

/** The severity of a reserved id: configurable ones from the settings, the rest fixed. */
export function reservedSeverity(settings: RuleSettings, ruleId: ReservedRuleId): RuleSeverity {
  const meta = RESERVED_RULES[ruleId];
  const setting = meta.configurable ? settings[ruleId] : undefined;
  return setting?.severity ?? meta.defaultSeverity;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A rule's options: the configured ones shallow-merged over `meta.defaultOptions`. */
export function mergeOptions(defaults: unknown, options: unknown): unknown {
  if (options === undefined) return defaults;
  if (isPlainObject(defaults) && isPlainObject(options)) return { ...defaults, ...options };
  return options;
}
