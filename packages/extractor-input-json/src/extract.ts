import type {
  Fact,
  ArrayNode,
  AssumeRoleCall,
  CallParameter,
  ExtractionProblem,
  ExtractionResult,
  LiteralNode,
  ObjectEntry,
  ObjectNode,
  Operation,
  SourceComment,
  Span,
  StsMember,
  UnknownKey,
  ValueNode,
} from '@rolecall/core';
import { BOM_FACT, DUPLICATE_KEY_FACT, JSON_SYNTAX_MESSAGES, STS_MEMBERS } from '@rolecall/core';
import { createScanner, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { decodeJsonString, tableOffsetMap } from './decode.js';

import { EXTRACTOR_ID } from './discovery.js';

export { EXTRACTOR_ID };
export const CALL_KIND = 'cli-input-json';


/**
 * Keys that mark an object as an STS AssumeRole-family input on their own. `RoleArn` alone is not
 * enough: `aws events put-rule`, `aws firehose …` and many other `--cli-input-json` skeletons have
 * a top-level `RoleArn` too. A file whose name says it is an STS input needs no marker.
 */
const MARKER_KEYS: ReadonlySet<string> = new Set(['RoleSessionName', 'WebIdentityToken', 'SAMLAssertion', 'PrincipalArn']);

/**
 * Nesting deeper than this is refused before parsing: jsonc-parser recurses per level and overflows
 * the stack at about 20,000 levels (parsers.md §2.5). A real input nests at most 4 levels.
 */
export const MAX_NESTING_DEPTH = 512;

export { prefilter } from './discovery.js';

export interface ExtractOptions {
  /**
   * Treat the top-level object (or each object of a top-level array) as an input even without an
   * identifying key, as `rolecall check-input` does for the one file it is given.
   */
  readonly force?: boolean;
  /** Operation to use instead of the one inferred from the file name and keys. */
  readonly operation?: Operation;
  /**
   * Whether `//` and `/* *\/` comments are allowed (and returned for suppression directives).
   * Defaults to true for `.jsonc` files and false otherwise: the AWS CLI rejects comments in
   * `--cli-input-json`.
   */
  readonly allowComments?: boolean;
}

/**
 * The operation a file name names, if any: `assume-role-with-saml.json`, `AssumeRoleWithWebIdentity.input.json`,
 * `prod.assume_role.json`. Separators and case are ignored.
 */
export function operationFromFileName(path: string): Operation | undefined {
  const base = (path.split(/[\\/]/).pop() ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
  if (base.includes('assumerolewithsaml')) return 'AssumeRoleWithSAML';
  if (base.includes('assumerolewithwebidentity')) return 'AssumeRoleWithWebIdentity';
  if (base.includes('assumerole')) return 'AssumeRole';
  return undefined;
}

/** The operation an input's keys imply; AssumeRole when nothing more specific is present. */
export function operationFromKeys(keys: Iterable<string>): Operation {
  let web = false;
  for (const key of keys) {
    if (key === 'SAMLAssertion' || key === 'PrincipalArn') return 'AssumeRoleWithSAML';
    if (key === 'WebIdentityToken' || key === 'ProviderId') web = true;
  }
  return web ? 'AssumeRoleWithWebIdentity' : 'AssumeRole';
}

function spanOf(node: Node): Span {
  return { start: node.offset, end: node.offset + Math.max(node.length, 0) };
}

/** jsonc-parser's error codes in words (core's table), comments worded for this file kind. */
const PARSE_MESSAGES: Readonly<Record<string, string>> = { ...JSON_SYNTAX_MESSAGES, InvalidCommentToken: 'Comments are not allowed in JSON: the AWS CLI rejects them in --cli-input-json (use a .jsonc file for commented examples).' };

function parseProblem(error: ParseError, text: string): ExtractionProblem {
  const name = printParseErrorCode(error.error);
  const start = Math.min(error.offset, text.length);
  const end = Math.min(error.offset + Math.max(error.length, 0), text.length);
  // jsonc-parser words a trailing comma as a missing property or value at the closing bracket;
  // name it and point at the comma instead.
  if ((name === 'PropertyNameExpected' || name === 'ValueExpected') && (text[start] === '}' || text[start] === ']')) {
    let i = start - 1;
    while (i >= 0 && /\s/.test(text[i]!)) i--;
    if (text[i] === ',') return { message: 'Trailing comma: JSON (and so the AWS CLI) allows no comma before a closing bracket.', span: { start: i, end: i + 1 } };
  }
  return { message: PARSE_MESSAGES[name] ?? `JSON syntax error (${name}).`, span: { start, end } };
}

/** jsonc-parser often reports two errors for one mistake at the same place; keep the first. */
function dedupe(problems: readonly ExtractionProblem[]): ExtractionProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.span.start}:${p.span.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Finds where nesting first exceeds `MAX_NESTING_DEPTH`, skipping strings and comments; -1 when it
 * never does. Hand-written because no JSON library exposes a depth limit.
 */
export function findExcessiveNesting(text: string, limit: number = MAX_NESTING_DEPTH): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22) {
      for (i++; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x5c) i++;
        else if (c === 0x22 || c === 0x0a || c === 0x0d) break;
      }
    } else if (ch === 0x2f && text.charCodeAt(i + 1) === 0x2f) {
      while (i < text.length && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
    } else if (ch === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 1;
    } else if (ch === 0x7b || ch === 0x5b) {
      depth++;
      if (depth > limit) return i;
    } else if (ch === 0x7d || ch === 0x5d) {
      depth = Math.max(0, depth - 1);
    }
  }
  return -1;
}

