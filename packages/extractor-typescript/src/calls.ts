/**
 * Turns candidate `new`/call expressions into AssumeRole calls and CDK role definitions: SDK v3
 * commands and the aggregated client, SDK v2 clients and credential classes, the credential
 * providers (`fromTemporaryCredentials`, `fromWebToken`, `fromTokenFile`), CDK `iam.Role` and the
 * Pulumi AWS provider (see pulumi.ts). A request whose object rolecall cannot read whole (a
 * variable from elsewhere, an unknown spread) is not reported: which members it has is unknown.
 */
import type { AssumeRoleCall, CallContext, CallParameter, ObjectNode, Operation, RoleDefinition, RoleProperty, Span, StsMember, UnknownKey, ValueNode } from '@rolecall/core';
import { isStsMember } from '@rolecall/core';
import type { TSESTree } from '@typescript-eslint/types';
import { CLIENT_METHODS, DEFAULT_SESSION_NAMES, SYMBOLS, TOKEN_FILE_ENV, WEB_IDENTITY_KEYS, type SymbolKind } from './modules.js';
import { cdkTrustPolicy } from './cdk-trust.js';
import { pulumiCalls } from './pulumi.js';
import { propertyName, type Candidate, type Expression } from './scan.js';
import { boundExpression, roleHandleOf, sourceText, symbolOf, unwrap, valueOf, type UseSite, type ValueContext } from './values.js';

import { EXTRACTOR_ID } from './discovery.js';

export { EXTRACTOR_ID };

const spanOf = (node: { range: TSESTree.Range }): Span => ({ start: node.range[0], end: node.range[1] });

/** A call in the making: everything but its id. */
export type CallDraft = Omit<AssumeRoleCall, 'id' | 'file' | 'extractor'>;

interface RequestShape {
  /**
   * Key → member; absent = STS member names 1:1 (other keys are then unknown parameters). With a
   * map, other keys are the API's own options (`clientConfig`, `webIdentityTokenFile`), not typos.
   */
  readonly keys?: ReadonlyMap<string, StsMember>;
}

/** Reads a request object into parameters (the last occurrence of a member wins) and unknown keys. */
export function requestOf(ctx: ValueContext, value: ValueNode, shape: RequestShape = {}): { parameters: CallParameter[]; unknownKeys: UnknownKey[] } | undefined {
  if (value.kind !== 'object' || ctx.open.has(value)) return undefined;
  const byMember = new Map<StsMember, CallParameter>();
  const unknownKeys: UnknownKey[] = [];
  for (const entry of value.entries) {
    const member = shape.keys !== undefined ? shape.keys.get(entry.key) : isStsMember(entry.key) ? entry.key : undefined;
    if (member === undefined) {
      if (shape.keys === undefined) unknownKeys.push({ key: entry.key, keySpan: entry.keySpan, value: entry.value });
      continue;
    }
    byMember.delete(member);
    byMember.set(member, { member, key: entry.key, keySpan: entry.keySpan, value: entry.value });
  }
  const parameters = [...byMember.values()].sort((a, b) => (a.keySpan?.start ?? 0) - (b.keySpan?.start ?? 0));
  return { parameters, unknownKeys };
}

function kindOf(ctx: ValueContext, callee: Expression | TSESTree.Node): SymbolKind | undefined {
  if (callee.type === 'Super') return undefined;
  const symbol = symbolOf(ctx, callee as Expression);
  return symbol === undefined ? undefined : SYMBOLS.get(symbol);
}

/** Whether an expression is an STS client: `new STS(…)` directly or through a stable binding. */
function isClient(ctx: ValueContext, expr: Expression, depth = 0): boolean {
  const e = unwrap(expr);
  if (e.type === 'NewExpression') return kindOf(ctx, e.callee)?.kind === 'client';
  if (e.type === 'Identifier' && depth < 8) {
    const init = boundExpression(ctx, e);
    return init !== undefined && isClient(ctx, init, depth + 1);
  }
  return false;
}

