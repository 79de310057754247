import type { Settings } from '@rolecall/core';
import { inputJsonExtractor } from '@rolecall/extractor-input-json';
import { presets, rules } from '@rolecall/rules';
import { IAM, PROFILES, resolveProfile } from '@rolecall/validators';
import type { Registry } from './registry.js';
import { closest } from './text.js';

/** Settings checks with the validators' own data (profile names, IAM's MaxSessionDuration range). */
function checkSettings(settings: Settings): { key: keyof Settings; message: string }[] {
  const problems: { key: keyof Settings; message: string }[] = [];
  if (settings.profile !== undefined && resolveProfile(settings.profile) === undefined) {
    const hint = closest(settings.profile, PROFILES);
    problems.push({
      key: 'profile',
      message: `unknown profile "${settings.profile}"${hint !== undefined ? ` (did you mean "${hint}"?)` : ''} (expected one of: ${PROFILES.join(', ')})`,
    });
  }
  const duration = settings.maxSessionDuration;
  const { min, max } = IAM.maxSessionDuration;
  if (duration !== undefined && (duration < min || duration > max)) {
    problems.push({ key: 'maxSessionDuration', message: `maxSessionDuration is ${duration}; IAM allows a role's MaxSessionDuration from ${min} to ${max} seconds` });
  }
  return problems;
}

export const defaultRegistry: Registry = {
  rules,
  presets,
  extractors: [inputJsonExtractor],
  profiles: PROFILES,
  checkSettings,
};
