import { relative, resolve } from 'node:path';
import type { Diagnostic, ExtractedFile, ProjectHost, RuleMeta, Timing } from '@rolecall/core';
import { countSeverities, extractFile, fingerprintOf, LineIndex, lintProjectFindings, locationOf, type OmittedCounts } from '@rolecall/core';
// Only light config modules here: the parser and validators load only for a config file (config-find.ts).
import { loadConfigLazily } from './config-find.js';
import { maxFileSizeOf, resolveFileConfig, type FileConfig, type Overrides } from './config-resolve.js';
import { toPosix, type ConfigError, type LoadedConfig, type RuleEntry } from './config-types.js';
import { globalIgnoreRules, isIgnored } from './ignores.js';
import { discoverFiles } from './discover.js';
import { repositoryReader } from './repository-reader.js';
import { redactDiagnostic, redactSecrets } from './redact.js';
import { decodeBytes, MAX_FILE_BYTES, type ReadOutcome } from './read.js';
import { extractOutcome, extractorsFor, prefilterOf, type FileJob } from './extract-files.js';
import { defaultJobs, prepareExtraction } from './parallel.js';

export { extractorsFor } from './extract-files.js';
import { loadDefaultRegistry } from './load-registry.js';
import { DEFAULT_EXTRACTORS } from './default-discovery.js';
import type { Extractor } from '@rolecall/core';
import type { OmittedFindings } from '@rolecall/formatters';
import type { Registry } from './registry.js';
import { capFindings, MAX_FINDINGS_PER_FILE, withCounted } from './findings-cap.js';

/** The diagnostics of one file (the shape every formatter takes). */
export interface FileResult {
  /** POSIX path relative to `cwd` (`<stdin>` or the `--stdin-filename` for stdin). */
  readonly filePath: string;
  /**
   * The text that was linted, with secrets masked, and its line index (the engine's own, see `LineIndex.withText`),
   * for code frames: `source.text`. Absent when the file has nothing to report or could not be decoded at all.
   */
  readonly source?: LineIndex;
  /** At most MAX_FINDINGS_PER_FILE of the file's findings; `omitted` counts the rest. */
  readonly diagnostics: readonly Diagnostic[];
  /** Every error of the file, listed or not (the exit code follows these counts). */
  readonly errorCount: number;
  readonly warningCount: number;
  /** The findings `diagnostics` does not list, by severity; absent when it lists them all. */
  readonly omitted?: OmittedFindings;
}

export interface LintOptions {
  /** Directory that paths, globs and the config lookup start from; default `process.cwd()`. */
  readonly cwd?: string;
  /** A config file to use instead of looking one up; `false` uses defaults only. */
  readonly configFile?: string | false;
  /** Rule settings applied after the config, as `--rule` does: `{ "valid-tags": "off" }`. */
  readonly rules?: Readonly<Record<string, RuleEntry>>;
  /** STS model (compatibility profile of limits) for every file (`--sts-model`; `profile` before 0.1.0). */
  readonly stsModel?: string;
  /** Largest file (or text) to read, in bytes (`--max-file-size`); default the config's, else 4 MiB. */
  readonly maxFileSize?: number;
  /** Extra ignore globs, relative to `cwd` (`--ignore-pattern`). */
  readonly ignorePatterns?: readonly string[];
  /** Report values that are not known statically (`--report-unresolved`). */
  readonly reportUnresolved?: boolean;
  /** Whether a pattern that matches no file is an error (default true, as ESLint). */
  readonly errorOnUnmatchedPattern?: boolean;
  /**
   * Threads that parse files, the main thread included (`--jobs`); default: the idle cores (cores
   * minus the load average).
   * The main thread reads and prefilters every file; a worker starts only once the parse work found
   * pays for it (with a given value, at the first file to parse). 1 = main thread only.
   */
  readonly jobs?: number;
  /** Called after each file is extracted: files done, files in total. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Rules, presets, extractors and STS models to use; default: everything rolecall ships. */
  readonly registry?: Registry;
  /** Collects time per phase and per rule (`TIMING=1`, see timing-report.ts); absent: nothing is measured. */
  readonly timing?: Timing;
}

