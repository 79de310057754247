/**
 * Lints one file through an extractor and the engine, for the tests of the rules that read that
 * extractor's facts: diagnostics as `line:column-endLine:endColumn message`.
 */
import { extractFile, lintProject, type Extractor, type Rule } from '@rolecall/core';
import { githubActionsExtractor } from '@rolecall/extractor-github-actions';
import { shellExtractor } from '@rolecall/extractor-shell';

await Promise.all([githubActionsExtractor.load?.(), shellExtractor.load?.()]);

function lintFile(extractor: Extractor, rule: Rule<any>, path: string, text: string): string[] {
  const file = extractFile({ path, text }, [extractor]);
  const diagnostics = lintProject([file], {
    rules: [rule],
    extractors: [extractor],
    configFor: () => ({ ruleSettings: { [rule.id]: { severity: rule.meta.defaultSeverity } }, settings: {} }),
  });
  return (diagnostics[0] ?? []).map((d) => `${d.location.start.line}:${d.location.start.column}-${d.location.end.line}:${d.location.end.column} ${d.message}`);
}

export const lintWorkflow = (rule: Rule<any>, text: string, path = '.github/workflows/ci.yml'): string[] => lintFile(githubActionsExtractor, rule, path, text);
export const lintScript = (rule: Rule<any>, text: string, path = 'deploy.sh'): string[] => lintFile(shellExtractor, rule, path, text);

/** A one-job workflow whose single configure-aws-credentials step has these `with:` lines (line 8 on). */
export function workflow(uses: string, withLines: readonly string[]): string {
  return ['on: push', 'jobs:', '  deploy:', '    runs-on: ubuntu-latest', '    steps:', `      - uses: aws-actions/configure-aws-credentials@${uses}`, '        with:', ...withLines.map((l) => `          ${l}`), ''].join('\n');
}
