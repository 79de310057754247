import type { Settings } from '@rolecall/core';
import { awsConfigExtractor } from '@rolecall/extractor-aws-config';
import { cloudFormationExtractor } from '@rolecall/extractor-cloudformation';
import { codebuildExtractor, githubActionsExtractor, gitlabCiExtractor } from '@rolecall/extractor-github-actions';
import { inputJsonExtractor } from '@rolecall/extractor-input-json';
import { shellExtractor } from '@rolecall/extractor-shell';
import { terraformExtractor } from '@rolecall/extractor-terraform';
import { typescriptExtractor } from '@rolecall/extractor-typescript';
import { presets, rules } from '@rolecall/rules';
import { DEFAULT_PROFILE, IAM, memberConstraints, membersOf, PROFILES, resolveProfile } from '@rolecall/validators';
import { OPERATIONS } from '@rolecall/core';
import type { Registry } from './registry.js';
import { closest } from './text.js';

/** Settings checks with the validators' own data (STS model names, IAM's MaxSessionDuration range). */
function checkSettings(settings: Settings): { key: keyof Settings; message: string }[] {
  const problems: { key: keyof Settings; message: string }[] = [];
  if (settings.stsModel !== undefined && resolveProfile(settings.stsModel) === undefined) {
    const hint = closest(settings.stsModel, PROFILES);
    problems.push({
      key: 'stsModel',
      message: `unknown STS model "${settings.stsModel}"${hint !== undefined ? ` (did you mean "${hint}"?)` : ''} (expected one of: ${PROFILES.join(', ')})`,
    });
  }
  const duration = settings.maxSessionDuration;
  const { min, max } = IAM.maxSessionDuration;
  if (duration !== undefined && (duration < min || duration > max)) {
    problems.push({ key: 'maxSessionDuration', message: `maxSessionDuration is ${duration}; IAM allows a role's MaxSessionDuration from ${min} to ${max} seconds` });
  }
  return problems;
}

/** Members the validators' constraints mark sensitive (WebIdentityToken, SAMLAssertion, TokenCode). */
const sensitiveMembers: readonly string[] = [
  ...new Set(OPERATIONS.flatMap((op) => membersOf(DEFAULT_PROFILE, op).filter((m) => memberConstraints(DEFAULT_PROFILE, op, m)?.sensitive === true))),
].sort();

export const defaultRegistry: Registry = {
  sensitiveMembers,
  rules,
  presets,
  extractors: [inputJsonExtractor, githubActionsExtractor, gitlabCiExtractor, codebuildExtractor, shellExtractor, terraformExtractor, typescriptExtractor, awsConfigExtractor, cloudFormationExtractor],
  profiles: PROFILES,
  checkSettings,
};
