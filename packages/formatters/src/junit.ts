import { countSeverities, omittedNote, TOOL_NAME } from './shared.js';
import type { Formatter } from './types.js';

/**
 * Escapes text for XML attributes and content. Characters XML 1.0 cannot hold at all (most C0
 * controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD so the document stays well-formed.
 */
export function escapeXml(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/**
 * JUnit XML as CI dashboards read it (Jenkins, GitLab, Azure): one `<testsuite>` per file, one
 * `<testcase>` per finding with a `<failure>` (type = severity), and one passing `<testcase>` for a
 * clean file, so a clean run still shows what was checked.
 */
export const junit: Formatter = (results) => {
  let tests = 0;
  let failures = 0;
  const suites: string[] = [];
  for (const result of results) {
    const name = escapeXml(result.filePath);
    const cases: string[] = [];
    if (result.diagnostics.length === 0) {
      cases.push(`    <testcase classname="${name}" name="${TOOL_NAME}" time="0"/>`);
    } else {
      for (const d of result.diagnostics) {
        const where = `${d.location.start.line}:${d.location.start.column}`;
        const body = `${where} ${d.severity} ${d.message} (${d.ruleId})`;
        cases.push(
          [
            `    <testcase classname="${name}" name="${escapeXml(`${d.ruleId} at ${where}`)}" time="0">`,
            `      <failure type="${d.severity}" message="${escapeXml(d.message)}">${escapeXml(body)}</failure>`,
            '    </testcase>',
          ].join('\n'),
        );
      }
    }
    // Findings the result does not list are one failing case that says how many there are.
    const note = omittedNote(result);
    if (note !== undefined) {
      cases.push(
        [
          `    <testcase classname="${name}" name="${escapeXml(`${TOOL_NAME}: findings not listed`)}" time="0">`,
          `      <failure type="${(result.omitted?.errorCount ?? 0) > 0 ? 'error' : 'warning'}" message="${escapeXml(note)}">${escapeXml(note)}</failure>`,
          '    </testcase>',
        ].join('\n'),
      );
    }
    const count = Math.max(1, result.diagnostics.length + (note !== undefined ? 1 : 0));
    const counted = countSeverities(result.diagnostics);
    const errorCount = counted.errorCount + (note !== undefined ? 1 : 0);
    const { warningCount } = counted;
    tests += count;
    failures += errorCount + warningCount;
    suites.push(
      [`  <testsuite name="${name}" tests="${count}" failures="${errorCount + warningCount}" errors="0" skipped="0" time="0">`, ...cases, '  </testsuite>'].join('\n'),
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${TOOL_NAME}" tests="${tests}" failures="${failures}" errors="0" time="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
};
