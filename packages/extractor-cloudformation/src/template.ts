/**
 * CloudFormation semantics over the plain tree: what a template is (by content, not by name), how
 * values become rolecall value nodes (intrinsic functions are references, `Fn::Sub` a template,
 * `Ref` to a parameter with a literal `Default` and `Fn::FindInMap` with literal keys resolve with
 * the definition as `definedAt`), and the `AWS::IAM::Role` resources as role definitions.
 */
import type { LiteralNode, RoleDefinition, RoleProperty, Span, TemplatePart, ValueNode } from '@rolecall/core';
import { offsetMap } from '@rolecall/core';
import { entryOf, stringOf, valueOf, type CEntry, type CNode } from './tree.js';

import { EXTRACTOR_ID } from './discovery.js';

export { EXTRACTOR_ID };
export const ROLE_KIND = 'cloudformation-iam-role';

/**
 * A template has `AWSTemplateFormatVersion`, or `Resources` holding a resource whose `Type` is an
 * AWS (`AWS::…`, SAM's `AWS::Serverless::…`) or custom (`Custom::…`) type. A workflow or any other
 * YAML has neither, whatever its name.
 */
export function isTemplate(root: CNode | undefined): boolean {
  if (root?.kind !== 'map') return false;
  if (entryOf(root, 'AWSTemplateFormatVersion') !== undefined) return true;
  const resources = valueOf(root, 'Resources');
  if (resources?.kind !== 'map') return false;
  return resources.entries.some((e) => /^(?:AWS|Custom)::/.test(stringOf(valueOf(e.value, 'Type')) ?? ''));
}

/** Pseudo parameters are set by CloudFormation at deploy time: always references. */
const PSEUDO = /^AWS::/;

interface Scope {
  readonly path: string;
  readonly text: string;
  readonly parameters: CNode | undefined;
  readonly mappings: CNode | undefined;
}

/** The intrinsic function a node is, in long form (`Ref`, `Fn::Sub`), and its argument. */
function intrinsic(node: CNode): { fn: string; arg: CNode } | undefined {
  if (node.tag !== undefined) {
    const name = node.tag.slice(1);
    const fn = name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
    // The tag sits on the argument itself: `!Ref X` is a scalar X tagged `!Ref`.
    const { tag: _tag, anchor: _anchor, ...arg } = node;
    return { fn, arg: arg as CNode };
  }
  if (node.kind === 'map' && node.entries.length === 1) {
    const only = node.entries[0]!;
    if (only.key === 'Ref' || only.key.startsWith('Fn::')) return { fn: only.key, arg: only.value };
  }
  return undefined;
}

function scalarLiteral(node: Extract<CNode, { kind: 'scalar' }>): LiteralNode {
  return { kind: 'literal', span: node.span, value: node.value, ...(node.offsets !== undefined ? { offsets: offsetMap(node.offsets) } : {}) };
}

/** A value resolved from its definition: the use's span, the definition as `definedAt`. */
function resolved(use: Span, definition: Extract<CNode, { kind: 'scalar' }>, path: string, description: string): LiteralNode {
  return { kind: 'literal', span: use, value: definition.value, definedAt: { file: path, span: definition.span, description } };
}

function referenceOf(scope: Scope, node: CNode): ValueNode {
  return { kind: 'reference', span: node.span, text: scope.text.slice(node.span.start, node.span.end) };
}

function refValue(scope: Scope, node: CNode, name: string): ValueNode {
  if (PSEUDO.test(name)) return referenceOf(scope, node);
  const parameter = entryOf(scope.parameters, name);
  if (parameter === undefined) return referenceOf(scope, node);
  const def = valueOf(parameter.value, 'Default');
  if (def?.kind !== 'scalar' || def.tag !== undefined) {
    return { kind: 'reference', span: node.span, text: scope.text.slice(node.span.start, node.span.end), definition: { file: scope.path, span: parameter.keySpan } };
  }
  return resolved(node.span, def, scope.path, `parameter "${name}" Default`);
}

function findInMap(scope: Scope, node: CNode, arg: CNode): ValueNode {
  if (arg.kind !== 'seq' || arg.items.length !== 3) return referenceOf(scope, node);
  const keys = arg.items.map((item) => {
    const v = toValue(scope, item);
    return v.kind === 'literal' && (typeof v.value === 'string' || typeof v.value === 'number') ? String(v.value) : undefined;
  });
  if (keys.some((k) => k === undefined)) return referenceOf(scope, node);
  const [map, top, second] = keys as [string, string, string];
  const found = valueOf(valueOf(valueOf(scope.mappings, map), top), second);
  if (found?.kind !== 'scalar' || found.tag !== undefined) return referenceOf(scope, node);
  return resolved(node.span, found, scope.path, `Mappings ${map}.${top}.${second}`);
}

