/**
 * Whole-request validation.
 *
 * Fast path: the generated request validator (types, lengths, patterns, ranges, list limits, required members, no
 * unknown members) runs first on the caller's object; if it passes, a gate of cheap boolean checks decides whether
 * the semantic rules could find anything. Both passing means the detailed pass would report nothing, so the shared
 * frozen VALID result is returned without building any issue. Anything else (including a throwing getter or Proxy)
 * goes to the detailed pass, which copies the input into plain data and produces every issue with its path, data
 * and AWS text. The gate reuses the detailed pass's own predicates, and a property test checks that the two paths
 * agree.
 */
import type { ValidateFunction } from 'ajv';
import { formatMessage, unknownParameterHints } from '../messages.js';
import { memberConstraints, membersOf, PROFILES, requestValidator, SENSITIVE_MEMBERS } from '../schema/registry.js';
import type { Issue, Operation, ValidationResult } from '../types.js';
import { AWS_TEXTS } from './aws.js';
import { OPERATIONS, resolveOptions, safeErrorText, safeGet, type Ctx } from './context.js';
import { gate } from './gate.js';
import { makeIssue } from './issue.js';
import {
  checkMember,
  pathOf,
  plaintextIssue,
  policyTooLongReported,
  Sink,
  tagKeys,
} from './members.js';
import { CaseInsensitiveSet } from './case-fold.js';
import { MAX_ARRAY_LENGTH, snapshot, UnreadableError } from './snapshot.js';
import { describeReceived, equalsIgnoreCase, keyLabel, labelOf, quote } from './text.js';

export const VALID: ValidationResult = Object.freeze({ valid: true, issues: Object.freeze([]) as readonly Issue[] });

const validators = new Map<string, ValidateFunction>();
/** The last lookup, so the usual caller (one profile, one operation) skips the map on the fast path. */
let last: { readonly profile: string; readonly operation: Operation; readonly validate: ValidateFunction } | undefined;
function validatorFor(profile: string, operation: Operation): ValidateFunction {
  if (last !== undefined && last.profile === profile && last.operation === operation) return last.validate;
  const key = `${profile}/${operation}`;
  let validate = validators.get(key);
  if (!validate) {
    validate = requestValidator(profile, operation);
    validators.set(key, validate);
  }
  last = { profile, operation, validate };
  return validate;
}

export function resultOf(issues: readonly Issue[]): ValidationResult {
  if (issues.length === 0) return VALID;
  return { valid: !issues.some((i) => i.severity === 'error'), issues };
}

// ---------------------------------------------------------------------------------------------------------------
// Detailed pass.

const FROM_IDENTITY_PROVIDER = new Set(['Tags', 'TransitiveTagKeys', 'SourceIdentity']);

function unknownKeyIssue(ctx: Ctx, key: string, members: readonly string[]): Issue {
  const data: Record<string, string | number> = { parameter: keyLabel(key), operation: ctx.operation, hint: '' };
  const sameName = members.find((m) => equalsIgnoreCase(m, key));
  const elsewhere = OPERATIONS.filter((o) => o !== ctx.operation && membersOf(ctx.profile, o).includes(key));
  if (sameName !== undefined) {
    data.suggestion = sameName;
    data.hint = formatMessage(unknownParameterHints.differentCase, data);
  } else if (ctx.operation !== 'AssumeRole' && FROM_IDENTITY_PROVIDER.has(key)) {
    data.hint = formatMessage(unknownParameterHints.fromIdentityProvider, data);
  } else if (elsewhere.length > 0) {
    data.operations = elsewhere.join(' and ');
    data.hint = formatMessage(unknownParameterHints.otherOperation, data);
  }
  return makeIssue({ code: 'unknownParameter', parameter: key, path: pathOf(key, []), data });
}

export function unreadableIssue(member: string, e: UnreadableError): Issue {
  // What a throwing getter says could include the secret it guards, so secrets keep only the error's name.
  const reason = SENSITIVE_MEMBERS.has(member) ? e.reason.replace(/:.*$/s, '') : e.reason;
  return makeIssue({
    code: 'unreadableValue',
    parameter: member,
    path: pathOf(member, e.segments),
    data: { parameter: labelOf(member, e.segments), reason },
  });
}

