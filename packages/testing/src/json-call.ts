import type { ArrayNode, AssumeRoleCall, CallParameter, LiteralNode, ObjectNode, OffsetMap, Operation, StsMember, UnknownKey, ValueNode } from '@rolecall/core';
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';

/**
 * Builds AssumeRole calls from JSON text for tests: a tiny stand-in for a real extractor, so
 * `@rolecall/testing` needs no extractor package. Spans come from jsonc-parser and are exact,
 * including strings with escapes (through an `OffsetMap`).
 */

const MEMBERS: ReadonlySet<string> = new Set<StsMember>([
  'RoleArn',
  'RoleSessionName',
  'PolicyArns',
  'Policy',
  'DurationSeconds',
  'Tags',
  'TransitiveTagKeys',
  'ExternalId',
  'SerialNumber',
  'TokenCode',
  'SourceIdentity',
  'ProvidedContexts',
  'WebIdentityToken',
  'ProviderId',
  'PrincipalArn',
  'SAMLAssertion',
]);

/** JSON exactly as the rule tester renders an `input` object: 2-space indent, trailing newline. */
export function canonicalJson(input: unknown): string {
  return `${JSON.stringify(input, null, 2)}\n`;
}

/** The operation an input implies: web identity and SAML members pick their operation; otherwise AssumeRole. */
export function inferOperation(members: Iterable<string>): Operation {
  const set = new Set(members);
  if (set.has('WebIdentityToken') || set.has('ProviderId')) return 'AssumeRoleWithWebIdentity';
  if (set.has('SAMLAssertion') || set.has('PrincipalArn')) return 'AssumeRoleWithSAML';
  return 'AssumeRole';
}

export interface BuildCallOptions {
  /** Default `input.json`. */
  readonly file?: string;
  /** Default: inferred from the members present (see `inferOperation`). */
  readonly operation?: Operation;
}

/**
 * Parses `text` (one JSON object in `--cli-input-json` / SDK input form) into one call. Keys that
 * are not STS members go to `unknownKeys` (rules about misspelt parameters read them). Throws a
 * descriptive Error on invalid JSON, a non-object document or a repeated member: in a test these
 * are mistakes in the test itself.
 */
export function buildCallFromJson(text: string, options: BuildCallOptions = {}): AssumeRoleCall {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || root === undefined) {
    const first = errors[0];
    throw new Error(first ? `Invalid JSON in test case: ${printParseErrorCode(first.error)} at offset ${first.offset}.` : 'Invalid JSON in test case.');
  }
  if (root.type !== 'object') throw new Error(`A test case must be a JSON object, got ${root.type}.`);
  const parameters: CallParameter[] = [];
  const unknownKeys: UnknownKey[] = [];
  for (const property of root.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (keyNode === undefined || valueNode === undefined) continue;
    const key = String(keyNode.value);
    if (!MEMBERS.has(key)) {
      unknownKeys.push({ key, keySpan: spanOf(keyNode), value: toValueNode(text, valueNode) });
      continue;
    }
    if (parameters.some((p) => p.member === key)) throw new Error(`'${key}' appears twice in the test case.`);
    parameters.push({ member: key as StsMember, key, keySpan: spanOf(keyNode), value: toValueNode(text, valueNode) });
  }
  return {
    id: 'testing:0',
    file: options.file ?? 'input.json',
    extractor: 'testing',
    kind: 'rule-tester',
    operation: options.operation ?? inferOperation(parameters.map((p) => p.member)),
    span: spanOf(root),
    parameters,
    unknownKeys,
  };
}

function spanOf(node: JsonNode): { start: number; end: number } {
  return { start: node.offset, end: node.offset + node.length };
}

function toValueNode(text: string, node: JsonNode): ValueNode {
  switch (node.type) {
    case 'object': {
      const entries = (node.children ?? []).flatMap((property) => {
        const [keyNode, valueNode] = property.children ?? [];
        if (keyNode === undefined || valueNode === undefined) return [];
        return [{ key: String(keyNode.value), keySpan: spanOf(keyNode), value: toValueNode(text, valueNode) }];
      });
      return { kind: 'object', span: spanOf(node), entries } satisfies ObjectNode;
    }
    case 'array':
      return { kind: 'array', span: spanOf(node), items: (node.children ?? []).map((child) => toValueNode(text, child)) } satisfies ArrayNode;
    case 'string': {
      const raw = text.slice(node.offset, node.offset + node.length);
      const literal: LiteralNode = { kind: 'literal', span: spanOf(node), value: node.value as string };
      return raw.includes('\\') ? { ...literal, offsets: escapedStringOffsets(raw, node.offset) } : literal;
    }
    default:
      return { kind: 'literal', span: spanOf(node), value: node.value as number | boolean | null } satisfies LiteralNode;
  }
}

/**
 * Maps decoded indices of a JSON string token (quotes included in `raw`) to file offsets. Each
 * escape (`\n`, `\"`, `\u00e9`) decodes to one UTF-16 unit, so one entry per decoded unit plus the
 * closing quote is enough.
 */
export function escapedStringOffsets(raw: string, tokenStart: number): OffsetMap {
  const starts: number[] = [];
  let i = 1;
  const end = raw.length - 1;
  while (i < end) {
    starts.push(tokenStart + i);
    if (raw[i] === '\\') i += raw[i + 1] === 'u' ? 6 : 2;
    else i += 1;
  }
  starts.push(tokenStart + end);
  return {
    toSource(index: number): number {
      const at = Math.min(Math.max(Math.floor(index) || 0, 0), starts.length - 1);
      return starts[at] as number;
    },
  };
}
