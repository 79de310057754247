/**
 * The detailed pass over one member: the generated validator's errors turned into issues, then the semantic rules
 * that concern that member alone. Values reaching here are plain data (see snapshot.ts).
 */
import type { ErrorObject } from 'ajv';
import { createScanner } from 'jsonc-parser';
import { formatMessage, policyGrammarMessages, reasons, typeNames } from '../messages.js';
import { DOCUMENTED_LIMITS, memberConstraints, memberValidator, type MemberConstraints } from '../schema/registry.js';
import { checkPolicyDocument } from '../policy/grammar.js';
import type { Issue, IssueCode, IssueSeverity } from '../types.js';
import { awsInvalidRoleArn, AWS_TEXTS, awsValidationMessage } from './aws.js';
import { isMalformedArn, policyArnProblem, roleArnProblem, roleNameOf, samlProviderArnProblem, type ArnProblem } from './arn.js';
import type { Ctx } from './context.js';
import { makeIssue } from './issue.js';
import {
  codePointLength,
  describeCharacter,
  describeReceived,
  equalsIgnoreCase,
  firstDisallowed,
  labelOf,
  plural,
  pointerToken,
  quote,
  segmentsOfPointer,
  startsWithIgnoreCase,
} from './text.js';

type Segments = readonly (string | number)[];

/** jsonc-parser's SyntaxKind.EOF (a `const enum` in its typings, which isolatedModules cannot read). */
const SCAN_EOF = 17;

export function pathOf(member: string, segments: Segments): string {
  let p = `/${pointerToken(member)}`;
  for (const s of segments) p += `/${pointerToken(s)}`;
  return p;
}

const charClassCache = new Map<string, RegExp>();
/** One-character matcher for a member's character class, compiled once per class. */
function classMatcher(charClass: string): RegExp {
  let re = charClassCache.get(charClass);
  if (!re) {
    re = new RegExp(`^${charClass}$`, 'u');
    charClassCache.set(charClass, re);
  }
  return re;
}

function constraintsAt(c: MemberConstraints, segments: Segments): MemberConstraints | undefined {
  let node: MemberConstraints | undefined = c;
  for (const s of segments) {
    if (!node) return undefined;
    node = typeof s === 'number' ? node.items : node.fields?.[s];
  }
  return node;
}

function valueAt(value: unknown, segments: Segments): unknown {
  let v = value;
  for (const s of segments) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string | number, unknown>)[s];
  }
  return v;
}

/** Issues of one member go through this sink so the per-member special cases can see what is already reported. */
export class Sink {
  readonly issues: Issue[] = [];
  add(issue: Issue): void {
    this.issues.push(issue);
  }
  has(path: string, code: IssueCode): boolean {
    return this.issues.some((i) => i.path === path && i.code === code);
  }
}

interface Where {
  readonly ctx: Ctx;
  readonly member: string;
  readonly segments: Segments;
}

function paramLabel(w: Where): string {
  return labelOf(w.member, w.segments);
}

/** awsMessage only for top-level members, where the manifest gives the wire name STS prints. */
function aws(
  w: Where,
  c: MemberConstraints,
  value: unknown,
  kind: Parameters<typeof awsValidationMessage>[3],
  limit: number | string,
): string | undefined {
  if (w.segments.length > 0) return undefined;
  return awsValidationMessage(c.wireName, value, c.sensitive, kind, limit);
}

