/**
 * One pass over an ESTree program (from typescript-estree in the CLI, from espree or
 * @typescript-eslint/parser inside ESLint) that records what value following needs: imports of the
 * recognised modules (also `require`), variable declarations, reassignments, property assignments,
 * and every `new`/call expression as a candidate. The walk uses an explicit stack, so a deeply
 * nested file cannot overflow the call stack here.
 */
import type { TSESTree } from '@typescript-eslint/types';
import { MODULES } from './modules.js';

export type Node = TSESTree.Node;
export type Expression = TSESTree.Expression;

/** Where a node sits: its function (undefined at the top level) and its innermost block. */
export interface Place {
  readonly fn: Node | undefined;
  readonly block: Node;
}

/** A binding of a local name to (part of) a recognised module. */
export interface ModuleBinding {
  readonly module: string;
  readonly path: readonly string[];
}

export interface Declaration extends Place {
  readonly name: string;
  readonly id: TSESTree.Identifier;
  readonly kind: string;
  /** The initializer; for `const { a: b } = x`, `x` with `property` `a`. */
  readonly init: Expression | undefined;
  readonly property?: string;
  /** A function or class declaration with this name (not a value rolecall follows). */
  readonly opaque?: boolean;
}

export interface MemberAssignment extends Place {
  readonly object: string;
  readonly key: string;
  readonly keySpan: TSESTree.Range;
  readonly left: TSESTree.MemberExpression;
  readonly value: Expression;
  readonly start: number;
}

export interface Candidate extends Place {
  readonly node: TSESTree.NewExpression | TSESTree.CallExpression;
}

export interface FileIndex {
  readonly imports: Map<string, ModuleBinding>;
  readonly declarations: Map<string, Declaration[]>;
  readonly reassigned: Set<string>;
  readonly assignments: Map<string, MemberAssignment[]>;
  readonly candidates: Candidate[];
}

/** Keys that never hold code rolecall follows; skipping them keeps the walk short. */
const SKIP = new Set(['parent', 'range', 'loc', 'type', 'typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'decorators', 'comments', 'tokens']);

function isFunction(node: Node): boolean {
  return node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';
}

/**
 * Nodes that open a block for rolecall's purposes: real blocks (they scope declarations), and
 * every construct whose body may not run (a property assignment inside one is not straight-line).
 */
const BLOCKS = new Set([
  'BlockStatement',
  'Program',
  'StaticBlock',
  'SwitchCase',
  'ArrowFunctionExpression',
  'IfStatement',
  'ForStatement',
  'ForInStatement',
  'ForOfStatement',
  'WhileStatement',
  'DoWhileStatement',
  'ConditionalExpression',
  'LogicalExpression',
  'TryStatement',
  'CatchClause',
]);

function isBlock(node: Node): boolean {
  return BLOCKS.has(node.type);
}

/** The module a `require('m')` call names, when it is one rolecall tracks. */
export function requiredModule(node: Node | null | undefined): string | undefined {
  if (node?.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'require') return undefined;
  const arg = node.arguments[0];
  return arg?.type === 'Literal' && typeof arg.value === 'string' && MODULES.has(arg.value) ? arg.value : undefined;
}

/** A non-computed property name (`a.b`, `a['b']`). */
export function propertyName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed && node.property.type === 'Identifier') return node.property.name;
  if (node.computed && node.property.type === 'Literal' && typeof node.property.value === 'string') return node.property.value;
  return undefined;
}

function importedName(spec: TSESTree.ImportSpecifier): string {
  return spec.imported.type === 'Identifier' ? spec.imported.name : String(spec.imported.value);
}

/** The identifiers a parameter or pattern binds (`a`, `{ a, b: c }`, `[d, ...e]`, `f = 1`). */
function boundNames(pattern: Node): TSESTree.Identifier[] {
  const out: TSESTree.Identifier[] = [];
  const stack: Node[] = [pattern];
  while (stack.length > 0) {
    const p = stack.pop()!;
    switch (p.type) {
      case 'Identifier':
        out.push(p);
        break;
      case 'AssignmentPattern':
        stack.push(p.left);
        break;
      case 'RestElement':
        stack.push(p.argument);
        break;
      case 'ArrayPattern':
        for (const e of p.elements) if (e !== null) stack.push(e);
        break;
      case 'ObjectPattern':
        for (const prop of p.properties) stack.push(prop.type === 'RestElement' ? prop : prop.value);
        break;
      case 'TSParameterProperty':
        stack.push(p.parameter);
        break;
      default:
        break;
    }
  }
  return out;
}

