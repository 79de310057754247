/**
 * What the extractor recognises, as data: the modules and exported names that make a call an STS
 * call (sources: shared design notes §2, the SDKs' own files named there), the keywords of the
 * text prefilter, and how each API spells the request members. A name is recognised only when it
 * is imported from one of these modules (under any alias, through a namespace or `require`), so a
 * local class that happens to be called `AssumeRoleCommand` is not an STS call.
 */
import type { Operation, StsMember } from '@rolecall/core';

/** What a recognised symbol is. */
export type SymbolKind =
  | { readonly kind: 'command'; readonly operation: Operation }
  | { readonly kind: 'client'; readonly sdk: 'v2' | 'v3' }
  | { readonly kind: 'temporary-credentials'; readonly api: 'fromTemporaryCredentials' | 'ChainableTemporaryCredentials' | 'TemporaryCredentials' }
  | { readonly kind: 'web-identity'; readonly api: 'fromWebToken' | 'fromTokenFile' | 'WebIdentityCredentials' }
  | { readonly kind: 'cdk-role' }
  | { readonly kind: 'cdk-duration' }
  /** A CDK principal class: the trust policy principal type its first argument is, `*`, or a composite of others. */
  | { readonly kind: 'cdk-principal'; readonly principal: 'AWS' | 'Service' | 'Federated' | 'CanonicalUser' | '*' | 'composite' }
  | { readonly kind: 'pulumi-provider' };

/**
 * CDK `iam` principal classes whose trust policy principal can be read from the constructor (aws-cdk-lib's
 * aws-iam/lib/principals.ts): the class → the principal type its first argument becomes. Classes built from other
 * constructs (`OpenIdConnectPrincipal`, `SamlPrincipal`, `AccountRootPrincipal`) are not listed: their principal is
 * not written in the file.
 */
const CDK_PRINCIPALS: Readonly<Record<string, Extract<SymbolKind, { kind: 'cdk-principal' }>['principal']>> = {
  ServicePrincipal: 'Service',
  AccountPrincipal: 'AWS',
  ArnPrincipal: 'AWS',
  FederatedPrincipal: 'Federated',
  WebIdentityPrincipal: 'Federated',
  CanonicalUserPrincipal: 'CanonicalUser',
  AnyPrincipal: '*',
  CompositePrincipal: 'composite',
};

function cdkPrincipals(): [string, SymbolKind][] {
  return Object.entries(CDK_PRINCIPALS).flatMap(([name, principal]) =>
    ['aws-cdk-lib/aws-iam#', 'aws-cdk-lib#aws_iam.', '@aws-cdk/aws-iam#'].map((prefix): [string, SymbolKind] => [`${prefix}${name}`, { kind: 'cdk-principal', principal }]),
  );
}

/**
 * Canonical symbol `module#path` → what it is. The path is the property chain below the module
 * object (`aws_iam.Role` for `import * as cdk from 'aws-cdk-lib'; new cdk.aws_iam.Role(…)`); a
 * default import or `require` of a module is the module object itself (they are CommonJS).
 */
export const SYMBOLS: ReadonlyMap<string, SymbolKind> = new Map<string, SymbolKind>([
  ['@aws-sdk/client-sts#AssumeRoleCommand', { kind: 'command', operation: 'AssumeRole' }],
  ['@aws-sdk/client-sts#AssumeRoleWithWebIdentityCommand', { kind: 'command', operation: 'AssumeRoleWithWebIdentity' }],
  ['@aws-sdk/client-sts#AssumeRoleWithSAMLCommand', { kind: 'command', operation: 'AssumeRoleWithSAML' }],
  ['@aws-sdk/client-sts#STS', { kind: 'client', sdk: 'v3' }],
  ['aws-sdk#STS', { kind: 'client', sdk: 'v2' }],
  ['aws-sdk/clients/sts#', { kind: 'client', sdk: 'v2' }],
  ['aws-sdk/clients/all#STS', { kind: 'client', sdk: 'v2' }],
  ['@aws-sdk/credential-providers#fromTemporaryCredentials', { kind: 'temporary-credentials', api: 'fromTemporaryCredentials' }],
  ['@aws-sdk/credential-providers#fromWebToken', { kind: 'web-identity', api: 'fromWebToken' }],
  ['@aws-sdk/credential-providers#fromTokenFile', { kind: 'web-identity', api: 'fromTokenFile' }],
  ['@aws-sdk/credential-provider-web-identity#fromWebToken', { kind: 'web-identity', api: 'fromWebToken' }],
  ['@aws-sdk/credential-provider-web-identity#fromTokenFile', { kind: 'web-identity', api: 'fromTokenFile' }],
  ['aws-sdk#ChainableTemporaryCredentials', { kind: 'temporary-credentials', api: 'ChainableTemporaryCredentials' }],
  ['aws-sdk#TemporaryCredentials', { kind: 'temporary-credentials', api: 'TemporaryCredentials' }],
  ['aws-sdk#WebIdentityCredentials', { kind: 'web-identity', api: 'WebIdentityCredentials' }],
  ['aws-cdk-lib/aws-iam#Role', { kind: 'cdk-role' }],
  ['aws-cdk-lib#aws_iam.Role', { kind: 'cdk-role' }],
  ['@aws-cdk/aws-iam#Role', { kind: 'cdk-role' }],
  ...cdkPrincipals(),
  ['aws-cdk-lib#Duration', { kind: 'cdk-duration' }],
  ['@aws-cdk/core#Duration', { kind: 'cdk-duration' }],
  ['@pulumi/aws#Provider', { kind: 'pulumi-provider' }],
]);

