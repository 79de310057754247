import type { Diagnostic, RuleMeta, Severity } from '@rolecall/core';
import { RESERVED_RULES, countSeverities, docsUrl } from '@rolecall/core';
import type { FormatterContext, LintResult } from './types.js';

export const TOOL_NAME = 'rolecall';
export const INFORMATION_URI = 'https://github.com/rolecall/rolecall';

export interface RuleInfo {
  readonly id: string;
  readonly description: string;
  readonly docsUrl: string;
  /** `off` only for reserved ids that are off unless asked for. */
  readonly defaultSeverity: Severity | 'off';
  readonly type?: RuleMeta['type'];
  readonly recommended?: boolean;
  readonly awsSource?: string;
  readonly parameters?: readonly string[];
  readonly help?: string;
  readonly reserved: boolean;
}

/** What formatters know about a rule id: its `meta`, the reserved-id metadata, or just its id. */
export function ruleInfo(ruleId: string, context: FormatterContext): RuleInfo {
  const meta = Object.prototype.hasOwnProperty.call(context.rulesMeta, ruleId) ? context.rulesMeta[ruleId] : undefined;
  if (meta !== undefined) {
    return {
      id: ruleId,
      description: meta.docs.description,
      docsUrl: docsUrl(ruleId),
      defaultSeverity: meta.defaultSeverity,
      type: meta.type,
      recommended: meta.docs.recommended,
      awsSource: meta.docs.awsSource,
      parameters: meta.parameters,
      ...(meta.help !== undefined ? { help: meta.help } : {}),
      reserved: false,
    };
  }
  const reserved = Object.prototype.hasOwnProperty.call(RESERVED_RULES, ruleId) ? RESERVED_RULES[ruleId as keyof typeof RESERVED_RULES] : undefined;
  if (reserved !== undefined) {
    return { id: ruleId, description: reserved.description, docsUrl: docsUrl(ruleId), defaultSeverity: reserved.defaultSeverity, reserved: true };
  }
  return { id: ruleId, description: ruleId, docsUrl: docsUrl(ruleId), defaultSeverity: 'error', reserved: false };
}

/** Rule ids to describe: every rule of the run, plus any other id the results use; sorted. */
export function describedRuleIds(results: readonly LintResult[], context: FormatterContext): string[] {
  const ids = new Set(Object.keys(context.rulesMeta));
  for (const result of results) for (const d of result.diagnostics) ids.add(d.ruleId);
  return [...ids].sort(compareStrings);
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export { countSeverities } from '@rolecall/core';

/** A result's counts, the findings it does not list (`omitted`) included. */
export function resultCounts(result: LintResult): { errorCount: number; warningCount: number } {
  const { errorCount, warningCount } = countSeverities(result.diagnostics);
  return { errorCount: errorCount + (result.omitted?.errorCount ?? 0), warningCount: warningCount + (result.omitted?.warningCount ?? 0) };
}

/** The sentence every format prints for a result that does not list all of its findings; undefined when it does. */
export function omittedNote(result: LintResult): string | undefined {
  const omitted = result.omitted;
  if (omitted === undefined || omitted.errorCount + omitted.warningCount === 0) return undefined;
  const n = omitted.errorCount + omitted.warningCount;
  return (
    `${n} more ${pluralize('problem', n)} (${omitted.errorCount} ${pluralize('error', omitted.errorCount)}, ${omitted.warningCount} ${pluralize('warning', omitted.warningCount)}) ` +
    `in this file ${n === 1 ? 'is' : 'are'} not listed: rolecall lists at most ${omitted.limit} per file. The counts include them.`
  );
}

function toSlashes(path: string): string {
  return path.replace(/\\/g, '/');
}

function isAbsolute(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:\//.test(path);
}

/**
 * A file path relative to `cwd`, with forward slashes (`examples/bad.json`). Paths already relative
 * are only normalized; absolute paths outside `cwd` stay absolute. Hand-written rather than
 * `node:path` so formatters also run in a browser.
 */
export function relativePath(filePath: string, cwd: string): string {
  const file = toSlashes(filePath);
  if (!isAbsolute(file)) return file.replace(/^\.\//, '');
  const base = toSlashes(cwd).replace(/\/+$/, '');
  const caseInsensitive = /^[A-Za-z]:\//.test(base);
  const f = caseInsensitive ? file.toLowerCase() : file;
  const b = caseInsensitive ? base.toLowerCase() : base;
  if (b !== '' && f.startsWith(`${b}/`)) return file.slice(base.length + 1);
  return file;
}

/** Percent-encodes a relative POSIX path segment by segment for use as a URI reference. */
export function pathToUriReference(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** `file:` URL of a directory, with a trailing slash (SARIF base URIs must end in one). */
export function directoryFileUrl(dir: string): string {
  const path = toSlashes(dir).replace(/\/+$/, '');
  if (path === '') return 'file:///';
  const withRoot = path.startsWith('/') ? path : `/${path}`;
  const encoded = withRoot
    .split('/')
    .map((segment, i) => (i === 1 && /^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment)))
    .join('/');
  return `file://${encoded}/`;
}

export function pluralize(word: string, count: number): string {
  return count === 1 ? word : `${word}s`;
}
