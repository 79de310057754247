export { RuleTester, applyEdits } from './rule-tester.js';
export type { ExpectedError, ExpectedSuggestion, InvalidCase, RuleTesterCases, RuleTesterOptions, TestFramework, ValidCase } from './rule-tester.js';
export { buildCallFromJson, canonicalJson, inferOperation } from './json-call.js';
export type { BuildCallOptions } from './json-call.js';
/** Re-exported so snapshot tests need one import; the renderer lives in core so formatters can use it. */
export { renderCodeFrame } from '@rolecall/core';
export type { CodeFrameOptions } from '@rolecall/core';
export { lintWithRule, normalizedInput, normalizedJson, renderExtraction, snapshot } from './extraction.js';
