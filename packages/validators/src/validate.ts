/**
 * The public validation functions. None of them throws for any input or options (the assert* functions throw only
 * their documented RolecallValidationError).
 */
import { memberConstraints, membersOf } from './schema/registry.js';
import type { Issue, Operation, ParameterValidateOptions, ValidateOptions, ValidationResult } from './types.js';
import { isOperation, OPERATIONS, optionIssue, resolveOptions, safeErrorText, safeGet } from './internal/context.js';
import { makeIssue } from './internal/issue.js';
import { checkMember, pathOf, plaintextIssue, policyTooLongReported, Sink } from './internal/members.js';
import { resultOf, unreadableIssues, validateRequest } from './internal/request.js';
import { snapshot, UnreadableError } from './internal/snapshot.js';
import { describeReceived } from './internal/text.js';
import { formatMessage, unknownParameterHints } from './messages.js';

function internalError(parameter: string, e: unknown): Issue {
  return makeIssue({
    code: 'internalError',
    parameter,
    path: '',
    data: { parameter, reason: safeErrorText(e) },
  });
}

function guarded(operation: Operation, input: unknown, options: unknown): ValidationResult {
  try {
    return validateRequest(operation, input, options);
  } catch (e) {
    return resultOf([internalError(`${operation}Request`, e)]);
  }
}

/** Validates an `AssumeRoleCommand` input (or `aws sts assume-role --cli-input-json` JSON). */
export function validateAssumeRole(input: unknown, options?: ValidateOptions): ValidationResult {
  return guarded('AssumeRole', input, options);
}

/** Validates an `AssumeRoleWithWebIdentityCommand` input. */
export function validateAssumeRoleWithWebIdentity(input: unknown, options?: ValidateOptions): ValidationResult {
  return guarded('AssumeRoleWithWebIdentity', input, options);
}

/** Validates an `AssumeRoleWithSAMLCommand` input. */
export function validateAssumeRoleWithSAML(input: unknown, options?: ValidateOptions): ValidationResult {
  return guarded('AssumeRoleWithSAML', input, options);
}

/** Generic form: `validate('AssumeRole', input, options)`. */
export function validate(operation: Operation, input: unknown, options?: ValidateOptions): ValidationResult {
  if (!isOperation(operation)) {
    return resultOf([
      optionIssue('operation', 'unknownOperation', {
        found: describeReceived(operation, false),
        known: OPERATIONS.join(', '),
      }),
    ]);
  }
  return guarded(operation, input, options);
}

function parameterOperation(options: unknown, fallback: Operation, issues: Issue[]): Operation {
  if (typeof options !== 'object' || options === null) return fallback;
  const read = safeGet(options, 'operation');
  if (read.error !== undefined) {
    issues.push(optionIssue('options.operation', 'unreadable', { reason: read.error }));
    return fallback;
  }
  if (read.value === undefined) return fallback;
  if (isOperation(read.value)) return read.value;
  issues.push(
    optionIssue('options.operation', 'unknownOperation', {
      found: describeReceived(read.value, false),
      known: OPERATIONS.join(', '),
    }),
  );
  return fallback;
}

/**
 * One member on its own. Rules that see a single known value use these; cross-member rules (transitive keys vs
 * Tags, TokenCode with SerialNumber, Policy + PolicyArns plaintext total) need the whole request.
 */
function validateParameter(member: string, value: unknown, options: unknown, fallback: Operation = 'AssumeRole'): Issue[] {
  try {
    const issues: Issue[] = [];
    const operation = parameterOperation(options, fallback, issues);
    const resolved = resolveOptions(operation, options);
    // Loops, not push(...many): spreading 200,000 issues into a call overflows the stack.
    for (const issue of resolved.issues) issues.push(issue);
    const { ctx } = resolved;
    if (!memberConstraints(ctx.profile, operation, member)) {
      const elsewhere = OPERATIONS.filter((o) => membersOf(ctx.profile, o).includes(member));
      const data: Record<string, string | number> = { parameter: member, operation, operations: elsewhere.join(' and '), hint: '' };
      if (elsewhere.length > 0) data.hint = formatMessage(unknownParameterHints.otherOperation, data);
      issues.push(makeIssue({ code: 'unknownParameter', parameter: member, path: pathOf(member, []), data }));
      return issues;
    }
    let copy: unknown;
    try {
      copy = snapshot(value);
    } catch (e) {
      if (!(e instanceof UnreadableError)) throw e;
      for (const issue of unreadableIssues(ctx, member, e)) issues.push(issue);
      return issues;
    }
    const sink = new Sink();
    checkMember(ctx, member, copy, sink);
    if ((member === 'Policy' || member === 'PolicyArns') && !policyTooLongReported(sink)) {
      const plaintext = member === 'Policy' ? plaintextIssue(ctx, copy, undefined) : plaintextIssue(ctx, undefined, copy);
      if (plaintext) sink.add(plaintext);
    }
    for (const issue of sink.issues) issues.push(issue);
    return issues;
  } catch (e) {
    return [internalError(member, e)];
  }
}

