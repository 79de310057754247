/**
 * How many findings one file lists. A file can hold hundreds of thousands of findings (a 4 MiB input JSON with
 * one bad tag every two bytes); listing them all costs gigabytes and helps no one, so a result lists the first
 * `MAX_FINDINGS_PER_FILE` (in report order) and counts the rest by severity in `omitted`. Every formatter prints
 * a note saying how many more there are, and every count and the exit code include them — as compilers cap
 * errors per run (clang's -ferror-limit) without pretending the rest do not exist.
 *
 * The engine applies the same budget while rules report (core's `lintProjectFindings` with `maxFindingsPerFile`,
 * findings.ts), so a file never holds more than it lists; `capFindings` then only keeps its promise for lists that
 * did not come from there (a tool failure), and `withCounted` adds what the engine counted.
 */
import type { Diagnostic } from '@rolecall/core';
import type { OmittedFindings } from '@rolecall/formatters';

export const MAX_FINDINGS_PER_FILE = 1000;

/**
 * The first `limit` diagnostics, plus every `internal-error` after them (it decides the exit code and must never
 * be hidden), and the counts of the rest. `omitted` is absent when nothing was left out.
 */
export function capFindings(diagnostics: readonly Diagnostic[], limit: number = MAX_FINDINGS_PER_FILE): { listed: readonly Diagnostic[]; omitted?: OmittedFindings } {
  if (diagnostics.length <= limit) return { listed: diagnostics };
  const listed = diagnostics.slice(0, limit);
  let errorCount = 0;
  let warningCount = 0;
  for (let i = limit; i < diagnostics.length; i++) {
    const d = diagnostics[i]!;
    if (d.ruleId === 'internal-error') listed.push(d);
    else if (d.severity === 'error') errorCount++;
    else warningCount++;
  }
  return errorCount + warningCount === 0 ? { listed } : { listed, omitted: { errorCount, warningCount, limit } };
}

/** The cap's counts plus those the engine counted without listing (core's `maxFindingsPerFile`). */
export function withCounted(omitted: OmittedFindings | undefined, counted: { readonly errorCount: number; readonly warningCount: number } | undefined, limit: number = MAX_FINDINGS_PER_FILE): OmittedFindings | undefined {
  if (counted === undefined) return omitted;
  return { errorCount: (omitted?.errorCount ?? 0) + counted.errorCount, warningCount: (omitted?.warningCount ?? 0) + counted.warningCount, limit };
}
