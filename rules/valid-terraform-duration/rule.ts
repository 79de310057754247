import type { Rule } from '@rolecall/core';
import type { RuleConstraints } from '../_shared/constraints.js';
import { formatGoDuration } from '@rolecall/core';
import { DEFAULT_PROFILE, memberConstraints, resolveProfile } from '@rolecall/validators';

/** The fact the Terraform extractor records for a `duration` Go's `time.ParseDuration` rejects or STS cannot take. */
const FACT = 'terraform/invalid-duration';

const MESSAGE_FOR: Readonly<Record<string, string>> = {
  'missing-unit': 'missingUnit',
  'unknown-unit': 'unknownUnit',
  invalid: 'invalid',
  negative: 'negative',
  fractional: 'fractional',
  'removed-duration-seconds': 'removedDurationSeconds',
};

const rule: Rule = {
  id: 'valid-terraform-duration',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require Terraform `duration` values to be Go durations of whole seconds, such as "1h" or "2h45m".',
      recommended: true,
      awsSource: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_RequestParameters',
    },
    defaultSeverity: 'error',
    parameters: ['DurationSeconds'],
    facts: [FACT],
    messages: {
      missingUnit: '{{key}} {{value}} has no unit: Terraform reads it as a Go duration and rejects it ("missing unit in duration"). Write "{{suggestion}}"; STS accepts {{min}} to {{max}}.',
      unknownUnit: '{{key}} {{value}} uses the unit "{{unit}}", which Go durations do not have (ns, us, ms, s, m, h); STS accepts {{min}} to {{max}}.',
      invalid: '{{key}} {{value}} is not a Go duration such as "1h" or "2h45m"; STS accepts {{min}} to {{max}}.',
      negative: '{{key}} {{value}} is negative; STS accepts {{min}} to {{max}}.',
      fractional: '{{key}} {{value}} is not a whole number of seconds; the AWS SDK for Go truncates it to {{seconds}} seconds.',
      removedDurationSeconds: '{{key}} was removed in AWS provider 5.0, which rejects it; write duration as a Go duration instead (STS accepts {{min}} to {{max}}).',
      removedDurationSecondsValue: '{{key}} was removed in AWS provider 5.0, which rejects it; write duration = "{{suggestion}}" instead (STS accepts {{min}} to {{max}}).',
    },
    help: 'Write the duration with a unit, between 15m and 12h (or up to the role\'s MaxSessionDuration): "1h", "90m", "2h45m".',
  },
  checkFact(fact, context) {
    let messageId = MESSAGE_FOR[String(fact.data?.['reason'])];
    if (messageId === undefined) return;
    if (messageId === 'removedDurationSeconds' && typeof fact.data?.['seconds'] === 'number') messageId = 'removedDurationSecondsValue';
    const profile = resolveProfile(context.settings.stsModel) ?? DEFAULT_PROFILE;
    const range = memberConstraints(profile, 'AssumeRole', 'DurationSeconds');
    const seconds = fact.data?.['seconds'];
    context.report({
      messageId,
      data: {
        ...fact.data,
        min: formatGoDuration(range?.min ?? 0),
        max: formatGoDuration(range?.max ?? 0),
        ...(typeof seconds === 'number' ? { suggestion: formatGoDuration(seconds) } : {}),
      },
      ...(fact.related !== undefined ? { related: fact.related } : {}),
    });
  },
};

export default rule;

export const constraints: RuleConstraints = { members: ['DurationSeconds'] };
