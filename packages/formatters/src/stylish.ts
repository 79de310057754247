import type { Diagnostic, LineIndex } from '@rolecall/core';
import { displayWidth, renderCodeFrame, sanitizeForTerminal } from '@rolecall/core';
import { omittedNote, pluralize, resultCounts } from './shared.js';
import type { Formatter } from './types.js';

const RESET = '\u001b[0m';
const STYLES = { bold: '\u001b[1m', dim: '\u001b[2m', underline: '\u001b[4m', red: '\u001b[31m', yellow: '\u001b[33m' } as const;
type Style = keyof typeof STYLES;

/**
 * ESLint's `stylish` look: each file's path underlined, one aligned row per finding
 * (`line:col  severity  message  rule-id`) followed by a code frame of the source when the result
 * carries it, then `✖ N problems (E errors, W warnings)`. Nothing is printed for a clean run.
 * Colours are plain ANSI escapes, only when `context.color` is true; text taken from linted files
 * is sanitized so it cannot drive the terminal.
 */
export const stylish: Formatter = (results, context) => {
  const paint = (value: string, ...styles: Style[]): string => (context.color && value !== '' ? `${styles.map((s) => STYLES[s]).join('')}${value}${RESET}` : value);
  let output = '';
  let errors = 0;
  let warnings = 0;

  for (const result of results) {
    if (result.diagnostics.length === 0) continue;
    const counts = resultCounts(result);
    errors += counts.errorCount;
    warnings += counts.warningCount;
    const index = result.source;

    // As ESLint's text-table layout: line numbers right-aligned, columns left-aligned, then
    // severity and message padded to the widest in this file.
    const rows = result.diagnostics.map((d) => ({
      diagnostic: d,
      line: String(d.location.start.line),
      column: String(d.location.start.column),
      message: sanitizeForTerminal(d.message),
    }));
    // Folds, not Math.max(...rows): spreading 150,000 rows into a call overflows the stack.
    const widest = (width: (row: (typeof rows)[number]) => number): number => rows.reduce((m, r) => Math.max(m, width(r)), -Infinity);
    const lineWidth = widest((r) => r.line.length);
    const columnWidth = widest((r) => r.column.length);
    const severityWidth = widest((r) => r.diagnostic.severity.length);
    const messageWidth = widest((r) => displayWidth(r.message));

    // One blank line before each file heading (frames already end with one).
    output += `${output.endsWith('\n\n') ? '' : '\n'}${paint(sanitizeForTerminal(result.filePath), 'underline')}\n`;
    for (const { diagnostic, line, column, message } of rows) {
      const position = `${line.padStart(lineWidth)}:${column.padEnd(columnWidth)}`;
      const severity = paint(diagnostic.severity, diagnostic.severity === 'error' ? 'red' : 'yellow') + ' '.repeat(severityWidth - diagnostic.severity.length);
      const padding = ' '.repeat(messageWidth - displayWidth(message));
      output += `  ${paint(position, 'dim')}  ${severity}  ${message}${padding}  ${paint(diagnostic.ruleId, 'dim')}\n`;
      if (index !== undefined) output += frame(diagnostic, index, context.color);
    }
    const note = omittedNote(result);
    if (note !== undefined) output += `  ${paint(`\u2026 ${note}`, 'bold')}\n`;
  }

  const total = errors + warnings;
  if (total === 0) return '';
  const summary = `\u2716 ${total} ${pluralize('problem', total)} (${errors} ${pluralize('error', errors)}, ${warnings} ${pluralize('warning', warnings)})`;
  return `${output}${output.endsWith('\n\n') ? '' : '\n'}${paint(summary, 'bold', errors > 0 ? 'red' : 'yellow')}\n`;
};

function frame(diagnostic: Diagnostic, index: LineIndex, color: boolean): string {
  const text = renderCodeFrame(index.text, { start: diagnostic.location.start.offset, end: diagnostic.location.end.offset }, { lineIndex: index, color });
  const indented = text
    .split('\n')
    .map((line) => `    ${line}`.trimEnd())
    .join('\n');
  const help = diagnostic.help !== undefined ? `    help: ${sanitizeForTerminal(diagnostic.help)}\n` : '';
  let related = '';
  for (const r of diagnostic.related ?? []) {
    related += `    related: ${sanitizeForTerminal(r.location.file)}:${r.location.start.line}:${r.location.start.column} ${sanitizeForTerminal(r.message)}\n`;
  }
  const note = diagnostic.awsMessage !== undefined ? `    note: STS answers: ${sanitizeForTerminal(diagnostic.awsMessage)}\n` : '';
  return `\n${indented}\n${related}${help}${note}\n`;
}
