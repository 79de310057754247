import { Timing, type Diagnostic } from '@rolecall/core';
import { getFormatter, sarifToolFailure, type FormatterContext, type FormatterName } from '@rolecall/formatters';
// What a lint run needs before its first file is imported here; each other command, and the config parser, rules and
// argument parser (yargs), is imported where it is used, so a run over files no prefilter accepts loads none of them.
import { parseLintArgs } from './fast-args.js';
import { maxFileSizeOf } from './config-resolve.js';
import { formatConfigError, type RuleEntry } from './config-types.js';
import { MAX_FILE_BYTES } from './read.js';
import { lintFiles, lintText, PHASES, rulesMeta, type FileResult, type LintRun } from './lint.js';
import { formatTiming, timingEnabled } from './timing-report.js';
import { startThreadCpu } from './thread-cpu.js';
import type { CliIo } from './io.js';
import { loadDefaultRegistry, loadedDefaultRegistry } from './load-registry.js';
import type { Registry } from './registry.js';
import { TOOL_VERSION } from './version.js';
import { writeReport } from './output.js';

export type { CliIo, StdinRead } from './io.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

class UsageError extends Error {}

interface LintArgs {
  readonly patterns: string[];
  readonly format: FormatterName;
  readonly outputFile?: string;
  readonly maxWarnings: number;
  readonly quiet: boolean;
  readonly rule: string[];
  readonly config?: string;
  readonly printConfig?: string;
  readonly listRules: boolean;
  readonly stsModel?: string;
  readonly maxFileSize?: number;
  readonly stdin: boolean;
  readonly stdinFilename?: string;
  readonly color?: boolean;
  readonly jobs?: number;
  readonly reportUnresolved: boolean;
  readonly ignorePattern: string[];
  readonly errorOnUnmatchedPattern: boolean;
}

/** Parses one `--rule` value: `id: severity` or `id: [severity, {options}]` (JSON). */
export function parseRuleFlag(value: string): [string, RuleEntry] {
  const colon = value.indexOf(':');
  if (colon <= 0) throw new UsageError(`--rule '${value}': expected 'rule-id: off|warn|error'`);
  const id = value.slice(0, colon).trim();
  const raw = value.slice(colon + 1).trim();
  if (raw.startsWith('[')) {
    try {
      return [id, JSON.parse(raw) as RuleEntry];
    } catch {
      throw new UsageError(`--rule '${value}': the value after the colon is not valid JSON`);
    }
  }
  return [id, raw as RuleEntry];
}

function isInteger(n: number): boolean {
  return Number.isFinite(n) && Math.floor(n) === n;
}

/**
 * yargs-parser reads a lone `-` as an empty flag, so it is swapped for a token no real argument can
 * hold (process arguments cannot contain NUL) before parsing and swapped back after.
 */
const DASH = '\u0000-';

