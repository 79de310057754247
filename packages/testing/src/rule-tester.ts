import assert from 'node:assert/strict';
import * as nodeTestModule from 'node:test';
import type { Diagnostic, Operation, Rule, Settings, StsMember, TextEdit } from '@rolecall/core';
import { interpolate, missingPlaceholders, runRules } from '@rolecall/core';
import { buildCallFromJson, canonicalJson } from './json-call.js';

/** A case is an AssumeRole input: an `input` object rendered as canonical JSON, or literal JSON `code`. */
export interface ValidCase {
  /** Test name; defaults to the case's JSON on one line. */
  readonly name?: string;
  /** Rendered with `canonicalJson` (2-space indent); locations refer to that text. */
  readonly input?: Readonly<Record<string, unknown>>;
  /** Literal JSON text, when exact positions matter (escapes, odd spacing, CRLF). */
  readonly code?: string;
  /** Default: inferred from the members present. */
  readonly operation?: Operation;
  readonly settings?: Settings;
  /** Rule options; merged over `meta.defaultOptions` as the engine does. */
  readonly options?: unknown;
}

export interface ExpectedSuggestion {
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string | number>>;
  /**
   * The result of applying the suggestion's edits to the case text: the whole text (string), or
   * the parsed JSON result (object), which is easier to read for `input` cases.
   */
  readonly output: string | Readonly<Record<string, unknown>>;
}

export interface ExpectedError {
  readonly messageId: string;
  /** Exactly the report's data (`{}` when the message has no placeholders). */
  readonly data: Readonly<Record<string, string | number>>;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** Exact interpolated message, when the test wants to pin the wording. */
  readonly message?: string;
  readonly path?: string;
  readonly parameter?: StsMember;
  /** Required whenever the finding carries suggestions, in order. */
  readonly suggestions?: readonly ExpectedSuggestion[];
}

export interface InvalidCase extends ValidCase {
  readonly errors: readonly ExpectedError[];
}

export interface RuleTesterCases {
  readonly valid: readonly ValidCase[];
  readonly invalid: readonly InvalidCase[];
  /**
   * messageIds reported only by checks this tester does not drive (`checkProject`, `checkFact`,
   * `checkRole`), which the rule's test file exercises through core's pipeline instead.
   */
  readonly exercisedElsewhere?: readonly string[];
}

/** The two registration functions the tester needs; `node:test` provides them by default. */
export interface TestFramework {
  describe(name: string, body: () => void): unknown;
  test(name: string, body: () => void): unknown;
}

export interface RuleTesterOptions {
  /** File name given to every call (default `input.json`). */
  readonly file?: string;
  /** Settings used when a case gives none. */
  readonly settings?: Settings;
  /** Where cases are registered (default `node:test`); the tester's own tests capture them. */
  readonly framework?: TestFramework;
}

const nodeTest: TestFramework = { describe: nodeTestModule.describe, test: nodeTestModule.test };

const REQUIRED_ERROR_FIELDS = ['messageId', 'data', 'line', 'column', 'endLine', 'endColumn'] as const;

/**
 * Strict rule tester on `node:test`: `run` registers one test per case (inside `describe(rule.id)`)
 * plus one test that every messageId in `meta.messages` is exercised by some invalid case. A case
 * fails on: a missing messageId, data or location field; data, location, message, path or
 * suggestions that differ; a diagnostic the case does not list (or one it lists that does not
 * come); an `internal-error` from the rule; suggestions the case does not test, or suggestions
 * from a rule without `meta.hasSuggestions`; a case that repeats an earlier one.
 */
export class RuleTester {
  readonly #options: RuleTesterOptions;

  constructor(options: RuleTesterOptions = {}) {
    this.#options = options;
  }

  run(rule: Rule<any>, cases: RuleTesterCases): void {
    const { describe, test } = this.#options.framework ?? nodeTest;
    const seen = new Set<string>();
    const exercised = new Set<string>(cases.exercisedElsewhere ?? []);
    for (const item of cases.invalid) {
      for (const error of item.errors ?? []) {
        if (typeof error.messageId === 'string') exercised.add(error.messageId);
        for (const suggestion of error.suggestions ?? []) exercised.add(suggestion.messageId);
      }
    }

    describe(rule.id, () => {
      describe('valid', () => {
        for (const item of cases.valid) {
          const duplicate = checkDuplicate(seen, item);
          test(caseName(item), () => {
            assert.ok(!duplicate, 'This case repeats an earlier case of this rule.');
            assert.ok(!('errors' in item), 'A valid case must not list errors; move it to `invalid`.');
            const { diagnostics } = this.#lint(rule, item);
            assert.deepEqual(diagnostics.map(describeDiagnostic), [], 'A valid case must produce no diagnostics.');
          });
        }
      });

      describe('invalid', () => {
        for (const item of cases.invalid) {
          const duplicate = checkDuplicate(seen, item);
          test(caseName(item), () => {
            assert.ok(!duplicate, 'This case repeats an earlier case of this rule.');
            assert.ok(Array.isArray(item.errors) && item.errors.length > 0, 'An invalid case must list at least one error.');
            item.errors.forEach((error, i) => {
              const missing = REQUIRED_ERROR_FIELDS.filter((field) => (error as unknown as Record<string, unknown>)[field] === undefined);
              assert.deepEqual(missing, [], `errors[${i}] is missing required field(s): ${missing.join(', ')}.`);
            });
            const { diagnostics, text } = this.#lint(rule, item);
            const foreign = diagnostics.filter((d) => d.ruleId !== rule.id);
            assert.deepEqual(foreign.map(describeDiagnostic), [], 'The rule produced tool diagnostics (a rule bug).');
            assert.equal(
              diagnostics.length,
              item.errors.length,
              `Expected ${item.errors.length} error(s) but the rule reported ${diagnostics.length}:\n${diagnostics.map(describeDiagnostic).join('\n')}`,
            );
            item.errors.forEach((expected, i) => checkError(rule, diagnostics[i] as Diagnostic, expected, i, text));
          });
        }
      });

      test('every messageId in meta.messages is exercised by an invalid case', () => {
        const unused = Object.keys(rule.meta.messages).filter((id) => !exercised.has(id));
        assert.deepEqual(unused, [], `messageId(s) no invalid case exercises: ${unused.join(', ')}.`);
      });
    });
  }

