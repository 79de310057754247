/** The combined plaintext limit of Policy and PolicyArns (reference §5.2.1). */
import { createScanner } from 'jsonc-parser';
import { DOCUMENTED_LIMITS, memberConstraints } from '../schema/registry.js';
import type { Ctx } from './context.js';
import type { Issue } from '../types.js';
import { makeIssue } from './issue.js';
import type { Sink } from './sink.js';
import { isRecord } from './tags.js';
import { codePointLength } from './text.js';

/** jsonc-parser's SyntaxKind.EOF (a `const enum` in its typings, which isolatedModules cannot read). */
const SCAN_EOF = 17;

/** Plaintext length of the ARNs in a PolicyArns value (code points of every string `arn`). */
export function arnsPlaintext(policyArns: unknown): number {
  if (!Array.isArray(policyArns)) return 0;
  let n = 0;
  for (const entry of policyArns) if (isRecord(entry) && typeof entry.arn === 'string') n += codePointLength(entry.arn);
  return n;
}

/** Whether the Policy has a member-level length finding, in which case the combined plaintext issue is not added. */
export function policyTooLongReported(sink: Sink): boolean {
  return sink.has('/Policy', 'tooLong');
}

/** Length of a policy text without the white space between JSON tokens (jsonc-parser's scanner skips it). */
export function minifiedLength(text: string): number {
  const scanner = createScanner(text, true);
  let n = 0;
  while (scanner.scan() !== SCAN_EOF) n += scanner.getTokenLength();
  return n;
}

/**
 * The combined plaintext issue (reference §5.2.1: inline policy + all ARN characters ≤ 2,048, documented). Where the
 * operation's model gives Policy no maximum (AssumeRole since 2023-10-02), the documented limit is all that is left
 * and no AWS answer is recorded: a warning that says so (model-update-2026-10.md), not an error.
 */
export function plaintextIssue(ctx: Ctx, policy: unknown, policyArns: unknown): Issue | undefined {
  const policyLength = typeof policy === 'string' ? codePointLength(policy) : 0;
  const arnsLength = arnsPlaintext(policyArns);
  const total = policyLength + arnsLength;
  const limit = DOCUMENTED_LIMITS.policyPlaintextMax.value;
  if (total <= limit) return undefined;
  const onPolicy = typeof policy === 'string';
  const modelCapsPolicy = memberConstraints(ctx.profile, ctx.operation, 'Policy')?.maxLength !== undefined;
  return makeIssue({
    code: modelCapsPolicy ? 'policyPlaintextTooLong' : 'policyPlaintextOverDocumented',
    ...(modelCapsPolicy ? {} : { severity: 'warning' as const }),
    parameter: onPolicy ? 'Policy' : 'PolicyArns',
    path: onPolicy ? '/Policy' : '/PolicyArns',
    data: {
      parameter: onPolicy ? 'Policy' : 'PolicyArns',
      actual: total,
      limit,
      policyLength,
      arnsLength,
      minifiedLength: typeof policy === 'string' ? minifiedLength(policy) : 0,
      operation: ctx.operation,
    },
    limit,
    actual: total,
  });
}

