/**
 * Follows values the way a reader of one file would: literals (with their exact spans and, for
 * escapes, an offset map), `const` bindings (and `let`/`var` never reassigned), object literals
 * built in a variable, spreads of known objects, property assignments made before the use in the
 * same block, string concatenation and template literals (known fragments + holes), `as` /
 * `satisfies` / `!` wrappers, numeric expressions of literals (`60 * 60 * 2`, kept as written) and
 * CDK `Duration.hours/minutes/seconds(n)`. Anything else is a `reference`: never a guess.
 */
import type { LiteralNode, ObjectEntry, ObjectNode, Span, TemplateNode, TemplatePart, ValueNode, Written } from '@rolecall/core';
import { materialize, offsetMap, UNKNOWN } from '@rolecall/core';
import type { TSESTree } from '@typescript-eslint/types';
import { DURATION_UNITS, SYMBOLS } from './modules.js';
import { propertyName, requiredModule, type Declaration, type Expression, type FileIndex, type Node } from './scan.js';
import { decodeOffsets } from './strings.js';

/** Bound on how far a chain of bindings is followed (`const a = b; const b = c; …`, cycles). */
const MAX_DEPTH = 32;
/** References keep at most this much of their source text. */
const MAX_REFERENCE_TEXT = 120;

export interface ValueContext {
  readonly file: string;
  readonly text: string;
  readonly index: FileIndex;
  /** Object nodes with a spread or computed key rolecall could not read: their key set is unknown. */
  readonly open: WeakSet<ObjectNode>;
  /** Per-name lookup tables, built on first use (see `lookup`). */
  readonly bindings: Map<string, Bindings>;
}

/** Where a value is used: an offset and the function around it (for property assignments). */
export interface UseSite {
  readonly pos: number;
  readonly fn: Node | undefined;
}

const spanOf = (node: { range: TSESTree.Range }): Span => ({ start: node.range[0], end: node.range[1] });

/** Drops the wrappers that do not change a value: `x as T`, `x satisfies T`, `x!`, `<T>x`. */
export function unwrap(node: Expression): Expression {
  let current: Expression = node;
  for (;;) {
    if (current.type === 'TSAsExpression' || current.type === 'TSSatisfiesExpression' || current.type === 'TSNonNullExpression' || current.type === 'TSTypeAssertion') current = current.expression;
    else if (current.type === 'ChainExpression') current = current.expression;
    else return current;
  }
}

export function sourceText(ctx: ValueContext, span: Span): string {
  const text = ctx.text.slice(span.start, span.end).replace(/\s+/g, ' ');
  return text.length <= MAX_REFERENCE_TEXT ? text : `${text.slice(0, MAX_REFERENCE_TEXT - 1)}…`;
}

function reference(ctx: ValueContext, node: { range: TSESTree.Range }): ValueNode {
  return { kind: 'reference', span: spanOf(node), text: sourceText(ctx, spanOf(node)) };
}

/**
 * A name's declarations sorted by where their block starts, each with the index of the nearest
 * earlier one whose block encloses its block (blocks are nested or disjoint, so this is a forest).
 */
interface Bindings {
  readonly decls: readonly Declaration[];
  readonly enclosing: readonly number[];
}

function bindingsOf(ctx: ValueContext, name: string): Bindings | undefined {
  let b = ctx.bindings.get(name);
  if (b !== undefined) return b;
  const list = ctx.index.declarations.get(name);
  if (list === undefined) return undefined;
  const decls = list.slice().sort((x, y) => x.block.range[0] - y.block.range[0]);
  const enclosing: number[] = [];
  const stack: number[] = [];
  decls.forEach((d, i) => {
    while (stack.length > 0 && decls[stack[stack.length - 1]!]!.block.range[1] <= d.block.range[0]) stack.pop();
    enclosing.push(stack.length > 0 ? stack[stack.length - 1]! : -1);
    stack.push(i);
  });
  b = { decls, enclosing };
  ctx.bindings.set(name, b);
  return b;
}

/**
 * The binding a name has at `pos`: the innermost declaration whose block holds the use. A binary
 * search finds the last block starting at or before `pos`; the answer is it or one of the blocks
 * enclosing it, so each lookup costs the nesting depth, not the number of declarations.
 */
