import type { Span, StsMember } from './call.js';

export type Severity = 'error' | 'warning';

/** A 1-based line and a 1-based column counted in UTF-16 code units, plus the 0-based offset. */
export interface Position {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** `end` is exclusive. */
export interface Location {
  readonly file: string;
  readonly start: Position;
  readonly end: Position;
}

export interface TextEdit {
  readonly span: Span;
  readonly text: string;
}

export interface Suggestion {
  readonly messageId: string;
  readonly message: string;
  readonly edits: readonly TextEdit[];
}

export interface RelatedLocation {
  readonly message: string;
  readonly location: Location;
}

/** Ids reserved for problems of the tool itself rather than of the linted values. */
export const RESERVED_RULE_IDS = ['parse-error', 'config-error', 'internal-error', 'unused-disable', 'disable-without-reason', 'unresolved-value'] as const;
export type ReservedRuleId = (typeof RESERVED_RULE_IDS)[number];

/**
 * One finding. Diagnostics are plain data: formatters are pure functions of diagnostics and rule
 * metadata. `message` never contains a secret value (validators redact them before this point).
 */
export interface Diagnostic {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly messageId: string;
  readonly message: string;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly location: Location;
  /** STS member the finding is about, when there is one. */
  readonly parameter?: StsMember;
  /** JSON Pointer into the request (`/Tags/3/Key`), or into the policy (`/Policy/Statement/0/Action`). */
  readonly path?: string;
  /** How the user spelled the parameter and which extractor read it. */
  readonly source?: { readonly extractor: string; readonly key: string };
  readonly related?: readonly RelatedLocation[];
  readonly suggestions?: readonly Suggestion[];
  /** One line on what to do. */
  readonly help?: string;
  /** What STS answers to such a request, when it is recorded. */
  readonly awsMessage?: string;
  readonly docsUrl?: string;
  /**
   * Stable across edits that move the finding: hash of rule id, file, call id, parameter path and
   * message id; never line numbers.
   */
  readonly fingerprint: string;
}

/** Errors and warnings among `diagnostics` (every diagnostic is one or the other). */
export function countSeverities(diagnostics: readonly Diagnostic[]): { errorCount: number; warningCount: number } {
  let errorCount = 0;
  for (const d of diagnostics) if (d.severity === 'error') errorCount++;
  return { errorCount, warningCount: diagnostics.length - errorCount };
}
