/**
 * jsonc-parser's tree → the plain template tree. jsonc-parser never throws and keeps building
 * after a syntax error, so the rest of a damaged template is still read (parsers.md §3.1).
 */
import type { Span } from '@rolecall/core';
import { decodeJsonString, JSON_SYNTAX_MESSAGES } from '@rolecall/core';
import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import { Budget, type CEntry, type CNode } from './tree.js';

type JsoncModule = typeof import('jsonc-parser');

/** jsonc-parser's error codes in words (core's table), comments worded for this file kind. */
const MESSAGES: Readonly<Record<string, string>> = { ...JSON_SYNTAX_MESSAGES, InvalidCommentToken: 'Comments are not allowed in a JSON template: CloudFormation rejects them.' };

const spanOf = (node: JsonNode): Span => ({ start: node.offset, end: node.offset + Math.max(node.length, 0) });

export interface JsonTree {
  readonly root: CNode | undefined;
  readonly problems: readonly { message: string; span: Span }[];
}

export function jsonTree(jsonc: JsoncModule, text: string, budget: Budget): JsonTree {
  const errors: ParseError[] = [];
  const root = jsonc.parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const seen = new Set<string>();
  const problems = errors
    .map((e) => {
      const start = Math.min(e.offset, text.length);
      return { message: MESSAGES[jsonc.printParseErrorCode(e.error)] ?? 'JSON syntax error.', span: { start, end: Math.min(start + Math.max(e.length, 0), text.length) } };
    })
    .filter((p) => {
      const k = `${p.span.start}:${p.span.end}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  const build = (node: JsonNode | undefined): CNode | undefined => {
    if (node === undefined) return undefined;
    const span = spanOf(node);
    budget.spend(span);
    switch (node.type) {
      case 'object': {
        const entries: CEntry[] = [];
        for (const property of node.children ?? []) {
          const [keyNode, valueNode] = property.children ?? [];
          if (keyNode === undefined) continue;
          const value = build(valueNode);
          const keySpan = spanOf(keyNode);
          entries.push({ key: String(keyNode.value), keySpan, value: value ?? { kind: 'scalar', span: { start: keySpan.end, end: keySpan.end }, value: null, source: '', quoted: false } });
        }
        return { kind: 'map', span, entries };
      }
      case 'array': {
        const items: CNode[] = [];
        for (const child of node.children ?? []) {
          const built = build(child);
          if (built !== undefined) items.push(built);
        }
        return { kind: 'seq', span, items };
      }
      case 'string': {
        const decoded = decodeJsonString(text, span.start, span.end);
        const value = String(node.value);
        const offsets = decoded.value === value ? decoded.offsets : undefined;
        return { kind: 'scalar', span, value, source: text.slice(span.start, span.end), quoted: true, ...(offsets !== undefined ? { offsets } : {}) };
      }
      case 'number':
      case 'boolean':
      case 'null':
        return { kind: 'scalar', span, value: node.value as number | boolean | null, source: text.slice(span.start, span.end), quoted: false };
      default:
        return undefined;
    }
  };
  return { root: build(root), problems };
}
