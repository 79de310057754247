/**
 * What a file defines for the module's other files: `variable` defaults, `locals`, and tfvars
 * assignments. Plain data (structured-cloneable) for the project hook (`project.ts`).
 */
import type { Node } from 'web-tree-sitter';
import type { Span, ValueNode } from '@rolecall/core';
import { attributes, blockHead, bodyOf, labels, type RawAttribute } from './hcl.js';
import { valueOf } from './values.js';

export interface Definition {
  readonly name: string;
  readonly value: ValueNode;
  /** The value's source text (for messages in the user's spelling). */
  readonly text: string;
  readonly span: Span;
}

export interface FileExports {
  /** `variable "x" { default = … }`. */
  readonly variables?: readonly Definition[];
  /** `locals { x = … }`. */
  readonly locals?: readonly Definition[];
  /** Assignments of a `.tfvars` / `.tfvars.json` file. */
  readonly tfvars?: readonly Definition[];
}

function define(path: string, text: string, name: string, expression: Node): Definition {
  const value = valueOf(text, expression);
  return { name, value, text: text.slice(value.span.start, value.span.end), span: value.span };
}

export function isTfvars(path: string): boolean {
  return /\.tfvars(\.json)?$/i.test(path);
}

export function definitionsOf(path: string, text: string, top: readonly RawAttribute[], topBlocks: readonly Node[]): FileExports | undefined {
  if (isTfvars(path)) {
    const tfvars = top.map((a) => define(path, text, a.key, a.expression));
    return tfvars.length > 0 ? { tfvars } : undefined;
  }
  const variables: Definition[] = [];
  const locals: Definition[] = [];
  for (const block of topBlocks) {
    const type = blockHead(block).text;
    if (type === 'variable') {
      const name = labels(block)[0];
      const def = attributes(bodyOf(block)).find((a) => a.key === 'default');
      if (name !== undefined && def !== undefined) variables.push(define(path, text, name, def.expression));
    } else if (type === 'locals') {
      for (const a of attributes(bodyOf(block))) locals.push(define(path, text, a.key, a.expression));
    }
  }
  if (variables.length === 0 && locals.length === 0) return undefined;
  return { ...(variables.length > 0 ? { variables } : {}), ...(locals.length > 0 ? { locals } : {}) };
}
