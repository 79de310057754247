/**
 * The lint command's usual command lines, read without yargs. yargs (with its help-text dependencies, ~110 KB of
 * JavaScript, plus its locale and package.json look-ups) cost a lint run more start-up time than everything else it
 * loads before the first file: cli.ts loads it only for what this reader declines. This reader accepts a narrow form
 * and gives exactly what yargs gives for it (test/fast-args.test.ts parses a few hundred command lines both ways):
 *
 * - flags as `--name value` / `-f value`, each at most once, except the repeatable `--rule` and `--ignore-pattern`
 *   (one value per occurrence, as `greedy-arrays: false`); booleans bare (`--quiet`, `--no-color`);
 * - numbers as plain decimal digits; `--format` one of the formats;
 * - positionals that start with no `-` and are not a command name.
 *
 * Anything else (`--help`, `--version`, a command, `--name=value`, `--`, an unknown or repeated flag, a value that
 * starts with `-`, a number yargs might read differently) returns undefined, and yargs reads the line as before, so
 * every message, `--help` text and exit code stays yargs' own.
 */
import { FORMATTER_NAMES } from '@rolecall/formatters';

type Kind = 'string' | 'number' | 'boolean' | 'array';

/** Long flag → its kind and its camel-case key; the options of the default command in cli-parser.ts' `buildParser`. */
const FLAGS: Readonly<Record<string, { kind: Kind; key: string }>> = {
  format: { kind: 'string', key: 'format' },
  'output-file': { kind: 'string', key: 'outputFile' },
  'max-warnings': { kind: 'number', key: 'maxWarnings' },
  quiet: { kind: 'boolean', key: 'quiet' },
  color: { kind: 'boolean', key: 'color' },
  rule: { kind: 'array', key: 'rule' },
  config: { kind: 'string', key: 'config' },
  'print-config': { kind: 'string', key: 'printConfig' },
  'list-rules': { kind: 'boolean', key: 'listRules' },
  'sts-model': { kind: 'string', key: 'stsModel' },
  'max-file-size': { kind: 'number', key: 'maxFileSize' },
  'report-unresolved': { kind: 'boolean', key: 'reportUnresolved' },
  stdin: { kind: 'boolean', key: 'stdin' },
  'stdin-filename': { kind: 'string', key: 'stdinFilename' },
  'ignore-pattern': { kind: 'array', key: 'ignorePattern' },
  'error-on-unmatched-pattern': { kind: 'boolean', key: 'errorOnUnmatchedPattern' },
  jobs: { kind: 'number', key: 'jobs' },
};

/** Short aliases that take a value (`-h` and `-v` are yargs'). */
const SHORT: Readonly<Record<string, string>> = { '-f': 'format', '-o': 'output-file', '-c': 'config' };

/** Booleans with a `--no-` form users write. */
const NEGATABLE = new Set(['color', 'error-on-unmatched-pattern']);

/** First positionals yargs reads as a command. */
const COMMANDS = new Set(['check-input', 'init', 'estimate']);

/** The defaults of the default command (cli-parser.ts' `buildParser`). */
function defaults(): Record<string, unknown> {
  return {
    _: [],
    patterns: [] as string[],
    format: 'stylish',
    maxWarnings: -1,
    quiet: false,
    rule: [] as string[],
    listRules: false,
    reportUnresolved: false,
    stdin: false,
    ignorePattern: [] as string[],
    errorOnUnmatchedPattern: true,
  };
}

/** A value yargs reads as the same string: not empty, not flag-like. */
const plainValue = (value: string | undefined): value is string => value !== undefined && value !== '' && !value.startsWith('-');

/**
 * The parsed arguments of a lint command line in the keys cli.ts reads (camel case, `_`, `patterns`), or undefined
 * when the line is not in the narrow form this reader accepts (then yargs reads it).
 */
export function parseLintArgs(argv: readonly string[]): Record<string, unknown> | undefined {
  const out = defaults();
  const seen = new Set<string>();
  const patterns: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (!token.startsWith('-')) {
      // Not a command; no control characters (the '-' stand-in of cli.ts starts with NUL).
      if (token === '' || (patterns.length === 0 && COMMANDS.has(token)) || /[\u0000-\u001f]/.test(token)) return undefined;
      patterns.push(token);
      continue;
    }
    let name: string | undefined;
    if (token.startsWith('--')) {
      name = token.slice(2);
      if (name.startsWith('no-') && NEGATABLE.has(name.slice(3))) {
        const flag = name.slice(3);
        if (seen.has(flag) || argv[i + 1] === 'true' || argv[i + 1] === 'false') return undefined;
        seen.add(flag);
        out[FLAGS[flag]!.key] = false;
        continue;
      }
    } else {
      name = SHORT[token];
    }
    const flag = name !== undefined && Object.hasOwn(FLAGS, name) ? FLAGS[name] : undefined;
    if (flag === undefined) return undefined;
    if (flag.kind === 'boolean') {
      // yargs would take a following `true`/`false` as the flag's value.
      if (seen.has(name!) || argv[i + 1] === 'true' || argv[i + 1] === 'false') return undefined;
      seen.add(name!);
      out[flag.key] = true;
      continue;
    }
    const value = argv[i + 1];
    if (!plainValue(value)) return undefined;
    i++;
    if (flag.kind === 'array') {
      (out[flag.key] as string[]).push(value);
      continue;
    }
    if (seen.has(name!)) return undefined;
    seen.add(name!);
    if (flag.kind === 'number') {
      if (!/^(?:0|[1-9][0-9]{0,14})$/.test(value)) return undefined;
      out[flag.key] = Number(value);
    } else {
      if (flag.key === 'format' && !(FORMATTER_NAMES as readonly string[]).includes(value)) return undefined;
      out[flag.key] = value;
    }
  }
  out['patterns'] = patterns;
  return out;
}
