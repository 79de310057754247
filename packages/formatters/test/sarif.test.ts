import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sarif, sarifToolFailure } from '../src/index.js';
import { CONTEXT, RESULTS } from './fixtures.js';
import { assertValid, validate } from './sarif-schema.js';

describe('sarif', () => {
  const log = JSON.parse(sarif(RESULTS, CONTEXT));
  const run = log.runs[0];

  test('validates against the official SARIF 2.1.0 schema', () => {
    assertValid(sarif(RESULTS, CONTEXT));
    assertValid(sarif([], CONTEXT));
    assertValid(sarif(RESULTS.map((r) => ({ filePath: r.filePath, diagnostics: r.diagnostics })), { ...CONTEXT, rulesMeta: {} }));
  });

  test('the schema check can fail', () => {
    const broken = JSON.parse(sarif(RESULTS, CONTEXT));
    broken.runs[0].results[0].level = 'fatal';
    assert.equal(validate(broken), false);
  });

  test('log and run header', () => {
    assert.equal(log.$schema, 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json');
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    assert.deepEqual(run.tool.driver.name, 'rolecall');
    assert.deepEqual(run.tool.driver.informationUri, 'https://github.com/rolecall/rolecall');
    assert.deepEqual(run.tool.driver.version, '0.1.0');
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///repo/' } });
    // Nothing else is written, so the assertions in this file cover the whole log.
    assert.deepEqual(Object.keys(log), ['$schema', 'version', 'runs']);
    assert.deepEqual(Object.keys(run), ['tool', 'originalUriBaseIds', 'columnKind', 'results']);
    assert.deepEqual(Object.keys(run.tool), ['driver']);
    assert.deepEqual(Object.keys(run.tool.driver), ['name', 'informationUri', 'version', 'rules']);
  });

  test('rule descriptors come from meta, plus reserved ids the results use', () => {
    assert.deepEqual(run.tool.driver.rules, [
      {
        id: 'parse-error',
        shortDescription: { text: 'The file could not be read as the format its extractor expects.' },
        fullDescription: { text: 'The file could not be read as the format its extractor expects. Reported by rolecall itself, not by a rule.' },
        helpUri: 'https://github.com/rolecall/rolecall/blob/main/packages/core/README.md#parse-error',
        defaultConfiguration: { level: 'error' },
        properties: { tags: ['rolecall-internal'] },
      },
      {
        id: 'valid-duration-seconds',
        shortDescription: { text: 'DurationSeconds must be within what STS and the role allow.' },
        fullDescription: {
          text: 'DurationSeconds must be within what STS and the role allow. Checks DurationSeconds. AWS reference: https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html',
        },
        helpUri: 'https://github.com/rolecall/rolecall/blob/main/rules/valid-duration-seconds/README.md',
        defaultConfiguration: { level: 'warning' },
        properties: { tags: ['aws', 'sts', 'suggestion'], recommended: true },
      },
      {
        id: 'valid-role-session-name',
        shortDescription: { text: 'RoleSessionName must be 2–64 characters of letters, digits and +=,.@_-.' },
        fullDescription: {
          text: 'RoleSessionName must be 2–64 characters of letters, digits and +=,.@_-. Checks RoleSessionName. AWS reference: https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html',
        },
        help: { text: 'Replace spaces and other characters with -.' },
        helpUri: 'https://github.com/rolecall/rolecall/blob/main/rules/valid-role-session-name/README.md',
        defaultConfiguration: { level: 'error' },
        properties: { tags: ['aws', 'sts', 'problem'], recommended: true },
      },
    ]);
  });

  test('results: rule index, level, message, location, fingerprint, related locations and fixes', () => {
    const artifact = (uri: string) => ({ uri, uriBaseId: '%SRCROOT%' });
    assert.deepEqual(run.results, [
      {
        ruleId: 'valid-role-session-name',
        ruleIndex: 2,
        level: 'error',
        message: { text: "RoleSessionName contains ' ' at index 3; STS accepts only letters, digits and +=,.@_-." },
        locations: [{ physicalLocation: { artifactLocation: artifact('examples/bad.json'), region: { startLine: 3, startColumn: 26, endLine: 3, endColumn: 27 } } }],
        partialFingerprints: { 'rolecall/v1': RESULTS[0]!.diagnostics[0]!.fingerprint },
        fixes: [
          {
            description: { text: "Replace ' ' with '-'." },
            artifactChanges: [
              {
                artifactLocation: artifact('examples/bad.json'),
                replacements: [{ deletedRegion: { charOffset: 78, charLength: 11, startLine: 3, startColumn: 22, endLine: 3, endColumn: 33 }, insertedContent: { text: '"has-space"' } }],
              },
            ],
          },
        ],
      },
      {
        ruleId: 'valid-duration-seconds',
        ruleIndex: 1,
        level: 'warning',
        message: { text: 'DurationSeconds is 90; STS accepts 900 to 43200.' },
        locations: [{ physicalLocation: { artifactLocation: artifact('examples/bad.json'), region: { startLine: 4, startColumn: 22, endLine: 4, endColumn: 24 } } }],
        partialFingerprints: { 'rolecall/v1': RESULTS[0]!.diagnostics[1]!.fingerprint },
        relatedLocations: [
          {
            id: 1,
            physicalLocation: { artifactLocation: artifact('examples/bad.json'), region: { startLine: 2, startColumn: 3, endLine: 2, endColumn: 12 } },
            message: { text: 'The role is assumed here.' },
          },
        ],
      },
      {
        ruleId: 'parse-error',
        ruleIndex: 0,
        level: 'error',
        message: { text: 'Value expected.' },
        locations: [{ physicalLocation: { artifactLocation: artifact('examples/broken.json'), region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 2 } } }],
        partialFingerprints: { 'rolecall/v1': RESULTS[1]!.diagnostics[0]!.fingerprint },
      },
    ]);
  });

  test('URIs are relative to cwd, POSIX and percent-encoded', () => {
    const d = RESULTS[0]!.diagnostics[1]!;
    const out = JSON.parse(sarif([{ filePath: 'C:\\work\\repo\\my dir\\a#1.json', diagnostics: [d] }], { ...CONTEXT, cwd: 'C:\\work\\repo' }));
    assert.equal(out.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'my%20dir/a%231.json');
    assert.equal(out.runs[0].originalUriBaseIds['%SRCROOT%'].uri, 'file:///C:/work/repo/');
    const posix = JSON.parse(sarif([{ filePath: '/repo/sub/x.json', diagnostics: [d] }], CONTEXT));
    assert.equal(posix.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'sub/x.json');
  });

  test('fix regions without the source carry offsets only', () => {
    const out = JSON.parse(sarif([{ filePath: 'examples/bad.json', diagnostics: [RESULTS[0]!.diagnostics[0]!] }], CONTEXT));
    assert.deepEqual(out.runs[0].results[0].fixes[0].artifactChanges[0].replacements[0].deletedRegion, { charOffset: 78, charLength: 11 });
  });
});

describe('sarifToolFailure (a run stopped by a configuration error)', () => {
  const text = sarifToolFailure(
    [
      { message: 'rolecall.config.json:3:12: rules.valid-tags: unknown severity "fatal"', file: '/repo/rolecall.config.json', line: 3, column: 12 },
      { message: '--rule: expected "id: severity"' },
    ],
    { cwd: '/repo', toolVersion: '0.1.0' },
  );
  const run = JSON.parse(text).runs[0];

  test('validates against the official SARIF 2.1.0 schema', () => assertValid(text));

  test('has no results and reports each error as a tool execution notification', () => {
    assert.deepEqual(run.results, []);
    assert.deepEqual(run.invocations, [
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          {
            level: 'error',
            message: { text: 'rolecall.config.json:3:12: rules.valid-tags: unknown severity "fatal"' },
            descriptor: { id: 'config-error' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'rolecall.config.json', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 12 } } }],
          },
          { level: 'error', message: { text: '--rule: expected "id: severity"' }, descriptor: { id: 'config-error' } },
        ],
      },
    ]);
  });
});
