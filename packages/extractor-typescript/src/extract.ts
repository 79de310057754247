/**
 * ESTree program → calls and role definitions. Written once over ESTree, so the CLI (which parses
 * with typescript-estree) and the ESLint plugin (which receives ESLint's tree from espree or
 * @typescript-eslint/parser) read the same things the same way. Synchronous and browser-safe.
 */
import type { AssumeRoleCall, ExtractionResult, RoleDefinition, SourceComment } from '@rolecall/core';
import type { TSESTree } from '@typescript-eslint/types';
import { callsOf, EXTRACTOR_ID, roleOf } from './calls.js';
import { scanProgram, type Node } from './scan.js';
import type { ValueContext } from './values.js';

export { prefilter } from './discovery.js';

/** A comment as ESTree gives it (`Line`/`Block` with `value` and `range`). */
export interface EstreeComment {
  readonly type: string;
  readonly value: string;
  readonly range: readonly [number, number];
}

/** Comments for suppression directives (`// rolecall-disable-next-line …`). */
export function commentsOf(comments: readonly EstreeComment[] | undefined): SourceComment[] {
  return (comments ?? []).map((c) => ({ text: c.value, span: { start: c.range[0], end: c.range[1] } }));
}

/** Variable names that hold each `new …` (the handles of CDK roles). */
function handlesOf(index: ReturnType<typeof scanProgram>): Map<Node, string[]> {
  const out = new Map<Node, string[]>();
  for (const list of index.declarations.values()) {
    for (const d of list) {
      if (d.init === undefined || d.property !== undefined) continue;
      const names = out.get(d.init) ?? [];
      names.push(d.name);
      out.set(d.init, names);
    }
  }
  return out;
}

/** Everything rolecall reads in one program. `text` is the file the program was parsed from. */
export function extractFromProgram(program: TSESTree.Program, text: string, file: string): Pick<ExtractionResult, 'calls' | 'roles'> {
  const index = scanProgram(program);
  const ctx: ValueContext = { file, text, index, open: new WeakSet(), bindings: new Map() };
  const calls: AssumeRoleCall[] = [];
  const roles: RoleDefinition[] = [];
  let handles: Map<Node, string[]> | undefined;
  for (const candidate of index.candidates) {
    for (const draft of callsOf(ctx, candidate)) calls.push({ id: `${EXTRACTOR_ID}:${calls.length}`, file, extractor: EXTRACTOR_ID, ...draft });
    if (candidate.node.type === 'NewExpression') {
      handles ??= handlesOf(index);
      const role = roleOf(ctx, candidate, handles.get(candidate.node) ?? [], roles.length);
      if (role !== undefined) roles.push(role);
    }
  }
  return { calls, roles };
}
export { EXTRACTOR_ID } from './calls.js';