function declare(index: FileIndex, d: Declaration): void {
  const list = index.declarations.get(d.name);
  if (list === undefined) index.declarations.set(d.name, [d]);
  else list.push(d);
}

function record(index: FileIndex, node: Node, place: Place): void {
  switch (node.type) {
    case 'ImportDeclaration': {
      const module = node.source.value;
      if (!MODULES.has(module)) return;
      for (const spec of node.specifiers) {
        index.imports.set(spec.local.name, { module, path: spec.type === 'ImportSpecifier' && importedName(spec) !== 'default' ? [importedName(spec)] : [] });
      }
      return;
    }
    case 'VariableDeclaration':
      for (const d of node.declarations) {
        if (d.id.type === 'Identifier') declare(index, { ...place, name: d.id.name, id: d.id, kind: node.kind, init: d.init ?? undefined });
        else if (d.id.type === 'ObjectPattern' && d.init != null) {
          for (const p of d.id.properties) {
            if (p.type !== 'Property' || p.computed || p.key.type !== 'Identifier') continue;
            const local = p.value.type === 'Identifier' ? p.value : p.value.type === 'AssignmentPattern' && p.value.left.type === 'Identifier' ? p.value.left : undefined;
            if (local !== undefined) declare(index, { ...place, name: local.name, id: local, kind: node.kind, init: d.init, property: p.key.name });
          }
        }
      }
      return;
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      if (node.type === 'FunctionDeclaration' && node.id != null) declare(index, { ...place, name: node.id.name, id: node.id, kind: node.type, init: undefined, opaque: true });
      // Parameters shadow outer bindings of the same name inside the function; their values are unknown.
      for (const param of node.params) for (const id of boundNames(param)) declare(index, { fn: node, block: node, name: id.name, id, kind: 'parameter', init: undefined, opaque: true });
      return;
    case 'CatchClause':
      if (node.param != null) for (const id of boundNames(node.param)) declare(index, { fn: place.fn, block: node, name: id.name, id, kind: 'parameter', init: undefined, opaque: true });
      return;
    case 'ClassDeclaration':
      if (node.id != null) declare(index, { ...place, name: node.id.name, id: node.id, kind: node.type, init: undefined, opaque: true });
      return;
    case 'AssignmentExpression': {
      const left = node.left;
      if (left.type === 'Identifier') index.reassigned.add(left.name);
      else if (left.type === 'MemberExpression' && left.object.type === 'Identifier' && node.operator === '=') {
        const key = propertyName(left);
        if (key === undefined) return;
        const entry: MemberAssignment = { ...place, object: left.object.name, key, keySpan: left.property.range, left, value: node.right, start: node.range[0] };
        const list = index.assignments.get(entry.object);
        if (list === undefined) index.assignments.set(entry.object, [entry]);
        else list.push(entry);
      }
      return;
    }
    case 'UpdateExpression':
      if (node.argument.type === 'Identifier') index.reassigned.add(node.argument.name);
      return;
    case 'NewExpression':
    case 'CallExpression':
      index.candidates.push({ ...place, node });
      return;
    default:
      return;
  }
}

/** Walks the program once and returns its index. */
export function scanProgram(program: TSESTree.Program): FileIndex {
  const index: FileIndex = { imports: new Map(), declarations: new Map(), reassigned: new Set(), assignments: new Map(), candidates: [] };
  const stack: { node: Node; place: Place }[] = [{ node: program, place: { fn: undefined, block: program } }];
  while (stack.length > 0) {
    const { node, place } = stack.pop()!;
    record(index, node, place);
    const inner: Place = { fn: isFunction(node) ? node : place.fn, block: isBlock(node) ? node : place.block };
    const children: Node[] = [];
    for (const key in node) {
      if (SKIP.has(key)) continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const item of value) if (item !== null && typeof item === 'object' && typeof (item as Node).type === 'string') children.push(item as Node);
      } else if (value !== null && typeof value === 'object' && typeof (value as Node).type === 'string') children.push(value as Node);
    }
    // Reverse so that nodes are visited in source order (candidates and assignments stay sorted).
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, place: inner });
  }
  return index;
}
