/**
 * Which Terraform / Terragrunt key is which STS member, per place (surfaces.md §3), and how each
 * value is turned into the STS request's shape (`tags = { k = v }` → `Tags: [{Key, Value}]`,
 * `policy_arns = [arn]` → `PolicyArns: [{arn}]`, `duration = "1h"` → `DurationSeconds: 3600`).
 */
import type { CallParameter, ImplicitNode, Span, StsMember } from '@rolecall/core';

/** Keys of the provider's `assume_role` block and the S3 backend's `assume_role = {…}`. */
export const ASSUME_ROLE_KEYS: Readonly<Record<string, StsMember>> = {
  role_arn: 'RoleArn',
  session_name: 'RoleSessionName',
  duration: 'DurationSeconds',
  external_id: 'ExternalId',
  policy: 'Policy',
  policy_arns: 'PolicyArns',
  tags: 'Tags',
  transitive_tag_keys: 'TransitiveTagKeys',
  source_identity: 'SourceIdentity',
};

/** Keys of `assume_role_with_web_identity` (provider block or backend attribute). */
export const WEB_IDENTITY_KEYS: Readonly<Record<string, StsMember>> = {
  role_arn: 'RoleArn',
  session_name: 'RoleSessionName',
  duration: 'DurationSeconds',
  policy: 'Policy',
  policy_arns: 'PolicyArns',
  web_identity_token: 'WebIdentityToken',
};

/** The S3 backend's legacy top-level keys (Terraform ≤ 1.9, OpenTofu with a deprecation warning). */
export const LEGACY_BACKEND_KEYS: Readonly<Record<string, StsMember>> = {
  role_arn: 'RoleArn',
  session_name: 'RoleSessionName',
  external_id: 'ExternalId',
  assume_role_duration_seconds: 'DurationSeconds',
  assume_role_policy: 'Policy',
  assume_role_policy_arns: 'PolicyArns',
  assume_role_tags: 'Tags',
  assume_role_transitive_tag_keys: 'TransitiveTagKeys',
};

/** Terragrunt's top-level attributes. */
export const TERRAGRUNT_KEYS: Readonly<Record<string, StsMember>> = {
  iam_role: 'RoleArn',
  iam_assume_role_session_name: 'RoleSessionName',
  iam_assume_role_duration: 'DurationSeconds',
  iam_web_identity_token: 'WebIdentityToken',
};

/** Keys whose `DurationSeconds` is a Go duration string; every other duration key is in seconds. */
export const GO_DURATION_KEYS: ReadonlySet<string> = new Set(['duration']);

/** A session name the tool makes up when none is given. */
export interface DefaultSession {
  readonly value: string;
  readonly origin: string;
}

/** What the AWS SDK for Go names a session when none is given (aws-sdk-go-v2 stscreds). */
export const GO_SDK_SESSION: DefaultSession = { value: 'aws-go-sdk-1733300000000000000', origin: 'AWS SDK for Go default session name (aws-go-sdk-<unix nanoseconds>)' };
export const TERRAGRUNT_SESSION: DefaultSession = { value: 'terragrunt-1733300000000000000', origin: 'Terragrunt default session name (terragrunt-<unix nanoseconds>)' };

/** The default session name of the tool behind a call kind (`terragrunt` or anything Terraform runs). */
export function defaultSessionFor(kind: string): DefaultSession {
  return kind === 'terragrunt' ? TERRAGRUNT_SESSION : GO_SDK_SESSION;
}

/** The RoleSessionName parameter the tool supplies, placed at `span` (what implies it). */
export function implicitSession(session: DefaultSession, span: Span): CallParameter {
  const value: ImplicitNode = { kind: 'implicit', span, origin: session.origin, value: { kind: 'literal', value: session.value, span } };
  return { member: 'RoleSessionName', key: 'session_name', value };
}
