/**
 * One configure-aws-credentials step → one AssumeRole or AssumeRoleWithWebIdentity call, as the
 * pinned release of the action builds it (see action-table.ts for the sources): inputs mapped to
 * STS members, the defaults and session tags the action adds as implicit values, the operation
 * chosen the way the action chooses its path, and the syntax-only facts (parseInt, unknown inputs).
 */
import type { AssumeRoleCall, CallParameter, Fact, ObjectNode, Operation, RelatedSpan, Span, StsMember, ValueNode } from '@rolecall/core';
import { nearestName } from '@rolecall/core';
import type { YAMLMap } from 'yaml';
import { ACTION_TAGS, DEFAULT_DURATION, DEFAULT_SESSION_NAME, LEGACY_DEFAULT_DURATION } from './action-table.js';
import { inputValue, sourceText, type ValueScope } from './values.js';
import { inputSince, inputsOf, isAtLeast, NEWEST_RELEASE, usesParseInt, type PinnedRef } from './version.js';

import { EXTRACTOR_ID } from './discovery.js';

export { EXTRACTOR_ID };
export const CALL_KIND = 'configure-aws-credentials';
export const FACT_UNKNOWN_INPUT = 'github-actions/unknown-input';
export const FACT_PARSE_INT = 'github-actions/parseint-duration';

const ORIGIN = 'configure-aws-credentials default';

/** Inputs that become a request member directly (the rest steer the path or are not STS inputs). */
const MEMBER_OF: Readonly<Record<string, StsMember>> = {
  'role-to-assume': 'RoleArn',
  'role-session-name': 'RoleSessionName',
  'role-duration-seconds': 'DurationSeconds',
  'role-external-id': 'ExternalId',
  'inline-session-policy': 'Policy',
  'managed-session-policies': 'PolicyArns',
  'transitive-tag-keys': 'TransitiveTagKeys',
};

export interface StepInput {
  readonly key: string;
  readonly keySpan: Span;
  readonly value: unknown;
}

export interface StepContext {
  readonly scope: ValueScope;
  readonly id: string;
  readonly step: YAMLMap;
  readonly stepSpan: Span;
  readonly usesSpan: Span;
  readonly pinned: PinnedRef;
  readonly inputs: readonly StepInput[];
  /** Whether the job may request an OIDC token (`permissions: id-token: write`); undefined when unknown. */
  readonly oidc: boolean | undefined;
  /** The earlier step of the same job that assumed a role, if any. */
  readonly previous?: RelatedSpan;
}

export interface StepResult {
  readonly call?: AssumeRoleCall;
  readonly facts: readonly Fact[];
}

function literalText(node: ValueNode | undefined): string | undefined {
  return node?.kind === 'literal' && typeof node.value === 'string' ? node.value.trim() : undefined;
}

function isTrue(node: ValueNode | undefined): boolean {
  return literalText(node)?.toLowerCase() === 'true';
}

/** Facts for inputs the pinned release does not have (the runner only warns and ignores them). */
function unknownInputs(context: StepContext): Fact[] {
  const known = inputsOf(context.pinned);
  const facts: Fact[] = [];
  for (const input of context.inputs) {
    const name = input.key.toLowerCase(); // the runner passes inputs as INPUT_<NAME>: case does not matter
    if (known.includes(name)) continue;
    const since = inputSince(name);
    const nearest = since === undefined ? nearestName(name, known) : undefined;
    const release = context.pinned.version === undefined ? `any release up to v${NEWEST_RELEASE}` : context.pinned.label;
    facts.push({
      kind: FACT_UNKNOWN_INPUT,
      span: input.keySpan,
      data: {
        input: input.key,
        release,
        ...(since !== undefined ? { since: `v${since}` } : {}),
        ...(nearest !== undefined ? { nearest } : {}),
      },
    });
  }
  return facts;
}

/**
 * role-duration-seconds as the action reads it: from v3.0.0 `parseInt(text) || 3600`, so `1h`
 * is 1 and `abc` or `0` is 3600; v1/v2 hand the text to the SDK, which takes it only as a number.
 */