export function validateRoleArn(value: unknown, options?: ParameterValidateOptions): Issue[] {
  return validateParameter('RoleArn', value, options);
}
export function validateRoleSessionName(value: unknown, options?: ParameterValidateOptions): Issue[] {
  return validateParameter('RoleSessionName', value, options);
}
export function validateDurationSeconds(value: unknown, options?: ParameterValidateOptions): Issue[] {
  return validateParameter('DurationSeconds', value, options);
}
export function validateExternalId(value: unknown, options?: ParameterValidateOptions): Issue[] {
  return validateParameter('ExternalId', value, options);
}
export function validateSerialNumber(value: unknown, options?: ParameterValidateOptions): Issue[] {
  return validateParameter('SerialNumber', value, options);
}
export function validateTokenCode(value: unknown, options?: ParameterValidateOptions): Issue[] {
  return validateParameter('TokenCode', value, options);
}
export function validateSourceIdentity(value: unknown, options?: ParameterValidateOptions): Issue[] {
  return validateParameter('SourceIdentity', value, options);
}
/** The inline session policy alone: characters, JSON, grammar, and its own share of the 2,048 plaintext limit. */
export function validatePolicy(value: unknown, options?: ParameterValidateOptions): Issue[] {
  return validateParameter('Policy', value, options);
}
export function validatePolicyArns(value: unknown, options?: ParameterValidateOptions): Issue[] {
  return validateParameter('PolicyArns', value, options);
}
export function validateTags(value: unknown, options?: ParameterValidateOptions): Issue[] {
  return validateParameter('Tags', value, options);
}
export function validateTransitiveTagKeys(value: unknown, options?: ParameterValidateOptions): Issue[] {
  return validateParameter('TransitiveTagKeys', value, options);
}
/** The model-update member (2026-10): 0–4096 bytes on the three operations; an unknown parameter in the seed-era profile. */
export function validateMinimumSessionTokenSize(value: unknown, options?: ParameterValidateOptions): Issue[] {
  return validateParameter('MinimumSessionTokenSize', value, options);
}
export function validateProvidedContexts(value: unknown, options?: ParameterValidateOptions): Issue[] {
  return validateParameter('ProvidedContexts', value, options);
}
/** Operation defaults to AssumeRoleWithWebIdentity, the only operation with this member. */
export function validateWebIdentityToken(value: unknown, options?: ParameterValidateOptions): Issue[] {
  return validateParameter('WebIdentityToken', value, options, 'AssumeRoleWithWebIdentity');
}
/** Operation defaults to AssumeRoleWithWebIdentity, the only operation with this member. */
export function validateProviderId(value: unknown, options?: ParameterValidateOptions): Issue[] {
  return validateParameter('ProviderId', value, options, 'AssumeRoleWithWebIdentity');
}
/** Operation defaults to AssumeRoleWithSAML, the only operation with this member. */
export function validatePrincipalArn(value: unknown, options?: ParameterValidateOptions): Issue[] {
  return validateParameter('PrincipalArn', value, options, 'AssumeRoleWithSAML');
}
/** Operation defaults to AssumeRoleWithSAML, the only operation with this member. */
export function validateSAMLAssertion(value: unknown, options?: ParameterValidateOptions): Issue[] {
  return validateParameter('SAMLAssertion', value, options, 'AssumeRoleWithSAML');
}
