/** `rolecall --print-config <file>`: the configuration that applies to a file, as JSON. */
import { relative, resolve } from 'node:path';
import { checkOptions } from './config-check.js';
import { loadConfig } from './config-load.js';
import { resolveFileConfig } from './config-resolve.js';
import { formatConfigError, toPosix, type RuleEntry } from './config-types.js';
import { extractorsFor } from './extract-files.js';
import { globalIgnoreRules, isIgnored } from './ignores.js';
import { EXIT_OK, EXIT_USAGE } from './cli.js';
import type { CliIo } from './io.js';
import type { Registry } from './registry.js';

export async function printConfig(
  file: string,
  options: {
    cwd: string;
    registry: Registry;
    configFile?: string;
    rules?: Record<string, RuleEntry>;
    stsModel?: string;
    reportUnresolved: boolean;
    ignorePatterns: readonly string[];
  },
  io: CliIo,
): Promise<number> {
  const { registry } = options;
  const loaded = loadConfig({ cwd: io.cwd, registry, ...(options.configFile !== undefined ? { configFile: options.configFile } : {}) });
  const errors = loaded.ok ? checkOptions(options, registry) : loaded.errors;
  if (!loaded.ok || errors.length > 0) {
    for (const error of errors) io.stderr.write(`rolecall: ${formatConfigError(error)}\n`);
    return EXIT_USAGE;
  }
  const absolute = resolve(io.cwd, file);
  const path = toPosix(relative(io.cwd, absolute));
  const resolved = resolveFileConfig(loaded.config, absolute, registry, {
    ...(options.rules !== undefined ? { rules: options.rules } : {}),
    ...(options.stsModel !== undefined ? { stsModel: options.stsModel } : {}),
    reportUnresolved: options.reportUnresolved,
  });
  const rules: Record<string, unknown> = {};
  for (const [id, setting] of Object.entries(resolved.rules)) {
    const severity = setting.severity === 'warning' ? 'warn' : setting.severity;
    rules[id] = setting.options !== undefined ? [severity, setting.options] : severity;
  }
  const printed = {
    file: path,
    configFile: loaded.config.filePath !== undefined ? toPosix(relative(io.cwd, loaded.config.filePath)) : null,
    ignored: isIgnored(globalIgnoreRules(loaded.config, io.cwd, options.ignorePatterns), absolute, false),
    extractors: extractorsFor(registry, path).map((e) => e.id),
    settings: resolved.settings,
    rules,
  };
  io.stdout.write(`${JSON.stringify(printed, null, 2)}\n`);
  return EXIT_OK;
}
