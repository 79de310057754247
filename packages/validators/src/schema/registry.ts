/**
 * The schema layer of the validators: lookup of the generated standalone validators and of the
 * constraints manifest by profile, operation and member. Everything here is derived from
 * `schemas/source` by `pnpm codegen`; no number is written in this file.
 */
import type { ValidateFunction } from 'ajv';
import manifestJson from '../generated/constraints.generated.json' with { type: 'json' };
import * as generated from '../generated/standalone.generated.js';
import type { Operation } from '../types.js';

export interface MemberConstraints {
  readonly type: 'string' | 'integer' | 'list' | 'structure';
  readonly required: boolean;
  /** WebIdentityToken, SAMLAssertion, TokenCode: the value never appears in any output. */
  readonly sensitive: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  /**
   * Anchored ECMAScript source, to be compiled with the `u` flag: the model's pattern as Java reads it, with
   * every range explicit (`\p{…}` expanded for UNICODE_VERSION), so no Node/ICU changes the verdict.
   */
  readonly pattern?: string;
  /** The pattern exactly as the model (and STS's own error messages) write it. */
  readonly modelPattern?: string;
  /** The single character class of `pattern` (explicit ranges), for per-character checks. */
  readonly charClass?: string;
  /** The character class as the model writes it, for messages and docs. */
  readonly modelCharClass?: string;
  readonly min?: number;
  readonly max?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  /** List item constraints. */
  readonly items?: MemberConstraints;
  /** Structure fields (Tag → Key, Value; PolicyDescriptorType → arn). */
  readonly fields?: Readonly<Record<string, MemberConstraints>>;
  readonly source: { readonly shape?: string; readonly model?: string; readonly url?: string; readonly status?: string };
  /** Member name as STS spells it in validation errors (`roleSessionName`). */
  readonly wireName: string;
}

export interface DocumentedLimit<V = number> {
  readonly value: V;
  readonly quote: string;
  readonly url: string;
  readonly status: string;
  readonly unverified?: string;
}

interface Manifest {
  readonly defaultProfile: string;
  readonly profiles: readonly string[];
  readonly profileAliases: Readonly<Record<string, string>>;
  readonly members: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, MemberConstraints>>>>>>;
  /** Generated class (explicit ranges) by the model's class text; constraints name theirs by `modelCharClass`. */
  readonly characterClasses: Readonly<Record<string, string>>;
  readonly unicodeVersion: string;
  readonly exports: Readonly<Record<string, string>>;
  readonly documented: {
    readonly policyArnsMaxItems: DocumentedLimit;
    readonly policyPlaintextMax: DocumentedLimit;
    readonly roleChainingMaxDuration: DocumentedLimit;
    readonly reservedPrefix: DocumentedLimit<string>;
    readonly reservedSsoRolePrefix: DocumentedLimit<string>;
    readonly providerIdHosts: DocumentedLimit<readonly string[]>;
  };
  readonly sensitiveMembers: readonly string[];
  readonly iam: {
    readonly roleArn: string;
    readonly managedPolicyArn: string;
    readonly partitions: readonly string[];
    readonly rolePathMaxLength: number;
    readonly roleNameMaxLength: number;
    readonly policyNameMaxLength: number;
    readonly policyPathMaxLength: number;
    readonly maxSessionDuration: { readonly min: number; readonly max: number; readonly documentedDefault: number };
  };
  readonly policyGrammar: {
    readonly versions: readonly string[];
    readonly effects: readonly string[];
    readonly sidPattern: string;
    readonly conditionOperators: readonly string[];
    readonly setQualifiers: readonly string[];
    readonly ifExists: string;
  };
  readonly trustPolicy: {
    readonly actions: readonly string[];
    readonly principalFormats: Readonly<Record<string, { readonly pattern: string; readonly describe: string }>>;
    readonly required: Readonly<Record<string, string>>;
    readonly prohibited: Readonly<Record<string, string>>;
    readonly lengthQuota: { readonly default: number; readonly max: number; readonly unit: string };
  };
  readonly observedErrors: readonly { readonly operation: string; readonly condition: string; readonly code?: string; readonly message?: string; readonly result?: string; readonly status: string }[];
  readonly unverified: readonly string[];
}

