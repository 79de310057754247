import { readFileSync } from 'node:fs';

function readVersion(): string {
  try {
    // Resolved from src/ (tests) and from dist/ (the bundle) alike: both sit next to package.json's folder.
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** The version of the `rolecall` package, as `--version` prints it and reports record it. */
export const TOOL_VERSION: string = readVersion();
