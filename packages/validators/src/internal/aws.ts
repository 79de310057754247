/**
 * The error texts STS itself returns, so a user can match an issue with what they saw in production.
 *
 * Constraint violations come back as a ValidationError in one family (reference §4, observed in AWS recordings):
 *   "1 validation error detected: Value '<value>' at '<wireName>' failed to satisfy constraint: <constraint>"
 * The recordings show two constraint texts verbatim: the length maximum ("Member must have length less than or
 * equal to 64") and the pattern ("Member must satisfy regular expression pattern: [\w+=,.@-]*", printed with the
 * model's own unanchored pattern). The length minimum and the numeric range texts below are the same family's
 * counterparts; they are not individually recorded. Secrets are printed as `***`.
 *
 * The InvalidParameterValue texts (duplicate tag keys, transitive keys, inherited conflict) and the RoleArn
 * "… is invalid" text are taken from the manifest's observedErrors, which records them from AWS responses.
 */
import { OBSERVED_ERRORS } from '../schema/registry.js';

const REDACTED = '***';

export type ConstraintKind = 'maxLength' | 'minLength' | 'pattern' | 'maximum' | 'minimum';

function constraintText(kind: ConstraintKind, limit: number | string): string {
  switch (kind) {
    case 'maxLength':
      return `Member must have length less than or equal to ${limit}`;
    case 'minLength':
      return `Member must have length greater than or equal to ${limit}`;
    case 'pattern':
      return `Member must satisfy regular expression pattern: ${limit}`;
    case 'maximum':
      return `Member must have value less than or equal to ${limit}`;
    case 'minimum':
      return `Member must have value greater than or equal to ${limit}`;
  }
}

export function awsValidationMessage(
  wireName: string,
  value: unknown,
  sensitive: boolean,
  kind: ConstraintKind,
  limit: number | string,
): string {
  const shown = sensitive ? REDACTED : String(value);
  return `1 validation error detected: Value '${shown}' at '${wireName}' failed to satisfy constraint: ${constraintText(kind, limit)}`;
}

function observed(fragment: string): string | undefined {
  // Some entries record an accepted call and carry no message.
  const found = OBSERVED_ERRORS.find((e) => typeof e.message === 'string' && e.message.includes(fragment));
  return found?.message;
}

/** Recorded InvalidParameterValue / ValidationError texts, located in observedErrors by a distinctive fragment. */
export const AWS_TEXTS = {
  duplicateTagKeys: observed('Duplicate tag keys'),
  transitiveKeyNotInTags: observed('transitive tag key must be included'),
  inheritedTransitiveConflict: observed('conflicts with a transitive tag key from the calling session'),
  /** "<RoleArn value> is invalid": the value replaces the placeholder. */
  invalidRoleArn: observed('is invalid'),
  /** Wording from third-party reports only (observedErrors status "unverified"). */
  maxSessionDurationExceeded: observed('exceeds the MaxSessionDuration'),
  /** Wording from third-party reports only (observedErrors status "unverified"). */
  roleChainingDurationExceeded: observed('1 hour session limit'),
} as const;

export function awsInvalidRoleArn(value: string): string | undefined {
  const text = AWS_TEXTS.invalidRoleArn;
  return text === undefined ? undefined : text.replace(/<[^>]*>/, value);
}