/** A role session as source credentials: chaining (DurationSeconds ≤ 3600 for the next hop). */
function chainSource(ctx: ValueContext, expr: Expression | undefined, depth = 0): TSESTree.Node | undefined {
  if (expr === undefined) return undefined;
  const e = unwrap(expr);
  if (e.type === 'CallExpression' || e.type === 'NewExpression') {
    const kind = kindOf(ctx, e.callee)?.kind;
    return kind === 'temporary-credentials' || kind === 'web-identity' ? e : undefined;
  }
  if (e.type === 'Identifier' && depth < 8) {
    const init = boundExpression(ctx, e);
    return init === undefined ? undefined : chainSource(ctx, init, depth + 1);
  }
  return undefined;
}

function chained(ctx: ValueContext, source: TSESTree.Node | undefined): CallContext | undefined {
  if (source === undefined) return undefined;
  return { roleChaining: true, chainedFrom: { file: ctx.file, span: spanOf(source), message: 'The source credentials are this role session (role chaining).' } };
}

function implicitParameter(member: StsMember, value: string, origin: string, span: Span): CallParameter {
  return { member, key: member, value: { kind: 'implicit', span, origin, value: { kind: 'literal', span, value } } };
}

function envParameter(member: StsMember, env: string, span: Span): CallParameter {
  return { member, key: member, value: { kind: 'reference', span, text: `process.env.${env}` } };
}

function argument(node: TSESTree.NewExpression | TSESTree.CallExpression, i: number): Expression | undefined {
  const arg = node.arguments[i];
  return arg === undefined || arg.type === 'SpreadElement' ? undefined : arg;
}

function entryExpr(object: Expression | undefined, key: string): Expression | undefined {
  const o = object === undefined ? undefined : unwrap(object);
  if (o?.type !== 'ObjectExpression') return undefined;
  for (const p of o.properties) if (p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && p.key.name === key) return p.value as Expression;
  return undefined;
}

/** The entry `key` of an object value, when it is there. */
function entryValue(value: ValueNode, key: string): ValueNode | undefined {
  return value.kind === 'object' ? [...value.entries].reverse().find((e) => e.key === key)?.value : undefined;
}

/** The expression a stable binding holds, for following `masterCredentials: source`. */
function sourceExpr(ctx: ValueContext, options: Expression | undefined, key: string): Expression | undefined {
  if (options === undefined) return undefined;
  const o = unwrap(options);
  if (o.type === 'Identifier') {
    const init = boundExpression(ctx, o);
    return init === undefined ? undefined : entryExpr(init, key);
  }
  return entryExpr(o, key);
}

/** Adds each default whose member is still absent (earlier defaults win over later ones). */
function withDefaults(parameters: CallParameter[], defaults: readonly CallParameter[]): CallParameter[] {
  const have = new Set(parameters.map((p) => p.member));
  const out = parameters.slice();
  for (const d of defaults) {
    if (have.has(d.member)) continue;
    have.add(d.member);
    out.push(d);
  }
  return out;
}