function duration(context: StepContext, value: ValueNode, facts: Fact[]): ValueNode {
  if (value.kind !== 'literal' || typeof value.value !== 'string') return value;
  const text = value.value.trim();
  const written = sourceText(context.scope, value.definedAt?.span ?? value.span);
  if (/^\d+$/.test(text) && (Number(text) !== 0 || !usesParseInt(context.pinned))) return { ...value, value: Number(text) };
  if (!usesParseInt(context.pinned)) return value;
  const parsed = Number.parseInt(text, 10);
  if (Number.isNaN(parsed) || parsed === 0) {
    facts.push({ kind: FACT_PARSE_INT, span: value.span, data: { input: 'role-duration-seconds', text: JSON.stringify(text), value: DEFAULT_DURATION, reading: Number.isNaN(parsed) ? 'no number' : '0' } });
    return { ...value, value: DEFAULT_DURATION, written: { text: written, conversion: `configure-aws-credentials reads it with parseInt, which gives ${Number.isNaN(parsed) ? 'no number' : '0'}, and uses its default ${DEFAULT_DURATION}.` } };
  }
  const rest = /^\s*[+-]?\d+(.*)$/s.exec(text)?.[1] ?? text;
  const stop = rest.charAt(0);
  facts.push({ kind: FACT_PARSE_INT, span: value.span, data: { input: 'role-duration-seconds', text: JSON.stringify(text), value: parsed, stop: JSON.stringify(stop) } });
  return {
    ...value,
    value: parsed,
    written: { text: written, conversion: `configure-aws-credentials reads it with parseInt, which stops at ${JSON.stringify(stop)}.`, ...(/^[hms]/.test(rest) ? { unit: 'go-duration' as const } : {}) },
  };
}

/** One entry per non-empty line of a multiline input, each with its own span. */
function lines(value: ValueNode): ValueNode[] | undefined {
  if (value.kind !== 'literal' || typeof value.value !== 'string' || value.offsets === undefined) return undefined;
  const out: ValueNode[] = [];
  const table = value.offsets.table;
  let from = 0;
  for (const line of value.value.split('\n')) {
    const lead = line.length - line.trimStart().length;
    const item = line.trim();
    if (item.length > 0) {
      const start = from + lead;
      const slice = Array.from({ length: item.length + 1 }, (_, i) => table[start + i] as number);
      out.push({ kind: 'literal', value: item, span: { start: slice[0] as number, end: slice[item.length] as number }, offsets: { table: slice } });
    }
    from += line.length + 1;
  }
  return out;
}

/** The session tags the action adds, and `custom-tags` (v6.2.0+) after them. */
function sessionTags(context: StepContext, custom: ValueNode | undefined): ValueNode {
  const at = context.usesSpan;
  const items: ValueNode[] = [];
  for (const tag of ACTION_TAGS) {
    if (!isAtLeast(context.pinned, tag.since) || tag.onlyOn !== undefined) continue;
    const value: ValueNode =
      tag.value !== undefined
        ? { kind: 'literal', value: tag.value, span: at }
        : { kind: 'template', span: at, parts: [{ kind: 'hole', expression: tag.expression as string, span: at }] };
    const object: ObjectNode = {
      kind: 'object',
      span: at,
      entries: [
        { key: 'Key', keySpan: at, value: { kind: 'literal', value: tag.key, span: at } },
        { key: 'Value', keySpan: at, value },
      ],
    };
    items.push(object);
  }
  const implicit: ValueNode = { kind: 'implicit', span: at, origin: `session tags configure-aws-credentials ${context.pinned.label} adds`, value: { kind: 'array', span: at, items } };
  if (custom === undefined) return implicit;
  const text = literalText(custom);
  let parsed: unknown;
  try {
    parsed = text === undefined ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const extra: ValueNode[] = [];
  if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
    for (const [key, v] of Object.entries(parsed as Record<string, unknown>)) {
      extra.push({
        kind: 'object',
        span: custom.span,
        entries: [
          { key: 'Key', keySpan: custom.span, value: { kind: 'literal', value: key, span: custom.span } },
          { key: 'Value', keySpan: custom.span, value: { kind: 'literal', value: String(v), span: custom.span } },
        ],
      });
    }
  } else {
    extra.push({ kind: 'reference', span: custom.span, text: sourceText(context.scope, custom.span) });
  }
  return { kind: 'array', span: custom.span, items: [...items, ...extra] };
}

/**
 * The call a step makes, or none when it assumes no role. The path follows the action:
 * web-identity-token-file → AssumeRoleWithWebIdentity; no access keys, no role-chaining and an
 * OIDC token available → AssumeRoleWithWebIdentity (OIDC); otherwise AssumeRole with the step's
 * access keys or the credentials already in the environment.
 */
