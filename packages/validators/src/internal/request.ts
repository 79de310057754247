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
import { isCleanPolicy } from '../policy/quick.js';
import { DOCUMENTED_LIMITS, memberConstraints, membersOf, requestValidator, SENSITIVE_MEMBERS } from '../schema/registry.js';
import type { Issue, Operation, ValidationResult } from '../types.js';
import { AWS_TEXTS } from './aws.js';
import { policyArnProblem, roleArnProblem, samlProviderArnProblem } from './arn.js';
import { OPERATIONS, resolveOptions, safeErrorText, safeGet, type Ctx } from './context.js';
import { makeIssue } from './issue.js';
import {
  checkMember,
  pathOf,
  plaintextIssue,
  policyTooLongReported,
  Sink,
  tagKeys,
} from './members.js';
import { CaseInsensitiveSet, firstEqualIgnoringCase } from './case-fold.js';
import { MAX_ARRAY_LENGTH, snapshot, UnreadableError } from './snapshot.js';
import { describeReceived, equalsIgnoreCase, keyLabel, labelOf, quote, startsWithIgnoreCase } from './text.js';

export const VALID: ValidationResult = Object.freeze({ valid: true, issues: Object.freeze([]) as readonly Issue[] });

interface Compiled {
  readonly validate: ValidateFunction;
  /** The list members (Tags, PolicyArns…), whose length is checked before the validator walks them. */
  readonly lists: readonly string[];
}

const compiledByProfile = new Map<string, Map<Operation, Compiled>>();
function compiled(profile: string, operation: Operation): Compiled {
  let byOp = compiledByProfile.get(profile);
  if (!byOp) {
    byOp = new Map();
    compiledByProfile.set(profile, byOp);
  }
  let c = byOp.get(operation);
  if (!c) {
    c = {
      validate: requestValidator(profile, operation),
      lists: membersOf(profile, operation).filter((m) => memberConstraints(profile, operation, m)?.type === 'list'),
    };
    byOp.set(operation, c);
  }
  return c;
}

export function resultOf(issues: readonly Issue[]): ValidationResult {
  if (issues.length === 0) return VALID;
  return { valid: !issues.some((i) => i.severity === 'error'), issues };
}

// ---------------------------------------------------------------------------------------------------------------
// Fast gate. Input here has passed the request validator, so every present member has its schema type.

function tagsClean(ctx: Ctx, tags: readonly { Key: string; Value: string }[]): boolean {
  const prefix = DOCUMENTED_LIMITS.reservedPrefix.value;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i] as { Key: string; Value: string };
    if (startsWithIgnoreCase(t.Key, prefix) || startsWithIgnoreCase(t.Value, prefix)) return false;
  }
  const keys = tags.map((t) => t.Key);
  // The detailed pass's own linear duplicate finder: pairwise comparison was most of the time at 50 tags.
  if (firstEqualIgnoringCase(keys).some((f) => f >= 0)) return false;
  if (ctx.inherited.length > 0) {
    const inherited = new CaseInsensitiveSet(ctx.inherited, keys);
    if (keys.some((k) => inherited.find(k) !== undefined)) return false;
  }
  return true;
}

function transitiveClean(keys: readonly string[], tags: readonly { Key: string }[] | undefined): boolean {
  if (firstEqualIgnoringCase(keys).some((f) => f >= 0)) return false;
  if (keys.length === 0) return true;
  if (!tags) return false;
  const tagSet = new CaseInsensitiveSet(
    tags.map((t) => t.Key),
    keys,
  );
  return keys.every((k) => tagSet.find(k) !== undefined);
}

/** True when the detailed pass would report nothing for an input the request validator accepted. */
function gate(ctx: Ctx, r: Record<string, unknown>): boolean {
  const op = ctx.operation;
  if (roleArnProblem(r.RoleArn as string) !== undefined) return false;
  if (op === 'AssumeRoleWithSAML') {
    if (samlProviderArnProblem(r.PrincipalArn as string) !== undefined) return false;
    const arn = r.RoleArn as string;
    if (arn.startsWith(DOCUMENTED_LIMITS.reservedSsoRolePrefix.value, arn.lastIndexOf('/') + 1)) return false;
  } else if (op === 'AssumeRoleWithWebIdentity') {
    const providerId = r.ProviderId;
    if (providerId !== undefined && !DOCUMENTED_LIMITS.providerIdHosts.value.includes(providerId as string)) return false;
  }

  // Plaintext: UTF-16 length is never below the code-point length the detailed pass counts, so "within the
  // limit" here implies "within the limit" there.
  let plaintext = 0;
  const arns = r.PolicyArns as readonly { arn?: string }[] | undefined;
  if (arns !== undefined) {
    for (let i = 0; i < arns.length; i++) {
      const arn = (arns[i] as { arn?: string }).arn;
      if (arn === undefined) continue;
      if (policyArnProblem(arn) !== undefined) return false;
      plaintext += arn.length;
    }
  }
  const policy = r.Policy as string | undefined;
  if (policy !== undefined) {
    plaintext += policy.length;
    if (!isCleanPolicy(policy)) return false;
  }
  if (plaintext > DOCUMENTED_LIMITS.policyPlaintextMax.value) return false;

  const duration = r.DurationSeconds as number | undefined;
  if (duration !== undefined) {
    if (op === 'AssumeRole' && ctx.roleChaining && duration > DOCUMENTED_LIMITS.roleChainingMaxDuration.value) return false;
    if (ctx.maxSessionDuration !== undefined && duration > ctx.maxSessionDuration) return false;
  }

  if (op === 'AssumeRole') {
    const tags = r.Tags as readonly { Key: string; Value: string }[] | undefined;
    if (tags !== undefined && !tagsClean(ctx, tags)) return false;
    const transitive = r.TransitiveTagKeys as readonly string[] | undefined;
    if (transitive !== undefined && !transitiveClean(transitive, tags)) return false;
    const sourceIdentity = r.SourceIdentity as string | undefined;
    if (sourceIdentity !== undefined && startsWithIgnoreCase(sourceIdentity, DOCUMENTED_LIMITS.reservedPrefix.value)) {
      return false;
    }
    if ((r.TokenCode === undefined) !== (r.SerialNumber === undefined)) return false;
  }
  return true;
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

function listsBounded(lists: readonly string[], input: unknown): boolean {
  if (typeof input !== 'object' || input === null) return true;
  for (let i = 0; i < lists.length; i++) {
    const v = (input as Record<string, unknown>)[lists[i] as string];
    if (Array.isArray(v) && v.length > MAX_ARRAY_LENGTH) return false;
  }
  return true;
}

export function validateRequest(operation: Operation, input: unknown, options?: unknown): ValidationResult {
  const { ctx, issues } = resolveOptions(operation, options);
  if (issues.length === 0) {
    try {
      const c = compiled(ctx.profile, operation);
      if (listsBounded(c.lists, input) && c.validate(input) && gate(ctx, input as Record<string, unknown>)) {
        return VALID;
      }
    } catch {
      // A getter or Proxy trap threw while the validator read the input: the detailed pass reports it.
    }
  }
  return detailed(ctx, issues, input);
}