/** The calls one candidate stands for (none, one, or several for Pulumi's `assumeRoles`). */
export function callsOf(ctx: ValueContext, candidate: Candidate): CallDraft[] {
  const node = candidate.node;
  const site: UseSite = { pos: node.range[0], fn: candidate.fn };
  const span = spanOf(node);
  const kind = kindOf(ctx, node.callee);
  const draft = (operation: Operation, callKind: string, request: ReturnType<typeof requestOf>, context?: CallContext): CallDraft[] =>
    request === undefined ? [] : [{ kind: callKind, operation, span, parameters: request.parameters, ...(request.unknownKeys.length > 0 || callKind.startsWith('sdk') ? { unknownKeys: request.unknownKeys } : {}), ...(context ? { context } : {}) }];
  const read = (expr: Expression | undefined, shape?: RequestShape) => (expr === undefined ? undefined : requestOf(ctx, valueOf(ctx, expr, site), shape));
  // `{ params, masterCredentials }` written in place, in a variable, or assembled with spreads.
  const readEntry = (options: Expression | undefined, key: string) => {
    const value = options === undefined ? undefined : entryValue(valueOf(ctx, options, site), key);
    return value === undefined ? undefined : requestOf(ctx, value);
  };

  if (node.type === 'NewExpression') {
    switch (kind?.kind) {
      case 'command':
        return draft(kind.operation, 'sdk-v3-command', read(argument(node, 0)));
      case 'temporary-credentials': {
        const options = argument(node, 0);
        const v2Temporary = kind.api === 'TemporaryCredentials';
        const request = v2Temporary ? read(options) : readEntry(options, 'params');
        if (request === undefined || !request.parameters.some((p) => p.member === 'RoleArn')) return []; // GetSessionToken without RoleArn
        const master = v2Temporary ? argument(node, 1) : sourceExpr(ctx, options, 'masterCredentials');
        const fallback = DEFAULT_SESSION_NAMES[kind.api];
        request.parameters = withDefaults(request.parameters, [implicitParameter('RoleSessionName', fallback.value, fallback.origin, span)]);
        return draft('AssumeRole', `sdk-v2-${kind.api}`, request, chained(ctx, chainSource(ctx, master)));
      }
      case 'web-identity': {
        if (kind.api !== 'WebIdentityCredentials') return [];
        const request = read(argument(node, 0));
        if (request === undefined) return [];
        const fallback = DEFAULT_SESSION_NAMES.WebIdentityCredentials;
        request.parameters = withDefaults(request.parameters, [implicitParameter('RoleSessionName', fallback.value, fallback.origin, span)]);
        return draft('AssumeRoleWithWebIdentity', 'sdk-v2-WebIdentityCredentials', request);
      }
      case 'pulumi-provider':
        return pulumiCalls(ctx, node, site);
      default:
        return [];
    }
  }

  // Call expressions: credential providers, and client methods.
  if (kind?.kind === 'temporary-credentials' && kind.api === 'fromTemporaryCredentials') {
    const options = argument(node, 0);
    const request = readEntry(options, 'params');
    if (request === undefined) return [];
    const fallback = DEFAULT_SESSION_NAMES.fromTemporaryCredentials;
    request.parameters = withDefaults(request.parameters, [implicitParameter('RoleSessionName', fallback.value, fallback.origin, span)]);
    return draft('AssumeRole', 'credential-providers-fromTemporaryCredentials', request, chained(ctx, chainSource(ctx, sourceExpr(ctx, options, 'masterCredentials'))));
  }
  if (kind?.kind === 'web-identity' && kind.api !== 'WebIdentityCredentials') {
    const request = read(argument(node, 0), { keys: WEB_IDENTITY_KEYS });
    if (request === undefined) return [];
    const defaults: CallParameter[] = [];
    if (kind.api === 'fromTokenFile') {
      // The token is the content of the file `webIdentityTokenFile` names; what the options leave
      // out comes from the environment (then fromWebToken's default session name).
      const options = argument(node, 0);
      const file = options === undefined ? undefined : entryValue(valueOf(ctx, options, site), 'webIdentityTokenFile');
      if (file !== undefined) defaults.push({ member: 'WebIdentityToken', key: 'webIdentityTokenFile', value: { kind: 'reference', span: file.span, text: `contents of ${sourceText(ctx, file.span)}` } });
      for (const [member, env] of TOKEN_FILE_ENV) defaults.push(envParameter(member, env, span));
    } else {
      const fallback = DEFAULT_SESSION_NAMES.fromWebToken;
      defaults.push(implicitParameter('RoleSessionName', fallback.value, fallback.origin, span));
    }
    request.parameters = withDefaults(request.parameters, defaults);
    return draft('AssumeRoleWithWebIdentity', `credential-providers-${kind.api}`, request);
  }
  const callee = unwrap(node.callee as Expression);
  if (callee.type === 'MemberExpression') {
    const operation = CLIENT_METHODS.get(propertyName(callee) ?? '');
    if (operation !== undefined && isClient(ctx, callee.object)) return draft(operation, 'sdk-client-method', read(argument(node, 0)));
  }
  return [];
}