const manifest = manifestJson as unknown as Manifest;
const validators = generated as unknown as Readonly<Record<string, ValidateFunction>>;

export const PROFILES: readonly string[] = manifest.profiles;
export const DEFAULT_PROFILE: string = manifest.defaultProfile;
export const PROFILE_ALIASES: Readonly<Record<string, string>> = manifest.profileAliases;

/** Canonical profile name for a name or alias; `undefined` for an unknown name. */
export function resolveProfile(name: string | undefined): string | undefined {
  if (name === undefined) return DEFAULT_PROFILE;
  if (PROFILES.includes(name)) return name;
  return Object.prototype.hasOwnProperty.call(PROFILE_ALIASES, name) ? PROFILE_ALIASES[name] : undefined;
}

function lookup(key: string): ValidateFunction | undefined {
  const name = Object.prototype.hasOwnProperty.call(manifest.exports, key) ? manifest.exports[key] : undefined;
  return name === undefined ? undefined : validators[name];
}

/**
 * The generated validator for one member; `undefined` when the member does not exist for the operation.
 * @internal Not in the published types (ajv's types are not a dependency of the package).
 */
export function memberValidator(profile: string, operation: Operation, member: string): ValidateFunction | undefined {
  // Remembered by name parts: the detailed pass asks for every member on every call, and building the key and
  // looking it up in the manifest was a twentieth of an invalid request's time.
  let byOp = memberValidators.get(profile);
  if (!byOp) memberValidators.set(profile, (byOp = new Map()));
  let byMember = byOp.get(operation);
  if (!byMember) byOp.set(operation, (byMember = new Map()));
  let v = byMember.get(member);
  if (v === undefined) byMember.set(member, (v = lookup(`${profile}/${operation}/${member}`) ?? null));
  return v ?? undefined;
}
const memberValidators = new Map<string, Map<Operation, Map<string, ValidateFunction | null>>>();

/**
 * The generated validator for a whole request (types, limits, required members, no unknown members).
 * @internal Not in the published types (ajv's types are not a dependency of the package).
 */
export function requestValidator(profile: string, operation: Operation): ValidateFunction {
  const v = lookup(`${profile}/${operation}`);
  if (!v) throw new Error(`no request validator for ${operation} in profile ${profile}`);
  return v;
}

/** The manifest writes each generated class once; a member's `charClass` and `pattern` are filled in from it. */
function withClasses(c: MemberConstraints): MemberConstraints {
  const charClass = c.modelCharClass !== undefined ? manifest.characterClasses[c.modelCharClass] : undefined;
  return {
    ...c,
    ...(charClass !== undefined && c.modelPattern !== undefined ? { charClass, pattern: `^${charClass}${c.modelPattern.slice(-1)}$` } : {}),
    ...(c.items ? { items: withClasses(c.items) } : {}),
    ...(c.fields ? { fields: Object.fromEntries(Object.entries(c.fields).map(([k, f]) => [k, withClasses(f)])) } : {}),
  };
}

const constraintsByMember: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, MemberConstraints>>>>>> = Object.fromEntries(
  Object.entries(manifest.members).map(([profile, ops]) => [
    profile,
    Object.fromEntries(Object.entries(ops).map(([op, members]) => [op, Object.fromEntries(Object.entries(members).map(([m, c]) => [m, withClasses(c)]))])),
  ]),
);

/** Unicode version of the `\p{L}`, `\p{Z}`, `\p{N}` expansion in the tag patterns (which one STS uses is unverified). */
export const UNICODE_VERSION: string = manifest.unicodeVersion;

export function memberConstraints(profile: string, operation: Operation, member: string): MemberConstraints | undefined {
  const ops = constraintsByMember[profile]?.[operation];
  return ops && Object.prototype.hasOwnProperty.call(ops, member) ? ops[member] : undefined;
}

/** Request members of an operation in model order. */
export function membersOf(profile: string, operation: Operation): readonly string[] {
  return Object.keys(constraintsByMember[profile]?.[operation] ?? {});
}

export const SENSITIVE_MEMBERS: ReadonlySet<string> = new Set(manifest.sensitiveMembers);

