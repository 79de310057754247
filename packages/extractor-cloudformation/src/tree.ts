/**
 * One plain tree for YAML and JSON templates, so the CloudFormation semantics (template detection,
 * intrinsic functions, Parameters, Mappings, role properties) are written once. Offsets are UTF-16
 * offsets into the file; scalar strings carry a decoded-index → file-offset table.
 */
import type { Span } from '@rolecall/core';

export interface CEntry {
  readonly key: string;
  readonly keySpan: Span;
  readonly value: CNode;
}

/** Set on a node reached through a YAML alias: the anchored node's place and the anchor's name. */
export interface AnchorOrigin {
  readonly span: Span;
  readonly name: string;
}

export type CNode =
  | { readonly kind: 'map'; readonly span: Span; readonly entries: readonly CEntry[]; readonly tag?: string; readonly anchor?: AnchorOrigin }
  | { readonly kind: 'seq'; readonly span: Span; readonly items: readonly CNode[]; readonly tag?: string; readonly anchor?: AnchorOrigin }
  | {
      readonly kind: 'scalar';
      readonly anchor?: AnchorOrigin;
      readonly span: Span;
      readonly value: string | number | boolean | null;
      /** The text as written, quotes included. */
      readonly source: string;
      readonly quoted: boolean;
      /** For strings: decoded index → file offset, length `value.length + 1`. */
      readonly offsets?: ArrayLike<number>;
      readonly tag?: string;
    };

/** The entry of a map by key (the last one, as CloudFormation's parsers keep). */
export function entryOf(node: CNode | undefined, key: string): CEntry | undefined {
  if (node?.kind !== 'map') return undefined;
  let found: CEntry | undefined;
  for (const e of node.entries) if (e.key === key) found = e;
  return found;
}

export function valueOf(node: CNode | undefined, key: string): CNode | undefined {
  return entryOf(node, key)?.value;
}

/** The text of a string scalar, or undefined. */
export function stringOf(node: CNode | undefined): string | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

/** Identity table for text laid out 1:1 from `start`. */
export function identityTable(start: number, length: number): number[] {
  const table = new Array<number>(length + 1);
  for (let i = 0; i <= length; i++) table[i] = start + i;
  return table;
}

/** A bound on the work one file may cause, shared by the tree builders (see `TooMuchWork`). */
export class Budget {
  #left: number;
  constructor(readonly limit: number) {
    this.#left = limit;
  }
  spend(at: Span): void {
    if (--this.#left < 0) throw new TooMuchWork(at, this.limit);
  }
}

/** Thrown when a file would expand to more nodes than the budget (a YAML alias bomb). */
export class TooMuchWork extends Error {
  constructor(
    readonly span: Span,
    readonly limit: number,
  ) {
    super('budget exceeded');
  }
}
