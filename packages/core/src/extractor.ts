import type { AssumeRoleCall, Span } from './call.js';

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
}
