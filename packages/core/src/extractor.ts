import type { AssumeRoleCall, Fact, Span } from './call.js';
import type { ExtractorPart, ProjectUpdate, RoleDefinition } from './project.js';

export interface SourceFile {
  /** Repository-relative POSIX path. */
  readonly path: string;
  readonly text: string;
}

/** A comment in the source, for suppression directives (`rolecall-disable-next-line …`). */
export interface SourceComment {
  /** Comment text without its delimiters (`//`, `#`, or the opening and closing marks of a block comment). */
  readonly text: string;
  readonly span: Span;
}

/** A problem the extractor hit (syntax error, unsupported construct); becomes a `parse-error` diagnostic. */
export interface ExtractionProblem {
  readonly message: string;
  readonly span: Span;
}

export interface ExtractionResult {
  readonly calls: readonly AssumeRoleCall[];
  readonly comments: readonly SourceComment[];
  readonly problems: readonly ExtractionProblem[];
  /** IAM role definitions the file holds (for role rules and cross-file matching). */
  readonly roles?: readonly RoleDefinition[];
  /** File-level facts for extractor-owned rules (see `Fact`); call-level ones go on the call. */
  readonly facts?: readonly Fact[];
  /** Extractor-private, structured-cloneable data for its `project` hook. */
  readonly exports?: unknown;
}

/**
 * What the host running the project pass offers extractors besides the extracted parts. Optional
 * in every member: a host without files (the ESLint plugin, a browser) offers nothing, and a value
 * that needs a file then stays an unresolved reference.
 */
export interface ProjectHost {
  /**
   * The text of a file by repository-relative POSIX path, or undefined when there is no such file,
   * or it may not be read: outside the lint root (`..`, an absolute path, a symlink leading out),
   * a directory, larger than the run's file size limit, or not UTF-8 text.
   */
  readText?(path: string): string | undefined;
}

/**
 * Turns one kind of file into normalized calls. Extractors never throw (a bug is caught by the
 * engine and becomes `internal-error`), never execute the file, and report only offsets.
 */
export interface Extractor {
  /** Stable id, used in config and in `diagnostic.source.extractor` (`input-json`). */
  readonly id: string;
  /** Picomatch globs of the files this extractor reads by default. */
  readonly files: readonly string[];
  /**
   * Cheap test on the raw text run before parsing; files that fail it are skipped without being
   * parsed (a whole-tree run reads many unrelated files).
   */
  prefilter(text: string): boolean;
  /**
   * Loads what `extract` needs (a WASM grammar, TypeScript), once, before the first file that
   * passes `prefilter`. Heavy parsers import lazily here so a run over files of one kind never pays
   * for another kind's parser; `extract` itself stays synchronous, as an ESLint rule needs it to be.
   * A rejection becomes an `internal-error` for the file and the extractor is tried again on the next.
   */
  load?(): Promise<void>;
  extract(file: SourceFile): ExtractionResult;
  /**
   * Resolves what crosses files, after every file is extracted: Terraform variables from
   * `variables.tf` and tfvars, CloudFormation parameters, AWS config `source_profile` chains.
   * Receives this extractor's part of every file (`path` → part) and returns the parts it changed.
   * No I/O of its own (files only through `host.readText`), never throws (a throw becomes one
   * `internal-error`, and the parts stay as they were).
   */
  project?(parts: ReadonlyMap<string, ExtractorPart>, host?: ProjectHost): ProjectUpdate;
}

/**
 * What a run needs of an extractor before any file passes its prefilter: its id, its files and its prefilter.
 * Each extractor package exports these from a light entry (`@rolecall/extractor-<kind>/discovery`) that imports no
 * extract code and no parser, so a run over files no prefilter accepts loads only them (packages/cli).
 */
export type ExtractorDiscovery = Pick<Extractor, 'id' | 'files' | 'prefilter'>;
