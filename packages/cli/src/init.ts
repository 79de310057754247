import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliIo } from './io.js';
import { CONFIG_FILE_NAMES } from './config.js';
import type { Registry } from './registry.js';

/** Where the published schema sits once `rolecall` is installed as a dev dependency. */
export const SCHEMA_REFERENCE = './node_modules/rolecall/config.schema.json';
export const CONFIG_DOCS_URL = 'https://github.com/rolecall/rolecall#configuration';

/**
 * The starter config: every rule at its recommended severity (`off` for the others) so the file
 * lists what can be tuned, and the default settings. JSON cannot hold comments, so `$schema` gives
 * editors completion and validation and `$comment` points at the docs.
 */
export function starterConfig(registry: Registry): string {
  const recommended = registry.presets['recommended'] ?? {};
  const rules: Record<string, string> = {};
  for (const rule of [...registry.rules].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const severity = recommended[rule.id];
    rules[rule.id] = severity === undefined ? 'off' : severity === 'warning' ? 'warn' : severity;
  }
  const config = {
    $schema: SCHEMA_REFERENCE,
    $comment: `rolecall configuration. Each object applies to the files its "files" globs match (all files without "files"); later objects win. Rule severities: "off", "warn", "error". Docs: ${CONFIG_DOCS_URL}`,
    config: [
      {
        rules,
        settings: { stsModel: 'current' },
      },
    ],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** `rolecall init`: writes rolecall.config.json in cwd; refuses when any config file is already there. */
export function initConfig(registry: Registry, io: CliIo): number {
  for (const name of CONFIG_FILE_NAMES) {
    if (existsSync(join(io.cwd, name))) {
      io.stderr.write(`rolecall: ${name} already exists; not overwriting it.\n`);
      return 2;
    }
  }
  const target = join(io.cwd, CONFIG_FILE_NAMES[0]!);
  try {
    // 'wx' fails instead of overwriting if the file appeared since the check.
    writeFileSync(target, starterConfig(registry), { flag: 'wx' });
  } catch (error) {
    io.stderr.write(`rolecall: cannot write ${CONFIG_FILE_NAMES[0]}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return 2;
  }
  io.stdout.write(`Wrote ${CONFIG_FILE_NAMES[0]}. Run \`rolecall\` to lint this directory; \`rolecall --print-config <file>\` shows what applies to a file.\n`);
  return 0;
}