export interface LintRun {
  /** False when the config (or `rules` / `stsModel`) is invalid: nothing was linted, see `configErrors`. */
  readonly ok: boolean;
  /** One entry per file linted, sorted by path. */
  readonly results: readonly FileResult[];
  readonly configErrors: readonly ConfigError[];
  /** Patterns that matched no file. */
  readonly unmatchedPatterns: readonly string[];
  /** Things skipped with a reason (ignored files named explicitly, unreadable directories). */
  readonly warnings: readonly string[];
  /** Absolute path of the config file used, if any. */
  readonly configFile: string | undefined;
  readonly errorCount: number;
  readonly warningCount: number;
}

/** Metadata of every rule and reserved id, for formatters. */
export function rulesMeta(registry: Registry): Record<string, RuleMeta<any>> {
  const meta: Record<string, RuleMeta<any>> = {};
  for (const rule of registry.rules) meta[rule.id] = rule.meta;
  return meta;
}


function result(filePath: string, diagnostics: readonly Diagnostic[], source?: LineIndex, counted?: OmittedCounts): FileResult {
  // Every result leaves through here: it lists at most MAX_FINDINGS_PER_FILE findings and counts the rest
  // (findings-cap.ts; the engine already kept no more than that and counted the rest in `counted`); messages,
  // help and data lose secret-shaped values (redact.ts).
  const capped = capFindings(diagnostics);
  const omitted = withCounted(capped.omitted, counted);
  const redacted = capped.listed.map(redactDiagnostic);
  const counts = countSeverities(redacted);
  return {
    filePath,
    ...(source !== undefined ? { source } : {}),
    diagnostics: redacted,
    errorCount: counts.errorCount + (omitted?.errorCount ?? 0),
    warningCount: counts.warningCount + (omitted?.warningCount ?? 0),
    ...(omitted !== undefined ? { omitted } : {}),
  };
}

/**
 * The sensitive-value redaction of a file's text with the engine's line index for it, for code frames. Redaction
 * keeps lengths and line breaks (redact.ts), so the index the engine located findings with holds for it as is.
 */
function redactedSource(file: ExtractedFile, registry: Registry, index: LineIndex | undefined): LineIndex | undefined {
  if (file.text === undefined || file.text === '') return undefined;
  const calls = file.parts.flatMap((p) => p.calls);
  return (index ?? new LineIndex(file.text)).withText(redactSecrets(file.text, calls, registry.sensitiveMembers));
}

/**
 * Runs core's project pass and rules over extracted files and returns each file's result. Files
 * with nothing to report still get an (empty) result, so every linted file is listed.
 */
export function lintExtracted(
  files: readonly ExtractedFile[],
  configFor: (path: string) => FileConfig,
  registry: Registry,
  host?: ProjectHost,
  lineIndexes: Map<string, LineIndex> = new Map(),
  timing?: Timing,
): FileResult[] {
  const findings = phase(timing, PHASES.project, () => lintProjectFindings(files, {
    maxFindingsPerFile: MAX_FINDINGS_PER_FILE,
    lineIndexes,
    ...(timing !== undefined ? { timing } : {}),
    rules: registry.rules,
    extractors: registry.extractors,
    ...(host !== undefined ? { host } : {}),
    configFor: (path) => {
      const config = configFor(path);
      return { ruleSettings: config.rules, settings: config.settings };
    },
  }));
  return phase(timing, PHASES.results, () => files.map((file, i) => {
    const list = findings[i]?.diagnostics ?? [];
    // A file only a `file://` value read (no extractor kept its text) still gets its code frames.
    const source = file.text === undefined && list.length > 0 ? host?.readText?.(file.path) : undefined;
    const linted = result(
      file.path,
      list,
      list.length > 0 ? redactedSource(source !== undefined ? { ...file, text: source } : file, registry, lineIndexes.get(file.path)) : undefined,
      findings[i]?.omitted,
    );
    if (list.length === 0 && file.parts.every((p) => p.calls.length === 0 && p.problems.length === 0)) saidNothing.add(linted);
    return linted;
  }));
}