export function lookup(ctx: ValueContext, name: string, pos: number): Declaration | undefined {
  const b = bindingsOf(ctx, name);
  if (b === undefined) return undefined;
  let lo = 0;
  let hi = b.decls.length - 1;
  let i = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (b.decls[mid]!.block.range[0] <= pos) {
      i = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  while (i >= 0 && pos >= b.decls[i]!.block.range[1]) i = b.enclosing[i]!;
  return i >= 0 ? b.decls[i] : undefined;
}

/** A declaration whose value a reader can rely on: `const`, or `let`/`var` never reassigned. */
function stable(ctx: ValueContext, d: Declaration): boolean {
  return d.opaque !== true && d.init !== undefined && (d.kind === 'const' || !ctx.index.reassigned.has(d.name));
}

/** The expression a name is bound to at its use, when a reader can rely on it (see `stable`). */
export function boundExpression(ctx: ValueContext, id: TSESTree.Identifier): Expression | undefined {
  const d = lookup(ctx, id.name, id.range[0]);
  return d !== undefined && stable(ctx, d) && d.property === undefined ? d.init : undefined;
}

/** The recognised symbol an expression names (`module#path`), through imports, aliases and `require`. */
export function symbolOf(ctx: ValueContext, expr: Expression, depth = 0): string | undefined {
  const path = modulePath(ctx, unwrap(expr), depth);
  return path === undefined ? undefined : `${path.module}#${path.path.join('.')}`;
}

function modulePath(ctx: ValueContext, expr: Expression, depth: number): { module: string; path: string[] } | undefined {
  if (depth > MAX_DEPTH) return undefined;
  switch (expr.type) {
    case 'Identifier': {
      const d = lookup(ctx, expr.name, expr.range[0]);
      if (d !== undefined) {
        if (!stable(ctx, d)) return undefined;
        const base = modulePath(ctx, unwrap(d.init!), depth + 1);
        return base === undefined ? undefined : { module: base.module, path: d.property === undefined ? base.path : [...base.path, d.property] };
      }
      const binding = ctx.index.imports.get(expr.name);
      return binding === undefined ? undefined : { module: binding.module, path: [...binding.path] };
    }
    case 'MemberExpression': {
      const name = propertyName(expr);
      const base = name === undefined ? undefined : modulePath(ctx, unwrap(expr.object), depth + 1);
      return base === undefined ? undefined : { module: base.module, path: [...base.path, name!] };
    }
    case 'CallExpression': {
      const module = requiredModule(expr);
      return module === undefined ? undefined : { module, path: [] };
    }
    default:
      return undefined;
  }
}

/** A value read through a binding: placed at the use, with the definition as its origin. */
function atUse(node: ValueNode, use: Span, d: Declaration, ctx: ValueContext): ValueNode {
  const definedAt = { file: ctx.file, span: spanOf(d.id), description: `${d.kind} ${d.name}` };
  if (node.kind === 'literal' && typeof node.value === 'string') {
    // Every character lands on the use; the definition is given as the related location.
    const length = node.value.length;
    const table = Array.from({ length: length + 1 }, (_, i) => (i < length ? use.start : use.end));
    return { ...node, span: use, offsets: offsetMap(table), definedAt };
  }
  return { ...node, span: use, definedAt };
}

/** How a CDK role is named in `RoleDefinition.handles`: the file and the variable holding it. */
export function roleHandleOf(file: string, variable: string): string {
  return `${file}#${variable}`;
}

/** The handle of the CDK role an expression names (`deployRole` of `const deployRole = new iam.Role(…)`). */
function roleHandle(ctx: ValueContext, expr: Expression): string | undefined {
  const e = unwrap(expr);
  if (e.type !== 'Identifier') return undefined;
  const init = boundExpression(ctx, e);
  const created = init === undefined ? undefined : unwrap(init);
  if (created?.type !== 'NewExpression' || created.callee.type === 'Super') return undefined;
  return SYMBOLS.get(symbolOf(ctx, created.callee as Expression) ?? '')?.kind === 'cdk-role' ? roleHandleOf(ctx.file, e.name) : undefined;
}

/** The value of an expression used at `site`. */
export function valueOf(ctx: ValueContext, input: Expression, site: UseSite, depth = 0): ValueNode {
  const expr = unwrap(input);
  if (depth > MAX_DEPTH) return reference(ctx, expr);
  switch (expr.type) {
    case 'Literal':
      return literalOf(ctx, expr);
    case 'TemplateLiteral':
      return templateOf(ctx, expr, site, depth);
    case 'Identifier':
      return identifierValue(ctx, expr, site, depth);
    case 'ObjectExpression':
      return objectOf(ctx, expr, site, depth);
    case 'ArrayExpression': {
      const items: ValueNode[] = [];
      for (const element of expr.elements) {
        if (element === null) return reference(ctx, expr);
        if (element.type === 'SpreadElement') {
          const spread = valueOf(ctx, element.argument, site, depth + 1);
          if (spread.kind !== 'array') return reference(ctx, expr);
          items.push(...spread.items);
        } else items.push(valueOf(ctx, element, site, depth + 1));
      }
      return { kind: 'array', span: spanOf(expr), items };
    }
    case 'BinaryExpression':
      return binaryOf(ctx, expr, site, depth);
    case 'UnaryExpression': {
      const inner = expr.operator === '-' || expr.operator === '+' ? valueOf(ctx, expr.argument, site, depth + 1) : undefined;
      if (inner?.kind !== 'literal' || typeof inner.value !== 'number') return reference(ctx, expr);
      const value = expr.operator === '-' ? -inner.value : inner.value;
      return { kind: 'literal', span: spanOf(expr), value, written: { text: ctx.text.slice(expr.range[0], expr.range[1]) } };
    }
    case 'MemberExpression': {
      const name = propertyName(expr);
      const role = name === 'roleArn' ? roleHandle(ctx, expr.object) : undefined;
      if (role !== undefined) return { kind: 'reference', span: spanOf(expr), text: sourceText(ctx, spanOf(expr)), refersTo: role };
      const object = name === undefined ? undefined : valueOf(ctx, expr.object, site, depth + 1);
      if (object?.kind === 'object' && !ctx.open.has(object)) {
        const entry = [...object.entries].reverse().find((e) => e.key === name);
        if (entry !== undefined) return entry.value;
      }
      return reference(ctx, expr);
    }
    case 'CallExpression':
      return callValue(ctx, expr, site, depth);
    default:
      return reference(ctx, expr);
  }
}

function literalOf(ctx: ValueContext, expr: TSESTree.Literal): ValueNode {
  const span = spanOf(expr);
  const value = expr.value;
  if (typeof value === 'string') {
    const raw = ctx.text.slice(span.start + 1, span.end - 1);
    if (raw === value) return { kind: 'literal', span, value };
    const table = decodeOffsets(raw, span.start + 1, value) ?? Array.from({ length: value.length + 1 }, (_, i) => (i < value.length ? span.start : span.end));
    return { kind: 'literal', span, value, offsets: offsetMap(table) };
  }
  if (typeof value === 'number') {
    const raw = ctx.text.slice(span.start, span.end);
    return raw === String(value) ? { kind: 'literal', span, value } : { kind: 'literal', span, value, written: { text: raw } };
  }
  if (typeof value === 'boolean' || value === null) return { kind: 'literal', span, value };
  return reference(ctx, expr);
}

function identifierValue(ctx: ValueContext, expr: TSESTree.Identifier, site: UseSite, depth: number): ValueNode {
  const d = lookup(ctx, expr.name, expr.range[0]);
  if (d === undefined || !stable(ctx, d) || d.id.range[1] > expr.range[0]) return reference(ctx, expr);
  const defSite: UseSite = { pos: d.init!.range[0], fn: d.fn };
  let value = valueOf(ctx, d.init!, defSite, depth + 1);
  if (d.property !== undefined) {
    if (value.kind !== 'object' || ctx.open.has(value)) return reference(ctx, expr);
    const entry = [...value.entries].reverse().find((e) => e.key === d.property);
    return entry === undefined ? reference(ctx, expr) : atUse(entry.value, spanOf(expr), d, ctx);
  }
  if (value.kind === 'object') value = withAssignments(ctx, value, d, expr.range[0], depth);
  return atUse(value, spanOf(expr), d, ctx);
}

/**
 * `params.DurationSeconds = 7200` between the declaration and the use: applied when made in the
 * declaration's own block (straight-line code); made anywhere else in that function (an `if`, a
 * loop), the property becomes a reference, since the reader cannot tell whether it ran.
 */
function withAssignments(ctx: ValueContext, object: ObjectNode, d: Declaration, usePos: number, depth: number): ObjectNode {
  const list = ctx.index.assignments.get(d.name);
  if (list === undefined) return object;
  let entries = object.entries.slice();
  for (const a of list) {
    if (a.start <= d.id.range[1] || a.start >= usePos || a.fn !== d.fn) continue;
    const straight = a.block === d.block;
    const value = straight ? valueOf(ctx, a.value, { pos: a.start, fn: a.fn }, depth + 1) : reference(ctx, a.left);
    entries = entries.filter((e) => e.key !== a.key);
    entries.push({ key: a.key, keySpan: { start: a.keySpan[0], end: a.keySpan[1] }, value });
  }
  const result: ObjectNode = { ...object, entries };
  if (ctx.open.has(object)) ctx.open.add(result);
  return result;
}

function keyOf(ctx: ValueContext, property: TSESTree.Property, site: UseSite, depth: number): string | undefined {
  const key = property.key;
  if (!property.computed && key.type === 'Identifier') return key.name;
  if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  if (property.computed) {
    const value = valueOf(ctx, key as Expression, site, depth + 1);
    if (value.kind === 'literal' && typeof value.value === 'string') return value.value;
  }
  return undefined;
}

function objectOf(ctx: ValueContext, expr: TSESTree.ObjectExpression, site: UseSite, depth: number): ObjectNode {
  const entries: ObjectEntry[] = [];
  let open = false;
  for (const property of expr.properties) {
    if (property.type === 'SpreadElement') {
      const spread = valueOf(ctx, property.argument, site, depth + 1);
      if (spread.kind === 'object') {
        if (ctx.open.has(spread)) open = true;
        entries.push(...spread.entries);
      } else open = true;
      continue;
    }
    if (property.kind !== 'init' || property.method) continue;
    const key = keyOf(ctx, property, site, depth);
    if (key === undefined) {
      open = true;
      continue;
    }
    entries.push({ key, keySpan: spanOf(property.key), value: valueOf(ctx, property.value as Expression, site, depth + 1) });
  }
  const node: ObjectNode = { kind: 'object', span: spanOf(expr), entries };
  if (open) ctx.open.add(node);
  return node;
}

/** A run of known characters with the file offset of each (and one past the end), or a hole. */
type Piece = { readonly text: string; readonly table: number[] } | { readonly hole: string; readonly span: Span };

function collapsed(length: number, span: Span): number[] {
  return Array.from({ length: length + 1 }, (_, i) => (i < length ? span.start : span.end));
}

/** The pieces of a value used inside a string (`'a' + x`, `${x}`). */
function piecesOf(ctx: ValueContext, node: ValueNode): Piece[] {
  if (node.kind === 'literal' && node.value !== null && typeof node.value !== 'object') {
    const text = String(node.value);
    if (typeof node.value !== 'string') return [{ text, table: collapsed(text.length, node.span) }];
    const table = node.offsets ? Array.from({ length: text.length + 1 }, (_, i) => Number(node.offsets!.table[i])) : Array.from({ length: text.length + 1 }, (_, i) => node.span.start + 1 + i);
    return [{ text, table }];
  }
  if (node.kind === 'template') {
    return node.parts.map((p): Piece => {
      if (p.kind === 'hole') return { hole: p.expression, span: p.span };
      const plain = p.span.end - p.span.start === p.value.length;
      return { text: p.value, table: plain ? Array.from({ length: p.value.length + 1 }, (_, i) => p.span.start + i) : collapsed(p.value.length, p.span) };
    });
  }
  return [{ hole: sourceText(ctx, node.span), span: node.span }];
}

/** Joins pieces into a literal (all known) or a template (known fragments + holes). */
function fromPieces(pieces: readonly Piece[], span: Span): LiteralNode | TemplateNode {
  const merged: Piece[] = [];
  for (const piece of pieces) {
    if ('text' in piece && piece.text.length === 0) continue;
    const last = merged[merged.length - 1];
    if ('text' in piece && last !== undefined && 'text' in last) merged[merged.length - 1] = { text: last.text + piece.text, table: [...last.table.slice(0, -1), ...piece.table] };
    else merged.push(piece);
  }
  if (merged.every((p) => 'text' in p)) {
    const text = merged.map((p) => ('text' in p ? p.text : '')).join('');
    const table = merged.length === 0 ? [span.start + 1] : ((merged[0] as { table: number[] }).table);
    return { kind: 'literal', span, value: text, offsets: offsetMap(table) };
  }
  const parts: TemplatePart[] = merged.map((p) =>
    'text' in p ? { kind: 'text', value: p.text, span: { start: p.table[0]!, end: p.table[p.table.length - 1]! } } : { kind: 'hole', expression: p.hole, span: p.span },
  );
  return { kind: 'template', span, parts };
}

function templateOf(ctx: ValueContext, expr: TSESTree.TemplateLiteral, site: UseSite, depth: number): ValueNode {
  const pieces: Piece[] = [];
  expr.quasis.forEach((quasi, i) => {
    const cooked = quasi.value.cooked;
    // The chunk's text sits between "`" or "}" and "${" or "`".
    const start = quasi.range[0] + 1;
    const end = quasi.range[1] - (quasi.tail ? 1 : 2);
    if (cooked === null || cooked === undefined) pieces.push({ hole: sourceText(ctx, { start, end }), span: { start, end } });
    else {
      const raw = ctx.text.slice(start, end);
      const table = raw === cooked ? Array.from({ length: cooked.length + 1 }, (_, k) => start + k) : (decodeOffsets(raw, start, cooked) ?? collapsed(cooked.length, { start, end }));
      pieces.push({ text: cooked, table });
    }
    const hole = expr.expressions[i];
    if (hole !== undefined) pieces.push(...piecesOf(ctx, valueOf(ctx, hole as Expression, site, depth + 1)));
  });
  return fromPieces(pieces, spanOf(expr));
}

const ARITHMETIC: Readonly<Record<string, (a: number, b: number) => number>> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '%': (a, b) => a % b,
  '**': (a, b) => a ** b,
};