/** Modules whose imports are tracked (every module named in `SYMBOLS`). */
export const MODULES: ReadonlySet<string> = new Set([...SYMBOLS.keys()].map((k) => k.slice(0, k.indexOf('#'))));

/**
 * The prefilter: a file that contains none of these words cannot hold anything `SYMBOLS` names
 * (every recognised API, member method or module contains one of them). `assumeRole` also covers
 * the client methods and Pulumi's `assumeRoles`; `aws-iam`/`aws_iam` cover CDK roles.
 */
export const KEYWORDS: readonly string[] = ['AssumeRole', 'assumeRole', 'TemporaryCredentials', 'fromWebToken', 'fromTokenFile', 'WebIdentityCredentials', 'aws-iam', 'aws_iam'];

/** Client methods → operation (SDK v3 aggregated client and SDK v2 both spell them so). */
export const CLIENT_METHODS: ReadonlyMap<string, Operation> = new Map<string, Operation>([
  ['assumeRole', 'AssumeRole'],
  ['assumeRoleWithWebIdentity', 'AssumeRoleWithWebIdentity'],
  ['assumeRoleWithSAML', 'AssumeRoleWithSAML'],
]);

/** `fromWebToken` / `fromTokenFile` keys (lower camel case) → STS members. */
export const WEB_IDENTITY_KEYS: ReadonlyMap<string, StsMember> = new Map<string, StsMember>([
  ['roleArn', 'RoleArn'],
  ['roleSessionName', 'RoleSessionName'],
  ['webIdentityToken', 'WebIdentityToken'],
  ['providerId', 'ProviderId'],
  ['policyArns', 'PolicyArns'],
  ['policy', 'Policy'],
  ['durationSeconds', 'DurationSeconds'],
]);

/**
 * Session names the SDKs supply when the caller gives none (design notes §2b/§2c). Epoch-based
 * defaults have a fixed shape (13-digit milliseconds); the implicit value stands for that shape.
 */
export const DEFAULT_SESSION_NAMES = {
  fromTemporaryCredentials: { value: 'aws-sdk-js-1700000000000', origin: '@aws-sdk/credential-providers default (aws-sdk-js-<epoch ms>)' },
  fromWebToken: { value: 'aws-sdk-js-session-1700000000000', origin: '@aws-sdk/credential-providers default (aws-sdk-js-session-<epoch ms>)' },
  ChainableTemporaryCredentials: { value: 'temporary-credentials', origin: 'aws-sdk ChainableTemporaryCredentials default' },
  TemporaryCredentials: { value: 'temporary-credentials', origin: 'aws-sdk TemporaryCredentials default' },
  WebIdentityCredentials: { value: 'web-identity', origin: 'aws-sdk WebIdentityCredentials default' },
} as const;

/** `fromTokenFile` reads these environment variables when the option is absent (design notes §2b). */
export const TOKEN_FILE_ENV: ReadonlyMap<StsMember, string> = new Map<StsMember, string>([
  ['RoleArn', 'AWS_ROLE_ARN'],
  ['RoleSessionName', 'AWS_ROLE_SESSION_NAME'],
  ['WebIdentityToken', 'AWS_WEB_IDENTITY_TOKEN_FILE'],
]);

/** CDK `Duration` factories → seconds per unit, and the unit name messages use. */
export const DURATION_UNITS: ReadonlyMap<string, { readonly seconds: number; readonly unit: 'seconds' | 'minutes' | 'hours' }> = new Map([
  ['seconds', { seconds: 1, unit: 'seconds' }],
  ['minutes', { seconds: 60, unit: 'minutes' }],
  ['hours', { seconds: 3600, unit: 'hours' }],
] as const);

/** Pulumi AWS provider `assumeRole(s)` element keys → STS members (camelCase of the Terraform block). */
export const PULUMI_KEYS: ReadonlyMap<string, StsMember> = new Map<string, StsMember>([
  ['roleArn', 'RoleArn'],
  ['sessionName', 'RoleSessionName'],
  ['externalId', 'ExternalId'],
  ['duration', 'DurationSeconds'],
  ['durationSeconds', 'DurationSeconds'],
  ['policy', 'Policy'],
  ['policyArns', 'PolicyArns'],
  ['sourceIdentity', 'SourceIdentity'],
  ['tags', 'Tags'],
  ['transitiveTagKeys', 'TransitiveTagKeys'],
]);
