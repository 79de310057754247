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
 * validating the whole input again. The engine runs every rule of a call before the next call
 * (run-rules.ts `runCall`), so only the last call's validation is remembered, keyed by the call
 * object and the options (two runs may lint the same call under other settings). Remembering every
 * call's (a WeakMap on the call) held each call's issues until the run ended, since the run keeps
 * its calls: a tree of files with tens of thousands of findings each added them all up (issue 14).
 */
let last: { readonly call: AssumeRoleCall; readonly key: string; readonly result: CallValidation } | undefined;

export function validateCall(call: AssumeRoleCall, settings: Settings): CallValidation {
  const options = validateOptionsOf(call, settings);
  const key = JSON.stringify([options.profile, options.roleChaining, options.maxSessionDuration, options.inheritedTransitiveTagKeys]);
  if (last !== undefined && last.call === call && last.key === key) return last.result;
  const { input, unknownMembers } = materializeCall(call);
  // Keys that are not STS members (typos, wrong case) are part of the input as written, so the
  // validators report them with their hints ("Did you mean RoleSessionName?"). Their value does not
  // matter for that finding; an unknown one is passed as null.
  for (const { key, value } of call.unknownKeys ?? []) {
    const known = materialize(value);
    Object.defineProperty(input, key, { value: known === UNKNOWN ? null : known, enumerable: true, writable: true, configurable: true });
  }
  const result: CallValidation = { issues: validateInput(call.operation, input, options), unknownMembers, options };
  last = { call, key, result };
  return result;
}
