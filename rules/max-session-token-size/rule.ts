import type { AssumeRoleCall, Rule, RuleContext, StsMember } from '@rolecall/core';
import { defineRule, materializeCall } from '@rolecall/core';
import { estimateSessionToken, type BreakdownEntry, type EstimateOptions, type SessionTokenEstimate, type SessionTag, type TokenFormat } from '@rolecall/validators';

export interface MaxSessionTokenSizeOptions {
  /** `auto` (default): the token limit, plus the legacy limits for the aws-cn partition, whose regions AWS did not name in the 2026-09-15 change. */
  readonly regime?: 'auto' | 'both' | 'legacy' | 'token';
  readonly tokenFormat?: TokenFormat;
  readonly tokenLimitBytes?: number;
  /** Tags (with values) that the calling session passes on; the `inheritedTransitiveTagKeys` setting gives keys only. */
  readonly inheritedTransitiveTags?: readonly SessionTag[];
}

/** What the token carries (and where a finding is placed); MinimumSessionTokenSize only pads it. */
const MEMBERS: readonly StsMember[] = ['Policy', 'PolicyArns', 'Tags'];

/** The member a breakdown path is in, when it is a request member (`/Tags/3` → `Tags`). */
function memberOf(path: string): StsMember | undefined {
  const first = path.split('/')[1];
  return MEMBERS.find((m) => m === first);
}

function largest(estimate: SessionTokenEstimate, component: 'policy' | 'tags' | 'any'): BreakdownEntry | undefined {
  return estimate.breakdown.filter((e) => e.component !== 'token' && (component === 'any' || e.component === component)).sort((a, b) => b.sessionTokenBytes - a.sessionTokenBytes)[0];
}

function report(context: RuleContext<MaxSessionTokenSizeOptions>, messageId: string, data: Record<string, string | number>, part: BreakdownEntry | undefined): void {
  const member = part ? memberOf(part.path) : undefined;
  context.report({
    messageId,
    data: { ...data, largest: part ? `${part.label}, ${part.sessionTokenBytes} bytes` : 'none' },
    ...(member && part ? { path: part.path, parameter: member } : {}),
  });
}

const rule: Rule<MaxSessionTokenSizeOptions> = defineRule<MaxSessionTokenSizeOptions>({
  id: 'max-session-token-size',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Warn when the estimated SessionTokenSize of the session policies and tags nears or exceeds the session-token maximum.',
      recommended: true,
      awsSource: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html',
    },
    defaultSeverity: 'warning',
    parameters: [...MEMBERS, 'MinimumSessionTokenSize'],
    messages: {
      tokenTooLarge:
        'SessionTokenSize is estimated at {{bytes}} bytes (between {{low}} and {{high}}), SessionTokenUtilization {{utilization}} %; STS accepts at most {{limit}} bytes. Largest part: {{largest}}.',
      tokenNearLimit:
        'SessionTokenSize is estimated at {{bytes}} bytes{{minimum}} and could reach {{high}}, SessionTokenUtilization {{utilization}} %; STS accepts at most {{limit}} bytes. Largest part: {{largest}}.',
      policyTooLarge:
        'Policy and PolicyArns are estimated at {{percent}} % of the legacy packed-policy limit (between {{low}} and {{high}} %); STS accepts at most 100 % where that limit applies. Largest part: {{largest}}.',
      policyNearLimit:
        'Policy and PolicyArns are estimated at {{percent}} % of the legacy packed-policy limit and could reach {{high}} %; STS accepts at most 100 % where that limit applies. Largest part: {{largest}}.',
      tagsTooLarge:
        'Session tags are estimated at {{percent}} % of the legacy packed-tag limit (between {{low}} and {{high}} %); STS accepts at most 100 % where that limit applies. Largest part: {{largest}}.',
      tagsNearLimit:
        'Session tags are estimated at {{percent}} % of the legacy packed-tag limit and could reach {{high}} %; STS accepts at most 100 % where that limit applies. Largest part: {{largest}}.',
    },
    schema: {
      type: 'object',
      properties: {
        regime: { enum: ['auto', 'both', 'legacy', 'token'] },
        tokenFormat: { enum: ['regional', 'global-legacy'] },
        tokenLimitBytes: { type: 'integer', minimum: 1 },
        inheritedTransitiveTags: {
          type: 'array',
          items: { type: 'object', properties: { Key: { type: 'string' }, Value: { type: 'string' } }, required: ['Key', 'Value'], additionalProperties: false },
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { regime: 'auto' },
    help: 'Merge statements that share resources, move stable permissions into a managed policy passed by ARN, shorten tag keys or drop optional tags (suggestShrink in @rolecall/validators measures each).',
  },
  check(call: AssumeRoleCall, context: RuleContext<MaxSessionTokenSizeOptions>): void {
    const { input, unknownMembers } = materializeCall(call);
    // Never guess: a policy or tag list that is not fully known makes the estimate meaningless.
    if (MEMBERS.some((m) => unknownMembers.has(m))) return;
    const options = context.options;
    const inherited: SessionTag[] = options.inheritedTransitiveTags
      ? [...options.inheritedTransitiveTags]
      : // Keys without values: a lower bound of what they cost.
        (context.settings.inheritedTransitiveTagKeys ?? []).map((Key) => ({ Key, Value: '' }));
    const roleArn = input['RoleArn'];
    const china = typeof roleArn === 'string' && roleArn.startsWith('arn:aws-cn:');
    const regime = options.regime === undefined || options.regime === 'auto' ? (china ? 'both' : 'token') : options.regime;
    const estimateOptions: EstimateOptions = {
      inheritedTransitiveTags: inherited,
      operation: call.operation,
      regime,
      ...(options.tokenFormat ? { tokenFormat: options.tokenFormat } : {}),
      ...(options.tokenLimitBytes ? { tokenLimitBytes: options.tokenLimitBytes } : {}),
    };
    const estimate = estimateSessionToken(input, estimateOptions);
    // An input the estimator cannot measure (a policy that is not JSON) is valid-policy's to report.
    if (estimate.verdict === 'unknown' || estimate.verdict === 'fits') return;

    if (regime !== 'legacy') {
      const token = estimate.sessionToken;
      const v = estimate.verdicts.sessionToken;
      const figures = { bytes: token.sessionTokenSize, high: token.high, limit: token.limit, utilization: token.sessionTokenUtilization };
      if (v === 'exceeds') report(context, 'tokenTooLarge', { ...figures, low: token.low }, largest(estimate, 'any'));
      else if (v === 'near-limit') {
        // The floor is named when it is what the figure shows (padding alone never reaches the verdict).
        const minimum = token.minimumSessionTokenSize !== undefined ? ` (at least MinimumSessionTokenSize ${token.minimumSessionTokenSize})` : '';
        report(context, 'tokenNearLimit', { ...figures, minimum }, largest(estimate, 'any'));
      }
    }
    if (regime !== 'token') {
      for (const component of ['policy', 'tags'] as const) {
        const band = estimate.legacy[component];
        const v = component === 'policy' ? estimate.verdicts.legacyPolicy : estimate.verdicts.legacyTags;
        if (v === 'exceeds') report(context, `${component}TooLarge`, { percent: band.percent, low: band.low, high: band.high }, largest(estimate, component));
        else if (v === 'near-limit') report(context, `${component}NearLimit`, { percent: band.percent, high: band.high }, largest(estimate, component));
      }
    }
  },
});

export default rule;