function propertyKeys(object: Node): string[] {
  const keys: string[] = [];
  for (const property of object.children ?? []) {
    const key = property.children?.[0]?.value;
    if (typeof key === 'string') keys.push(key);
  }
  return keys;
}

function collectComments(text: string): SourceComment[] {
  const comments: SourceComment[] = [];
  const scanner = createScanner(text, false);
  for (let token = scanner.scan(); token !== 17 /* EOF */; token = scanner.scan()) {
    if (token === 12 /* LineCommentTrivia */ || token === 13 /* BlockCommentTrivia */) {
      const start = scanner.getTokenOffset();
      const end = start + scanner.getTokenLength();
      const raw = text.slice(start, end);
      const body = token === 12 ? raw.slice(2) : raw.slice(2, raw.endsWith('*/') && raw.length >= 4 ? -2 : undefined);
      comments.push({ text: body, span: { start, end } });
    }
  }
  return comments;
}

class Builder {
  readonly problems: ExtractionProblem[] = [];
  /** Duplicate keys: not a syntax error but a fact for the `no-duplicate-keys` rule. */
  readonly facts: Fact[] = [];
  readonly #text: string;

  constructor(text: string) {
    this.#text = text;
  }

  value(node: Node): ValueNode {
    const span = spanOf(node);
    switch (node.type) {
      case 'object':
        return this.object(node);
      case 'array': {
        const items = (node.children ?? []).map((child) => this.value(child));
        const array: ArrayNode = { kind: 'array', span, items };
        return array;
      }
      case 'string':
        return this.string(node);
      case 'number':
      case 'boolean':
      case 'null':
      default: {
        const literal: LiteralNode = { kind: 'literal', span, value: (node.value as number | boolean | null | undefined) ?? null };
        return literal;
      }
    }
  }

  string(node: Node): LiteralNode {
    const span = spanOf(node);
    const value = typeof node.value === 'string' ? node.value : '';
    const rawLength = span.end - span.start;
    // Without escapes, decoded index i sits at span.start + 1 + i and no map is needed.
    const plain = rawLength === value.length + 2 && this.#text.charCodeAt(span.start + 1 + value.length) === 0x22;
    if (plain && this.#text.slice(span.start + 1, span.end - 1) === value) {
      return { kind: 'literal', span, value };
    }
    const decoded = decodeJsonString(this.#text, span.start, span.end);
    if (decoded.value !== value) return { kind: 'literal', span, value };
    return { kind: 'literal', span, value, offsets: tableOffsetMap(decoded.offsets) };
  }

  entries(node: Node): { entries: ObjectEntry[]; keyNodes: Node[] } {
    const entries: ObjectEntry[] = [];
    const keyNodes: Node[] = [];
    const seen = new Map<string, Node>();
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode || !valueNode || typeof keyNode.value !== 'string') continue;
      const key = keyNode.value;
      const earlier = seen.get(key);
      if (earlier) {
        this.facts.push({
          kind: DUPLICATE_KEY_FACT,
          span: spanOf(earlier),
          data: { key: JSON.stringify(key), consequence: 'the AWS CLI and SDKs keep only the last value, so this one is ignored.' },
        });
      }
      seen.set(key, keyNode);
      entries.push({ key, keySpan: spanOf(keyNode), value: this.value(valueNode) });
      keyNodes.push(keyNode);
    }
    return { entries, keyNodes };
  }

  object(node: Node): ObjectNode {
    const object: ObjectNode = { kind: 'object', span: spanOf(node), entries: this.entries(node).entries };
    return object;
  }
}