/**
 * The unreadable-value issue, and for an array too long to walk whose count alone breaks STS's item limit, that
 * limit as an error too (nothing is skipped silently: issue 13, defect 3).
 */
export function unreadableIssues(ctx: Ctx, member: string, e: UnreadableError): Issue[] {
  const issues = [unreadableIssue(member, e)];
  const maxItems = memberConstraints(ctx.profile, ctx.operation, member)?.maxItems;
  if (e.segments.length === 0 && e.length !== undefined && maxItems !== undefined && e.length > maxItems) {
    issues.push(
      makeIssue({
        code: 'tooManyItems',
        parameter: member,
        path: pathOf(member, []),
        data: { parameter: member, actual: e.length, limit: maxItems },
        limit: maxItems,
        actual: e.length,
      }),
    );
  }
  return issues;
}

function crossMemberIssues(ctx: Ctx, values: ReadonlyMap<string, unknown>, sink: Sink): void {
  const op = ctx.operation;
  const members = membersOf(ctx.profile, op);

  if (members.includes('TransitiveTagKeys')) {
    const transitive = values.get('TransitiveTagKeys');
    if (Array.isArray(transitive)) {
      const tagSet = new CaseInsensitiveSet(
        tagKeys(values.get('Tags')).map((k) => k.key),
        transitive.filter((k): k is string => typeof k === 'string'),
      );
      transitive.forEach((key, i) => {
        if (typeof key !== 'string' || tagSet.find(key) !== undefined) return;
        // Every transitive key must name a tag of the same request, compared case-insensitively (reference §5.3.7,
        // observed InvalidParameterValue).
        sink.add(
          makeIssue({
            code: 'transitiveKeyNotInTags',
            parameter: 'TransitiveTagKeys',
            path: pathOf('TransitiveTagKeys', [i]),
            data: { parameter: labelOf('TransitiveTagKeys', [i]), key: quote(key) },
            ...(AWS_TEXTS.transitiveKeyNotInTags ? { awsMessage: AWS_TEXTS.transitiveKeyNotInTags } : {}),
          }),
        );
      });
    }
  }

  if (members.includes('TokenCode') && members.includes('SerialNumber')) {
    // The docs say to pass both for MFA; whether STS rejects one alone is unverified (reference §5.4.2, §11.6).
    const token = values.get('TokenCode') !== undefined;
    const serial = values.get('SerialNumber') !== undefined;
    if (token && !serial) {
      sink.add(
        makeIssue({
          code: 'tokenCodeWithoutSerialNumber',
          parameter: 'TokenCode',
          path: '/TokenCode',
          data: { parameter: 'TokenCode' },
          severity: 'warning',
        }),
      );
    } else if (serial && !token) {
      sink.add(
        makeIssue({
          code: 'serialNumberWithoutTokenCode',
          parameter: 'SerialNumber',
          path: '/SerialNumber',
          data: { parameter: 'SerialNumber' },
          severity: 'warning',
        }),
      );
    }
  }

  if (!policyTooLongReported(sink)) {
    const issue = plaintextIssue(ctx, values.get('Policy'), values.get('PolicyArns'));
    if (issue) sink.add(issue);
  }
}

