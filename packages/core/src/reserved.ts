import type { ReservedRuleId, Severity } from './diagnostic.js';

export interface ReservedRuleMeta {
  readonly description: string;
  /** Severity used unless `ruleSettings` overrides it (only the `configurable` ids can be changed). */
  readonly defaultSeverity: Severity | 'off';
  /** Whether `ruleSettings[id]` may change the severity or turn the id off. */
  readonly configurable: boolean;
  readonly messages: Readonly<Record<string, string>>;
}

/**
 * Metadata of the reserved ids under which the tool reports its own problems. Formatters use it
 * like rule `meta` (SARIF rule descriptors, the JSON `rules` table); the engine takes its
 * messages from here so every tool message has one template.
 */
export const RESERVED_RULES: Readonly<Record<ReservedRuleId, ReservedRuleMeta>> = {
  'parse-error': {
    description: 'The file could not be read as the format its extractor expects.',
    defaultSeverity: 'error',
    configurable: false,
    messages: { parseError: '{{message}}' },
  },
  'config-error': {
    description: 'A configuration or suppression directive is invalid.',
    defaultSeverity: 'error',
    configurable: false,
    messages: {
      unknownRule: "Unknown rule '{{rule}}' in {{directive}} directive.",
      unknownRuleDidYouMean: "Unknown rule '{{rule}}' in {{directive}} directive. Did you mean '{{suggestion}}'?",
    },
  },
  'internal-error': {
    description: 'A rule failed; the rest of the run went on. Please report it.',
    defaultSeverity: 'error',
    configurable: false,
    messages: {
      ruleThrew: "Rule '{{rule}}' failed on this call: {{error}}",
      extractorThrew: "Extractor '{{extractor}}' failed on this file: {{error}}",
      projectThrew: "The project pass of extractor '{{extractor}}' failed: {{error}}",
      unknownMessageId: "Rule '{{rule}}' reported unknown messageId '{{messageId}}'.",
      missingPlaceholder: "Rule '{{rule}}' reported '{{messageId}}' without data for placeholder '{{placeholder}}'.",
    },
  },
  'unused-disable': {
    description: 'A suppression directive suppressed nothing.',
    defaultSeverity: 'warning',
    configurable: true,
    messages: {
      unusedDisable: "Unused {{directive}} directive (no problems were reported from '{{rule}}').",
      unusedDisableAll: 'Unused {{directive}} directive (no problems were reported).',
    },
  },
  'disable-without-reason': {
    description: 'A suppression directive gives no reason after `--`.',
    defaultSeverity: 'warning',
    configurable: true,
    messages: { missingReason: "{{directive}} directive has no reason; add one after ' -- '." },
  },
  'unresolved-value': {
    description: 'A parameter value is not known statically, so rules checked only its known parts.',
    defaultSeverity: 'off',
    configurable: true,
    messages: { unresolvedValue: '{{key}} is not known statically ({{expression}}); rolecall checked only what is known.' },
  },
};
