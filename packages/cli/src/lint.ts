import { relative, resolve } from 'node:path';
import type { AssumeRoleCall, Diagnostic, ExtractionResult, Extractor, RuleMeta } from '@rolecall/core';
import { countSeverities, fingerprintOf, LineIndex, locationOf, runRules, sortAndDedupe } from '@rolecall/core';
import picomatch from 'picomatch';
import {
  globalIgnoreRules,
  isIgnored,
  loadConfig,
  resolveFileConfig,
  toPosix,
  type ConfigError,
  type FileConfig,
  type LoadedConfig,
  type Overrides,
  type RuleEntry,
  validateRuleEntries,
} from './config.js';
import { discoverFiles } from './discover.js';
import { redactSecrets } from './redact.js';
import { decodeBytes, readForLint, type ReadOutcome } from './read.js';
import { loadDefaultRegistry, type Registry } from './registry.js';

/** The diagnostics of one file (the shape every formatter takes). */
export interface FileResult {
  /** POSIX path relative to `cwd` (`<stdin>` or the `--stdin-filename` for stdin). */
  readonly filePath: string;
  /** The text that was linted, for code frames; absent when the file could not be decoded at all. */
  readonly source?: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly errorCount: number;
  readonly warningCount: number;
}

export interface LintOptions {
  /** Directory that paths, globs and the config lookup start from; default `process.cwd()`. */
  readonly cwd?: string;
  /** A config file to use instead of looking one up; `false` uses defaults only. */
  readonly configFile?: string | false;
  /** Rule settings applied after the config, as `--rule` does: `{ "valid-tags": "off" }`. */
  readonly rules?: Readonly<Record<string, RuleEntry>>;
  /** Compatibility profile for every file (`--profile`). */
  readonly profile?: string;
  /** Extra ignore globs, relative to `cwd` (`--ignore-pattern`). */
  readonly ignorePatterns?: readonly string[];
  /** Report values that are not known statically (`--report-unresolved`). */
  readonly reportUnresolved?: boolean;
  /** Whether a pattern that matches no file is an error (default true, as ESLint). */
  readonly errorOnUnmatchedPattern?: boolean;
  /** Called after each file: files done, files in total. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Rules, presets, extractors and profiles to use; default: everything rolecall ships. */
  readonly registry?: Registry;
}