/** The phases the lint pipeline records under `TIMING=1` (core adds `project pass › …` sub-phases). */
export const PHASES = {
  setup: 'load rules and config',
  discover: 'discover files',
  extract: 'read, prefilter and parse',
  project: 'project pass',
  results: 'results and redaction',
  report: 'format and write the report',
} as const;

function phase<T>(timing: Timing | undefined, name: string, fn: () => T): T {
  return timing === undefined ? fn() : timing.phase(name, fn);
}

/** Results of texts in which no extractor found anything (no call, no problem): a named file must not pass silently. */
const saidNothing = new WeakSet<FileResult>();

function nothingFound(path: string): string {
  return `${path}: no AssumeRole input found, so nothing was checked (\`rolecall check-input ${path}\` validates a file as one input)`;
}

/** Lints decoded text as `file` with the given resolved config. Never throws. */
export function lintSource(file: string, text: string, fileConfig: FileConfig, registry: Registry): FileResult {
  const extracted = extractFile({ path: file, text }, extractorsFor(registry, file));
  return lintExtracted([extracted], () => fileConfig, registry)[0]!;
}

function overridesOf(options: LintOptions): Overrides {
  return {
    ...(options.rules !== undefined ? { rules: options.rules } : {}),
    ...(options.stsModel !== undefined ? { stsModel: options.stsModel } : {}),
    ...(options.reportUnresolved !== undefined ? { reportUnresolved: options.reportUnresolved } : {}),
  };
}

function failed(configErrors: readonly ConfigError[], configFile?: string): LintRun {
  return { ok: false, results: [], configErrors, unmatchedPatterns: [], warnings: [], configFile, errorCount: 0, warningCount: 0 };
}

function summarize(results: FileResult[], rest: Omit<LintRun, 'results' | 'errorCount' | 'warningCount' | 'ok' | 'configErrors'>): LintRun {
  let errorCount = 0;
  let warningCount = 0;
  for (const r of results) {
    errorCount += r.errorCount;
    warningCount += r.warningCount;
  }
  return { ok: true, results, configErrors: [], errorCount, warningCount, ...rest };
}

/**
 * A run's registry in two stages: the extractors discovery and reading need, and the whole registry, loaded on
 * first need. With the default registry the first stage is DEFAULT_EXTRACTORS (ids, files and prefilters only;
 * default-discovery.ts), so a run over files no prefilter accepts loads no rule, validator or extract code.
 */
interface Stages {
  readonly extractors: readonly Extractor[];
  /** The whole registry, its rule options prepared (see rule-options.ts). */
  full(): Promise<Registry>;
  /** Whether `full()` loads anything the first stage did not (the default registry). */
  readonly deferred: boolean;
}

function stagesOf(registry: Registry | undefined): Stages {
  const prepared = async (r: Registry): Promise<Registry> => {
    await (await import('./commands.js')).prepareRuleOptions(r);
    return r;
  };
  if (registry !== undefined) return { extractors: registry.extractors, full: () => prepared(registry), deferred: false };
  return { extractors: DEFAULT_EXTRACTORS, full: async () => prepared(await loadDefaultRegistry()), deferred: true };
}

/** Loads and checks the config plus overrides; a failed run when anything is invalid. */
async function prepare(options: LintOptions, stages: Stages): Promise<{ config: LoadedConfig; cwd: string } | LintRun> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const loaded = await loadConfigLazily({ cwd, registry: stages.full, ...(options.configFile !== undefined ? { configFile: options.configFile } : {}) });
  if (!loaded.ok) return failed(loaded.errors);
  // Options that name rules or an STS model are checked against the registry, which then loads.
  const overrideErrors = options.rules !== undefined || options.stsModel !== undefined ? (await import('./commands.js')).checkOptions(options, await stages.full()) : [];
  if (overrideErrors.length > 0) return failed(overrideErrors, loaded.config.filePath);
  return { config: loaded.config, cwd };
}

