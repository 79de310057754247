/**
 * Keys the AWS shared config and credentials files are known to hold, so that a near-miss of one
 * (`role_duration`, `session_name`) can be told apart from a key another tool reads. Data, with
 * sources:
 *
 * - AWS CLI / botocore: `aws/aws-cli:awscli/topics/config-vars.rst` (General Options, Assume Role,
 *   Web Identity, SSO, S3 and retry settings) and the SDKs' shared config reference
 *   (https://docs.aws.amazon.com/sdkref/latest/guide/settings-reference.html).
 * - aws-vault: `99designs/aws-vault:USAGE.md` (config file section).
 * - granted / Common Fate: `common-fate/granted` docs (`granted_sso_*`, `credential_process`).
 *
 * Keys starting with a prefix of `TOOL_PREFIXES` belong to other tools and are never judged.
 */

/** Keys the AWS CLI and SDKs read that make a profile assume a role (surfaces.md §5a). */
export const ROLE_KEYS: readonly string[] = [
  'role_arn',
  'source_profile',
  'credential_source',
  'external_id',
  'mfa_serial',
  'role_session_name',
  'duration_seconds',
  'web_identity_token_file',
];

export const KNOWN_KEYS: ReadonlySet<string> = new Set([
  ...ROLE_KEYS,
  // credentials
  'aws_access_key_id',
  'aws_secret_access_key',
  'aws_session_token',
  'aws_security_token',
  'aws_account_id',
  'aws_credential_expiration',
  'credential_process',
  // general
  'region',
  'output',
  'endpoint_url',
  'ignore_configured_endpoint_urls',
  'services',
  'ca_bundle',
  'parameter_validation',
  'tcp_keepalive',
  'max_attempts',
  'retry_mode',
  'defaults_mode',
  'sts_regional_endpoints',
  'use_dualstack_endpoint',
  'use_fips_endpoint',
  'account_id_endpoint_mode',
  'disable_request_compression',
  'request_min_compression_size_bytes',
  'request_checksum_calculation',
  'response_checksum_validation',
  'sigv4a_signing_region_set',
  'sdk_ua_app_id',
  'auth_scheme_preference',
  'api_versions',
  'metadata_service_timeout',
  'metadata_service_num_attempts',
  'ec2_metadata_service_endpoint',
  'ec2_metadata_service_endpoint_mode',
  'ec2_metadata_v1_disabled',
  'imds_use_ipv6',
  'login_session',
  's3',
  'dynamodb',
  // AWS CLI only
  'cli_pager',
  'cli_timestamp_format',
  'cli_follow_urlparam',
  'cli_binary_format',
  'cli_auto_prompt',
  'cli_history',
  'cli_help_output',
  // IAM Identity Center
  'sso_session',
  'sso_start_url',
  'sso_region',
  'sso_account_id',
  'sso_role_name',
  'sso_registration_scopes',
  // aws-vault
  'include_profile',
  'parent_profile',
  'session_tags',
  'transitive_session_tags',
  'source_identity',
  'mfa_process',
  'web_identity_token_process',
  'mfa_prompt',
]);

/** Prefixes of keys other tools own (`granted_sso_start_url`, `common_fate_generated_from`, …). */
export const TOOL_PREFIXES: readonly string[] = ['granted_', 'common_fate_', 'saml2aws_', 'x_', 'azure_', 'okta_', 'gimme_'];

/**
 * Words that tie an unknown key to one role key even when its spelling is far off: `role_duration`
 * means `duration_seconds`, `session_name` means `role_session_name`. `role`, `profile` and `mfa`
 * are left out on purpose: other tools' keys (`parent_profile`, `mfa_process`) share them.
 */
export const DISTINCTIVE_WORDS: Readonly<Record<string, string>> = {
  duration: 'duration_seconds',
  seconds: 'duration_seconds',
  session: 'role_session_name',
  external: 'external_id',
  serial: 'mfa_serial',
  arn: 'role_arn',
  source: 'source_profile',
  credential: 'credential_source',
};

/**
 * Keys whose values are secrets. Their values never appear in any message, fact or error; the CLI
 * also masks them in code frames. Matched case-insensitively (configparser lower-cases keys).
 */
export function isSecretKey(key: string): boolean {
  const k = key.toLowerCase();
  if (k.endsWith('_file') || k.endsWith('_process')) return false;
  return /secret|token|password|passphrase|private_key/.test(k);
}
