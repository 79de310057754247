/**
 * The config: its types (config-types.ts), schema (config-schema.ts), registry checks (config-check.ts), loading
 * (config-load.ts), per-file resolution (config-resolve.ts) and global ignores (ignores.ts). This module only
 * re-exports them, so callers keep one import.
 */
export * from './config-types.js';
export { configSchema, describeSchemaErrors, type ConfigProblem } from './config-schema.js';
export { checkRules, validateRuleEntries } from './config-check.js';
export { findConfigFile, loadConfig, parseConfig, MAX_CONFIG_BYTES } from './config-load.js';
export { loadConfigLazily } from './config-find.js';
export { isGlobalIgnore, maxFileSizeOf, resolveFileConfig, type FileConfig, type Overrides } from './config-resolve.js';
export { compileIgnores, DEFAULT_IGNORES, globalIgnoreRules, isIgnored, type IgnoreRule } from './ignores.js';
