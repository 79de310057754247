import type { Diagnostic } from '@rolecall/core';
import { describedRuleIds, omittedNote, resultCounts, ruleInfo, TOOL_NAME } from './shared.js';
import type { Formatter } from './types.js';

/** Version of the JSON output's shape; bumped on any incompatible change. */
export const JSON_FORMAT_VERSION = 1;

/**
 * Machine-readable output, versioned from the start:
 * `{ version, tool, results: [{ filePath, messages, errorCount, warningCount, omitted? }], rules }`; `omitted`
 * (`{ errorCount, warningCount, limit, message }`) only on a file with more findings than are listed.
 * Unlike ESLint's bare `json`, rule metadata travels with the results. `data` is deliberately not
 * written: messages already carry what a reader needs, and nothing outside `message` can leak a
 * value a rule was looking at. Absent fields are `null` so every message has the same keys.
 */
export const json: Formatter = (results, context) => {
  const out = {
    version: JSON_FORMAT_VERSION,
    tool: { name: TOOL_NAME, version: context.toolVersion },
    results: results.map((result) => ({
      filePath: result.filePath,
      messages: result.diagnostics.map(message),
      ...resultCounts(result),
      // Only on a result that does not list every finding (the counts above include them).
      ...(result.omitted !== undefined && omittedNote(result) !== undefined ? { omitted: { ...result.omitted, message: omittedNote(result) } } : {}),
    })),
    rules: Object.fromEntries(
      describedRuleIds(results, context).map((id) => {
        const info = ruleInfo(id, context);
        return [
          id,
          {
            description: info.description,
            docsUrl: info.docsUrl,
            type: info.type ?? null,
            defaultSeverity: info.defaultSeverity,
            recommended: info.recommended ?? false,
            awsSource: info.awsSource ?? null,
            parameters: info.parameters ?? [],
            help: info.help ?? null,
          },
        ];
      }),
    ),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
};

function message(d: Diagnostic): Record<string, unknown> {
  return {
    ruleId: d.ruleId,
    messageId: d.messageId,
    severity: d.severity,
    message: d.message,
    line: d.location.start.line,
    column: d.location.start.column,
    endLine: d.location.end.line,
    endColumn: d.location.end.column,
    parameter: d.parameter ?? null,
    path: d.path ?? null,
    sourceKey: d.source?.key ?? null,
    related: (d.related ?? []).map((r) => ({
      message: r.message,
      filePath: r.location.file,
      line: r.location.start.line,
      column: r.location.start.column,
      endLine: r.location.end.line,
      endColumn: r.location.end.column,
    })),
    suggestions: (d.suggestions ?? []).map((s) => ({
      messageId: s.messageId,
      message: s.message,
      edits: s.edits.map((e) => ({ start: e.span.start, end: e.span.end, text: e.text })),
    })),
    help: d.help ?? null,
    awsMessage: d.awsMessage ?? null,
    docsUrl: d.docsUrl ?? null,
    fingerprint: d.fingerprint,
  };
}
