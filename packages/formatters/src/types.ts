import type { Diagnostic, LineIndex, RuleMeta } from '@rolecall/core';

/** The diagnostics of one file. */
export interface LintResult {
  /** As the CLI names the file (repository-relative POSIX normally); formatters make it relative to `cwd` where they need to. */
  readonly filePath: string;
  /**
   * The file text with its line index, for code frames (stylish) and fix regions (sarif); optional. The CLI passes
   * the engine's own index over the redacted text (`LineIndex.withText`), so formatters never build one: positions
   * in frames are the ones the engine computed. Whoever has only a text wraps it once in core's LineIndex.
   */
  readonly source?: LineIndex;
  readonly diagnostics: readonly Diagnostic[];
  /**
   * Findings of this file that `diagnostics` does not list, because a host listed at most `limit` per file (the CLI
   * does, so a file with a million findings cannot take a million objects' worth of memory). Every formatter says
   * so in its own way, and every count it prints includes them.
   */
  readonly omitted?: OmittedFindings;
}

export interface OmittedFindings {
  readonly errorCount: number;
  readonly warningCount: number;
  /** How many findings a file lists at most. */
  readonly limit: number;
}

/** What formatters read of a rule's `meta` (a whole `RuleMeta` is one). */
export type RuleDescription = Pick<RuleMeta<any>, 'type' | 'docs' | 'defaultSeverity' | 'parameters' | 'help'>;

export interface FormatterContext {
  /** Absolute path results are relative to (the repository root for SARIF's `%SRCROOT%`). */
  readonly cwd: string;
  /** Metadata of every rule of the run, keyed by id (reserved ids are known to formatters already). */
  readonly rulesMeta: Readonly<Record<string, RuleDescription>>;
  readonly toolVersion: string;
  /** ANSI colours (stylish only). */
  readonly color: boolean;
}

/** A formatter is a pure function of results and context. Non-empty output ends with a newline. */
export type Formatter = (results: readonly LintResult[], context: FormatterContext) => string;
