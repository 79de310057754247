import type { Extractor, Rule, Settings, Severity } from '@rolecall/core';
import { RESERVED_RULES } from '@rolecall/core';

/**
 * Everything a run can use: rules, presets, extractors and the compatibility profiles. The CLI uses
 * the default registry (everything rolecall ships, loaded by `loadDefaultRegistry`); the Node API
 * accepts another one (tests, embedders with their own rules).
 */
export interface Registry {
  readonly rules: readonly Rule<any>[];
  /** Preset name → rule id → severity. `recommended` is the default configuration. */
  readonly presets: Readonly<Record<string, Readonly<Record<string, Severity>>>>;
  readonly extractors: readonly Extractor[];
  /** STS members whose values are secrets: never printed, masked in code frames. */
  readonly sensitiveMembers: readonly string[];
  /** Canonical compatibility profile names, for messages and `--help`. */
  readonly profiles: readonly string[];
  /**
   * Problems with settings values the config schema cannot judge (an unknown profile, a
   * MaxSessionDuration outside what IAM allows), keyed by setting name. Empty when all is well.
   */
  checkSettings(settings: Settings): { readonly key: keyof Settings; readonly message: string }[];
}

/** Reserved ids whose severity a config may set (`unused-disable`, `disable-without-reason`, `unresolved-value`). */
export const CONFIGURABLE_RESERVED_IDS: readonly string[] = Object.entries(RESERVED_RULES)
  .filter(([, meta]) => meta.configurable)
  .map(([id]) => id)
  .sort();