/** `Fn::Sub` text as a template: `${Name}` holes, `${!Literal}` written as text. */
function subTemplate(scope: Scope, node: CNode, arg: CNode): ValueNode {
  const body = arg.kind === 'seq' ? arg.items[0] : arg;
  if (body?.kind !== 'scalar' || typeof body.value !== 'string') return referenceOf(scope, node);
  const value = body.value;
  const at = (i: number): number => (body.offsets !== undefined ? (body.offsets[Math.min(i, value.length)] as number) : body.span.start);
  const parts: TemplatePart[] = [];
  let text = '';
  let textStart = 0;
  const flush = (end: number): void => {
    if (text !== '') parts.push({ kind: 'text', value: text, span: { start: at(textStart), end: at(end) } });
    text = '';
  };
  let i = 0;
  while (i < value.length) {
    if (value.startsWith('${', i)) {
      const close = value.indexOf('}', i + 2);
      if (close > 0) {
        const inner = value.slice(i + 2, close);
        if (inner.startsWith('!')) {
          if (text === '') textStart = i;
          text += `\${${inner.slice(1)}}`;
        } else {
          flush(i);
          parts.push({ kind: 'hole', expression: inner, span: { start: at(i), end: at(close + 1) } });
          textStart = close + 1;
        }
        i = close + 1;
        continue;
      }
    }
    if (text === '') textStart = i;
    text += value[i];
    i++;
  }
  flush(value.length);
  if (parts.every((p) => p.kind === 'text')) return { ...scalarLiteral(body), value: parts.map((p) => (p.kind === 'text' ? p.value : '')).join(''), span: node.span };
  return { kind: 'template', span: node.span, parts };
}

/** A template value as a rolecall value node; a value reached through a YAML alias names its anchor. */
export function toValue(scope: Scope, node: CNode): ValueNode {
  const value = toValueAt(scope, node);
  if (node.anchor === undefined || value.definedAt !== undefined) return value;
  return { ...value, definedAt: { file: scope.path, span: node.anchor.span, description: `YAML anchor &${node.anchor.name}` } };
}

function toValueAt(scope: Scope, node: CNode): ValueNode {
  const fn = intrinsic(node);
  if (fn !== undefined) {
    if (fn.fn === 'Ref') {
      const name = stringOf(fn.arg);
      return name === undefined ? referenceOf(scope, node) : refValue(scope, node, name);
    }
    if (fn.fn === 'Fn::FindInMap') return findInMap(scope, node, fn.arg);
    if (fn.fn === 'Fn::Sub') return subTemplate(scope, node, fn.arg);
    return referenceOf(scope, node);
  }
  switch (node.kind) {
    case 'scalar':
      return scalarLiteral(node);
    case 'seq':
      return { kind: 'array', span: node.span, items: node.items.map((item) => toValue(scope, item)) };
    case 'map':
      return { kind: 'object', span: node.span, entries: node.entries.map((e) => ({ key: e.key, keySpan: e.keySpan, value: toValue(scope, e.value) })) };
  }
}

/**
 * `MaxSessionDuration` as CloudFormation reads it: the resource schema types it as an integer, and
 * CloudFormation converts a quoted `"7200"` (or a string parameter default) to the number. The
 * literal then holds the number and `written` the text, so messages quote what the user wrote.
 */
function integerProperty(value: ValueNode, scope: Scope): ValueNode {
  if (value.kind !== 'literal' || typeof value.value !== 'string' || !/^\s*[+-]?\d+\s*$/.test(value.value)) return value;
  const source = value.definedAt === undefined ? scope.text.slice(value.span.start, value.span.end) : JSON.stringify(value.value);
  const { offsets: _offsets, ...rest } = value;
  return { ...rest, value: Number(value.value.trim()), written: { text: source, conversion: 'CloudFormation converts the quoted text to a number.', unit: 'seconds' } };
}

function property(scope: Scope, properties: CNode | undefined, key: string, convert?: (v: ValueNode) => ValueNode): RoleProperty | undefined {
  const entry: CEntry | undefined = entryOf(properties, key);
  if (entry === undefined) return undefined;
  const value = toValue(scope, entry.value);
  return { key: entry.key, keySpan: entry.keySpan, value: convert ? convert(value) : value };
}

/** Every `AWS::IAM::Role` of the template as a role definition, in source order. */
export function rolesOf(path: string, text: string, root: CNode): RoleDefinition[] {
  const scope: Scope = { path, text, parameters: valueOf(root, 'Parameters'), mappings: valueOf(root, 'Mappings') };
  const resources = valueOf(root, 'Resources');
  const roles: RoleDefinition[] = [];
  if (resources?.kind !== 'map') return roles;
  for (const resource of resources.entries) {
    if (stringOf(valueOf(resource.value, 'Type')) !== 'AWS::IAM::Role') continue;
    const properties = valueOf(resource.value, 'Properties');
    const name = property(scope, properties, 'RoleName');
    const rolePath = property(scope, properties, 'Path');
    const maxSessionDuration = property(scope, properties, 'MaxSessionDuration', (v) => integerProperty(v, scope));
    const trustPolicy = property(scope, properties, 'AssumeRolePolicyDocument');
    roles.push({
      id: `${EXTRACTOR_ID}:role:${roles.length}`,
      file: path,
      extractor: EXTRACTOR_ID,
      kind: ROLE_KIND,
      span: { start: resource.keySpan.start, end: resource.value.span.end },
      handles: [resource.key],
      ...(name !== undefined ? { name } : {}),
      ...(rolePath !== undefined ? { path: rolePath } : {}),
      ...(maxSessionDuration !== undefined ? { maxSessionDuration } : {}),
      ...(trustPolicy !== undefined ? { trustPolicy } : {}),
    });
  }
  return roles;
}
