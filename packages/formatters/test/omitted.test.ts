/**
 * A result that does not list all of its findings (`omitted`, see LintResult): every format says how many more there
 * are, and every count it prints includes them.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { github, json, junit, sarif, stylish, type LintResult } from '../src/index.js';
import { CANARY, CONTEXT, RESULTS } from './fixtures.js';
import { assertValid } from './sarif-schema.js';

const NOTE = '1500 more problems (1200 errors, 300 warnings) in this file are not listed: rolecall lists at most 2 per file. The counts include them.';
const CAPPED: LintResult[] = [{ ...RESULTS[0]!, omitted: { errorCount: 1200, warningCount: 300, limit: 2 } }];

describe('results that do not list every finding', () => {
  test('stylish: a note under the file, and the summary counts them', () => {
    const out = stylish(CAPPED, CONTEXT);
    assert.match(out, new RegExp(`\\n  … ${NOTE.replace(/[.()]/g, '\\$&')}\\n`));
    assert.match(out, /✖ 1502 problems \(1201 errors, 301 warnings\)\n$/);
  });

  test('json: the counts include them, and `omitted` says how many there are', () => {
    const [result] = (JSON.parse(json(CAPPED, CONTEXT)) as { results: Record<string, unknown>[] }).results;
    assert.equal(result!['errorCount'], 1201);
    assert.equal(result!['warningCount'], 301);
    assert.deepEqual(result!['omitted'], { errorCount: 1200, warningCount: 300, limit: 2, message: NOTE });
    // A result that lists everything has no `omitted` key.
    assert.equal('omitted' in (JSON.parse(json(RESULTS, CONTEXT)) as { results: Record<string, unknown>[] }).results[0]!, false);
  });

  test('sarif: a tool notification per such file, in a valid log', () => {
    const text = sarif(CAPPED, CONTEXT);
    assertValid(text);
    const run = (JSON.parse(text) as { runs: { invocations?: { executionSuccessful: boolean; toolExecutionNotifications: Record<string, unknown>[] }[] }[] }).runs[0]!;
    assert.deepEqual(run.invocations, [
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            level: 'error',
            message: { text: NOTE },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'examples/bad.json', uriBaseId: '%SRCROOT%' } } }],
            properties: { omittedErrorCount: 1200, omittedWarningCount: 300 },
          },
        ],
      },
    ]);
    assert.equal('invocations' in (JSON.parse(sarif(RESULTS, CONTEXT)) as { runs: object[] }).runs[0]!, false);
  });

  test('github: a notice on the file', () => {
    assert.match(github(CAPPED, CONTEXT), new RegExp(`::notice file=examples/bad.json,title=rolecall::${NOTE.replace(/[.()]/g, '\\$&')}\\n$`));
  });

  test('junit: one failing case that says so', () => {
    const out = junit(CAPPED, CONTEXT);
    assert.match(out, /<testsuite name="examples\/bad.json" tests="3" failures="3" /);
    assert.ok(out.includes(`<testcase classname="examples/bad.json" name="rolecall: findings not listed" time="0">\n      <failure type="error" message="${NOTE}">${NOTE}</failure>`));
  });

  test('only warnings left out: the note and its level say warning', () => {
    const warned: LintResult[] = [{ ...RESULTS[0]!, omitted: { errorCount: 0, warningCount: 1, limit: 2 } }];
    assert.match(stylish(warned, CONTEXT), /… 1 more problem \(0 errors, 1 warning\) in this file is not listed/);
    assert.match(junit(warned, CONTEXT), /<failure type="warning"/);
  });

  test('no format prints a secret from the listed findings', () => {
    for (const format of [stylish, json, sarif, github, junit]) assert.equal(format(CAPPED, CONTEXT).includes(CANARY), false, format.name);
  });
});
