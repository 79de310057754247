/**
 * The trust policy CDK writes for an `iam.Role` from its `assumedBy` principal and `externalIds`:
 * one Allow statement per principal with the action the principal class assumes with
 * (`sts:AssumeRole`, or the web identity / SAML action), `sts:TagSession` added by
 * `.withSessionTags()` or `new SessionTagsPrincipal(…)`, and `StringEquals sts:ExternalId` from
 * `externalIds` (one id: a string; several: a list), as `Role`'s constructor does in aws-cdk-lib.
 * A principal this module does not know, or conditions it cannot read (`withConditions`, a
 * conditions argument, `FederatedPrincipal`), give no policy: the cross-file rules then say
 * nothing rather than guess. The nodes built here are placed at the `assumedBy` value, so a
 * finding about the policy points where the user writes it.
 */
import type { ObjectEntry, ObjectNode, RoleProperty, Span, ValueNode } from '@rolecall/core';
import type { TSESTree } from '@typescript-eslint/types';
import { propertyName, type Expression } from './scan.js';
import { symbolOf, unwrap, valueOf, type UseSite, type ValueContext } from './values.js';

/** How a recognised symbol of aws-iam is spelled after its module: `aws-cdk-lib/aws-iam#ArnPrincipal`. */
const IAM_PREFIXES = ['aws-cdk-lib/aws-iam#', 'aws-cdk-lib#aws_iam.', '@aws-cdk/aws-iam#'];

/** Principal classes whose constructor takes only the identity, with the action CDK trusts them for and the Principal key. */
const PRINCIPALS: Readonly<Record<string, { readonly action: string; readonly key: string; readonly conditionsArg?: number }>> = {
  AccountPrincipal: { action: 'sts:AssumeRole', key: 'AWS' },
  AccountRootPrincipal: { action: 'sts:AssumeRole', key: 'AWS' },
  ArnPrincipal: { action: 'sts:AssumeRole', key: 'AWS' },
  AnyPrincipal: { action: 'sts:AssumeRole', key: 'AWS' },
  ServicePrincipal: { action: 'sts:AssumeRole', key: 'Service', conditionsArg: 1 },
  WebIdentityPrincipal: { action: 'sts:AssumeRoleWithWebIdentity', key: 'Federated', conditionsArg: 1 },
  OpenIdConnectPrincipal: { action: 'sts:AssumeRoleWithWebIdentity', key: 'Federated', conditionsArg: 1 },
  SamlPrincipal: { action: 'sts:AssumeRoleWithSAML', key: 'Federated', conditionsArg: 1 },
};

const spanOf = (node: { range: TSESTree.Range }): Span => ({ start: node.range[0], end: node.range[1] });

function iamClass(ctx: ValueContext, callee: TSESTree.Node): string | undefined {
  if (callee.type === 'Super') return undefined;
  const symbol = symbolOf(ctx, callee as Expression);
  const prefix = symbol === undefined ? undefined : IAM_PREFIXES.find((p) => symbol.startsWith(p));
  return prefix === undefined ? undefined : symbol!.slice(prefix.length);
}

interface Trusted {
  readonly action: string;
  readonly key: string;
  readonly identity: ValueNode;
  readonly tags: boolean;
}

/** The principals an `assumedBy` expression trusts, or undefined when any part is not known. */
function principalsOf(ctx: ValueContext, input: Expression, site: UseSite, tags = false, depth = 0): Trusted[] | undefined {
  const e = unwrap(input);
  if (depth > 8) return undefined;
  if (e.type === 'CallExpression' && e.callee.type === 'MemberExpression' && propertyName(e.callee) === 'withSessionTags' && e.arguments.length === 0) {
    return principalsOf(ctx, e.callee.object as Expression, site, true, depth + 1);
  }
  if (e.type !== 'NewExpression') return undefined;
  const name = iamClass(ctx, e.callee);
  const args = e.arguments;
  if (args.some((a) => a.type === 'SpreadElement')) return undefined;
  if (name === 'SessionTagsPrincipal' && args.length === 1) return principalsOf(ctx, args[0] as Expression, site, true, depth + 1);
  if (name === 'CompositePrincipal') {
    const all: Trusted[] = [];
    for (const a of args) {
      const inner = principalsOf(ctx, a as Expression, site, tags, depth + 1);
      if (inner === undefined) return undefined;
      all.push(...inner);
    }
    return all;
  }
  const known = name === undefined ? undefined : PRINCIPALS[name];
  if (known === undefined || (known.conditionsArg !== undefined && args.length > known.conditionsArg)) return undefined;
  const identity: ValueNode = args[0] !== undefined ? valueOf(ctx, args[0] as Expression, site) : { kind: 'literal', span: spanOf(e), value: name === 'AnyPrincipal' ? '*' : '(this account)' };
  return [{ action: known.action, key: known.key, identity, tags }];
}

/** The `assumedBy` and `externalIds` of a Role's props (an object literal) as its trust policy. */
export function cdkTrustPolicy(ctx: ValueContext, props: Expression | undefined, site: UseSite): RoleProperty | undefined {
  const object = props === undefined ? undefined : unwrap(props);
  if (object?.type !== 'ObjectExpression') return undefined;
  const property = (key: string): TSESTree.ObjectLiteralElement | undefined =>
    [...object.properties].reverse().find((p) => p.type === 'Property' && !p.computed && ((p.key.type === 'Identifier' && p.key.name === key) || (p.key.type === 'Literal' && p.key.value === key)));
  if (object.properties.some((p) => p.type === 'SpreadElement')) return undefined;
  const assumedBy = property('assumedBy');
  if (assumedBy?.type !== 'Property') return undefined;
  const principals = principalsOf(ctx, assumedBy.value as Expression, site);
  if (principals === undefined || principals.length === 0) return undefined;
  const ids = property('externalIds') ?? property('externalId');
  let externalIds: ValueNode | undefined;
  if (ids?.type === 'Property') {
    externalIds = valueOf(ctx, ids.value as Expression, site);
    if (externalIds.kind === 'array' && externalIds.items.length === 1) externalIds = externalIds.items[0];
    if (externalIds === undefined || (externalIds.kind !== 'literal' && externalIds.kind !== 'array')) return undefined;
  }
  const at = spanOf(assumedBy.value);
  const lit = (value: string): ValueNode => ({ kind: 'literal', span: at, value });
  const obj = (entries: readonly [string, ValueNode][]): ObjectNode => ({ kind: 'object', span: at, entries: entries.map(([key, value]): ObjectEntry => ({ key, keySpan: at, value })) });
  const statements = principals.map((p) =>
    obj([
      ['Effect', lit('Allow')],
      ['Principal', obj([[p.key, p.identity]])],
      ['Action', p.tags ? { kind: 'array', span: at, items: [lit(p.action), lit('sts:TagSession')] } : lit(p.action)],
      ...(externalIds !== undefined && p.action === 'sts:AssumeRole' ? ([['Condition', obj([['StringEquals', obj([['sts:ExternalId', externalIds]])]])]] as [string, ValueNode][]) : []),
    ]),
  );
  return { key: 'assumedBy', keySpan: spanOf(assumedBy.key), value: obj([['Version', lit('2012-10-17')], ['Statement', { kind: 'array', span: at, items: statements }]]) };
}
