import type { Rule } from '@rolecall/core';
import type { RuleConstraints } from '../_shared/constraints.js';
import { formatGoDuration } from '@rolecall/core';
import { IAM } from '@rolecall/validators';

/**
 * A role definition's MaxSessionDuration (Terraform `max_session_duration`, CloudFormation
 * `MaxSessionDuration`, CDK `maxSessionDuration`) must be whole seconds in IAM's range.
 */
const rule: Rule = {
  id: 'valid-max-session-duration',
  meta: {
    type: 'problem',
    docs: {
      description: "Require a role's MaxSessionDuration to be whole seconds within the range IAM accepts.",
      recommended: true,
      awsSource: 'https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html',
    },
    defaultSeverity: 'error',
    parameters: [],
    messages: {
      roleMaxSessionDurationOutOfRange: '{{key}} is {{actual}} seconds; IAM accepts a role\'s MaxSessionDuration from {{min}} to {{max}} seconds ({{minText}} to {{maxText}}).',
      roleMaxSessionDurationNotWhole: '{{key}} is {{actual}}; IAM accepts whole seconds from {{min}} to {{max}} ({{minText}} to {{maxText}}).',
      roleMaxSessionDurationNotANumber: '{{key}} is {{actual}}, not a number of seconds; IAM accepts {{min}} to {{max}} ({{minText}} to {{maxText}}).',
    },
    help: 'Set the role\'s MaxSessionDuration in seconds, from one hour (3600) to twelve hours (43200).',
  },
  checkRole(role, context) {
    const property = role.maxSessionDuration;
    const node = property?.value;
    if (property === undefined || node?.kind !== 'literal') return;
    const { min, max } = IAM.maxSessionDuration;
    const range = { key: property.key, min, max, minText: formatGoDuration(min), maxText: formatGoDuration(max) };
    const raw = node.value;
    // `null` is "not set" (Terraform modules pass it through); IAM's default applies.
    if (raw === null) return;
    // Terraform and CloudFormation both turn a quoted "3600" into a number.
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : undefined;
    if (n === undefined) {
      context.report({ messageId: 'roleMaxSessionDurationNotANumber', node, data: { ...range, actual: JSON.stringify(raw) } });
    } else if (!Number.isInteger(n)) {
      context.report({ messageId: 'roleMaxSessionDurationNotWhole', node, data: { ...range, actual: n } });
    } else if (n < min || n > max) {
      context.report({ messageId: 'roleMaxSessionDurationOutOfRange', node, data: { ...range, actual: n } });
    }
  },
};

export default rule;

export const constraints: RuleConstraints = { documented: ['maxSessionDuration'] };
