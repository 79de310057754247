/**
 * rolecall's Node API: the same work as the `rolecall` command, without a process. Nothing here
 * throws on bad input or bad configuration; problems come back as data.
 *
 * ```ts
 * import { lintFiles, lintText } from 'rolecall';
 * const run = await lintFiles(['examples/']);
 * if (!run.ok) console.error(run.configErrors);
 * ```
 */
import { loadConfig as loadConfigWith, type LoadConfigResult } from './config.js';
import { ruleInfos, type RuleInfo } from './list-rules.js';
import { loadDefaultRegistry } from './load-registry.js';
import type { Registry } from './registry.js';
import { prepareRuleOptions } from './rule-options.js';

export { lintFiles, lintText, rulesMeta, type FileResult, type LintOptions, type LintRun, type LintTextOptions } from './lint.js';
export {
  CONFIG_FILE_NAMES,
  DEFAULT_IGNORES,
  configSchema,
  findConfigFile,
  formatConfigError,
  resolveFileConfig,
  type ConfigError,
  type ConfigObject,
  type FileConfig,
  type LoadConfigResult,
  type LoadedConfig,
  type RuleEntry,
  type SeverityName,
} from './config.js';
export { MAX_FILE_BYTES } from './read.js';
export { MAX_FINDINGS_PER_FILE } from './findings-cap.js';
export { loadDefaultRegistry } from './load-registry.js';
export type { Registry } from './registry.js';
export type { RuleInfo } from './list-rules.js';
export { TOOL_VERSION } from './version.js';
export { formatters, getFormatter, FORMATTER_NAMES, type Formatter, type FormatterName } from '@rolecall/formatters';

/**
 * Loads and validates the config that applies in `cwd` (or `configFile`), as the CLI does:
 * `{ ok: true, config }` or `{ ok: false, errors }` with each error's line and column.
 */
export async function loadConfig(options: { cwd?: string; configFile?: string | false; registry?: Registry } = {}): Promise<LoadConfigResult> {
  const registry = options.registry ?? (await loadDefaultRegistry());
  await prepareRuleOptions(registry);
  return loadConfigWith({
    cwd: options.cwd ?? process.cwd(),
    registry,
    ...(options.configFile !== undefined ? { configFile: options.configFile } : {}),
  });
}

/** Every rule (and configurable reserved id) with its description, default severity and presets. */
export async function listRules(registry?: Registry): Promise<RuleInfo[]> {
  return ruleInfos(registry ?? (await loadDefaultRegistry()));
}