function schemaIssue(w: Where, root: MemberConstraints, value: unknown, e: ErrorObject, sink: Sink): void {
  const segments = [...w.segments, ...segmentsOfPointer(e.instancePath)];
  const at: Where = { ...w, segments };
  const c = constraintsAt(root, segments.slice(w.segments.length)) ?? root;
  const v = valueAt(value, segments.slice(w.segments.length));
  const parameter = paramLabel(at);
  const path = pathOf(w.member, segments);
  const params = e.params as Record<string, unknown>;
  const sensitive = c.sensitive;

  switch (e.keyword) {
    case 'type': {
      const expected = String(params.type);
      if (expected === 'integer' && typeof v === 'number' && Number.isFinite(v)) {
        sink.add(
          makeIssue({
            code: 'notAnInteger',
            parameter: w.member,
            path,
            data: { parameter, actual: v, min: c.min ?? '-∞', max: c.max ?? '∞' },
            actual: v,
          }),
        );
        return;
      }
      const name = expected in typeNames ? typeNames[expected as keyof typeof typeNames] : `a ${expected}`;
      sink.add(
        makeIssue({
          code: 'invalidType',
          parameter: w.member,
          path,
          data: { parameter, expected: name, received: describeReceived(v, sensitive) },
        }),
      );
      return;
    }
    case 'required': {
      const missing = String(params.missingProperty);
      sink.add(
        makeIssue({
          code: 'missingRequired',
          parameter: w.member,
          path: `${path}/${pointerToken(missing)}`,
          data: { parameter: labelOf(parameter, [missing]), operation: w.ctx.operation },
        }),
      );
      return;
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const fields = Object.keys(c.fields ?? {});
      const match = fields.find((f) => equalsIgnoreCase(f, extra));
      sink.add(
        makeIssue({
          code: 'unknownParameter',
          parameter: w.member,
          path: `${path}/${pointerToken(extra)}`,
          data: {
            parameter: labelOf(parameter, [extra]),
            operation: w.ctx.operation,
            hint: match
              ? ` Did you mean "${labelOf(parameter, [match])}"?`
              : fields.length > 0
                ? ` Expected ${fields.map((f) => `"${f}"`).join(' or ')}.`
                : '',
          },
        }),
      );
      return;
    }
    case 'minLength':
    case 'maxLength': {
      const limit = Number(params.limit);
      const actual = typeof v === 'string' ? codePointLength(v) : 0;
      const tooLong = e.keyword === 'maxLength';
      sink.add(
        makeIssue({
          code: tooLong ? 'tooLong' : 'tooShort',
          parameter: w.member,
          path,
          data: tooLong ? { parameter, actual, limit } : { parameter, actual, limit, length: plural(actual, 'character') },
          limit,
          actual,
          awsMessage: aws(at, c, v, e.keyword, limit),
        }),
      );
      return;
    }
    case 'pattern': {
      if (typeof v !== 'string') return;
      let from = 0;
      if (w.member === 'SourceIdentity' && w.segments.length === 0 && startsWithIgnoreCase(v, reservedPrefix())) {
        // The reservedPrefix issue explains the ':'; report only characters after the prefix (reference §2: ':' is
        // already outside the pattern, so the model alone would give the less helpful message).
        from = reservedPrefix().length;
      }
      const matcher = c.charClass ? classMatcher(c.charClass) : undefined;
      const bad = matcher ? firstDisallowed(v, matcher, from) : { index: from, char: v.charAt(from) };
      if (!bad) return;
      const allowed = c.modelCharClass ?? c.charClass ?? c.modelPattern ?? c.pattern ?? '';
      sink.add(
        makeIssue({
          code: 'invalidCharacters',
          parameter: w.member,
          path,
          data: {
            parameter,
            character: sensitive ? 'a character' : describeCharacter(bad.char),
            position: bad.index + 1,
            allowed,
          },
          ...(sensitive ? {} : { actual: bad.char }),
          range: { start: bad.index, end: bad.index + bad.char.length },
          awsMessage: aws(at, c, v, 'pattern', c.modelPattern ?? c.pattern ?? ''),
        }),
      );
      return;
    }
    case 'minimum':
    case 'maximum': {
      const limit = Number(params.limit);
      const actual = typeof v === 'number' ? v : Number(v);
      sink.add(
        makeIssue({
          code: 'outOfRange',
          parameter: w.member,
          path,
          data: { parameter, actual, min: c.min ?? '-∞', max: c.max ?? '∞' },
          limit,
          actual,
          awsMessage: aws(at, c, v, e.keyword, limit),
        }),
      );
      return;
    }
    case 'minItems':
    case 'maxItems': {
      const limit = Number(params.limit);
      const actual = Array.isArray(v) ? v.length : 0;
      sink.add(
        makeIssue({
          code: e.keyword === 'maxItems' ? 'tooManyItems' : 'tooFewItems',
          parameter: w.member,
          path,
          data: { parameter, actual, limit },
          limit,
          actual,
        }),
      );
      return;
    }
    default:
      // Keywords the generated schemas do not use today; reported rather than dropped.
      sink.add(
        makeIssue({
          code: 'invalidType',
          parameter: w.member,
          path,
          data: { parameter, expected: `a value satisfying "${e.keyword}"`, received: describeReceived(v, sensitive) },
        }),
      );
  }
}