export function stepCall(context: StepContext): StepResult {
  const facts = unknownInputs(context);
  const values = new Map<string, { input: StepInput; value: ValueNode | undefined }>();
  for (const input of context.inputs) values.set(input.key.toLowerCase(), { input, value: inputValue(context.scope, input.value) });
  const role = values.get('role-to-assume');
  if (role === undefined || role.value === undefined || literalText(role.value) === '') return { facts };

  const tokenFile = values.get('web-identity-token-file');
  const accessKeys = values.has('aws-access-key-id');
  const chaining = isTrue(values.get('role-chaining')?.value);
  const skipOidc = isTrue(values.get('force-skip-oidc')?.value);
  const oidc = tokenFile === undefined && !accessKeys && !chaining && !skipOidc && context.oidc === true;
  const operation: Operation = tokenFile !== undefined || oidc ? 'AssumeRoleWithWebIdentity' : 'AssumeRole';
  const callFacts: Fact[] = [];

  const parameters: CallParameter[] = [];
  for (const [name, { input, value }] of values) {
    const member = MEMBER_OF[name];
    if (member === undefined || value === undefined) continue;
    if (operation !== 'AssumeRole' && (member === 'ExternalId' || member === 'TransitiveTagKeys')) continue; // the action drops them on these paths
    if (member === 'RoleSessionName' && literalText(value) === '') continue; // `|| 'GitHubActions'`
    let node = value;
    if (member === 'DurationSeconds') node = duration(context, value, callFacts);
    if (member === 'PolicyArns') {
      const arns = lines(value);
      if (arns === undefined) node = value;
      else node = { kind: 'array', span: value.span, items: arns.map((arn) => ({ kind: 'object', span: arn.span, entries: [{ key: 'arn', keySpan: arn.span, value: arn }] })) };
    }
    if (member === 'TransitiveTagKeys') node = lines(value) !== undefined ? { kind: 'array', span: value.span, items: lines(value) as ValueNode[] } : value;
    parameters.push({ member, key: input.key, keySpan: input.keySpan, value: node });
  }
  const has = (member: StsMember) => parameters.some((p) => p.member === member);
  if (!has('RoleSessionName')) {
    parameters.push({ member: 'RoleSessionName', key: 'role-session-name', value: { kind: 'implicit', span: context.usesSpan, origin: ORIGIN, value: { kind: 'literal', value: DEFAULT_SESSION_NAME, span: context.usesSpan } } });
  }
  if (!has('DurationSeconds')) {
    const legacy = !usesParseInt(context.pinned) && operation === 'AssumeRole' && !chaining && !values.has('aws-session-token');
    const seconds = legacy ? LEGACY_DEFAULT_DURATION : DEFAULT_DURATION;
    parameters.push({ member: 'DurationSeconds', key: 'role-duration-seconds', value: { kind: 'implicit', span: context.usesSpan, origin: `configure-aws-credentials ${context.pinned.label} default`, value: { kind: 'literal', value: seconds, span: context.usesSpan } } });
  }
  if (operation === 'AssumeRole' && !isTrue(values.get('role-skip-session-tagging')?.value)) {
    const custom = isAtLeast(context.pinned, '6.2.0') ? values.get('custom-tags')?.value : undefined;
    parameters.push({ member: 'Tags', key: values.has('custom-tags') ? (values.get('custom-tags')?.input.key as string) : 'role-skip-session-tagging', value: sessionTags(context, custom) });
  }
  if (operation === 'AssumeRoleWithWebIdentity') {
    const text = tokenFile !== undefined ? 'the content of web-identity-token-file' : 'the GitHub OIDC token (id-token: write)';
    const span = tokenFile?.input.keySpan ?? context.usesSpan;
    parameters.push({ member: 'WebIdentityToken', key: tokenFile?.input.key ?? 'id-token', value: { kind: 'reference', span, text } });
  }

  // Role chaining: the action's role-chaining input, or a role session an earlier step left in the environment.
  const fromEnvironment = operation === 'AssumeRole' && !accessKeys;
  const chainedFrom = fromEnvironment ? context.previous : undefined;
  const roleChaining = chaining || chainedFrom !== undefined;
  const call: AssumeRoleCall = {
    id: context.id,
    file: context.scope.file,
    extractor: EXTRACTOR_ID,
    kind: CALL_KIND,
    operation,
    span: context.stepSpan,
    parameters: parameters.sort((a, b) => (a.keySpan?.start ?? Number.MAX_SAFE_INTEGER) - (b.keySpan?.start ?? Number.MAX_SAFE_INTEGER)),
    ...(roleChaining ? { context: { roleChaining: true, ...(chainedFrom !== undefined ? { chainedFrom } : {}) } } : {}),
    ...(callFacts.length > 0 ? { facts: callFacts } : {}),
  };
  return { call, facts };
}

