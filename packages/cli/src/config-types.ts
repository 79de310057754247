/** The config's shapes as written and as loaded, and how a config problem is printed. */
import type { RuleSetting, Settings } from '@rolecall/core';
import { sep } from 'node:path';

/** Config file names, in the order they are looked for in each directory. */
export const CONFIG_FILE_NAMES: readonly string[] = ['rolecall.config.json', '.rolecallrc.json'];

export type SeverityName = 'off' | 'warn' | 'warning' | 'error';
export type RuleEntry = SeverityName | readonly [SeverityName] | readonly [SeverityName, Record<string, unknown>];

/** One object of the flat config array, as written. */
export interface ConfigObject {
  readonly files?: readonly string[];
  readonly ignores?: readonly string[];
  readonly rules?: Readonly<Record<string, RuleEntry>>;
  readonly settings?: Settings;
  /** How files are read; applies to the whole run wherever the object stands. */
  readonly linterOptions?: { readonly maxFileSize?: number };
}

/** A problem in a config file (or a `--rule`/`--sts-model` value), with its place when known. */
export interface ConfigError {
  /** Path of the config file as given or found (cwd-relative), or `--rule` / `--sts-model`. */
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

export interface LoadedConfig {
  /** Absolute path of the config file, or undefined when none was found (defaults apply). */
  readonly filePath: string | undefined;
  /** Directory that `files` and `ignores` patterns are relative to. */
  readonly baseDir: string;
  readonly objects: readonly ConfigObject[];
}

export type LoadConfigResult = { readonly ok: true; readonly config: LoadedConfig } | { readonly ok: false; readonly errors: readonly ConfigError[] };

export function formatConfigError(error: ConfigError): string {
  const place = error.line !== undefined ? `${error.file}:${error.line}:${error.column ?? 1}` : error.file;
  return `${place}: ${error.message}`;
}


export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function severityOf(entry: RuleEntry): SeverityName {
  return (Array.isArray(entry) ? entry[0] : entry) as SeverityName;
}

export function normalizeSeverity(name: SeverityName): RuleSetting['severity'] {
  return name === 'warn' ? 'warning' : name;
}
