import type { AssumeRoleCall, Operation, Settings, StsMember } from '@rolecall/core';
import { materialize, materializeCall, UNKNOWN } from '@rolecall/core';
import {
  validateAssumeRole,
  validateAssumeRoleWithSAML,
  validateAssumeRoleWithWebIdentity,
  type Issue,
  type ValidateOptions,
  type ValidationResult,
} from '@rolecall/validators';

type Validate = (input: unknown, options?: ValidateOptions) => ValidationResult;

const VALIDATORS: Readonly<Record<Operation, Validate>> = {
  AssumeRole: validateAssumeRole,
  AssumeRoleWithWebIdentity: validateAssumeRoleWithWebIdentity,
  AssumeRoleWithSAML: validateAssumeRoleWithSAML,
};

/** Runs the validator of an operation on an input object. */
export function validateInput(operation: Operation, input: unknown, options: ValidateOptions): readonly Issue[] {
  return VALIDATORS[operation](input, options).issues;
}

/**
 * The validator options for a call: the file's settings with the call's own `context` facts over
 * them. The engine already merges them into `context.settings`; merging again here keeps the
 * rules right when another host (the ESLint plugin) passes settings without the merge.
 */
export function validateOptionsOf(call: AssumeRoleCall, settings: Settings): ValidateOptions {
  const merged: { -readonly [K in keyof ValidateOptions]: ValidateOptions[K] } = {};
  if (settings.stsModel !== undefined) merged.profile = settings.stsModel;
  const roleChaining = call.context?.roleChaining ?? settings.roleChaining;
  if (roleChaining !== undefined) merged.roleChaining = roleChaining;
  const maxSessionDuration = call.context?.maxSessionDuration ?? settings.maxSessionDuration;
  if (maxSessionDuration !== undefined) merged.maxSessionDuration = maxSessionDuration;
  const inherited = call.context?.inheritedTransitiveTagKeys ?? settings.inheritedTransitiveTagKeys;
  if (inherited !== undefined) merged.inheritedTransitiveTagKeys = inherited;
  return merged;
}

export interface CallValidation {
  /** Issues of the validator run on the call's fully known members. */
  readonly issues: readonly Issue[];
  /** Members present in the call whose value is not fully known (they were left out of the input). */
  readonly unknownMembers: ReadonlySet<StsMember>;
  readonly options: ValidateOptions;
}

/**
 * Per call, the one validator run every parameter rule reads: ~20 rules share it instead of each
 * validating the whole input again. Keyed by the call object (a WeakMap, so nothing outlives the
 * lint run), then by the options, since two runs may lint the same call under other settings.
 */
const cache = new WeakMap<AssumeRoleCall, Map<string, CallValidation>>();

export function validateCall(call: AssumeRoleCall, settings: Settings): CallValidation {
  const options = validateOptionsOf(call, settings);
  const key = JSON.stringify([options.profile, options.roleChaining, options.maxSessionDuration, options.inheritedTransitiveTagKeys]);
  let byOptions = cache.get(call);
  if (byOptions === undefined) {
    byOptions = new Map();
    cache.set(call, byOptions);
  }
  const cached = byOptions.get(key);
  if (cached !== undefined) return cached;
  const { input, unknownMembers } = materializeCall(call);
  // Keys that are not STS members (typos, wrong case) are part of the input as written, so the
  // validators report them with their hints ("Did you mean RoleSessionName?"). Their value does not
  // matter for that finding; an unknown one is passed as null.
  for (const { key, value } of call.unknownKeys ?? []) {
    const known = materialize(value);
    Object.defineProperty(input, key, { value: known === UNKNOWN ? null : known, enumerable: true, writable: true, configurable: true });
  }
  const result: CallValidation = { issues: validateInput(call.operation, input, options), unknownMembers, options };
  byOptions.set(key, result);
  return result;
}
