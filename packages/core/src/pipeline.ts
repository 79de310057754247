/**
 * One path from text to findings, for every host (CLI with or without worker threads, check-input,
 * the ESLint plugin): `extractFile` per file (pure, can run in a worker), then `lintProject` over
 * all extracted files: each extractor's project hook resolves what crosses files, then every rule
 * runs (per call, fact and role, and once over the project), and suppressions are applied once per
 * file after all of that, then ordering.
 */
import type { AssumeRoleCall, Fact } from './call.js';
import type { Diagnostic } from './diagnostic.js';
import type { ExtractionProblem, Extractor, ProjectHost, SourceComment, SourceFile } from './extractor.js';
import { LineIndex } from './line-index.js';
import { append } from './order.js';
import type { ExtractedFile, ExtractorPart, ProjectModel, RoleDefinition } from './project.js';
import { errorText, reservedDiagnostic, toDiagnostic, type DiagnosticDraft, type Locator } from './report.js';
import type { ProjectRuleContext, ReportDescriptor, Rule, RuleContext, Settings } from './rule.js';
import { checkFile, type DiagnosticSink } from './run-rules.js';
import { FileFindings, type FileFindingsResult } from './findings.js';
import { mergeOptions, type RuleSettings } from './severity.js';
import { parseDirective } from './suppressions.js';
import { PROJECT_PHASES, type Timing } from './timing.js';

/** The part of an extractor that failed on a file (see `ExtractorPart.failure`). */
export function failedPart(extractor: string, error: unknown): ExtractorPart {
  return { extractor, calls: [], roles: [], facts: [], comments: [], problems: [], failure: errorText(error) };
}

function hasContent(part: ExtractorPart): boolean {
  return (
    part.failure !== undefined ||
    part.calls.length > 0 ||
    part.roles.length > 0 ||
    part.facts.length > 0 ||
    part.problems.length > 0 ||
    part.comments.some((c) => parseDirective(c) !== undefined) ||
    part.exports !== undefined
  );
}

/**
 * Runs every extractor whose prefilter passes on one file (`prefiltered`: the caller already ran
 * the prefilters and passes only the extractors that passed, so each runs once per file). Never
 * throws: an extractor that throws leaves a part with `failure`. The text is kept only when there
 * is something to report or point at.
 */
export function extractFile(file: SourceFile, extractors: readonly Extractor[], options: { readonly prefiltered?: boolean } = {}): ExtractedFile {
  const parts: ExtractorPart[] = [];
  for (const extractor of extractors) {
    try {
      if (options.prefiltered !== true && !extractor.prefilter(file.text)) continue;
      const r = extractor.extract(file);
      parts.push({
        extractor: extractor.id,
        calls: r.calls,
        roles: r.roles ?? [],
        facts: r.facts ?? [],
        comments: r.comments,
        problems: r.problems,
        ...(r.exports !== undefined ? { exports: r.exports } : {}),
      });
    } catch (error) {
      parts.push(failedPart(extractor.id, error));
    }
  }
  const kept = parts.filter(hasContent);
  return { path: file.path, ...(kept.length > 0 ? { text: file.text } : {}), parts: kept };
}

/** How rules run for one file: its rule settings and file settings, from the config. */
export interface FileRuleConfig {
  readonly ruleSettings: RuleSettings;
  readonly settings: Settings;
}

export interface LintProjectOptions {
  readonly rules: readonly Rule<any>[];
  /** Extractors whose `project` hooks run (the registry's). */
  readonly extractors: readonly Extractor[];
  readonly configFor: (file: string) => FileRuleConfig;
  /** What the host offers project hooks (file reads for `file://` values); absent in hosts without files. */
  readonly host?: ProjectHost;
  /**
   * Filled with the line index of every file the pass located findings in (by path), so the caller
   * hands the same one to formatters (`LineIndex.withText` over the redacted text) instead of
   * building another. Indexes already in it are used.
   */
  readonly lineIndexes?: Map<string, LineIndex>;
  /** Records time per rule and per phase (`PROJECT_PHASES`) for `TIMING=1`; absent: nothing is measured. */
  readonly timing?: Timing;
}

/** Runs each extractor's project hook and returns the files with the parts it replaced. */
function resolveProject(files: readonly ExtractedFile[], extractors: readonly Extractor[], failures: Map<string, Diagnostic[]>, indexOf: (file: string) => LineIndex, host: ProjectHost | undefined): ExtractedFile[] {
  let current = files.slice();
  for (const extractor of extractors) {
    if (extractor.project === undefined) continue;
    const parts = new Map<string, ExtractorPart>();
    for (const file of current) for (const part of file.parts) if (part.extractor === extractor.id && part.failure === undefined) parts.set(file.path, part);
    if (parts.size === 0) continue;
    let update: ReadonlyMap<string, ExtractorPart>;
    try {
      update = extractor.project(parts, host);
    } catch (error) {
      const first = parts.keys().next().value as string;
      const locator: Locator = { file: first, index: indexOf(first) };
      const list = failures.get(first) ?? [];
      list.push(reservedDiagnostic(locator, 'internal-error', 'projectThrew', { extractor: extractor.id, error: errorText(error) }, { start: 0, end: 0 }));
      failures.set(first, list);
      continue;
    }
    if (update.size === 0) continue;
    current = current.map((file) => {
      const replaced = update.get(file.path);
      if (replaced === undefined) return file;
      return { ...file, parts: file.parts.map((p) => (p.extractor === extractor.id ? replaced : p)) };
    });
  }
  return current;
}