function reservedPrefix(): string {
  return DOCUMENTED_LIMITS.reservedPrefix.value;
}

function arnIssue(
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
function tokenCodeIssue(w: Where, c: MemberConstraints, value: string, errors: readonly ErrorObject[]): Issue {
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

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Tag keys of a Tags value, with their indices (non-string keys are skipped: the schema reports them). */
export function tagKeys(tags: unknown): { readonly index: number; readonly key: string }[] {
  const out: { index: number; key: string }[] = [];
  if (!Array.isArray(tags)) return out;
  tags.forEach((t, index) => {
    if (isRecord(t) && typeof t.Key === 'string') out.push({ index, key: t.Key });
  });
  return out;
}

function checkTags(ctx: Ctx, tags: unknown, sink: Sink): void {
  if (!Array.isArray(tags)) return;
  const prefix = reservedPrefix();
  const keys = tagKeys(tags);
  tags.forEach((t, i) => {
    if (!isRecord(t)) return;
    for (const field of ['Key', 'Value'] as const) {
      const v = t[field];
      if (typeof v === 'string' && startsWithIgnoreCase(v, prefix)) {
        // Tag keys and values must not begin with "aws:" in any letter case (reference §5.3.3, id_tags).
        sink.add(
          makeIssue({
            code: 'reservedPrefix',
            parameter: 'Tags',
            path: pathOf('Tags', [i, field]),
            data: { parameter: labelOf('Tags', [i, field]), value: quote(v), prefix },
            range: { start: 0, end: prefix.length },
          }),
        );
      }
    }
  });
  // Keys are case-insensitive; two that differ only in case are rejected (reference §5.3.2, observed).
  for (let j = 1; j < keys.length; j++) {
    const later = keys[j] as { index: number; key: string };
    const earlier = keys.slice(0, j).find((k) => equalsIgnoreCase(k.key, later.key));
    if (!earlier) continue;
    sink.add(
      makeIssue({
        code: 'duplicateKey',
        parameter: 'Tags',
        path: pathOf('Tags', [later.index, 'Key']),
        data: {
          parameter: labelOf('Tags', [later.index, 'Key']),
          key: quote(later.key),
          firstParameter: labelOf('Tags', [earlier.index, 'Key']),
          firstKey: quote(earlier.key),
        },
        ...(AWS_TEXTS.duplicateTagKeys ? { awsMessage: AWS_TEXTS.duplicateTagKeys } : {}),
      }),
    );
  }
  // A key equal (case-insensitively) to a transitive tag inherited from the calling session fails the call
  // (reference §5.3.6: documented, and observed with InvalidParameterValue).
  for (const { index, key } of keys) {
    const inherited = ctx.inherited.find((k) => equalsIgnoreCase(k, key));
    if (inherited === undefined) continue;
    sink.add(
      makeIssue({
        code: 'inheritedTransitiveKeyConflict',
        parameter: 'Tags',
        path: pathOf('Tags', [index, 'Key']),
        data: { parameter: labelOf('Tags', [index, 'Key']), key: quote(key), inheritedKey: quote(inherited) },
        ...(AWS_TEXTS.inheritedTransitiveConflict ? { awsMessage: AWS_TEXTS.inheritedTransitiveConflict } : {}),
      }),
    );
  }
}

function checkTransitiveDuplicates(keys: unknown, sink: Sink): void {
  if (!Array.isArray(keys)) return;
  for (let j = 1; j < keys.length; j++) {
    const later = keys[j];
    if (typeof later !== 'string') continue;
    const i = keys.slice(0, j).findIndex((k) => typeof k === 'string' && equalsIgnoreCase(k, later));
    if (i === -1) continue;
    // Whether STS rejects a repeated transitive key is unverified (reference §11.9): a warning.
    sink.add(
      makeIssue({
        code: 'duplicateKey',
        parameter: 'TransitiveTagKeys',
        path: pathOf('TransitiveTagKeys', [j]),
        data: {
          parameter: labelOf('TransitiveTagKeys', [j]),
          key: quote(later),
          firstParameter: labelOf('TransitiveTagKeys', [i]),
          firstKey: quote(String(keys[i])),
        },
        severity: 'warning',
      }),
    );
  }
}

/** DurationSeconds against role chaining (AssumeRole only) and the role's MaxSessionDuration. */
function checkDuration(ctx: Ctx, c: MemberConstraints, value: unknown, sink: Sink): void {
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
function checkProviderId(value: unknown, sink: Sink): void {
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
function checkPolicyGrammar(value: unknown, sink: Sink): void {
  if (typeof value !== 'string') return;
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

/** Plaintext length of the ARNs in a PolicyArns value (code points of every string `arn`). */
export function arnsPlaintext(policyArns: unknown): number {
  if (!Array.isArray(policyArns)) return 0;
  let n = 0;
  for (const entry of policyArns) if (isRecord(entry) && typeof entry.arn === 'string') n += codePointLength(entry.arn);
  return n;
}

/** Whether the Policy has a member-level length finding, in which case the combined plaintext issue is not added. */
export function policyTooLongReported(sink: Sink): boolean {
  return sink.has('/Policy', 'tooLong');
}

/**
 * Checks one member value for `ctx.operation`. `undefined` means "not passed" (only a required member is then an
 * issue). The member must exist for the operation (callers check with `memberConstraints`).
 */
export function checkMember(ctx: Ctx, member: string, value: unknown, sink: Sink): void {
  const c = memberConstraints(ctx.profile, ctx.operation, member);
  const validate = memberValidator(ctx.profile, ctx.operation, member);
  if (!c || !validate) return;
  if (value === undefined) {
    if (c.required) {
      sink.add(
        makeIssue({
          code: 'missingRequired',
          parameter: member,
          path: pathOf(member, []),
          data: { parameter: member, operation: ctx.operation },
        }),
      );
    }
    return;
  }
  const w: Where = { ctx, member, segments: [] };
  let errors: readonly ErrorObject[] = [];
  if (!validate(value)) errors = validate.errors ?? [];

  if (member === 'TokenCode' && typeof value === 'string') {
    const formatErrors = errors.filter((e) => e.instancePath === '' && e.keyword !== 'type');
    if (formatErrors.length > 0) sink.add(tokenCodeIssue(w, c, value, formatErrors));
    errors = errors.filter((e) => !formatErrors.includes(e));
  }
  for (const e of errors) schemaIssue(w, c, value, e, sink);

  switch (member) {
    case 'RoleArn':
      if (typeof value === 'string') {
        const problem = roleArnProblem(value);
        if (problem) {
          // STS checks length and characters first; "<value> is invalid" is its answer only when those pass.
          const schemaFailed = errors.some((e) => e.instancePath === '');
          const awsMessage = isMalformedArn(problem) && !schemaFailed ? awsInvalidRoleArn(value) : undefined;
          sink.add(arnIssue('notARoleArn', member, [], problem, awsMessage));
        } else if (ctx.operation === 'AssumeRoleWithSAML') {
          const name = roleNameOf(value) ?? '';
          const prefix = DOCUMENTED_LIMITS.reservedSsoRolePrefix.value;
          if (name.startsWith(prefix)) {
            sink.add(
              makeIssue({
                code: 'reservedSsoRole',
                parameter: member,
                path: '/RoleArn',
                data: { parameter: member, roleName: quote(name), prefix },
                range: { start: value.length - name.length, end: value.length },
              }),
            );
          }
        }
      }
      break;
    case 'PrincipalArn':
      if (typeof value === 'string') {
        const problem = samlProviderArnProblem(value);
        if (problem) sink.add(arnIssue('notASamlProviderArn', member, [], problem));
      }
      break;
    case 'PolicyArns':
      if (Array.isArray(value)) {
        value.forEach((entry, i) => {
          if (!isRecord(entry) || typeof entry.arn !== 'string') return;
          const problem = policyArnProblem(entry.arn);
          if (problem) sink.add(arnIssue('invalidPolicyArn', member, [i, 'arn'], problem));
        });
      }
      break;
    case 'Policy':
      checkPolicyGrammar(value, sink);
      break;
    case 'DurationSeconds':
      checkDuration(ctx, c, value, sink);
      break;
    case 'Tags':
      checkTags(ctx, value, sink);
      break;
    case 'TransitiveTagKeys':
      checkTransitiveDuplicates(value, sink);
      break;
    case 'SourceIdentity':
      if (typeof value === 'string' && startsWithIgnoreCase(value, reservedPrefix())) {
        // Documented: the value must not begin with "aws:" (reference §5.4.1).
        const prefix = reservedPrefix();
        sink.add(
          makeIssue({
            code: 'reservedPrefix',
            parameter: member,
            path: '/SourceIdentity',
            data: { parameter: member, value: quote(value), prefix },
            range: { start: 0, end: prefix.length },
          }),
        );
      }
      break;
    case 'ProviderId':
      checkProviderId(value, sink);
      break;
    default:
      break;
  }
}

/** Length of a policy text without the white space between JSON tokens (jsonc-parser's scanner skips it). */
export function minifiedLength(text: string): number {
  const scanner = createScanner(text, true);
  let n = 0;
  while (scanner.scan() !== SCAN_EOF) n += scanner.getTokenLength();
  return n;
}

/**
 * The combined plaintext issue (reference §5.2.1: inline policy + all ARN characters ≤ 2,048, documented). Where the
 * operation's model gives Policy no maximum (AssumeRole since 2023-10-02), the documented limit is all that is left
 * and no AWS answer is recorded: a warning that says so (model-update-2026-10.md), not an error.
 */
export function plaintextIssue(ctx: Ctx, policy: unknown, policyArns: unknown): Issue | undefined {
  const policyLength = typeof policy === 'string' ? codePointLength(policy) : 0;
  const arnsLength = arnsPlaintext(policyArns);
  const total = policyLength + arnsLength;
  const limit = DOCUMENTED_LIMITS.policyPlaintextMax.value;
  if (total <= limit) return undefined;
  const onPolicy = typeof policy === 'string';
  const modelCapsPolicy = memberConstraints(ctx.profile, ctx.operation, 'Policy')?.maxLength !== undefined;
  return makeIssue({
    code: modelCapsPolicy ? 'policyPlaintextTooLong' : 'policyPlaintextOverDocumented',
    ...(modelCapsPolicy ? {} : { severity: 'warning' as const }),
    parameter: onPolicy ? 'Policy' : 'PolicyArns',
    path: onPolicy ? '/Policy' : '/PolicyArns',
    data: {
      parameter: onPolicy ? 'Policy' : 'PolicyArns',
      actual: total,
      limit,
      policyLength,
      arnsLength,
      minifiedLength: typeof policy === 'string' ? minifiedLength(policy) : 0,
      operation: ctx.operation,
    },
    limit,
    actual: total,
  });
}
