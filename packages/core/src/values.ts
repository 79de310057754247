import type { AssumeRoleCall, CallParameter, LiteralNode, Span, StsMember, ValueNode } from './call.js';
import { toSource } from './call.js';

/** Marks a value that is not fully known statically (a reference, a template, or a container holding one). */
export const UNKNOWN: unique symbol = Symbol.for('rolecall.unknown');
export type Unknown = typeof UNKNOWN;

/**
 * The JavaScript value of a node when every part of it is known: literals, arrays and objects of
 * known nodes, and implicit nodes (their supplied value). Anything containing a template or a
 * reference gives `UNKNOWN`. Object keys are defined as own data properties, so a key such as
 * `__proto__` stays an ordinary key (as `JSON.parse` does); a repeated key keeps its last value.
 */
export function materialize(node: ValueNode): unknown {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'implicit':
      return materialize(node.value);
    case 'array': {
      const out: unknown[] = [];
      for (const item of node.items) {
        const value = materialize(item);
        if (value === UNKNOWN) return UNKNOWN;
        out.push(value);
      }
      return out;
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const entry of node.entries) {
        const value = materialize(entry.value);
        if (value === UNKNOWN) return UNKNOWN;
        Object.defineProperty(out, entry.key, { value, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case 'template':
    case 'reference':
      return UNKNOWN;
  }
}

export interface MaterializedCall {
  /** The request as the SDK would receive it, holding only the members whose values are fully known. */
  readonly input: Record<string, unknown>;
  /** Members present in the call whose value is not fully known. */
  readonly unknownMembers: Set<StsMember>;
}

/** Materializes every parameter of a call (see `materialize`). */
export function materializeCall(call: AssumeRoleCall): MaterializedCall {
  const input: Record<string, unknown> = {};
  const unknownMembers = new Set<StsMember>();
  for (const parameter of call.parameters) {
    const value = materialize(parameter.value);
    if (value === UNKNOWN) unknownMembers.add(parameter.member);
    else input[parameter.member] = value;
  }
  return { input, unknownMembers };
}

/** Splits a JSON Pointer (RFC 6901) into unescaped reference tokens. `''` is the whole document. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  const tokens = pointer.startsWith('/') ? pointer.slice(1).split('/') : pointer.split('/');
  return tokens.map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Builds a JSON Pointer from reference tokens, escaping `~` and `/`. */
export function formatPointer(tokens: readonly (string | number)[]): string {
  return tokens.map((t) => '/' + String(t).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export interface ResolvedPointer {
  /** The deepest node the pointer reaches; absent when the first token names no parameter of the call. */
  readonly node?: ValueNode;
  readonly parameter?: CallParameter;
  /** The part of the pointer below `node` that could not be walked (`''` when fully resolved), e.g. `/Statement/0/Action` inside a Policy string. */
  readonly rest: string;
}

const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;

/**
 * Walks a request pointer such as `/Tags/3/Key`: the first token is the STS member, then array
 * indices and object keys. Implicit nodes are walked through to their value. For repeated object
 * keys the last one wins, matching `materialize`.
 */
export function resolvePointer(call: AssumeRoleCall, pointer: string): ResolvedPointer {
  const tokens = parsePointer(pointer);
  const [member, ...restTokens] = tokens;
  const parameter = member === undefined ? undefined : call.parameters.find((p) => p.member === member);
  if (parameter === undefined) return { rest: pointer };
  let node: ValueNode = parameter.value;
  let i = 0;
  for (; i < restTokens.length; i++) {
    const token = restTokens[i] as string;
    const container: ValueNode = node.kind === 'implicit' ? node.value : node;
    let next: ValueNode | undefined;
    if (container.kind === 'array' && ARRAY_INDEX.test(token)) {
      next = container.items[Number(token)];
    } else if (container.kind === 'object') {
      for (let e = container.entries.length - 1; e >= 0; e--) {
        const entry = container.entries[e];
        if (entry !== undefined && entry.key === token) {
          next = entry.value;
          break;
        }
      }
    }
    if (next === undefined) break;
    node = next;
  }
  return { node, parameter, rest: formatPointer(restTokens.slice(i)) };
}

/**
 * Maps `[start, end)` indices inside a literal string's decoded value to a file span, through the
 * node's `offsets` map or, when it has none, `span.start + 1 + i` (content right after the opening
 * quote, no escapes). Indices are clamped to the value; a non-string literal gives its own span.
 */
export function stringRangeToSpan(node: LiteralNode, range: Span): Span {
  if (typeof node.value !== 'string') return node.span;
  const length = node.value.length;
  const clampIndex = (i: number): number => (Number.isFinite(i) ? Math.min(Math.max(Math.floor(i), 0), length) : 0);
  let start = clampIndex(range.start);
  let end = clampIndex(range.end);
  if (end < start) [start, end] = [end, start];
  const at = (i: number): number => (node.offsets ? toSource(node.offsets, i) : node.span.start + 1 + i);
  return { start: at(start), end: at(end) };
}

export interface NodeSite {
  readonly parameter: CallParameter;
  /** Request pointer of the node, e.g. `/Tags/3/Key`. */
  readonly path: string;
}

/**
 * Finds which parameter holds a node (by identity) and its request pointer. Lets rules report at
 * a node they walked to and still get a `path` (and so a stable fingerprint).
 */
export function locateNode(call: AssumeRoleCall, target: ValueNode): NodeSite | undefined {
  for (const parameter of call.parameters) {
    const path = findPath(parameter.value, target, [parameter.member]);
    if (path !== undefined) return { parameter, path: formatPointer(path) };
  }
  return undefined;
}

function findPath(node: ValueNode, target: ValueNode, at: (string | number)[]): (string | number)[] | undefined {
  if (node === target) return at;
  switch (node.kind) {
    case 'implicit':
      return findPath(node.value, target, at);
    case 'array':
      for (let i = 0; i < node.items.length; i++) {
        const found = findPath(node.items[i] as ValueNode, target, [...at, i]);
        if (found) return found;
      }
      return undefined;
    case 'object':
      for (const entry of node.entries) {
        const found = findPath(entry.value, target, [...at, entry.key]);
        if (found) return found;
      }
      return undefined;
    default:
      return undefined;
  }
}
