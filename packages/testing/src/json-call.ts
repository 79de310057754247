import type { AssumeRoleCall, Operation } from '@rolecall/core';
import { extractInputJson, operationFromKeys } from '@rolecall/extractor-input-json';
import { DUPLICATE_KEY_FACT } from '@rolecall/core';

/**
 * Builds AssumeRole calls from JSON text for tests with the real `input-json` extractor, so rule
 * tests see exactly the spans, offset maps and unknown keys a user's `--cli-input-json` file gives.
 */

/** JSON exactly as the rule tester renders an `input` object: 2-space indent, trailing newline. */
export function canonicalJson(input: unknown): string {
  return `${JSON.stringify(input, null, 2)}\n`;
}

/** The operation an input implies: web identity and SAML members pick their operation; otherwise AssumeRole. */
export const inferOperation: (members: Iterable<string>) => Operation = operationFromKeys;

export interface BuildCallOptions {
  /** Default `input.json`. */
  readonly file?: string;
  /** Default: inferred from the members present (see `inferOperation`). */
  readonly operation?: Operation;
}

/**
 * Parses `text` (one JSON object in `--cli-input-json` / SDK input form) into one call. Keys that
 * are not STS members go to `unknownKeys`. Throws a descriptive Error on anything the extractor
 * reports as a problem (invalid JSON, a repeated key) or on a document that is not one object: in a
 * test these are mistakes in the test itself.
 */
export function buildCallFromJson(text: string, options: BuildCallOptions = {}): AssumeRoleCall {
  const { calls, problems, facts } = extractInputJson(options.file ?? 'input.json', text, {
    force: true,
    allowComments: false,
    ...(options.operation ? { operation: options.operation } : {}),
  });
  const first = problems[0];
  if (first) throw new Error(`Invalid JSON in test case: ${first.message} (offset ${first.span.start}).`);
  // A repeated key is a fact (the no-duplicate-keys rule reports it), and still a mistake in a test.
  const repeated = (facts ?? []).find((f) => f.kind === DUPLICATE_KEY_FACT);
  if (repeated) throw new Error(`Invalid JSON in test case: Duplicate key ${String(repeated.data?.['key'] ?? '')} (offset ${repeated.span.start}).`);
  if (calls.length !== 1 || !text.trimStart().startsWith('{')) throw new Error('A test case must be one JSON object.');
  return calls[0]!;
}