/**
 * The trust policy principals a CDK `assumedBy` stands for, as IAM writes them: `new iam.ServicePrincipal(x)` is
 * `{ Service: x }` (the key's span is the class name), `new iam.AnyPrincipal()` is `"*"`, a `CompositePrincipal`
 * is its parts. Anything else (a principal built from another construct, a call) stays the value as written.
 */
function principalsOf(ctx: ValueContext, expr: Expression, site: UseSite, depth = 0): ValueNode[] {
  const e = unwrap(expr);
  if (e.type === 'Identifier' && depth < 8) {
    const init = boundExpression(ctx, e);
    if (init !== undefined) return principalsOf(ctx, init, site, depth + 1);
  }
  const kind = e.type === 'NewExpression' ? kindOf(ctx, e.callee) : undefined;
  if (e.type !== 'NewExpression' || kind?.kind !== 'cdk-principal') return [valueOf(ctx, expr, site)];
  if (kind.principal === 'composite') return e.arguments.flatMap((a) => (a.type === 'SpreadElement' ? [valueOf(ctx, a.argument, site)] : principalsOf(ctx, a, site, depth + 1)));
  if (kind.principal === '*') return [{ kind: 'literal', value: '*', span: spanOf(e) }];
  const arg = argument(e, 0);
  if (arg === undefined) return [valueOf(ctx, expr, site)];
  const callee = e.callee;
  const name = callee.type === 'MemberExpression' ? callee.property : callee;
  return [{ kind: 'object', span: spanOf(e), entries: [{ key: kind.principal, keySpan: spanOf(name), value: valueOf(ctx, arg, site) }] }];
}

/** A CDK `new iam.Role(scope, id, props)` as a role definition. */
export function roleOf(ctx: ValueContext, candidate: Candidate, handles: readonly string[], n: number): RoleDefinition | undefined {
  const node = candidate.node;
  if (node.type !== 'NewExpression' || kindOf(ctx, node.callee)?.kind !== 'cdk-role') return undefined;
  const site: UseSite = { pos: node.range[0], fn: candidate.fn };
  const props = argument(node, 2);
  const value: ValueNode | undefined = props === undefined ? undefined : valueOf(ctx, props, site);
  const object: ObjectNode | undefined = value?.kind === 'object' ? value : undefined;
  const property = (key: string): RoleProperty | undefined => {
    const entry = object === undefined ? undefined : [...object.entries].reverse().find((e) => e.key === key);
    return entry === undefined ? undefined : { key: entry.key, keySpan: entry.keySpan, value: entry.value };
  };
  // Handles are file-qualified: a variable name means nothing in another file.
  const allHandles = handles.map((variable) => roleHandleOf(ctx.file, variable));
  const name = property('roleName');
  const path = property('path');
  const max = property('maxSessionDuration');
  const assumedBy = property('assumedBy');
  const assumedByExpr = entryExpr(props, 'assumedBy');
  const trustPolicy = cdkTrustPolicy(ctx, props, site);
  return {
    id: `${EXTRACTOR_ID}:role:${n}`,
    file: ctx.file,
    extractor: EXTRACTOR_ID,
    kind: 'cdk-iam-role',
    span: spanOf(node),
    handles: allHandles,
    ...(name ? { name } : {}),
    ...(path ? { path } : {}),
    ...(max ? { maxSessionDuration: max } : {}),
    ...(assumedBy ? { principals: assumedByExpr !== undefined ? principalsOf(ctx, assumedByExpr, site) : [assumedBy.value] } : {}),
    ...(trustPolicy ? { trustPolicy } : {}),
  };
}