interface Merged {
  calls: AssumeRoleCall[];
  roles: RoleDefinition[];
  facts: Fact[];
  comments: SourceComment[];
  problems: ExtractionProblem[];
}

function merge(file: ExtractedFile): Merged {
  const m: Merged = { calls: [], roles: [], facts: [], comments: [], problems: [] };
  for (const part of file.parts) {
    append(m.calls, part.calls);
    append(m.roles, part.roles);
    append(m.facts, part.facts);
    append(m.comments, part.comments);
    append(m.problems, part.problems);
  }
  return m;
}

/**
 * Lints extracted files as one project and returns each file's diagnostics (same order as
 * `files`), after suppressions and ordering. Never throws.
 */
export function lintProject(files: readonly ExtractedFile[], options: LintProjectOptions): Diagnostic[][] {
  return lintProjectFindings(files, options).map((r) => r.diagnostics);
}

/**
 * `lintProject` with a budget: each file keeps at most `maxFindingsPerFile` findings (the first in
 * file order, plus every internal error) and counts the rest in `omitted`, and never holds more
 * than that while its rules report (findings.ts). Without a budget, the same as `lintProject`.
 */
export function lintProjectFindings(files: readonly ExtractedFile[], options: LintProjectOptions & { readonly maxFindingsPerFile?: number }): FileFindingsResult[] {
  const indexes = options.lineIndexes ?? new Map<string, LineIndex>();
  const texts = new Map<string, string>();
  for (const file of files) if (file.text !== undefined) texts.set(file.path, file.text);
  const indexOf = (path: string): LineIndex => {
    let index = indexes.get(path);
    if (index === undefined) {
      index = new LineIndex(texts.get(path) ?? '');
      indexes.set(path, index);
    }
    return index;
  };
  const knownIndex = (path: string): LineIndex | undefined => (texts.has(path) ? indexOf(path) : undefined);
  const failures = new Map<string, Diagnostic[]>();
  // A file a project hook read (a `file://` value) is known from then on, for locations in it.
  const read = options.host?.readText;
  const host: ProjectHost | undefined =
    read === undefined
      ? options.host
      : {
          readText(path) {
            const text = texts.get(path) ?? read.call(options.host, path);
            if (text !== undefined) texts.set(path, text);
            return text;
          },
        };
  const timing = options.timing;
  const phase = <T>(name: string, fn: () => T): T => (timing === undefined ? fn() : timing.phase(name, fn));
  const resolved = phase(PROJECT_PHASES.hooks, () => resolveProject(files, options.extractors, failures, indexOf, host));

  const merged = new Map<string, Merged>();
  const sink = new ProjectSink(new Set(resolved.map((f) => f.path)), (path) => {
    const locator: Locator = { file: path, index: indexOf(path), indexOf: knownIndex };
    return new FileFindings(locator, merged.get(path)?.comments ?? [], options.rules.map((r) => r.id), options.configFor(path).ruleSettings, options.maxFindingsPerFile);
  });
  for (const path of failures.keys()) sink.touch(path);
  phase(PROJECT_PHASES.fileRules, () => {
    for (const file of resolved) {
      if (file.text === undefined) continue;
      const m = merge(file);
      merged.set(file.path, m);
      const config = options.configFor(file.path);
      const locator: Locator = { file: file.path, index: indexOf(file.path), indexOf: knownIndex };
      const into = sink.of(file.path);
      for (const d of failures.get(file.path) ?? []) into.push(d);
      failures.delete(file.path);
      for (const part of file.parts) {
        const failure = part.failure;
        if (failure !== undefined) into.push(reservedDiagnostic(locator, 'internal-error', 'extractorThrew', { extractor: part.extractor, error: failure }, { start: 0, end: 0 }, undefined, part.extractor));
      }
      checkFile(
        { file: file.path, text: file.text, ...m, rules: options.rules, ruleSettings: config.ruleSettings, settings: config.settings, lineIndex: locator.index, indexOf: knownIndex, ...(timing !== undefined ? { timing } : {}) },
        locator,
        into,
      );
    }
    for (const [path, list] of failures) for (const d of list) sink.report(path, d);
  });

  phase(PROJECT_PHASES.projectRules, () => runProjectRules(resolved, merged, options, (file, d) => sink.report(file, d), indexOf, knownIndex));
  sink.deliverMoved();

  return phase(PROJECT_PHASES.finish, () => resolved.map((file) => sink.finish(file.path)));
}