export async function runCli(rawArgv: readonly string[], io: CliIo): Promise<number> {
  // The clock only under TIMING: the global `performance` loads perf_hooks (eight modules) on first use.
  const started = timingEnabled(io.env) ? performance.now() : 0;
  const argv = rawArgv.map((a) => (a === '-' ? DASH : a));
  // The usual lint command lines are read without loading yargs (fast-args.ts); yargs reads the rest.
  let parsed: Record<string, unknown> | undefined = parseLintArgs(argv);
  let output = '';
  let failure: string | undefined;
  if (parsed === undefined) {
    try {
      const parser = (await import('./cli-parser.js')).buildParser(argv);
      await new Promise<void>((done) => {
        void parser.parse(argv as string[], {}, (err, args, out) => {
          if (err) failure = err.message;
          parsed = args as Record<string, unknown>;
          output = out;
          done();
        });
      });
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
  }
  if (failure !== undefined) {
    io.stderr.write(`rolecall: ${failure}\nRun 'rolecall --help' for usage.\n`);
    return EXIT_USAGE;
  }
  if (output !== '' || parsed?.['help'] === true || parsed?.['version'] === true) {
    io.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
    return EXIT_OK;
  }
  const args = parsed ?? {};
  const command = (args['_'] as (string | number)[] | undefined)?.[0];
  try {
    const maxFileSize = args['maxFileSize'] as number | undefined;
    if (maxFileSize !== undefined && (!isInteger(maxFileSize) || maxFileSize < 1)) throw new UsageError('--max-file-size must be a whole number of bytes, 1 or more');
    switch (command) {
      case 'check-input':
        if (args['maxSessionDuration'] !== undefined && !isInteger(Number(args['maxSessionDuration']))) {
          throw new UsageError('--max-session-duration must be a whole number of seconds');
        }
        return await (await import('./commands.js')).checkInput(
          {
            file: args['file'] === DASH ? '-' : String(args['file']),
            format: String(args['format']),
            ...(args['operation'] !== undefined ? { operation: args['operation'] as never } : {}),
            ...(args['stsModel'] !== undefined ? { stsModel: String(args['stsModel']) } : {}),
            ...(args['roleChaining'] !== undefined ? { roleChaining: Boolean(args['roleChaining']) } : {}),
            ...(args['maxSessionDuration'] !== undefined ? { maxSessionDuration: Number(args['maxSessionDuration']) } : {}),
            ...(args['config'] !== undefined ? { config: String(args['config']) } : {}),
            ...(args['outputFile'] !== undefined ? { outputFile: String(args['outputFile']) } : {}),
            ...(maxFileSize !== undefined ? { maxFileSize } : {}),
            color: resolveColor(args['color'] as boolean | undefined, args['outputFile'] as string | undefined, io),
            maxWarnings: Number(args['maxWarnings']),
          },
          io,
        );
      case 'init':
        return (await import('./commands.js')).initConfig(await loadDefaultRegistry(), io);
      case 'estimate': {
        // The estimate is a table or JSON; a flag it would ignore is refused rather than accepted.
        if (args['format'] !== 'stylish' && args['format'] !== 'json') throw new UsageError(`estimate prints a table (default) or --format json, not --format ${String(args['format'])}`);
        const { runEstimate } = await import('./commands.js');
        return await runEstimate(
          {
            file: args['file'] === DASH ? '-' : String(args['file']),
            format: String(args['format']),
            ...(args['operation'] !== undefined ? { operation: args['operation'] as never } : {}),
            ...(args['outputFile'] !== undefined ? { outputFile: String(args['outputFile']) } : {}),
            ...(args['config'] !== undefined ? { config: String(args['config']) } : {}),
            ...(maxFileSize !== undefined ? { maxFileSize } : {}),
          },
          io,
        );
      }
      case undefined: {
        // TIMING=1: time per phase and per rule on stderr (timing-report.ts); otherwise nothing is measured.
        // The registry (rules, validators, extractor code) loads only when the command needs it (lint.ts).
        const timing = timingEnabled(io.env) ? new Timing() : undefined;
        const cpu = timing !== undefined ? startThreadCpu() : undefined;
        const code = await lintCommand(args as unknown as LintArgs, io, timing);
        if (timing !== undefined) {
          cpu?.record(timing);
          io.stderr.write(formatTiming(timing, performance.now() - started, io.env['TIMING']));
        }
        return code;
      }
      default:
        throw new UsageError(`unknown command '${String(command)}'`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`rolecall: ${error.message}\n`);
      return EXIT_USAGE;
    }
    // A bug in rolecall itself; say so plainly and keep the stack out of users' logs unless asked.
    const detail = error instanceof Error ? (io.env['DEBUG'] ? (error.stack ?? error.message) : error.message) : String(error);
    io.stderr.write(`rolecall: internal error: ${detail}\nPlease report it at https://github.com/rolecall/rolecall/issues\n`);
    return EXIT_USAGE;
  }
}

export function resolveColor(flag: boolean | undefined, outputFile: string | undefined, io: CliIo): boolean {
  if (flag !== undefined) return flag;
  if (outputFile !== undefined) return false;
  if (io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '') return false;
  if (io.env['FORCE_COLOR'] !== undefined && io.env['FORCE_COLOR'] !== '0') return true;
  return io.stdout.isTTY === true;
}

function ruleOverrides(values: readonly string[]): Record<string, RuleEntry> {
  const out: Record<string, RuleEntry> = {};
  for (const value of values) {
    const [id, entry] = parseRuleFlag(value);
    out[id] = entry;
  }
  return out;
}

/** Shows "files scanned / total" on stderr, only on a terminal and never in CI. */
function progressReporter(io: CliIo): ((done: number, total: number) => void) & { clear(): void } {
  const enabled = io.stderr.isTTY === true && !io.env['CI'];
  let last = 0;
  let shown = false;
  const report = (done: number, total: number): void => {
    if (!enabled || total < 2) return;
    const now = Date.now();
    if (done !== total && now - last < 100) return;
    last = now;
    shown = true;
    io.stderr.write(`\r\u001b[Krolecall: ${done}/${total} files scanned`);
  };
  return Object.assign(report, {
    clear(): void {
      if (shown) io.stderr.write('\r\u001b[K');
    },
  });
}

/** The default registry with its rule options prepared, for what needs every rule (timed as setup under TIMING=1). */
async function fullRegistry(timing: Timing | undefined): Promise<Registry> {
  const load = async (): Promise<Registry> => {
    const registry = await loadDefaultRegistry();
    await (await import('./commands.js')).prepareRuleOptions(registry);
    return registry;
  };
  return timing === undefined ? load() : timing.phaseAsync(PHASES.setup, load);
}

/**
 * Rule metadata for the report: the loaded registry's, or, when the run loaded no rule (no file passed a
 * prefilter), the same metadata generated as data at codegen time (scripts/cli-validators.ts).
 */
async function reportRulesMeta(): Promise<FormatterContext['rulesMeta']> {
  const loaded = loadedDefaultRegistry();
  if (loaded !== undefined) return rulesMeta(loaded);
  return (await import('./generated/rules-meta.generated.js')).RULES_META;
}

async function lintCommand(args: LintArgs, io: CliIo, timing?: Timing): Promise<number> {
  if (!isInteger(args.maxWarnings) || args.maxWarnings < -1) throw new UsageError('--max-warnings must be a whole number, -1 or more');
  if (args.jobs !== undefined && (!isInteger(args.jobs) || args.jobs < 1)) throw new UsageError('--jobs must be a whole number, 1 or more');
  if (args.stdinFilename !== undefined && !args.stdin) throw new UsageError('--stdin-filename needs --stdin');
  if (args.stdin && args.patterns.length > 0) throw new UsageError('--stdin lints standard input; do not also give paths');
  if (args.patterns.includes(DASH)) throw new UsageError("'-' is not a path; use --stdin to lint standard input");
  const rules = ruleOverrides(args.rule);
  const common = {
    cwd: io.cwd,
    ...(args.config !== undefined ? { configFile: args.config } : {}),
    ...(args.rule.length > 0 ? { rules } : {}),
    ...(args.stsModel !== undefined ? { stsModel: args.stsModel } : {}),
    ...(args.maxFileSize !== undefined ? { maxFileSize: args.maxFileSize } : {}),
    reportUnresolved: args.reportUnresolved,
    ...(timing !== undefined ? { timing } : {}),
  };

  if (args.listRules) {
    const { listRules } = await import('./commands.js');
    io.stdout.write(listRules(await fullRegistry(timing), args.format === 'json' ? 'json' : 'text'));
    return EXIT_OK;
  }
  if (args.printConfig === '') throw new UsageError('--print-config needs the path of a file: rolecall --print-config <file>');
  if (args.printConfig !== undefined) return (await import('./commands.js')).printConfig(args.printConfig, { ...common, registry: await fullRegistry(timing), ignorePatterns: args.ignorePattern }, io);

  const progress = progressReporter(io);
  let run: LintRun;
  if (args.stdin) {
    // The limit is known before the config is checked (lintText reports a broken config); reading stops there.
    const registry = await fullRegistry(timing);
    const { loadConfig } = await import('./commands.js');
    const loaded = loadConfig({ cwd: io.cwd, registry, ...(args.config !== undefined ? { configFile: args.config } : {}) });
    const limit = args.maxFileSize ?? (loaded.ok ? maxFileSizeOf(loaded.config) : undefined) ?? MAX_FILE_BYTES;
    const read = await io.readStdin(limit);
    run = await lintText(read.bytes, { ...common, registry, ...(args.stdinFilename !== undefined ? { filePath: args.stdinFilename } : {}), ...(read.truncated ? { stdinTruncated: true } : {}) });
  } else {
    run = await lintFiles(args.patterns, {
      ...common,
      ignorePatterns: args.ignorePattern,
      errorOnUnmatchedPattern: args.errorOnUnmatchedPattern,
      onProgress: progress,
      ...(args.jobs !== undefined ? { jobs: args.jobs } : {}),
    });
  }
  progress.clear();
  if (!run.ok) {
    for (const error of run.configErrors) io.stderr.write(`rolecall: ${formatConfigError(error)}\n`);
    // A SARIF consumer (an upload step) still gets a valid log that carries the errors.
    if (args.format === 'sarif') {
      const failures = run.configErrors.map((e) => ({ message: formatConfigError(e), ...(e.file.startsWith('--') ? {} : { file: e.file }), ...(e.line !== undefined ? { line: e.line } : {}), ...(e.column !== undefined ? { column: e.column } : {}) }));
      writeReport(sarifToolFailure(failures, { cwd: io.cwd, toolVersion: TOOL_VERSION }), args.outputFile, io);
    }
    return EXIT_USAGE;
  }
  for (const warning of run.warnings) io.stderr.write(`rolecall: ${warning}\n`);

  const results: FileResult[] = args.quiet ? run.results.map(errorsOnly) : [...run.results];
  const formatter = getFormatter(args.format)!;
  const reportStart = timing === undefined ? 0 : performance.now();
  const report = formatter(results, {
    cwd: io.cwd,
    rulesMeta: await reportRulesMeta(),
    toolVersion: TOOL_VERSION,
    color: resolveColor(args.color, args.outputFile, io),
  });
  const written = writeReport(report, args.outputFile, io);
  timing?.addPhase(PHASES.report, performance.now() - reportStart);
  if (!written) return EXIT_USAGE;

  let errors = 0;
  let warnings = 0;
  let internal = false;
  for (const result of results) {
    errors += result.errorCount;
    warnings += result.warningCount;
    if (result.diagnostics.some((d) => d.ruleId === 'internal-error')) internal = true;
  }
  for (const pattern of run.unmatchedPatterns) io.stderr.write(`rolecall: No files matching the pattern "${pattern}" were found.\n`);
  if (args.maxWarnings >= 0 && warnings > args.maxWarnings) {
    io.stderr.write(`rolecall found too many warnings (maximum: ${args.maxWarnings}).\n`);
  }
  if (internal || run.unmatchedPatterns.length > 0) return EXIT_USAGE;
  if (errors > 0 || (args.maxWarnings >= 0 && warnings > args.maxWarnings)) return EXIT_FINDINGS;
  return EXIT_OK;
}

function errorsOnly(result: FileResult): FileResult {
  const { omitted, ...rest } = result;
  const diagnostics: Diagnostic[] = result.diagnostics.filter((d) => d.severity === 'error');
  // Errors the file does not list still count; its unlisted warnings go the way of the listed ones.
  const errors = omitted !== undefined && omitted.errorCount > 0 ? { ...omitted, warningCount: 0 } : undefined;
  return { ...rest, diagnostics, errorCount: diagnostics.length + (errors?.errorCount ?? 0), warningCount: 0, ...(errors !== undefined ? { omitted: errors } : {}) };
}
