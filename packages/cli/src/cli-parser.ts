/**
 * rolecall's command line as yargs reads it: every command, flag, alias, default and the `--help` text. cli.ts
 * imports this (and yargs, ~110 KB with its help-text dependencies) only for a command line fast-args.ts declines.
 */
import { FORMATTER_NAMES } from '@rolecall/formatters';
import yargs from 'yargs';
import { TOOL_VERSION } from './version.js';

const EPILOGUE = `Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too many warnings, 2 usage, configuration or internal error.
Configuration: rolecall.config.json or .rolecallrc.json, searched from the current directory upwards.`;

/** yargs, set up for rolecall: what reads every command line the lint command's fast reader declines (fast-args.ts). */
export function buildParser(argv: readonly string[]) {
  return yargs(argv as string[])
    .scriptName('rolecall')
    .usage('$0 [paths or globs...]\n\nFinds AWS STS AssumeRole parameters in files and reports invalid values at file:line:column.')
    .command('$0 [patterns..]', 'Lint files, directories and globs (default: the current directory)', (y) =>
      y.positional('patterns', { type: 'string', array: true, describe: 'Files, directories or picomatch globs', default: [] as string[] }),
    )
    .command('check-input <file>', 'Validate one AssumeRole input JSON (as given to --cli-input-json or the SDK); "-" reads stdin', (y) =>
      y
        .positional('file', { type: 'string', describe: 'Input JSON file, or - for stdin', demandOption: true })
        .option('operation', { type: 'string', choices: ['AssumeRole', 'AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML'], describe: 'Operation (default: from the file name and keys)' })
        .option('role-chaining', { type: 'boolean', describe: 'The caller uses role credentials (role chaining caps DurationSeconds; see max-chained-duration)' })
        .option('max-session-duration', { type: 'number', describe: "The target role's MaxSessionDuration, in seconds" }),
    )
    .command('init', 'Write a starter rolecall.config.json in the current directory (never overwrites)')
    .command('estimate <file>', 'Estimate the packed size and session-token size of an input JSON ("-" reads stdin); --format json for JSON', (y) =>
      y
        .positional('file', { type: 'string', describe: 'Input JSON file, or - for stdin', demandOption: true })
        .option('operation', { type: 'string', choices: ['AssumeRole', 'AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML'], describe: 'Operation (default: from the file name and keys)' }),
    )
    .option('format', { alias: 'f', type: 'string', choices: [...FORMATTER_NAMES], default: 'stylish', describe: 'Output format', group: 'Output:' })
    .option('output-file', { alias: 'o', type: 'string', describe: 'Write the report to this file instead of stdout', group: 'Output:' })
    .option('max-warnings', { type: 'number', default: -1, describe: 'Exit 1 when there are more warnings than this (-1: no limit)', group: 'Output:' })
    .option('quiet', { type: 'boolean', default: false, describe: 'Report errors only (warnings are dropped and not counted)', group: 'Output:' })
    .option('color', { type: 'boolean', describe: 'Force colours on or off (--no-color); default: on for a terminal, off with NO_COLOR', group: 'Output:' })
    .option('rule', { type: 'string', array: true, default: [] as string[], describe: "Set a rule: 'id: off|warn|error' or 'id: [\"error\", {...}]' (repeatable)", group: 'Rules and config:' })
    .option('config', { alias: 'c', type: 'string', describe: 'Use this config file instead of looking one up', group: 'Rules and config:' })
    .option('print-config', { type: 'string', describe: 'Print the configuration that applies to a file and exit', group: 'Rules and config:' })
    .option('list-rules', { type: 'boolean', default: false, describe: 'List every rule and exit', group: 'Rules and config:' })
    .option('sts-model', { type: 'string', describe: 'STS model: the compatibility profile of the limits (current, botocore-2015-04-27, ...); was --profile', group: 'Rules and config:' })
    .option('max-file-size', { type: 'number', describe: 'Largest file (or stdin) to read, in bytes (default 4194304 = 4 MiB)', group: 'Input:' })
    .option('report-unresolved', { type: 'boolean', default: false, describe: 'Report values that are not known statically (warning)', group: 'Rules and config:' })
    .option('stdin', { type: 'boolean', default: false, describe: 'Lint text from stdin', group: 'Input:' })
    .option('stdin-filename', { type: 'string', describe: 'File name for --stdin text (picks the extractor and config)', group: 'Input:' })
    .option('ignore-pattern', { type: 'string', array: true, default: [] as string[], describe: 'Ignore files and directories matching this glob (repeatable)', group: 'Input:' })
    .option('error-on-unmatched-pattern', { type: 'boolean', default: true, describe: 'Exit 2 when a pattern matches no file (--no-error-on-unmatched-pattern)', group: 'Input:' })
    .option('jobs', { type: 'number', describe: 'Threads that parse files, the main one included (default: the idle cores; workers start only when there is enough to parse)', group: 'Input:' })
    // One value per occurrence of a repeatable flag, as ESLint's: `--rule 'x: off' file.json` lints file.json.
    .parserConfiguration({ 'greedy-arrays': false })
    .epilogue(EPILOGUE)
    .strict()
    .help()
    .alias('help', 'h')
    .version(TOOL_VERSION)
    .alias('version', 'v')
    .wrap(100);
}