/** A file no extractor read anything from (no prefilter passed, or skipped): what lintExtracted gives it. */
function nothingToReport(path: string): FileResult {
  const linted = result(path, []);
  saidNothing.add(linted);
  return linted;
}

/**
 * Lints files, directories and globs like the CLI does. Never throws: configuration problems come
 * back as `configErrors` with `ok: false`, and every file problem is a diagnostic in its result.
 */
export async function lintFiles(patterns: readonly string[], options: LintOptions = {}): Promise<LintRun> {
  const timing = options.timing;
  const setupStart = timing === undefined ? 0 : performance.now();
  const stages = stagesOf(options.registry);
  if (!stages.deferred) await stages.full();
  const prepared = await prepare(options, stages);
  timing?.addPhase(PHASES.setup, performance.now() - setupStart);
  if ('ok' in prepared) return prepared;
  const { config, cwd } = prepared;
  const extraction = prepareExtraction(stages, {
    jobs: options.jobs ?? defaultJobs(),
    explicitJobs: options.jobs !== undefined,
    defaultRegistry: options.registry === undefined || options.registry === (await loadDefaultRegistry()),
    ...(options.onProgress !== undefined ? { onProgress: options.onProgress } : {}),
    ...(timing !== undefined ? { timing } : {}),
  });
  const ignores = globalIgnoreRules(config, cwd, options.ignorePatterns ?? []);
  const discovery = phase(timing, PHASES.discover, () =>
    discoverFiles(patterns.length > 0 ? patterns : ['.'], {
      cwd,
      ignores,
      wanted: (path) => extractorsFor(stages, path).length > 0,
    }),
  );
  const overrides = overridesOf(options);
  const maxBytes = options.maxFileSize ?? maxFileSizeOf(config) ?? MAX_FILE_BYTES;
  const jobs: FileJob[] = discovery.files.map((f) => ({ path: f.path, absolutePath: f.absolutePath, explicit: f.explicit, maxBytes }));
  const extractStart = timing === undefined ? 0 : performance.now();
  const extracted = await extraction.extract(jobs);
  timing?.addPhase(PHASES.extract, performance.now() - extractStart);
  let results: FileResult[];
  if (stages.deferred && extracted.every((f) => f.text === undefined && f.parts.length === 0)) {
    // No file passed a prefilter (nor failed to be read): no rule has anything to look at (every rule reads calls,
    // roles or comments, which come only from extractor parts), so the rules are not loaded for nothing.
    results = phase(timing, PHASES.results, () => extracted.map((f) => nothingToReport(f.path)));
  } else {
    // Loading the rules (default registry) counts as setup, wherever the run needs them first.
    const registry = timing === undefined ? await stages.full() : await timing.phaseAsync(PHASES.setup, stages.full);
    const absolute = new Map(discovery.files.map((f) => [f.path, f.absolutePath]));
    const configs = new Map<string, FileConfig>();
    const configFor = (path: string): FileConfig => {
      let resolved = configs.get(path);
      if (resolved === undefined) {
        resolved = resolveFileConfig(config, absolute.get(path) ?? resolve(cwd, path), registry, overrides);
        configs.set(path, resolved);
      }
      return resolved;
    };
    try {
      results = lintExtracted(extracted, configFor, registry, repositoryReader(cwd, maxBytes), new Map(), timing);
    } catch (error) {
      // Only a bug in rolecall gets here; report it on every file rather than lose the run.
      results = extracted.map((f) => result(f.path, [toolFailure(f.path, error)]));
    }
  }
  const unmatched = options.errorOnUnmatchedPattern === false ? [] : discovery.unmatched;
  const explicit = new Set(discovery.files.filter((f) => f.explicit).map((f) => f.path));
  const silent = results.filter((r) => explicit.has(r.filePath) && saidNothing.has(r)).map((r) => nothingFound(r.filePath));
  return summarize(results, { unmatchedPatterns: unmatched, warnings: [...discovery.warnings, ...silent], configFile: config.filePath });
}

