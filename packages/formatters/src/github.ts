import { omittedNote, relativePath } from './shared.js';
import type { Formatter } from './types.js';

/*
 * Escaping as in @actions/core (toolkit `command.ts`): data escapes `%`, CR and LF; property
 * values additionally escape `:` and `,`, which would otherwise end the value. Re-implemented
 * here because @actions/core would pull Node-only I/O into a pure formatter.
 */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands, one per finding, which the runner turns into annotations:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<rule-id>::message`. Columns are
 * given only for single-line findings: GitHub's annotations accept start and end columns only
 * when both are on the same line.
 */
export const github: Formatter = (results, context) => {
  let out = '';
  for (const result of results) {
    const file = relativePath(result.filePath, context.cwd);
    for (const d of result.diagnostics) {
      const { start, end } = d.location;
      const properties = [`file=${escapeProperty(file)}`, `line=${start.line}`];
      if (start.line === end.line) properties.push(`col=${start.column}`);
      properties.push(`endLine=${end.line}`);
      if (start.line === end.line) properties.push(`endColumn=${end.column}`);
      properties.push(`title=${escapeProperty(d.ruleId)}`);
      out += `::${d.severity} ${properties.join(',')}::${escapeData(d.message)}\n`;
    }
    const note = omittedNote(result);
    if (note !== undefined) out += `::notice file=${escapeProperty(file)},title=rolecall::${escapeData(note)}\n`;
  }
  return out;
};
