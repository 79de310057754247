/**
 * The rolecall rule registry. Every folder of `rules/` (except `_shared` and `scripts`) is one rule,
 * registered here once; `test/rules-index.test.ts` fails when a folder is missing or an id differs
 * from its folder name. Presets are computed from rule `meta`, never listed by hand.
 */
import type { Rule } from '@rolecall/core';
import type { Issue } from '@rolecall/validators';
import { presetsOf, ruleForIssue as ruleForIssueIn, type Presets } from './_shared/registry.js';
import awsConfigKnownKeys from './aws-config-known-keys/rule.js';
import awsConfigNoDuplicateSections from './aws-config-no-duplicate-sections/rule.js';
import awsConfigNoInlineComment from './aws-config-no-inline-comment/rule.js';
import awsConfigNoSourceProfileLoop from './aws-config-no-source-profile-loop/rule.js';
import awsConfigNoSourceWithCredentialSource from './aws-config-no-source-with-credential-source/rule.js';
import awsConfigProfileSectionPrefix from './aws-config-profile-section-prefix/rule.js';
import awsConfigSourceProfileExists from './aws-config-source-profile-exists/rule.js';
import externalIdRequired from './external-id-required/rule.js';
import maxChainedDuration from './max-chained-duration/rule.js';
import maxSessionTokenSize from './max-session-token-size/rule.js';
import maxDocumentedPolicyPlaintext from './max-documented-policy-plaintext/rule.js';
import maxPolicyPlaintext from './max-policy-plaintext/rule.js';
import maxSessionDuration from './max-session-duration/rule.js';
import mfaRequired from './mfa-required/rule.js';
import noBom from './no-bom/rule.js';
import noDuplicateKeys from './no-duplicate-keys/rule.js';
import noDuplicateTagKeys from './no-duplicate-tag-keys/rule.js';
import noDuplicateTransitiveTagKeys from './no-duplicate-transitive-tag-keys/rule.js';
import noInheritedTagConflict from './no-inherited-tag-conflict/rule.js';
import noOrphanTransitiveTagKeys from './no-orphan-transitive-tag-keys/rule.js';
import noParseintDuration from './no-parseint-duration/rule.js';
import noUnsafeContextValues from './no-unsafe-context-values/rule.js';
import noPlaceholderValues from './no-placeholder-values/rule.js';
import noTokenCodeWithoutSerialNumber from './no-token-code-without-serial-number/rule.js';
import noUnknownActionInput from './no-unknown-action-input/rule.js';
import noUnknownCliFlag from './no-unknown-cli-flag/rule.js';
import noUnknownParameters from './no-unknown-parameters/rule.js';
import noUnsupportedPolicyElements from './no-unsupported-policy-elements/rule.js';
import requiredParameters from './required-parameters/rule.js';
import trustAllowsSessionTags from './trust-allows-session-tags/rule.js';
import validDurationSeconds from './valid-duration-seconds/rule.js';
import validMinimumSessionTokenSize from './valid-minimum-session-token-size/rule.js';
import validExternalId from './valid-external-id/rule.js';
import validPolicyArns from './valid-policy-arns/rule.js';
import validPolicy from './valid-policy/rule.js';
import validPrincipalArn from './valid-principal-arn/rule.js';
import validProvidedContexts from './valid-provided-contexts/rule.js';
import validProviderId from './valid-provider-id/rule.js';
import validRoleArn from './valid-role-arn/rule.js';
import validRoleSessionName from './valid-role-session-name/rule.js';
import validSamlAssertion from './valid-saml-assertion/rule.js';
import validSerialNumber from './valid-serial-number/rule.js';
import validSourceIdentity from './valid-source-identity/rule.js';
import validMaxSessionDuration from './valid-max-session-duration/rule.js';
import validTrustPolicy from './valid-trust-policy/rule.js';
import validTags from './valid-tags/rule.js';
import validTerraformDuration from './valid-terraform-duration/rule.js';
import validTokenCode from './valid-token-code/rule.js';
import validTransitiveTagKeys from './valid-transitive-tag-keys/rule.js';
import validWebIdentityToken from './valid-web-identity-token/rule.js';

/** In documentation order: presence, then each member's own checks, then cross-member checks, then budgets, then file-kind checks. */
export const rules: readonly Rule<any>[] = Object.freeze([
  requiredParameters,
  noUnknownParameters,
  noUnknownActionInput,
  noUnknownCliFlag,
  noParseintDuration,
  validRoleArn,
  validRoleSessionName,
  validDurationSeconds,
  validTerraformDuration,
  validPolicy,
  validPolicyArns,
  validTags,
  validTransitiveTagKeys,
  validExternalId,
  validSerialNumber,
  validTokenCode,
  validSourceIdentity,
  validProvidedContexts,
  validWebIdentityToken,
  validProviderId,
  validPrincipalArn,
  validSamlAssertion,
  validMinimumSessionTokenSize,
  noUnsupportedPolicyElements,
  noDuplicateTagKeys,
  noDuplicateTransitiveTagKeys,
  noOrphanTransitiveTagKeys,
  noInheritedTagConflict,
  noTokenCodeWithoutSerialNumber,
  maxChainedDuration,
  maxSessionDuration,
  validMaxSessionDuration,
  validTrustPolicy,
  maxPolicyPlaintext,
  maxDocumentedPolicyPlaintext,
  maxSessionTokenSize,
  noBom,
  noDuplicateKeys,
  // Extractor-owned checks of AWS config and credentials files (facts).
  awsConfigNoDuplicateSections,
  awsConfigNoInlineComment,
  awsConfigProfileSectionPrefix,
  awsConfigKnownKeys,
  awsConfigSourceProfileExists,
  awsConfigNoSourceProfileLoop,
  awsConfigNoSourceWithCredentialSource,
  trustAllowsSessionTags,
  externalIdRequired,
  mfaRequired,
  noUnsafeContextValues,
  noPlaceholderValues,
]);

/** Rules by id. */
export const rulesById: ReadonlyMap<string, Rule<any>> = new Map(rules.map((rule) => [rule.id, rule]));

export const presets: Presets = presetsOf(rules);

/** The registered rule that reports a validator issue (see `_shared/registry.ts`). */
export function ruleForIssue(issue: Issue): Rule<any> | undefined {
  return ruleForIssueIn(rules, issue);
}

export { presetsOf, ruleDocsUrl } from './_shared/registry.js';
export type { Preset, Presets } from './_shared/registry.js';
export { parameterRule } from './_shared/parameter-rule.js';
export type { ParameterRuleSpec, ValidatorRule } from './_shared/parameter-rule.js';
