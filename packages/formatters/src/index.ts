import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

export type { Formatter, FormatterContext, LintResult, OmittedFindings, RuleDescription } from './types.js';
export { stylish } from './stylish.js';
export { json, JSON_FORMAT_VERSION } from './json.js';
export { sarif, sarifToolFailure, SARIF_SCHEMA_URI, FINGERPRINT_KEY, type ToolFailure } from './sarif.js';
export { github, escapeData, escapeProperty } from './github.js';
export { junit, escapeXml } from './junit.js';
export { relativePath } from './shared.js';

export const FORMATTER_NAMES = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;
export type FormatterName = (typeof FORMATTER_NAMES)[number];

/** Every built-in formatter by name (the values `--format` accepts). */
export const formatters: Readonly<Record<FormatterName, Formatter>> = { stylish, json, sarif, github, junit };

/** The formatter called `name`, or undefined for an unknown name. */
export function getFormatter(name: string): Formatter | undefined {
  return (FORMATTER_NAMES as readonly string[]).includes(name) ? formatters[name as FormatterName] : undefined;
}