const d = manifest.documented;
/** Limits AWS states only in prose, each with its source URL and the quote codegen verified. */
export const DOCUMENTED_LIMITS = {
  policyArnsMax: d.policyArnsMaxItems,
  policyPlaintextMax: d.policyPlaintextMax,
  roleChainingMaxDuration: d.roleChainingMaxDuration,
  reservedPrefix: d.reservedPrefix,
  reservedSsoRolePrefix: d.reservedSsoRolePrefix,
  providerIdHosts: d.providerIdHosts,
} as const;

const partitionAlt = manifest.iam.partitions.join('|');
const acct = '(\\d{12})';
/**
 * IAM identifier formats. `roleArn` and `managedPolicyArn` are the reference's derived regexes
 * (not published by AWS); the others follow the documented ARN formats in the reference, built
 * over the same partition list.
 */
export const IAM = {
  partitions: manifest.iam.partitions,
  roleArn: new RegExp(manifest.iam.roleArn, 'u'),
  managedPolicyArn: new RegExp(manifest.iam.managedPolicyArn, 'u'),
  samlProviderArn: new RegExp(`^arn:(${partitionAlt}):iam::${acct}:saml-provider/([\\w+=,.@-]+)$`, 'u'),
  mfaArn: new RegExp(`^arn:(${partitionAlt}):iam::${acct}:mfa(/(?:[\\x21-\\x7E]*/)?)([\\w+=,.@-]+)$`, 'u'),
  assumedRoleArn: new RegExp(`^arn:(${partitionAlt}):sts::${acct}:assumed-role/([\\w+=,.@-]+)/([\\w+=,.@-]+)$`, 'u'),
  userArn: new RegExp(`^arn:(${partitionAlt}):iam::${acct}:user(/(?:[\\x21-\\x7E]*/)?)([\\w+=,.@-]+)$`, 'u'),
  anyArn: /^arn:([^:]*):([^:]*):([^:]*):([^:]*):(.*)$/su,
  rolePathMaxLength: manifest.iam.rolePathMaxLength,
  roleNameMaxLength: manifest.iam.roleNameMaxLength,
  policyNameMaxLength: manifest.iam.policyNameMaxLength,
  policyPathMaxLength: manifest.iam.policyPathMaxLength,
  maxSessionDuration: manifest.iam.maxSessionDuration,
} as const;

/** Session-policy grammar facts from the reference (IAM policy grammar pages). */
export const POLICY_GRAMMAR = {
  versions: manifest.policyGrammar.versions,
  effects: manifest.policyGrammar.effects,
  sidPattern: new RegExp(manifest.policyGrammar.sidPattern, 'u'),
  conditionOperators: manifest.policyGrammar.conditionOperators,
  setQualifiers: manifest.policyGrammar.setQualifiers,
  ifExistsSuffix: manifest.policyGrammar.ifExists,
} as const;

const trust = manifest.trustPolicy;
/**
 * Role trust policy facts (schemas/source/trust-policy.json, with sources and status there): the sts actions a
 * trust policy may name, the principal types and their formats, the elements IAM requires or refuses, and the
 * length quota (reference: IAM quotas). The general grammar (versions, effects, condition operators) is
 * `POLICY_GRAMMAR`.
 */
export const TRUST_POLICY = {
  actions: trust.actions,
  principalTypes: Object.keys(trust.principalFormats),
  principalFormats: Object.fromEntries(
    Object.entries(trust.principalFormats).map(([type, f]) => [type, { pattern: new RegExp(f.pattern, 'u'), describe: f.describe }]),
  ) as Readonly<Record<string, { readonly pattern: RegExp; readonly describe: string }>>,
  /** Element → IAM's answer when it is missing. */
  required: trust.required,
  /** Element → IAM's answer when it is present. */
  prohibited: trust.prohibited,
  maxLength: trust.lengthQuota.default,
  maxLengthQuota: trust.lengthQuota.max,
} as const;

/** Errors STS returned in recordings (and a few unverified third-party texts, marked by `status`). */
export const OBSERVED_ERRORS: Manifest['observedErrors'] = manifest.observedErrors;
export const UNVERIFIED_FACTS: readonly string[] = manifest.unverified;
