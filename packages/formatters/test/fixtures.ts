import type { Diagnostic, RuleMeta } from '@rolecall/core';
import { fingerprintOf, LineIndex, locationOf } from '@rolecall/core';
import type { FormatterContext, LintResult } from '../src/index.js';

/** A value that must never reach any output: it only ever sits in `data` fields named like secrets. */
export const CANARY = 'CANARY-5ecr3t-7a1b';

export const BAD_SOURCE = ['{', '  "RoleArn": "arn:aws:iam::123456789012:role/example",', '  "RoleSessionName": "has space",', '  "DurationSeconds": 90', '}', ''].join('\n');
export const BROKEN_SOURCE = '{\n  "RoleArn": \n}\n';

// One index per file, as the engine builds it: the diagnostics are located with it and the results carry it.
const index = new LineIndex(BAD_SOURCE);
const brokenIndex = new LineIndex(BROKEN_SOURCE);
const span = (needle: string) => {
  const start = BAD_SOURCE.indexOf(needle);
  return { start, end: start + needle.length };
};
const sessionSpan = span('"has space"');
const durationSpan = { start: BAD_SOURCE.indexOf(': 90') + 2, end: BAD_SOURCE.indexOf(': 90') + 4 };

const meta = (description: string, parameters: RuleMeta['parameters'], extra: Partial<RuleMeta> = {}): RuleMeta => ({
  type: 'problem',
  docs: { description, recommended: true, awsSource: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html' },
  defaultSeverity: 'error',
  parameters,
  messages: {},
  ...extra,
});

export const RULES_META: Record<string, RuleMeta> = {
  'valid-role-session-name': meta('RoleSessionName must be 2–64 characters of letters, digits and +=,.@_-.', ['RoleSessionName'], { help: 'Replace spaces and other characters with -.', hasSuggestions: true }),
  'valid-duration-seconds': meta('DurationSeconds must be within what STS and the role allow.', ['DurationSeconds'], { defaultSeverity: 'warning', type: 'suggestion' }),
};

const sessionDiagnostic: Diagnostic = {
  ruleId: 'valid-role-session-name',
  severity: 'error',
  messageId: 'invalidCharacters',
  message: "RoleSessionName contains ' ' at index 3; STS accepts only letters, digits and +=,.@_-.",
  data: { key: 'RoleSessionName', character: "' '", index: 3, WebIdentityToken: CANARY, secretAccessKey: CANARY, sessionToken: CANARY },
  location: locationOf('examples/bad.json', index, { start: sessionSpan.start + 4, end: sessionSpan.start + 5 }),
  parameter: 'RoleSessionName',
  path: '/RoleSessionName',
  source: { extractor: 'input-json', key: 'RoleSessionName' },
  suggestions: [{ messageId: 'suggestReplace', message: "Replace ' ' with '-'.", edits: [{ span: sessionSpan, text: '"has-space"' }] }],
  help: 'Replace spaces and other characters with -.',
  docsUrl: 'https://github.com/rolecall/rolecall/blob/main/rules/valid-role-session-name/README.md',
  fingerprint: fingerprintOf({ ruleId: 'valid-role-session-name', file: 'examples/bad.json', callId: 'input-json:0', path: '/RoleSessionName', messageId: 'invalidCharacters' }),
};

const durationDiagnostic: Diagnostic = {
  ruleId: 'valid-duration-seconds',
  severity: 'warning',
  messageId: 'outOfRange',
  message: 'DurationSeconds is 90; STS accepts 900 to 43200.',
  data: { key: 'DurationSeconds', value: 90, min: 900, max: 43200, TokenCode: CANARY },
  location: locationOf('examples/bad.json', index, durationSpan),
  parameter: 'DurationSeconds',
  path: '/DurationSeconds',
  source: { extractor: 'input-json', key: 'DurationSeconds' },
  related: [{ message: 'The role is assumed here.', location: locationOf('examples/bad.json', index, span('"RoleArn"')) }],
  docsUrl: 'https://github.com/rolecall/rolecall/blob/main/rules/valid-duration-seconds/README.md',
  fingerprint: fingerprintOf({ ruleId: 'valid-duration-seconds', file: 'examples/bad.json', callId: 'input-json:0', path: '/DurationSeconds', messageId: 'outOfRange' }),
};

const parseError: Diagnostic = {
  ruleId: 'parse-error',
  severity: 'error',
  messageId: 'parseError',
  message: 'Value expected.',
  data: { message: 'Value expected.' },
  location: locationOf('examples/broken.json', brokenIndex, { start: 16, end: 17 }),
  docsUrl: 'https://github.com/rolecall/rolecall/blob/main/packages/core/README.md#parse-error',
  fingerprint: fingerprintOf({ ruleId: 'parse-error', file: 'examples/broken.json', path: 'Value expected.', messageId: 'parseError' }),
};

export const RESULTS: LintResult[] = [
  { filePath: 'examples/bad.json', source: index, diagnostics: [sessionDiagnostic, durationDiagnostic] },
  { filePath: 'examples/broken.json', source: brokenIndex, diagnostics: [parseError] },
  { filePath: 'examples/good.json', source: new LineIndex('{}\n'), diagnostics: [] },
];

export const CONTEXT: FormatterContext = { cwd: '/repo', rulesMeta: RULES_META, toolVersion: '0.1.0', color: false };