function detailed(ctx: Ctx, optionIssues: readonly Issue[], input: unknown): ValidationResult {
  const sink = new Sink();
  for (const i of optionIssues) sink.add(i);
  const shape = `${ctx.operation}Request`;

  let isObject = false;
  try {
    isObject = typeof input === 'object' && input !== null && !Array.isArray(input);
  } catch (e) {
    sink.add(
      makeIssue({ code: 'unreadableValue', parameter: shape, path: '', data: { parameter: shape, reason: safeErrorText(e) } }),
    );
    return resultOf(sink.issues);
  }
  if (!isObject) {
    sink.add(
      makeIssue({
        code: 'invalidType',
        parameter: shape,
        path: '',
        data: { parameter: shape, expected: 'an object', received: describeReceived(input, false) },
      }),
    );
    return resultOf(sink.issues);
  }

  const obj = input as object;
  const members = membersOf(ctx.profile, ctx.operation);
  const values = new Map<string, unknown>();
  for (const member of members) {
    const read = safeGet(obj, member);
    if (read.error !== undefined) {
      sink.add(unreadableIssue(member, new UnreadableError([], read.error)));
      continue;
    }
    try {
      const value = snapshot(read.value);
      values.set(member, value);
      checkMember(ctx, member, value, sink);
    } catch (e) {
      if (!(e instanceof UnreadableError)) throw e;
      for (const issue of unreadableIssues(ctx, member, e)) sink.add(issue);
    }
  }
  crossMemberIssues(ctx, values, sink);

  try {
    const unknown: string[] = [];
    for (const key in obj) if (!members.includes(key)) unknown.push(key);
    for (const key of unknown) sink.add(unknownKeyIssue(ctx, key, members));
  } catch (e) {
    sink.add(
      makeIssue({ code: 'unreadableValue', parameter: shape, path: '', data: { parameter: shape, reason: safeErrorText(e) } }),
    );
  }
  return resultOf(sink.issues);
}

/** The detailed pass alone (exported for tests that check the fast path against it). */
export function validateRequestDetailed(operation: Operation, input: unknown, options?: unknown): ValidationResult {
  const { ctx, issues } = resolveOptions(operation, options);
  return detailed(ctx, issues, input);
}

/** Every list member of every operation and profile; a test checks the manifest against it. */
export const BOUNDED_LISTS: readonly string[] = ['PolicyArns', 'Tags', 'TransitiveTagKeys', 'ProvidedContexts'];

/**
 * The longest list any operation of any profile accepts (its `maxItems`), found on first use. A longer list fails
 * the generated validator anyway, so that run is skipped: for a list of two million bad items it would build four
 * million error objects only for the verdict (issue 14). Skipping the fast path never changes a result.
 */
let longestList: number | undefined;
function listBound(): number {
  if (longestList === undefined) {
    let longest = 0;
    for (const profile of PROFILES) {
      for (const operation of OPERATIONS) {
        for (const member of BOUNDED_LISTS) longest = Math.max(longest, memberConstraints(profile, operation, member)?.maxItems ?? 0);
      }
    }
    longestList = Math.min(MAX_ARRAY_LENGTH, longest);
  }
  return longestList;
}

function short(v: unknown, bound: number): boolean {
  return !Array.isArray(v) || v.length <= bound;
}

/**
 * False when a list member is longer than any list STS accepts (or than a sparse array, which can claim 4 billion
 * items, lets the generated validator walk): that validator, which reports every error, would walk it item by item
 * for a verdict known in advance. Named reads, not `input[name]` over a list of names: a keyed read with a changing
 * name cost 7% of a minimal call. Reading a member the operation does not have is harmless: at worst the detailed
 * pass decides.
 */
function listsBounded(input: unknown): boolean {
  if (typeof input !== 'object' || input === null) return true;
  const r = input as Record<string, unknown>;
  const bound = longestList ?? listBound();
  return short(r.PolicyArns, bound) && short(r.Tags, bound) && short(r.TransitiveTagKeys, bound) && short(r.ProvidedContexts, bound);
}

/**
 * Whether the generated validator accepts `input`. Only the verdict is used (the detailed pass words the
 * findings), so its errors are dropped at once: ajv keeps them on the function until its next run, and for an
 * input with 400,000 bad tags they are 400,000 objects held through every rule of the lint run.
 */
function passes(validate: ValidateFunction, input: unknown): boolean {
  try {
    return validate(input);
  } finally {
    validate.errors = null;
  }
}

export function validateRequest(operation: Operation, input: unknown, options?: unknown): ValidationResult {
  const { ctx, issues } = resolveOptions(operation, options);
  if (issues.length === 0) {
    try {
      if (listsBounded(input) && passes(validatorFor(ctx.profile, operation), input) && gate(ctx, input as Record<string, unknown>)) {
        return VALID;
      }
    } catch {
      // A getter or Proxy trap threw while the validator read the input: the detailed pass reports it.
    }
  }
  return detailed(ctx, issues, input);
}
