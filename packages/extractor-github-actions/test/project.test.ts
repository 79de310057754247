// Through core's pipeline with every rule: a broken workflow never hides another file's findings,
// and a chained step's finding names the earlier step.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractFile, lintProject } from '@rolecall/core';
import { rules } from '@rolecall/rules';
import { githubActionsExtractor } from '../src/index.js';

await githubActionsExtractor.load?.();

const ruleSettings = Object.fromEntries(rules.map((r) => [r.id, { severity: r.meta.defaultSeverity }]));
const lint = (files: Record<string, string>) =>
  lintProject(
    Object.entries(files).map(([path, text]) => extractFile({ path, text }, [githubActionsExtractor])),
    { rules, extractors: [githubActionsExtractor], configFor: () => ({ ruleSettings, settings: {} }) },
  ).map((ds) => ds.map((d) => `${d.location.file}:${d.location.start.line}:${d.location.start.column} ${d.ruleId}${(d.related ?? []).map((r) => ` → ${r.location.file}:${r.location.start.line}:${r.location.start.column}`).join('')}`));

const step = (extra: string) => `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          aws-access-key-id: \${{ secrets.ID }}
          aws-secret-access-key: \${{ secrets.KEY }}
          role-to-assume: arn:aws:iam::731902345678:role/one
${extra}`;

test('a parse failure in one file never hides findings in another', () => {
  const out = lint({
    '.github/workflows/broken.yml': 'on: push\njobs: [aws-actions/configure-aws-credentials@v4\n',
    '.github/workflows/ok.yml': step('          role-duration-seconds: 60\n'),
  });
  assert.deepEqual(out, [['.github/workflows/broken.yml:3:1 parse-error'], ['.github/workflows/ok.yml:11:34 valid-duration-seconds']]);
});

test('the second role of a job is chained from the first: 3601 is reported with the first step as related, 3600 is not', () => {
  const second = (seconds: number) =>
    step(`      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::731902345678:role/two
          role-duration-seconds: ${seconds}
`);
  assert.deepEqual(lint({ '.github/workflows/c.yml': second(3601) }), [['.github/workflows/c.yml:14:34 max-chained-duration → .github/workflows/c.yml:6:15']]);
  assert.deepEqual(lint({ '.github/workflows/c.yml': second(3600) }), [[]]);
});
