import type { Diagnostic, LineIndex, Location, Severity } from '@rolecall/core';
import type * as Sarif from 'sarif';
import { describedRuleIds, directoryFileUrl, INFORMATION_URI, omittedNote, pathToUriReference, relativePath, ruleInfo, TOOL_NAME, type RuleInfo } from './shared.js';
import type { Formatter, FormatterContext } from './types.js';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SRCROOT = '%SRCROOT%';
/** Versioned key, so a future change of what the fingerprint hashes can ship under a new key. */
export const FINGERPRINT_KEY = 'rolecall/v1';

function level(severity: Severity | 'off'): Sarif.ReportingConfiguration.level {
  return severity === 'off' ? 'none' : severity;
}

/**
 * SARIF 2.1.0 with one run: rule descriptors from `meta` (plus the reserved ids the results use),
 * results with repository-relative URIs under `%SRCROOT%`, explicit `columnKind:
 * utf16CodeUnits` (our columns), `partialFingerprints` from each diagnostic's line-independent
 * fingerprint (so GitHub code scanning keeps alerts stable across edits), related locations and
 * fixes from suggestions. Fix regions use `charOffset`/`charLength`, plus lines and columns when
 * the result carries its source.
 */
export const sarif: Formatter = (results, context) => {
  const ruleIds = describedRuleIds(results, context);
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const rules: Sarif.ReportingDescriptor[] = ruleIds.map((id) => {
    const info = ruleInfo(id, context);
    const tags = info.reserved ? ['rolecall-internal'] : ['aws', 'sts', ...(info.type ? [info.type] : [])];
    return {
      id,
      shortDescription: { text: info.description },
      fullDescription: { text: fullDescription(info) },
      ...(info.help !== undefined ? { help: { text: info.help } } : {}),
      helpUri: info.docsUrl,
      defaultConfiguration: { level: level(info.defaultSeverity), ...(info.defaultSeverity === 'off' ? { enabled: false } : {}) },
      properties: { tags, ...(info.recommended !== undefined ? { recommended: info.recommended } : {}) },
    };
  });

  const sarifResults: Sarif.Result[] = [];
  // A file that lists fewer findings than it has: one notification each, so an upload still says so.
  const notifications: Sarif.Notification[] = [];
  for (const result of results) {
    const uri = pathToUriReference(relativePath(result.filePath, context.cwd));
    const index = result.source;
    for (const d of result.diagnostics) sarifResults.push(toResult(d, uri, ruleIndex.get(d.ruleId) as number, index, context));
    const note = omittedNote(result);
    if (note !== undefined) {
      notifications.push({
        level: (result.omitted?.errorCount ?? 0) > 0 ? 'error' : 'warning',
        message: { text: note },
        locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: SRCROOT } } }],
        properties: { omittedErrorCount: result.omitted?.errorCount ?? 0, omittedWarningCount: result.omitted?.warningCount ?? 0 },
      });
    }
  }

  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, informationUri: INFORMATION_URI, version: context.toolVersion, rules } },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryFileUrl(context.cwd) } },
        columnKind: 'utf16CodeUnits',
        ...(notifications.length > 0 ? { invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }] } : {}),
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

/**
 * The descriptor's long form (GitHub code scanning flags descriptors without one): the description, the request
 * parameters the rule checks and the AWS page it rests on.
 */
function fullDescription(info: RuleInfo): string {
  const parts = [info.description.endsWith('.') ? info.description : `${info.description}.`];
  if (info.parameters !== undefined && info.parameters.length > 0) parts.push(`Checks ${info.parameters.join(', ')}.`);
  if (info.awsSource !== undefined) parts.push(`AWS reference: ${info.awsSource}`);
  if (info.reserved) parts.push('Reported by rolecall itself, not by a rule.');
  return parts.join(' ');
}

/** A problem that stopped the run before any file was linted (a configuration error), with its place if known. */
export interface ToolFailure {
  readonly message: string;
  /** cwd-relative path of the file at fault (a config file), if any. */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

/**
 * A valid SARIF log for a run that failed before linting: no results, `executionSuccessful: false` and each
 * failure as a `toolExecutionNotification`, so a CI upload step gets a well-formed file that says what went wrong
 * instead of an empty one.
 */
export function sarifToolFailure(failures: readonly ToolFailure[], context: Pick<FormatterContext, 'cwd' | 'toolVersion'>): string {
  const notifications: Sarif.Notification[] = failures.map((f) => ({
    level: 'error',
    message: { text: f.message },
    descriptor: { id: 'config-error' },
    ...(f.file !== undefined
      ? {
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: pathToUriReference(relativePath(f.file, context.cwd)), uriBaseId: SRCROOT },
                ...(f.line !== undefined ? { region: { startLine: f.line, ...(f.column !== undefined ? { startColumn: f.column } : {}) } } : {}),
              },
            },
          ],
        }
      : {}),
  }));
  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, informationUri: INFORMATION_URI, version: context.toolVersion, rules: [] } },
        invocations: [{ executionSuccessful: false, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { [SRCROOT]: { uri: directoryFileUrl(context.cwd) } },
        columnKind: 'utf16CodeUnits',
        results: [],
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function region(location: Location): Sarif.Region {
  return { startLine: location.start.line, startColumn: location.start.column, endLine: location.end.line, endColumn: location.end.column };
}

function physicalLocation(uri: string, location: Location): Sarif.PhysicalLocation {
  return { artifactLocation: { uri, uriBaseId: SRCROOT }, region: region(location) };
}

function toResult(d: Diagnostic, uri: string, ruleIndex: number, index: LineIndex | undefined, context: FormatterContext): Sarif.Result {
  const related = (d.related ?? []).map(
    (r, i): Sarif.Location => ({
      id: i + 1,
      physicalLocation: physicalLocation(pathToUriReference(relativePath(r.location.file, context.cwd)), r.location),
      message: { text: r.message },
    }),
  );
  const fixes = (d.suggestions ?? []).map(
    (s): Sarif.Fix => ({
      description: { text: s.message },
      artifactChanges: [
        {
          artifactLocation: { uri, uriBaseId: SRCROOT },
          replacements: s.edits.map((edit) => {
            const deletedRegion: Sarif.Region = { charOffset: edit.span.start, charLength: Math.max(0, edit.span.end - edit.span.start) };
            if (index !== undefined) {
              const start = index.positionAt(edit.span.start);
              const end = index.positionAt(edit.span.end);
              Object.assign(deletedRegion, { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column });
            }
            return { deletedRegion, insertedContent: { text: edit.text } };
          }),
        },
      ],
    }),
  );
  return {
    ruleId: d.ruleId,
    ruleIndex,
    level: d.severity,
    message: { text: d.message },
    locations: [{ physicalLocation: physicalLocation(uri, d.location) }],
    partialFingerprints: { [FINGERPRINT_KEY]: d.fingerprint },
    ...(related.length > 0 ? { relatedLocations: related } : {}),
    ...(fixes.length > 0 ? { fixes } : {}),
    ...(d.awsMessage !== undefined ? { properties: { awsMessage: d.awsMessage } } : {}),
  };
}
