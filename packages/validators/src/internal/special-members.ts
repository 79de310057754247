/** Per-member semantic checks beyond the schema: ARNs, TokenCode, DurationSeconds, ProviderId, Policy grammar. */
import type { ErrorObject } from 'ajv';
import { formatMessage, policyGrammarMessages, reasons } from '../messages.js';
import { DOCUMENTED_LIMITS, type MemberConstraints } from '../schema/registry.js';
import { checkPolicyDocument } from '../policy/grammar.js';
import { isCleanPolicy } from '../policy/quick.js';
import type { Issue, IssueSeverity } from '../types.js';
import { AWS_TEXTS, awsValidationMessage } from './aws.js';
import type { ArnProblem } from './arn.js';
import type { Ctx } from './context.js';
import { makeIssue } from './issue.js';
import { classMatcher } from './schema-issue.js';
import { pathOf, type Segments, type Sink, type Where } from './sink.js';
import { codePointLength, firstDisallowed, labelOf, plural, quote } from './text.js';

export function arnIssue(
  code: 'notARoleArn' | 'notASamlProviderArn' | 'invalidPolicyArn',
  member: string,
  segments: Segments,
  problem: ArnProblem,
  awsMessage?: string,
): Issue {
  const data: Record<string, string | number> = { ...problem.data, parameter: labelOf(member, segments) };
  data.reason = formatMessage(reasons[problem.reason], data);
  return makeIssue({ code, parameter: member, path: pathOf(member, segments), data, ...(awsMessage ? { awsMessage } : {}) });
}

/** TokenCode: one clear issue instead of raw length/pattern findings; the code itself is never shown. */
export function tokenCodeIssue(w: Where, c: MemberConstraints, value: string, errors: readonly ErrorObject[]): Issue {
  const length = codePointLength(value);
  const digits = c.charClass ? classMatcher(c.charClass) : /^\d$/u;
  const allDigits = firstDisallowed(value, digits) === undefined;
  const limit = c.maxLength ?? c.minLength ?? 0;
  const description = `${plural(length, 'character')}${allDigits ? '' : ', not all digits'}`;
  const first = errors[0];
  let awsMessage: string | undefined;
  if (first?.keyword === 'minLength' || first?.keyword === 'maxLength') {
    awsMessage = awsValidationMessage(c.wireName, value, true, first.keyword, Number((first.params as { limit: number }).limit));
  } else if (first?.keyword === 'pattern') {
    awsMessage = awsValidationMessage(c.wireName, value, true, 'pattern', c.modelPattern ?? c.pattern ?? '');
  }
  return makeIssue({
    code: 'invalidTokenCode',
    parameter: w.member,
    path: pathOf(w.member, []),
    data: { parameter: w.member, limit, description, length },
    limit,
    actual: length,
    ...(awsMessage ? { awsMessage } : {}),
  });
}

/** DurationSeconds against role chaining (AssumeRole only) and the role's MaxSessionDuration. */
export function checkDuration(ctx: Ctx, c: MemberConstraints, value: unknown, sink: Sink): void {
  if (typeof value !== 'number' || !Number.isInteger(value)) return;
  if (c.min !== undefined && value < c.min) return;
  const chain = DOCUMENTED_LIMITS.roleChainingMaxDuration.value;
  // Role chaining is calling AssumeRole with role credentials; the web-identity and SAML calls are unsigned.
  const chained = ctx.operation === 'AssumeRole' && ctx.roleChaining && value > chain;
  const overMax = ctx.maxSessionDuration !== undefined && value > ctx.maxSessionDuration;
  if (!chained && !overMax) return;
  // Report the tighter cap: it is the one the value has to get under (reference §5.1.1, §5.1.2).
  const useChain = chained && (!overMax || chain <= (ctx.maxSessionDuration as number));
  const limit = useChain ? chain : (ctx.maxSessionDuration as number);
  const awsMessage = useChain ? AWS_TEXTS.roleChainingDurationExceeded : AWS_TEXTS.maxSessionDurationExceeded;
  sink.add(
    makeIssue({
      code: useChain ? 'roleChainingDurationExceeded' : 'maxSessionDurationExceeded',
      parameter: 'DurationSeconds',
      path: '/DurationSeconds',
      data: { parameter: 'DurationSeconds', actual: value, limit },
      limit,
      actual: value,
      ...(awsMessage ? { awsMessage } : {}),
    }),
  );
}

/** ProviderId: only the documented OAuth 2.0 hosts, as a bare host name (reference §5.4.5). */
export function checkProviderId(value: unknown, sink: Sink): void {
  if (typeof value !== 'string') return;
  const hosts = DOCUMENTED_LIMITS.providerIdHosts.value;
  if (hosts.includes(value)) return;
  const host = value
    .replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\//, '')
    .replace(/[/?#].*$/s, '')
    .replace(/:\d*$/, '');
  const data: Record<string, string | number> = {
    parameter: 'ProviderId',
    found: quote(value),
    hosts: hosts.join(' and '),
    suggestion: host,
  };
  const reason = host !== value && hosts.includes(host.toLowerCase()) ? 'hostWithSchemeOrPort' : 'notAllowedHost';
  if (reason === 'hostWithSchemeOrPort') data.suggestion = host.toLowerCase();
  data.reason = formatMessage(reasons[reason], data);
  sink.add(makeIssue({ code: 'providerIdNotAllowed', parameter: 'ProviderId', path: '/ProviderId', data }));
}

/** Policy grammar findings as issues under `/Policy/...`. */
export function checkPolicyGrammar(value: unknown, sink: Sink): void {
  if (typeof value !== 'string') return;
  // A clean policy has no finding to report; the scanner (or its memory) says so in a fraction of the checker's
  // time, which matters when another member sends a request down this detailed pass.
  if (isCleanPolicy(value)) return;
  const result = checkPolicyDocument(value);
  if (result.jsonError) {
    const j = result.jsonError;
    sink.add(
      makeIssue({
        code: 'invalidPolicyJson',
        parameter: 'Policy',
        path: '/Policy',
        data: { parameter: 'Policy', error: j.message, errorCode: j.code, offset: j.start, line: j.line, column: j.column },
        range: { start: j.start, end: j.end },
      }),
    );
    return;
  }
  for (const f of result.findings) {
    const parameter = labelOf('Policy', f.segments);
    const data: Record<string, string | number> = { ...f.data, parameter, rule: f.rule };
    data.detail = formatMessage(policyGrammarMessages[f.rule], data);
    sink.add(
      makeIssue({
        code: 'invalidPolicyGrammar',
        parameter: 'Policy',
        path: pathOf('Policy', f.segments),
        data,
        severity: f.severity as IssueSeverity,
        range: { start: f.start, end: f.end },
      }),
    );
  }
}
