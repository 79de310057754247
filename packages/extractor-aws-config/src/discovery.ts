/**
 * The AWS config extractor as a run needs it before any file passes a prefilter: id, files and prefilter. Kept
 * apart from the extract code, so a run over files no prefilter accepts loads only this module
 * (`@rolecall/extractor-aws-config/discovery`; see ExtractorDiscovery in @rolecall/core).
 */
import type { ExtractorDiscovery } from '@rolecall/core';

export const EXTRACTOR_ID = 'aws-config';

/**
 * Cheap content test: a `[profile …]`, `[default]`, `[sso-session …]` or `[services …]` header, or
 * a line setting a key only these files hold. A file named `config` that is something else (git's,
 * an app's) fails it and is skipped without parsing.
 */
const PREFILTER = /^[ \t]*\[[ \t]*(?:profile[ \t]|default[ \t]*\]|sso-session[ \t]|services[ \t])|^[ \t]*(?:role_arn|source_profile|credential_source|aws_access_key_id|aws_secret_access_key|web_identity_token_file|sso_start_url|sso_session)[ \t]*[=:]/im;

export function prefilter(text: string): boolean {
  return PREFILTER.test(text);
}

export const awsConfigDiscovery: ExtractorDiscovery = {
  id: EXTRACTOR_ID,
  files: ['**/.aws/config', '**/.aws/credentials', '**/*.aws-config', '**/config'],
  prefilter,
};
