/** Which config objects apply to a file, and the rule settings and settings they add up to. */
import { relative } from 'node:path';
import type { RuleSetting, Settings } from '@rolecall/core';
import picomatch from 'picomatch';
import { normalizeSeverity, severityOf, toPosix, type ConfigObject, type LoadedConfig, type RuleEntry } from './config-types.js';
import type { Registry } from './registry.js';

/** Everything that decides how one file is linted. */
export interface FileConfig {
  /** Rule id → resolved setting (`off` included), sorted by id. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly settings: Settings;
}

export interface Overrides {
  /** `--rule` entries, applied after the config. */
  readonly rules?: Readonly<Record<string, RuleEntry>>;
  /** `--sts-model`. */
  readonly stsModel?: string;
  /** `--report-unresolved`: turns `unresolved-value` on as a warning unless configured. */
  readonly reportUnresolved?: boolean;
}

const matchers = new WeakMap<readonly string[], (path: string) => boolean>();

/** A compiled matcher for a config object's glob list, compiled once per list (runs visit thousands of files). */
function matcher(patterns: readonly string[]): (path: string) => boolean {
  let m = matchers.get(patterns);
  if (m === undefined) {
    m = picomatch(patterns as string[], { dot: true });
    matchers.set(patterns, m);
  }
  return m;
}

/** Whether a config object applies to `rel` (a POSIX path relative to the config's base directory). */
function applies(object: ConfigObject, rel: string): boolean {
  if (isGlobalIgnore(object)) return false;
  if (object.files !== undefined && (rel.startsWith('../') || !matcher(object.files)(rel))) return false;
  if (object.ignores !== undefined && !rel.startsWith('../') && matcher(object.ignores)(rel)) return false;
  return true;
}

/** An object with only `ignores` ignores those paths for the whole run (ESLint's global ignores). */
export function isGlobalIgnore(object: ConfigObject): boolean {
  return object.ignores !== undefined && object.files === undefined && object.rules === undefined && object.settings === undefined && object.linterOptions === undefined;
}

/** The run's largest readable file: the last `linterOptions.maxFileSize` in the config, else undefined (the default). */
export function maxFileSizeOf(config: LoadedConfig): number | undefined {
  let max: number | undefined;
  for (const object of config.objects) if (object.linterOptions?.maxFileSize !== undefined) max = object.linterOptions.maxFileSize;
  return max;
}

/** The rule settings and settings for one file: preset defaults, then each matching object, then overrides. */
export function resolveFileConfig(config: LoadedConfig, absolutePath: string, registry: Registry, overrides: Overrides = {}): FileConfig {
  const rel = toPosix(relative(config.baseDir, absolutePath));
  const rules: Record<string, RuleSetting> = {};
  for (const rule of registry.rules) rules[rule.id] = { severity: 'off' };
  for (const [id, severity] of Object.entries(registry.presets['recommended'] ?? {})) rules[id] = { severity };
  const apply = (entries: Readonly<Record<string, RuleEntry>>): void => {
    for (const [id, entry] of Object.entries(entries)) {
      const severity = normalizeSeverity(severityOf(entry));
      const previous = rules[id];
      // As in ESLint: a severity alone keeps the options set earlier.
      if (Array.isArray(entry) && entry.length > 1) rules[id] = { severity, options: entry[1] };
      else rules[id] = previous?.options !== undefined ? { severity, options: previous.options } : { severity };
    }
  };
  let settings: Settings = {};
  for (const object of config.objects) {
    if (!applies(object, rel)) continue;
    if (object.rules) apply(object.rules);
    if (object.settings) settings = { ...settings, ...object.settings };
  }
  if (overrides.reportUnresolved === true && config.objects.every((o) => o.rules?.['unresolved-value'] === undefined)) {
    rules['unresolved-value'] = { severity: 'warning' };
  }
  if (overrides.rules) apply(overrides.rules);
  if (overrides.stsModel !== undefined) settings = { ...settings, stsModel: overrides.stsModel };
  const sorted: Record<string, RuleSetting> = {};
  for (const id of Object.keys(rules).sort()) sorted[id] = rules[id]!;
  return { rules: sorted, settings };
}
