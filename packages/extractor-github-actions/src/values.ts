/**
 * Input values of a step as rolecall value nodes: `${{ … }}` are template holes; a value that is
 * exactly `${{ env.NAME }}` or `${{ inputs.name }}` resolves to the literal `env:` entry (step, then
 * job, then workflow) or composite-action input `default:`, with the definition as `definedAt`.
 */
import type { LiteralNode, Span, ValueNode } from '@rolecall/core';
import { offsetMap } from '@rolecall/core';
import type { Node as YamlNode, Scalar } from 'yaml';
import { decodeScalar, expressionsIn, templateOf, type DecodedScalar } from './scalar.js';

type Yaml = typeof import('yaml');

/** A definition a `${{ env.X }}` / `${{ inputs.x }}` may resolve to. */
export interface Definition {
  readonly node: YamlNode | null;
  readonly keySpan: Span;
  /** In the user's words: `env ROLE_ARN (job deploy)`, `input "duration" default`. */
  readonly description: string;
}

export interface ValueScope {
  readonly yaml: Yaml;
  readonly doc: import('yaml').Document;
  readonly text: string;
  readonly file: string;
  /** Innermost first: step env, job env, workflow env. */
  readonly env: readonly ReadonlyMap<string, Definition>[];
  /** Composite action `inputs.<name>.default`. */
  readonly inputs: ReadonlyMap<string, Definition>;
}

/** Follows aliases (a bounded chain) to the node they name. */
export function deref(yaml: Yaml, doc: import('yaml').Document, node: unknown): YamlNode | null {
  let current = node;
  for (let i = 0; i < 16 && yaml.isAlias(current); i++) current = current.resolve(doc);
  return (yaml.isNode(current) ? current : null) as YamlNode | null;
}

/** The decoded string of a scalar as GitHub reads an input (plain scalars as written). */
export function decodedScalar(scope: Pick<ValueScope, 'text'>, node: Scalar): DecodedScalar | undefined {
  const range = node.range;
  if (range === undefined || range === null) return undefined;
  const [start, end] = range;
  const plain = node.type === 'PLAIN' || node.type === undefined;
  const value = plain ? scope.text.slice(start, end) : String(node.value ?? '');
  return decodeScalar(scope.text, start, end, node.type, value);
}

function lookup(scope: ValueScope, expression: string): Definition | undefined {
  const env = /^env\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(expression);
  if (env !== null) {
    for (const level of scope.env) {
      const found = level.get(env[1] as string);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  const input = /^inputs\.([A-Za-z_][A-Za-z0-9_-]*)$/.exec(expression);
  return input === null ? undefined : scope.inputs.get((input[1] as string).toLowerCase());
}

/** A value node for a scalar at its own place (no resolution). */
function scalarValue(scope: ValueScope, decoded: DecodedScalar): LiteralNode | ValueNode {
  const expressions = expressionsIn(decoded.value);
  if (expressions.length === 0) return { kind: 'literal', value: decoded.value, span: decoded.span, offsets: decoded.offsets };
  return templateOf(decoded, expressions);
}

/**
 * The value of an input. `use` is the node under `with:`; a whole-value `${{ env.X }}` or
 * `${{ inputs.x }}` whose definition is a literal becomes that literal, placed at the use, with
 * the definition's place in `definedAt` (its offsets still point into the definition, where a
 * fix goes).
 */
export function inputValue(scope: ValueScope, use: unknown): ValueNode | undefined {
  const node = deref(scope.yaml, scope.doc, use);
  if (node === null || !scope.yaml.isScalar(node)) return undefined;
  const decoded = decodedScalar(scope, node);
  if (decoded === undefined) return undefined;
  const own = scalarValue(scope, decoded);
  if (own.kind !== 'template' || own.parts.length !== 1 || own.parts[0]?.kind !== 'hole') return own;
  const definition = lookup(scope, own.parts[0].expression);
  const target = definition === undefined ? null : deref(scope.yaml, scope.doc, definition.node);
  if (definition === undefined || target === null || !scope.yaml.isScalar(target)) return own;
  const defined = decodedScalar(scope, target);
  if (defined === undefined) return own;
  const value = scalarValue(scope, defined);
  const definedAt = { file: scope.file, span: { start: definition.keySpan.start, end: defined.span.end }, description: definition.description };
  if (value.kind === 'literal') return { ...value, span: decoded.span, offsets: value.offsets ?? offsetMap([]), definedAt };
  return { ...value, definedAt };
}

/** The source text of a node's value as written (quotes included). */
export function sourceText(scope: Pick<ValueScope, 'text'>, span: Span): string {
  return scope.text.slice(span.start, span.end);
}
