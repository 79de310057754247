import type { AssumeRoleInput, AssumeRoleWithSAMLInput, AssumeRoleWithWebIdentityInput } from './generated/types.generated.js';
import type { Issue, Operation, ValidateOptions } from './types.js';
import { validateAssumeRole, validateAssumeRoleWithSAML, validateAssumeRoleWithWebIdentity } from './validate.js';

function summary(operation: string, issues: readonly Issue[]): string {
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  const counts = [
    `${errors} error${errors === 1 ? '' : 's'}`,
    ...(warnings > 0 ? [`${warnings} warning${warnings === 1 ? '' : 's'}`] : []),
  ].join(', ');
  const lines = issues.map((i) => `  - ${i.severity}: ${i.message} (${i.code} at ${i.path === '' ? '/' : i.path})`);
  return [`Invalid ${operation} input (${counts}):`, ...lines].join('\n');
}

/**
 * Thrown by the assert* functions and by the SDK plugin: every issue of one input, one per line in `message`.
 * Messages never contain secret values (WebIdentityToken, SAMLAssertion, TokenCode), only their lengths.
 */
export class RolecallValidationError extends Error {
  override readonly name = 'RolecallValidationError';
  readonly operation: string;
  readonly issues: readonly Issue[];

  constructor(operation: Operation | string, issues: readonly Issue[]) {
    super(summary(operation, issues));
    this.operation = operation;
    this.issues = issues;
  }
}

/** Throws a RolecallValidationError when the input has error-severity issues (warnings alone do not throw). */
export function assertValidAssumeRole(input: unknown, options?: ValidateOptions): asserts input is AssumeRoleInput {
  const r = validateAssumeRole(input, options);
  if (!r.valid) throw new RolecallValidationError('AssumeRole', r.issues);
}

export function assertValidAssumeRoleWithWebIdentity(
  input: unknown,
  options?: ValidateOptions,
): asserts input is AssumeRoleWithWebIdentityInput {
  const r = validateAssumeRoleWithWebIdentity(input, options);
  if (!r.valid) throw new RolecallValidationError('AssumeRoleWithWebIdentity', r.issues);
}

export function assertValidAssumeRoleWithSAML(
  input: unknown,
  options?: ValidateOptions,
): asserts input is AssumeRoleWithSAMLInput {
  const r = validateAssumeRoleWithSAML(input, options);
  if (!r.valid) throw new RolecallValidationError('AssumeRoleWithSAML', r.issues);
}
