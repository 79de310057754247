import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { json } from '../src/index.js';
import { CONTEXT, RESULTS } from './fixtures.js';

const AWS = 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html';
const [session, duration] = RESULTS[0]!.diagnostics;
const parse = RESULTS[1]!.diagnostics[0]!;

describe('json', () => {
  test('versioned output with tool, results, counts and rule metadata', () => {
    const expected = {
      version: 1,
      tool: { name: 'rolecall', version: '0.1.0' },
      results: [
        {
          filePath: 'examples/bad.json',
          messages: [
            {
              ruleId: 'valid-role-session-name',
              messageId: 'invalidCharacters',
              severity: 'error',
              message: "RoleSessionName contains ' ' at index 3; STS accepts only letters, digits and +=,.@_-.",
              line: 3,
              column: 26,
              endLine: 3,
              endColumn: 27,
              parameter: 'RoleSessionName',
              path: '/RoleSessionName',
              sourceKey: 'RoleSessionName',
              related: [],
              suggestions: [{ messageId: 'suggestReplace', message: "Replace ' ' with '-'.", edits: [{ start: 78, end: 89, text: '"has-space"' }] }],
              help: 'Replace spaces and other characters with -.',
              awsMessage: null,
              docsUrl: 'https://github.com/rolecall/rolecall/blob/main/rules/valid-role-session-name/README.md',
              fingerprint: session!.fingerprint,
            },
            {
              ruleId: 'valid-duration-seconds',
              messageId: 'outOfRange',
              severity: 'warning',
              message: 'DurationSeconds is 90; STS accepts 900 to 43200.',
              line: 4,
              column: 22,
              endLine: 4,
              endColumn: 24,
              parameter: 'DurationSeconds',
              path: '/DurationSeconds',
              sourceKey: 'DurationSeconds',
              related: [{ message: 'The role is assumed here.', filePath: 'examples/bad.json', line: 2, column: 3, endLine: 2, endColumn: 12 }],
              suggestions: [],
              help: null,
              awsMessage: null,
              docsUrl: 'https://github.com/rolecall/rolecall/blob/main/rules/valid-duration-seconds/README.md',
              fingerprint: duration!.fingerprint,
            },
          ],
          errorCount: 1,
          warningCount: 1,
        },
        {
          filePath: 'examples/broken.json',
          messages: [
            {
              ruleId: 'parse-error',
              messageId: 'parseError',
              severity: 'error',
              message: 'Value expected.',
              line: 3,
              column: 1,
              endLine: 3,
              endColumn: 2,
              parameter: null,
              path: null,
              sourceKey: null,
              related: [],
              suggestions: [],
              help: null,
              awsMessage: null,
              docsUrl: 'https://github.com/rolecall/rolecall/blob/main/packages/core/README.md#parse-error',
              fingerprint: parse.fingerprint,
            },
          ],
          errorCount: 1,
          warningCount: 0,
        },
        { filePath: 'examples/good.json', messages: [], errorCount: 0, warningCount: 0 },
      ],
      rules: {
        'parse-error': {
          description: 'The file could not be read as the format its extractor expects.',
          docsUrl: 'https://github.com/rolecall/rolecall/blob/main/packages/core/README.md#parse-error',
          type: null,
          defaultSeverity: 'error',
          recommended: false,
          awsSource: null,
          parameters: [],
          help: null,
        },
        'valid-duration-seconds': {
          description: 'DurationSeconds must be within what STS and the role allow.',
          docsUrl: 'https://github.com/rolecall/rolecall/blob/main/rules/valid-duration-seconds/README.md',
          type: 'suggestion',
          defaultSeverity: 'warning',
          recommended: true,
          awsSource: AWS,
          parameters: ['DurationSeconds'],
          help: null,
        },
        'valid-role-session-name': {
          description: 'RoleSessionName must be 2–64 characters of letters, digits and +=,.@_-.',
          docsUrl: 'https://github.com/rolecall/rolecall/blob/main/rules/valid-role-session-name/README.md',
          type: 'problem',
          defaultSeverity: 'error',
          recommended: true,
          awsSource: AWS,
          parameters: ['RoleSessionName'],
          help: 'Replace spaces and other characters with -.',
        },
      },
    };
    assert.equal(json(RESULTS, CONTEXT), `${JSON.stringify(expected, null, 2)}\n`);
  });

  test('an empty run still names the tool and describes the rules', () => {
    const out = JSON.parse(json([], CONTEXT));
    assert.deepEqual(out.results, []);
    assert.deepEqual(Object.keys(out.rules), ['valid-duration-seconds', 'valid-role-session-name']);
    assert.equal(out.version, 1);
  });
});
