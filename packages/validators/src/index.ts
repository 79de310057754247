/**
 * @rolecall/validators: validate AWS STS AssumeRole, AssumeRoleWithWebIdentity and AssumeRoleWithSAML inputs
 * before they are sent. Browser-safe: no Node-only API is used anywhere in this package.
 */
export type {
  Issue,
  IssueCode,
  IssueSeverity,
  Operation,
  ParameterValidateOptions,
  ValidateOptions,
  ValidationResult,
} from './types.js';
export type {
  AssumeRoleInput,
  AssumeRoleWithSAMLInput,
  AssumeRoleWithWebIdentityInput,
} from './generated/types.generated.js';

export {
  validate,
  validateAssumeRole,
  validateAssumeRoleWithSAML,
  validateAssumeRoleWithWebIdentity,
  validateDurationSeconds,
  validateExternalId,
  validateMinimumSessionTokenSize,
  validatePolicy,
  validatePolicyArns,
  validatePrincipalArn,
  validateProvidedContexts,
  validateProviderId,
  validateRoleArn,
  validateRoleSessionName,
  validateSAMLAssertion,
  validateSerialNumber,
  validateSourceIdentity,
  validateTags,
  validateTokenCode,
  validateTransitiveTagKeys,
  validateWebIdentityToken,
} from './validate.js';
export {
  RolecallValidationError,
  assertValidAssumeRole,
  assertValidAssumeRoleWithSAML,
  assertValidAssumeRoleWithWebIdentity,
} from './errors.js';
export {
  formatMessage,
  jsonErrorMessages,
  messages,
  optionMessages,
  policyGrammarMessages,
  reasons,
  unknownParameterHints,
} from './messages.js';
export {
  DEFAULT_PROFILE,
  DOCUMENTED_LIMITS,
  IAM,
  POLICY_GRAMMAR,
  PROFILES,
  TRUST_POLICY,
  UNICODE_VERSION,
  UNVERIFIED_FACTS,
  memberConstraints,
  membersOf,
  resolveProfile,
} from './schema/registry.js';
export type { DocumentedLimit, MemberConstraints } from './schema/registry.js';

export { checkTrustPolicyDocument, trustPolicyLength } from './policy/trust.js';
export type { TrustFinding, TrustPolicyCheck, TrustPolicyOptions, TrustRule } from './policy/trust.js';

// The packed-size and session-token-size estimator (its own module; see the README section of that name).
export * from './packed-size/index.js';