/**
 * Where a project's findings go as they are reported: each to its file's `FileFindings`. A finding
 * inside a file another file's command reads (`--policy file://policy.json`) is located in that
 * file; when the run reports on that file, it is listed (and its suppressions applied) there, after
 * that file's own findings, in the order of the files that reported them. When the run does not
 * list that file (only the script was linted), the finding stays with the command's file, located
 * at the reference, and the place in the read file becomes the first related location: every
 * formatter then shows a position in the file whose heading it prints. The same finding said twice
 * (the read file is linted itself) is one finding, as every exact repeat is.
 */
class ProjectSink {
  private readonly findings = new Map<string, FileFindings>();
  /** Findings on their way to another file, by the file that reported them, in the order files first reported. */
  private readonly moved = new Map<string, Diagnostic[]>();

  constructor(
    private readonly paths: ReadonlySet<string>,
    private readonly create: (path: string) => FileFindings,
  ) {}

  /** Marks where a file's moved findings go in the order (as the first time it reports). */
  touch(path: string): void {
    if (!this.moved.has(path)) this.moved.set(path, []);
  }

  /** The sink of one file's own rules (`checkFile`). */
  of(path: string): DiagnosticSink {
    this.findingsOf(path);
    this.touch(path);
    return { push: (d: Diagnostic) => this.report(path, d), pushDraft: (d: DiagnosticDraft) => this.reportDraft(path, d) };
  }

  /** A draft located in the reporting file goes to its budget unbuilt; any other is built and placed as `report` does. */
  private reportDraft(path: string, d: DiagnosticDraft): void {
    if (d.location.file !== path) {
      this.report(path, d.build());
      return;
    }
    this.touch(path);
    this.findingsOf(path).addDraft(d);
  }

  report(path: string, d: Diagnostic): void {
    this.touch(path);
    const reads = d.related?.[0];
    if (d.location.file !== path && !this.paths.has(d.location.file) && reads?.location.file === path) {
      d = { ...d, location: reads.location, related: [{ message: `The value is read from here (${d.location.file}).`, location: d.location }, ...(d.related ?? []).slice(1)] };
    }
    if (d.location.file !== path && this.paths.has(d.location.file)) this.moved.get(path)!.push(d);
    else this.findingsOf(path).add(d);
  }

  /** Hands each moved finding to its file; once every pass has reported. */
  deliverMoved(): void {
    for (const list of this.moved.values()) for (const d of list) this.findingsOf(d.location.file).add(d);
    this.moved.clear();
  }

  finish(path: string): FileFindingsResult {
    return this.findings.get(path)?.finish() ?? { diagnostics: [] };
  }

  private findingsOf(path: string): FileFindings {
    let findings = this.findings.get(path);
    if (findings === undefined) {
      findings = this.create(path);
      this.findings.set(path, findings);
    }
    return findings;
  }
}

function runProjectRules(
  files: readonly ExtractedFile[],
  merged: ReadonlyMap<string, Merged>,
  options: LintProjectOptions,
  push: (file: string, d: Diagnostic) => void,
  indexOf: (file: string) => LineIndex,
  knownIndex: (file: string) => LineIndex | undefined,
): void {
  const projectRules = options.rules.filter((r) => r.checkProject !== undefined);
  if (projectRules.length === 0) return;
  const model: ProjectModel = {
    files,
    calls: [...merged.values()].flatMap((m) => m.calls),
    roles: [...merged.values()].flatMap((m) => m.roles),
  };
  for (const rule of projectRules) {
    const context: ProjectRuleContext<unknown> = {
      ruleId: rule.id,
      options: rule.meta.defaultOptions,
      settingsFor: (file) => options.configFor(file).settings,
      lineOf: (file, offset) => knownIndex(file)?.positionAt(offset).line,
      at(target: AssumeRoleCall | RoleDefinition): RuleContext<unknown> {
        const file = target.file;
        const config = options.configFor(file);
        const setting = config.ruleSettings[rule.id];
        const locator: Locator = { file, index: indexOf(file), indexOf: knownIndex };
        const reportTarget = 'operation' in target ? { call: target } : { role: target };
        return {
          ruleId: rule.id,
          options: mergeOptions(rule.meta.defaultOptions, setting?.options),
          settings: config.settings,
          file,
          text: knownIndex(file)?.text ?? '',
          report(descriptor: ReportDescriptor): void {
            if (setting === undefined || setting.severity === 'off') return;
            push(file, toDiagnostic(locator, reportTarget, rule, setting.severity, descriptor));
          },
        };
      },
    };
    const start = options.timing === undefined ? 0 : performance.now();
    try {
      rule.checkProject!(model, context);
    } catch (error) {
      const file = files.find((f) => f.text !== undefined)?.path;
      if (file !== undefined) push(file, reservedDiagnostic({ file, index: indexOf(file) }, 'internal-error', 'ruleThrew', { rule: rule.id, error: errorText(error) }, { start: 0, end: 0 }));
    } finally {
      options.timing?.addRule(rule.id, performance.now() - start);
    }
  }
}
