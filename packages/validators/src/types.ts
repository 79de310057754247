/**
 * Public types of @rolecall/validators. Other packages (rules, cli, sdk-plugin) depend on these
 * names; change them only with a deprecation.
 */

export type Operation = 'AssumeRole' | 'AssumeRoleWithWebIdentity' | 'AssumeRoleWithSAML';

/** Stable camelCase ids of every finding the validators can produce. */
export type IssueCode =
  | 'invalidType'
  | 'missingRequired'
  | 'unknownParameter'
  | 'tooShort'
  | 'tooLong'
  | 'invalidCharacters'
  | 'outOfRange'
  | 'notAnInteger'
  | 'tooFewItems'
  | 'tooManyItems'
  | 'duplicateKey'
  | 'reservedPrefix'
  | 'roleChainingDurationExceeded'
  | 'maxSessionDurationExceeded'
  | 'transitiveKeyNotInTags'
  | 'inheritedTransitiveKeyConflict'
  | 'tokenCodeWithoutSerialNumber'
  | 'serialNumberWithoutTokenCode'
  | 'invalidTokenCode'
  | 'notARoleArn'
  | 'notASamlProviderArn'
  | 'invalidPolicyArn'
  | 'providerIdNotAllowed'
  | 'policyPlaintextTooLong'
  | 'policyPlaintextOverDocumented'
  | 'invalidPolicyJson'
  | 'invalidPolicyGrammar'
  | 'reservedSsoRole'
  /** An option passed to the validator is not usable (unknown profile, maxSessionDuration outside IAM's range…). */
  | 'invalidOption'
  /** Reading a member threw (a getter or Proxy trap); the value could not be checked. */
  | 'unreadableValue'
  /** A defect in rolecall itself while checking this input (please report it); the input was not fully checked. */
  | 'internalError';

export type IssueSeverity = 'error' | 'warning';

export interface Issue {
  /** The STS member, e.g. `Tags`. */
  readonly parameter: string;
  /** JSON Pointer into the input, e.g. `/Tags/3/Key`; for policy grammar, continues into the policy: `/Policy/Statement/0/Action`. */
  readonly path: string;
  readonly code: IssueCode;
  /** Names the parameter, the measured value and the limit. Never contains a secret value. */
  readonly message: string;
  /** The values interpolated into `message` (same keys as the message template). */
  readonly data: Readonly<Record<string, string | number>>;
  readonly limit?: number;
  readonly actual?: number | string;
  /** The error text STS itself returns for this problem, where recorded (secrets redacted). */
  readonly awsMessage?: string;
  /** `warning` where the rule's source is unverified; `error` where STS is known to reject. */
  readonly severity: IssueSeverity;
  /**
   * `[start, end)` UTF-16 indices inside the string value at the member part of `path` (e.g. the first
   * invalid character, or the JSON node a policy grammar error is about).
   */
  readonly range?: { readonly start: number; readonly end: number };
}

export interface ValidationResult {
  readonly valid: boolean;
  readonly issues: readonly Issue[];
}

export interface ValidateOptions {
  /** Compatibility profile (`current` default; `botocore-2015-04-27` for the seed-era SDK limits). */
  readonly profile?: string;
  /** The caller uses role credentials: DurationSeconds is capped at 3600. */
  readonly roleChaining?: boolean;
  /** The target role's MaxSessionDuration setting (3600–43200). */
  readonly maxSessionDuration?: number;
  /** Transitive tag keys inherited from the calling session. */
  readonly inheritedTransitiveTagKeys?: readonly string[];
}

/** Options of the per-parameter validators (`validateRoleSessionName(value, options)` …). */
export interface ParameterValidateOptions extends ValidateOptions {
  /** The operation whose member is checked (`AssumeRole` by default). */
  readonly operation?: Operation;
}