function toolFailure(file: string, error: unknown): Diagnostic {
  const detail = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).split(/\r\n|\r|\n/)[0]!.slice(0, 200);
  return {
    ruleId: 'internal-error',
    severity: 'error',
    messageId: 'lintFailed',
    message: `rolecall failed on this file: ${detail}`,
    data: { error: detail },
    location: locationOf(file, new LineIndex(''), { start: 0, end: 0 }),
    fingerprint: fingerprintOf({ ruleId: 'internal-error', file, path: '', messageId: 'lintFailed' }),
  };
}

export interface LintTextOptions extends Omit<LintOptions, 'ignorePatterns' | 'errorOnUnmatchedPattern' | 'onProgress'> {
  /**
   * Path the text stands for, relative to `cwd`: picks the extractor, the config objects that apply
   * and the operation hint (`assume-role-with-saml.json`). Default `<stdin>` (read as JSON).
   */
  readonly filePath?: string;
  /** Report nothing (an empty result) when `filePath` is ignored by the config, as ESLint does. */
  readonly warnIgnored?: boolean;
  /** The bytes are the first part of a longer input whose reading stopped at the size limit (stdin). */
  readonly stdinTruncated?: boolean;
}

/** Lints text (or raw bytes, checked like a file) as if it were the file `filePath`. Never throws. */
export async function lintText(text: string | Uint8Array, options: LintTextOptions = {}): Promise<LintRun> {
  const stages = stagesOf(options.registry ?? (await loadDefaultRegistry()));
  const registry = await stages.full();
  const prepared = await prepare(options, stages);
  if ('ok' in prepared) return prepared;
  const { config, cwd } = prepared;
  const filePath = options.filePath ?? '<stdin>';
  const named = filePath !== '<stdin>';
  const absolute = resolve(cwd, named ? filePath : 'stdin.json');
  const display = named ? toPosix(relative(cwd, absolute)) || filePath : filePath;
  const warnings: string[] = [];
  if (named && isIgnored(globalIgnoreRules(config, cwd, []), absolute, false)) {
    warnings.push(`${display}: file ignored (it matches an ignore pattern)`);
    return summarize([], { unmatchedPatterns: [], warnings, configFile: config.filePath });
  }
  const lookup = named ? display : 'stdin.json';
  if (extractorsFor(registry, lookup).length === 0) {
    warnings.push(`${display}: skipped (no extractor reads this kind of file)`);
    return summarize([], { unmatchedPatterns: [], warnings, configFile: config.filePath });
  }
  let fileResult: FileResult;
  try {
    const outcome: ReadOutcome =
      typeof text === 'string'
        ? { kind: 'text', text }
        : decodeBytes(text, { explicit: true, prefilter: prefilterOf(registry, lookup), maxBytes: options.maxFileSize ?? maxFileSizeOf(config) ?? MAX_FILE_BYTES, ...(options.stdinTruncated === true ? { truncated: true } : {}) });
    const extracted = await extractOutcome(display, outcome, registry);
    const fileConfig = resolveFileConfig(config, absolute, registry, overridesOf(options));
    const maxBytes = options.maxFileSize ?? maxFileSizeOf(config) ?? MAX_FILE_BYTES;
    fileResult = lintExtracted([{ ...extracted, path: display }], () => fileConfig, registry, named ? repositoryReader(cwd, maxBytes) : undefined, new Map(), options.timing)[0]!;
    if (saidNothing.has(fileResult)) warnings.push(nothingFound(display));
  } catch (error) {
    fileResult = result(display, [toolFailure(display, error)]);
  }
  return summarize([fileResult], { unmatchedPatterns: [], warnings, configFile: config.filePath });
}