function binaryOf(ctx: ValueContext, expr: TSESTree.BinaryExpression, site: UseSite, depth: number): ValueNode {
  if (expr.left.type === 'PrivateIdentifier') return reference(ctx, expr);
  const left = valueOf(ctx, expr.left, site, depth + 1);
  const right = valueOf(ctx, expr.right, site, depth + 1);
  const op = ARITHMETIC[expr.operator];
  const span = spanOf(expr);
  if (op !== undefined && left.kind === 'literal' && right.kind === 'literal' && typeof left.value === 'number' && typeof right.value === 'number') {
    const written: Written = { text: ctx.text.slice(span.start, span.end) };
    return { kind: 'literal', span, value: op(left.value, right.value), written };
  }
  const stringy = (n: ValueNode): boolean => n.kind === 'template' || (n.kind === 'literal' && typeof n.value === 'string');
  if (expr.operator === '+' && (stringy(left) || stringy(right))) return fromPieces([...piecesOf(ctx, left), ...piecesOf(ctx, right)], span);
  return reference(ctx, expr);
}

/** `Duration.hours(2)`, `Duration.hours(2).toSeconds()`, `JSON.stringify({…})` of known values. */
function callValue(ctx: ValueContext, expr: TSESTree.CallExpression, site: UseSite, depth: number): ValueNode {
  const callee = unwrap(expr.callee);
  const span = spanOf(expr);
  if (callee.type === 'MemberExpression') {
    const method = propertyName(callee);
    const receiver = unwrap(callee.object);
    if (method === 'toSeconds' && expr.arguments.length === 0 && receiver.type === 'CallExpression') {
      const inner = durationOf(ctx, receiver, site, depth);
      if (inner !== undefined) return { ...inner, span, written: { ...inner.written!, text: ctx.text.slice(span.start, span.end) } };
    }
    const duration = durationOf(ctx, expr, site, depth);
    if (duration !== undefined) return duration;
    if (method === 'stringify' && receiver.type === 'Identifier' && receiver.name === 'JSON' && lookup(ctx, 'JSON', receiver.range[0]) === undefined && expr.arguments.length === 1) {
      const arg = expr.arguments[0]!;
      if (arg.type !== 'SpreadElement') {
        const value = materialize(valueOf(ctx, arg, site, depth + 1));
        if (value !== UNKNOWN) {
          // The JSON text is built by the call, not written: every character maps onto the argument.
          const json = JSON.stringify(value);
          if (typeof json === 'string') return { kind: 'literal', span, value: json, offsets: offsetMap(collapsed(json.length, spanOf(arg))) };
        }
      }
    }
  }
  return reference(ctx, expr);
}

/** `Duration.<unit>(n)` of a recognised CDK `Duration`, in seconds, written as in the source. */
export function durationOf(ctx: ValueContext, expr: TSESTree.CallExpression, site: UseSite, depth: number): LiteralNode | undefined {
  const callee = unwrap(expr.callee);
  if (callee.type !== 'MemberExpression') return undefined;
  const unit = DURATION_UNITS.get(propertyName(callee) ?? '');
  if (unit === undefined || SYMBOLS.get(symbolOf(ctx, callee.object) ?? '')?.kind !== 'cdk-duration') return undefined;
  const arg = expr.arguments[0];
  if (arg === undefined || arg.type === 'SpreadElement') return undefined;
  const amount = valueOf(ctx, arg, site, depth + 1);
  if (amount.kind !== 'literal' || typeof amount.value !== 'number') return undefined;
  const span = spanOf(expr);
  return { kind: 'literal', span, value: amount.value * unit.seconds, written: { text: ctx.text.slice(span.start, span.end), unit: unit.unit } };
}