  #lint(rule: Rule<any>, item: ValidCase): { diagnostics: Diagnostic[]; text: string } {
    assert.ok((item.input === undefined) !== (item.code === undefined), 'A case needs exactly one of `input` and `code`.');
    const text = item.code ?? canonicalJson(item.input);
    const file = this.#options.file ?? 'input.json';
    const call = buildCallFromJson(text, { file, ...(item.operation ? { operation: item.operation } : {}) });
    const settings = item.settings ?? this.#options.settings;
    const diagnostics = runRules({
      file,
      text,
      calls: [call],
      rules: [rule],
      ruleSettings: { [rule.id]: { severity: rule.meta.defaultSeverity, ...(item.options !== undefined ? { options: item.options } : {}) } },
      ...(settings !== undefined ? { settings } : {}),
    });
    return { diagnostics, text };
  }
}

function checkError(rule: Rule<any>, actual: Diagnostic, expected: ExpectedError, i: number, text: string): void {
  const where = `errors[${i}]`;
  assert.equal(actual.messageId, expected.messageId, `${where}: messageId differs (message: ${actual.message}).`);
  assert.deepEqual({ ...(actual.data ?? {}) }, { ...expected.data }, `${where}: data differs.`);
  assert.deepEqual(
    { line: actual.location.start.line, column: actual.location.start.column, endLine: actual.location.end.line, endColumn: actual.location.end.column },
    { line: expected.line, column: expected.column, endLine: expected.endLine, endColumn: expected.endColumn },
    `${where}: location differs.`,
  );
  // The template's own placeholders must all be filled; a value may itself hold `{{…}}` (a quoted slot).
  const missing = missingPlaceholders(rule.meta.messages[actual.messageId ?? ''] ?? '', actual.data);
  assert.deepEqual(missing, [], `${where}: message has an unfilled placeholder: ${actual.message}`);
  if (expected.message !== undefined) assert.equal(actual.message, expected.message, `${where}: message differs.`);
  if (expected.path !== undefined) assert.equal(actual.path, expected.path, `${where}: path differs.`);
  if (expected.parameter !== undefined) assert.equal(actual.parameter, expected.parameter, `${where}: parameter differs.`);

  const suggestions = actual.suggestions ?? [];
  if (suggestions.length > 0) {
    assert.equal(rule.meta.hasSuggestions, true, `${where}: the rule made suggestions but meta.hasSuggestions is not true.`);
    assert.ok(expected.suggestions !== undefined, `${where}: the finding has ${suggestions.length} suggestion(s); list them in \`suggestions\`.`);
  }
  if (expected.suggestions === undefined) return;
  assert.equal(suggestions.length, expected.suggestions.length, `${where}: expected ${expected.suggestions.length} suggestion(s), got ${suggestions.length}.`);
  expected.suggestions.forEach((want, j) => {
    const got = suggestions[j];
    assert.ok(got !== undefined);
    assert.equal(got.messageId, want.messageId, `${where}.suggestions[${j}]: messageId differs.`);
    if (want.data !== undefined) {
      assert.equal(got.message, interpolate(rule.meta.messages[want.messageId] ?? '', want.data), `${where}.suggestions[${j}]: data differs.`);
    }
    const output = applyEdits(text, got.edits);
    if (typeof want.output === 'string') assert.equal(output, want.output, `${where}.suggestions[${j}]: output differs.`);
    else assert.deepEqual(JSON.parse(output), want.output, `${where}.suggestions[${j}]: output differs.`);
  });
}

/** Applies non-overlapping edits (in any order) to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    assert.ok(edit.span.start >= at && edit.span.end >= edit.span.start && edit.span.end <= text.length, 'Suggestion edits overlap or leave the text.');
    out += text.slice(at, edit.span.start) + edit.text;
    at = edit.span.end;
  }
  return out + text.slice(at);
}

function describeDiagnostic(d: Diagnostic): string {
  const { start, end } = d.location;
  return `${d.ruleId}/${d.messageId} ${JSON.stringify(d.data ?? {})} at ${start.line}:${start.column}-${end.line}:${end.column}: ${d.message}`;
}

function caseName(item: ValidCase): string {
  const raw = item.name ?? item.code ?? JSON.stringify(item.input) ?? '(empty case)';
  const line = raw.replace(/\s+/g, ' ').trim();
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}

/** Stable serialization with sorted keys, so two cases differing only in key order count as one. */
function stableKey(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableKey).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableKey((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

function checkDuplicate(seen: Set<string>, item: ValidCase): boolean {
  // Names and expectations do not make a case different; what is linted does.
  const text = item.code ?? (item.input === undefined ? undefined : canonicalJson(item.input));
  const key = stableKey({ text, operation: item.operation, settings: item.settings, options: item.options });
  if (seen.has(key)) return true;
  seen.add(key);
  return false;
}
