/**
 * Finding the config file, and loading it for a lint run: what every run does before its first file. Only a run
 * that has a config file loads the parser and the schema validators (config-load.ts, about 60 KB with jsonc-parser
 * and the generated validators); a run with none loads nothing more.
 */
import { lstatSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAMES, type LoadConfigResult } from './config-types.js';
import type { Registry } from './registry.js';

/** Finds `rolecall.config.json` or `.rolecallrc.json` in `cwd` or the nearest ancestor. */
export function findConfigFile(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      try {
        // Anything present under a config name (a directory, a FIFO, a dangling or looping symlink) is returned,
        // so loading it reports why it cannot be read instead of silently applying defaults.
        lstatSync(candidate);
        return candidate;
      } catch {
        // not here
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The config file `options` name or the lookup finds, or undefined for defaults only (`configFile: false`, none found). */
export function configFilePath(options: { cwd: string; configFile?: string | false }): string | undefined {
  const cwd = resolve(options.cwd);
  return options.configFile === false ? undefined : options.configFile !== undefined ? resolve(cwd, options.configFile) : findConfigFile(cwd);
}

/** The config of a run with no config file: defaults only, paths relative to `cwd`. */
export function defaultsOnly(cwd: string): LoadConfigResult {
  return { ok: true, config: { filePath: undefined, baseDir: resolve(cwd), objects: [] } };
}

/**
 * loadConfig (config-load.ts) for a lint run: the config file's parser and validators load only when there is a
 * config file, and the registry only when the config needs it (it sets rules or settings, which are checked against
 * the registry's rules and STS models). Never throws.
 */
export async function loadConfigLazily(options: { cwd: string; configFile?: string | false; registry: () => Promise<Registry> }): Promise<LoadConfigResult> {
  if (configFilePath(options) === undefined) return defaultsOnly(options.cwd);
  const { loadConfigStaged } = await import('./commands.js');
  return loadConfigStaged(options);
}