/** The extraction plus, for each call, the whole input object (unknown keys included) for validators. */
export interface InputJsonExtraction extends ExtractionResult {
  /** `inputs[i]` is the object `calls[i]` was read from, with every key, not only STS members. */
  readonly inputs: readonly ObjectNode[];
}

/**
 * Extracts AssumeRole-family inputs from a JSON document in `--cli-input-json` / SDK input format.
 * Never throws: syntax errors become problems with exact spans, and whatever parsed is still
 * extracted.
 */
export function extractInputJson(path: string, text: string, options: ExtractOptions = {}): InputJsonExtraction {
  const problems: ExtractionProblem[] = [];
  const facts: Fact[] = [];
  const allowComments = options.allowComments ?? /\.jsonc$/i.test(path);
  let source = text;
  if (text.charCodeAt(0) === 0xfeff) {
    facts.push({ kind: BOM_FACT, span: { start: 0, end: 1 }, data: { consequence: 'the AWS CLI rejects it in --cli-input-json.' } });
    // Same length, so every offset still indexes `text`.
    source = ' ' + text.slice(1);
  }

  const deep = findExcessiveNesting(source);
  if (deep >= 0) {
    problems.push({
      message: `JSON nests deeper than ${MAX_NESTING_DEPTH} levels; the file was not parsed.`,
      span: { start: deep, end: deep + 1 },
    });
    return { calls: [], comments: [], problems, facts, inputs: [] };
  }

  const errors: ParseError[] = [];
  const root = parseTree(source, errors, { disallowComments: !allowComments, allowTrailingComma: false, allowEmptyContent: false });
  for (const error of errors) problems.push(parseProblem(error, source));

  const comments = allowComments ? collectComments(source) : [];
  const hint = options.operation ?? operationFromFileName(path);
  const builder = new Builder(source);
  const calls: AssumeRoleCall[] = [];
  const inputs: ObjectNode[] = [];

  const candidates: Node[] = root?.type === 'array' ? (root.children ?? []) : root ? [root] : [];
  candidates.forEach((candidate, index) => {
    if (candidate.type !== 'object') return;
    const keys = propertyKeys(candidate);
    const qualifies = options.force === true || hint !== undefined || keys.some((k) => MARKER_KEYS.has(k));
    if (!qualifies) return;
    const { entries, keyNodes } = builder.entries(candidate);
    inputs.push({ kind: 'object', span: spanOf(candidate), entries });
    // The last occurrence of a member wins, as in the AWS CLI (Python's json) and JSON.parse.
    const byMember = new Map<string, CallParameter>();
    const unknownKeys: UnknownKey[] = [];
    entries.forEach((entry, i) => {
      if (!STS_MEMBERS.has(entry.key)) {
        unknownKeys.push({ key: entry.key, keySpan: entry.keySpan, value: entry.value });
        return;
      }
      byMember.delete(entry.key);
      byMember.set(entry.key, { member: entry.key as StsMember, key: entry.key, keySpan: spanOf(keyNodes[i]!), value: entry.value });
    });
    const parameters = [...byMember.values()].sort((a, b) => a.value.span.start - b.value.span.start);
    calls.push({
      id: `${EXTRACTOR_ID}:${index}`,
      file: path,
      extractor: EXTRACTOR_ID,
      kind: CALL_KIND,
      operation: hint ?? operationFromKeys(keys),
      span: spanOf(candidate),
      parameters,
      unknownKeys,
    });
  });
  // A file that holds no input is not ours to judge: a JSON file that merely mentions `"RoleArn"`
  // (an EventBridge rule, a CloudFormation template) gets no syntax complaints from rolecall.
  if (calls.length === 0 && options.force !== true && hint === undefined) {
    return { calls: [], comments: [], problems: [], inputs: [] };
  }
  for (const problem of builder.problems) problems.push(problem);
  for (const fact of builder.facts) facts.push(fact);
  problems.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { calls, comments, problems: dedupe(problems), facts, inputs };
}
