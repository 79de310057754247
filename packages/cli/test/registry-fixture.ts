import type { Rule, Settings } from '@rolecall/core';
import { defineRule, getParameter } from '@rolecall/core';
import { inputJsonExtractor } from '@rolecall/extractor-input-json';
import type { Registry } from '../src/registry.js';

/** A small rule set for testing the CLI's plumbing without depending on the real rules. */
export const sessionNameLength: Rule<{ max?: number }> = defineRule<{ max?: number }>({
  id: 'session-name-length',
  meta: {
    type: 'problem',
    docs: { description: 'RoleSessionName is not too long.', recommended: true, awsSource: 'https://example.invalid/sts' },
    defaultSeverity: 'error',
    parameters: ['RoleSessionName'],
    messages: { tooLong: '{{key}} is {{length}} characters; STS accepts at most {{max}}.' },
    schema: { type: 'object', properties: { max: { type: 'integer', minimum: 1 } }, additionalProperties: false },
    defaultOptions: { max: 64 },
  },
  check(call, context) {
    const p = getParameter(call, 'RoleSessionName');
    const max = context.options.max ?? 64;
    if (p?.value.kind === 'literal' && typeof p.value.value === 'string' && p.value.value.length > max) {
      context.report({ messageId: 'tooLong', node: p.value, data: { key: p.key, length: p.value.value.length, max } });
    }
  },
});

export const noExternalId: Rule = defineRule({
  id: 'no-external-id',
  meta: {
    type: 'suggestion',
    docs: { description: 'Flags ExternalId (test rule).', recommended: false, awsSource: 'https://example.invalid/sts' },
    defaultSeverity: 'warning',
    parameters: ['ExternalId'],
    messages: { present: 'ExternalId is set.' },
  },
  check(call, context) {
    if (getParameter(call, 'ExternalId')) context.report({ messageId: 'present', parameter: 'ExternalId' });
  },
});

export const throwsOnTags: Rule = defineRule({
  id: 'throws-on-tags',
  meta: {
    type: 'problem',
    docs: { description: 'Throws (test rule).', recommended: false, awsSource: 'https://example.invalid/sts' },
    defaultSeverity: 'error',
    parameters: ['Tags'],
    messages: {},
  },
  check() {
    throw new Error('boom');
  },
});

export const testRegistry: Registry = {
  rules: [sessionNameLength, noExternalId, throwsOnTags],
  presets: { recommended: { 'session-name-length': 'error' }, strict: { 'session-name-length': 'error', 'no-external-id': 'warning' } },
  extractors: [inputJsonExtractor],
  profiles: ['current', 'botocore-2015-04-27'],
  sensitiveMembers: ['SAMLAssertion', 'TokenCode', 'WebIdentityToken'],
  checkSettings(settings: Settings) {
    const out: { key: keyof Settings; message: string }[] = [];
    if (settings.stsModel !== undefined && !['current', 'botocore-2015-04-27'].includes(settings.stsModel)) {
      out.push({ key: 'stsModel', message: `unknown STS model "${settings.stsModel}"` });
    }
    return out;
  },
};
