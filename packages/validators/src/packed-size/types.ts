/**
 * Public types of the session-token estimator (re-exported by `@rolecall/validators`). Its figures are first
 * the ones STS returns today, `SessionTokenSize` (bytes) and `SessionTokenUtilization` (percent of the maximum);
 * STS deprecated `PackedPolicySize` on 2026-06-17 ("Replaced by SessionTokenUtilization"), and the legacy
 * packed-policy percentages are kept for where they may still apply (`legacy`).
 */

export interface SessionTag {
  readonly Key: string;
  readonly Value: string;
}

/** The STS operations whose requests carry session policies or tags. */
export type EstimateOperation = 'AssumeRole' | 'AssumeRoleWithWebIdentity' | 'AssumeRoleWithSAML' | 'GetFederationToken';

/**
 * `regional`: the current `IQoJ…` tokens of regional endpoints (and of the global endpoint when it
 * issues version-2 tokens). `global-legacy`: the short `FwoG…` tokens of the global endpoint.
 */
export type TokenFormat = 'regional' | 'global-legacy';

/** Which limit(s) the verdict considers. `both` (default) reports the more severe of the two. */
export type VerdictRegime = 'both' | 'legacy' | 'token';

export interface EstimateOptions {
  /** Transitive tags the calling session passes on (role chaining); they count like session tags. */
  readonly inheritedTransitiveTags?: readonly SessionTag[];
  /** The operation the input is for (default `AssumeRole`); stated in the assumptions. */
  readonly operation?: EstimateOperation;
  /** The session-token size limit in bytes (default: the documented 4,096; AWS says it may grow). */
  readonly tokenLimitBytes?: number;
  /** Which token baseline to use (default `regional`). */
  readonly tokenFormat?: TokenFormat;
  /** Which regime decides the verdict (default `both`). */
  readonly regime?: VerdictRegime;
}

/** A percentage of a legacy packed limit with its error band (percentage points). */
export interface PercentBand {
  readonly percent: number;
  readonly low: number;
  readonly high: number;
}

export interface LegacyEstimate {
  /** Inline session policy + managed policy ARNs: the "Packed policy consumes N%" check. */
  readonly policy: PercentBand;
  /** Session tags + inherited transitive tags: the "Packed size of session tags consumes N%" check. */
  readonly tags: PercentBand;
  readonly regime: 'legacy (2019-11 → 2026-09-15)';
}

export interface SessionTokenFigures {
  /**
   * Predicted `SessionTokenSize`: the bytes of the returned session token, which STS reports in every response.
   * At least `MinimumSessionTokenSize` when the input sets it (STS pads the token to that size).
   */
  readonly sessionTokenSize: number;
  /** Error band of `sessionTokenSize`. */
  readonly low: number;
  readonly high: number;
  /** The session-token maximum in bytes (4,096 documented). */
  readonly limit: number;
  /** Predicted `SessionTokenUtilization`: `sessionTokenSize` as a percentage of `limit` (STS returns it 0–100). */
  readonly sessionTokenUtilization: number;
  /** The input's `MinimumSessionTokenSize`, when set above 0: the floor of `sessionTokenSize`, `low` and `high`. */
  readonly minimumSessionTokenSize?: number;
  /** Every assumption behind the number, in words. */
  readonly assumptions: readonly string[];
}

export type Verdict = 'fits' | 'near-limit' | 'exceeds' | 'unknown';

export type BreakdownKind = 'statement' | 'policy-other' | 'policy-text' | 'policy-arn' | 'tag' | 'inherited-tag' | 'token-baseline';

export interface BreakdownEntry {
  readonly kind: BreakdownKind;
  /**
   * JSON Pointer of the component: into the input (`/Tags/3`, `/PolicyArns/0`), into the policy
   * document (`/Policy/Statement/2`), or into the options (`/inheritedTransitiveTags/1`); `''` for the
   * token baseline.
   */
  readonly path: string;
  /** Short human label (`Statement 2 (Sid ReadLogs): s3:GetObject, …`, `Tag Project`). */
  readonly label: string;
  /** Which legacy limit it counts against; `token` for the baseline, which only exists in the token regime. */
  readonly component: 'policy' | 'tags' | 'token';
  /** Packed bytes the model assigns to it. */
  readonly packedBytes: number;
  /** Percentage points of its legacy limit. */
  readonly legacyPercent: number;
  /** Bytes of `SessionTokenSize` it accounts for. */
  readonly sessionTokenBytes: number;
}

export interface SessionTokenEstimate {
  /** The figures STS returns today: `SessionTokenSize` and `SessionTokenUtilization`. */
  readonly sessionToken: SessionTokenFigures;
  /**
   * The legacy `PackedPolicySize` percentages (policy and tags separately), for where the legacy limits may
   * still apply: the regions AWS did not name in the 2026-09-15 change (the aws-cn partition), and responses
   * that still carry the deprecated `PackedPolicySize`.
   */
  readonly legacy: LegacyEstimate;
  /** Every component's contribution, largest first within each component. */
  readonly breakdown: readonly BreakdownEntry[];
  /** The verdict of `options.regime`; never `fits` when the high bound reaches the near-limit threshold. */
  readonly verdict: Verdict;
  /** The verdict of each regime separately, and of each legacy check (`legacy` is the worse of the two). */
  readonly verdicts: { readonly sessionToken: Verdict; readonly legacy: Verdict; readonly legacyPolicy: Verdict; readonly legacyTags: Verdict };
  /** Why the input could not be fully measured, and what was ignored. Empty when everything was measured. */
  readonly notes: readonly string[];
}

export interface ShrinkSuggestion {
  /** Stable id: `minify-whitespace`, `merge-statements`, `move-policy-to-managed-arn`, `move-statement-to-managed-arn`, `shorten-tag-keys`, `drop-tag`, `drop-optional-tags`. */
  readonly id: string;
  readonly description: string;
  /** Percentage points removed from the legacy estimates (policy + tags), by re-running the estimator on `apply`. */
  readonly savingPercent: number;
  /** Reduction of the predicted session-token size in bytes, by re-running the estimator on `apply`. */
  readonly savingBytes: number;
  /** Reduction of the plaintext policy length (the separate 2,048-character limit), when relevant. */
  readonly savingPlaintextChars?: number;
  /** The transformed input (a copy; the original is not modified). */
  readonly apply?: Record<string, unknown>;
}

export interface ShrinkOptions extends EstimateOptions {
  /** Tag keys the caller can drop (as configure-aws-credentials does with its optional tags). */
  readonly optionalTagKeys?: readonly string[];
  /** ARN of the managed policy to move permissions into (default: a placeholder in the role's account). */
  readonly managedPolicyArn?: string;
}