export interface LintRun {
  /** False when the config (or `rules` / `profile`) is invalid: nothing was linted, see `configErrors`. */
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


function result(filePath: string, diagnostics: readonly Diagnostic[], source?: string): FileResult {
  return { filePath, ...(source !== undefined ? { source } : {}), diagnostics, ...countSeverities(diagnostics) };
}

/** Extractors that read a path by their default globs. */
const extractorMatchers = new WeakMap<Extractor, (path: string) => boolean>();

export function extractorsFor(registry: Registry, path: string): Extractor[] {
  // Paths outside cwd (`../x.json`) are matched without their leading `../` segments.
  const candidate = path.replace(/^(?:\.\.\/)+/, '');
  return registry.extractors.filter((e) => {
    let m = extractorMatchers.get(e);
    if (m === undefined) {
      m = picomatch(e.files as string[], { dot: true });
      extractorMatchers.set(e, m);
    }
    return m(candidate);
  });
}

/** Problems with options given outside a config file (`--profile`, `--rule`). */
export function checkOptions(options: Pick<LintOptions, 'profile' | 'rules'>, registry: Registry): ConfigError[] {
  const errors: ConfigError[] = [];
  if (options.profile !== undefined) {
    for (const problem of registry.checkSettings({ profile: options.profile })) errors.push({ file: '--profile', message: problem.message });
  }
  if (options.rules !== undefined) errors.push(...validateRuleEntries(options.rules, registry).map((message) => ({ file: '--rule', message })));
  return errors;
}

/** A diagnostic for something the tool itself could not do with a file (read it, run an extractor). */
function fileProblem(file: string, outcome: Extract<ReadOutcome, { kind: 'problem' }>, registry: Registry): FileResult {
  const diagnostics = runRules({
    file,
    text: outcome.text,
    calls: [],
    problems: [{ message: outcome.message, span: { start: outcome.offset, end: outcome.offset } }],
    rules: [],
    ruleSettings: {},
  });
  return result(file, diagnostics, outcome.text === '' ? undefined : redactSecrets(outcome.text, [], registry.sensitiveMembers));
}

function extractorFailure(file: string, text: string, extractor: Extractor, error: unknown): Diagnostic {
  let detail: string;
  try {
    detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    detail = 'unprintable error';
  }
  detail = (detail.split(/\r\n|\r|\n/)[0] ?? '').slice(0, 200);
  const index = new LineIndex(text);
  return {
    ruleId: 'internal-error',
    severity: 'error',
    messageId: 'extractorThrew',
    message: `Extractor '${extractor.id}' failed on this file: ${detail}`,
    data: { extractor: extractor.id, error: detail },
    location: locationOf(file, index, { start: 0, end: 0 }),
    fingerprint: fingerprintOf({ ruleId: 'internal-error', file, path: extractor.id, messageId: 'extractorThrew' }),
  };
}

/** Lints decoded text as `file` with the given resolved config. Never throws. */
export function lintSource(file: string, text: string, fileConfig: FileConfig, registry: Registry): FileResult {
  const diagnostics: Diagnostic[] = [];
  const calls: AssumeRoleCall[] = [];
  for (const extractor of extractorsFor(registry, file.startsWith('<') ? 'stdin.json' : file)) {
    let extraction: ExtractionResult;
    try {
      if (!extractor.prefilter(text)) continue;
      extraction = extractor.extract({ path: file, text });
    } catch (error) {
      diagnostics.push(extractorFailure(file, text, extractor, error));
      continue;
    }
    calls.push(...extraction.calls);
    diagnostics.push(
      ...runRules({
        file,
        text,
        calls: extraction.calls,
        comments: extraction.comments,
        problems: extraction.problems,
        rules: registry.rules,
        ruleSettings: fileConfig.rules,
        settings: fileConfig.settings,
      }),
    );
  }
  return result(file, sortAndDedupe(diagnostics), redactSecrets(text, calls, registry.sensitiveMembers));
}

const loaded = new WeakSet<Extractor>();

/**
 * Runs the `load()` of every extractor that will read this text and has not loaded yet, so parsers
 * are imported only when the first file of their kind turns up.
 */
async function loadExtractorsFor(file: string, outcome: ReadOutcome, registry: Registry): Promise<void> {
  if (outcome.kind !== 'text') return;
  for (const extractor of extractorsFor(registry, file.startsWith('<') ? 'stdin.json' : file)) {
    if (extractor.load === undefined || loaded.has(extractor) || !extractor.prefilter(outcome.text)) continue;
    await extractor.load();
    loaded.add(extractor);
  }
}

function lintOutcome(file: string, outcome: ReadOutcome, fileConfig: FileConfig, registry: Registry): FileResult {
  if (outcome.kind === 'skip') return result(file, []);
  if (outcome.kind === 'problem') return fileProblem(file, outcome, registry);
  return lintSource(file, outcome.text, fileConfig, registry);
}

function prefilterOf(registry: Registry, path: string): (text: string) => boolean {
  const extractors = extractorsFor(registry, path);
  return (text) => extractors.some((e) => e.prefilter(text));
}

function overridesOf(options: LintOptions): Overrides {
  return {
    ...(options.rules !== undefined ? { rules: options.rules } : {}),
    ...(options.profile !== undefined ? { profile: options.profile } : {}),
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

/** Loads and checks the config plus overrides; a failed run when anything is invalid. */
function prepare(options: LintOptions, registry: Registry): { config: LoadedConfig; cwd: string } | LintRun {
  const cwd = resolve(options.cwd ?? process.cwd());
  const loaded = loadConfig({ cwd, registry, ...(options.configFile !== undefined ? { configFile: options.configFile } : {}) });
  if (!loaded.ok) return failed(loaded.errors);
  const overrideErrors = checkOptions(options, registry);
  if (overrideErrors.length > 0) return failed(overrideErrors, loaded.config.filePath);
  return { config: loaded.config, cwd };
}

/**
 * Lints files, directories and globs like the CLI does. Never throws: configuration problems come
 * back as `configErrors` with `ok: false`, and every file problem is a diagnostic in its result.
 */
export async function lintFiles(patterns: readonly string[], options: LintOptions = {}): Promise<LintRun> {
  const registry = options.registry ?? (await loadDefaultRegistry());
  const prepared = prepare(options, registry);
  if ('ok' in prepared) return prepared;
  const { config, cwd } = prepared;
  const ignores = globalIgnoreRules(config, cwd, options.ignorePatterns ?? []);
  const discovery = discoverFiles(patterns.length > 0 ? patterns : ['.'], {
    cwd,
    ignores,
    wanted: (path) => extractorsFor(registry, path).length > 0,
  });
  const overrides = overridesOf(options);
  const results: FileResult[] = [];
  let done = 0;
  for (const file of discovery.files) {
    let fileResult: FileResult;
    try {
      const outcome = readForLint(file.absolutePath, { explicit: file.explicit, prefilter: prefilterOf(registry, file.path) });
      await loadExtractorsFor(file.path, outcome, registry);
      fileResult = lintOutcome(file.path, outcome, resolveFileConfig(config, file.absolutePath, registry, overrides), registry);
    } catch (error) {
      // Only a bug in rolecall gets here; keep every other file's results.
      fileResult = result(file.path, [toolFailure(file.path, error)]);
    }
    results.push(fileResult);
    done++;
    options.onProgress?.(done, discovery.files.length);
    // Let progress output and signals through on long runs.
    if (done % 64 === 0) await new Promise((r) => setImmediate(r));
  }
  const unmatched = options.errorOnUnmatchedPattern === false ? [] : discovery.unmatched;
  return summarize(results, { unmatchedPatterns: unmatched, warnings: discovery.warnings, configFile: config.filePath });
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
}

/** Lints text (or raw bytes, checked like a file) as if it were the file `filePath`. Never throws. */
export async function lintText(text: string | Uint8Array, options: LintTextOptions = {}): Promise<LintRun> {
  const registry = options.registry ?? (await loadDefaultRegistry());
  const prepared = prepare(options, registry);
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
      typeof text === 'string' ? { kind: 'text', text } : decodeBytes(text, { explicit: true, prefilter: prefilterOf(registry, lookup) });
    await loadExtractorsFor(lookup, outcome, registry);
    fileResult = lintOutcome(display, outcome, resolveFileConfig(config, absolute, registry, overridesOf(options)), registry);
  } catch (error) {
    fileResult = result(display, [toolFailure(display, error)]);
  }
  return summarize([fileResult], { unmatchedPatterns: [], warnings, configFile: config.filePath });
}

