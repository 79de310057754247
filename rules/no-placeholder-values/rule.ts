import type { CallParameter, LiteralNode, Rule, RuleContext, StsMember, ValueNode } from '@rolecall/core';
import { defineRule, offsetMap } from '@rolecall/core';
import picomatch from 'picomatch/posix.js';
import { DOCUMENTATION_ACCOUNTS, EXAMPLE_PATHS, findPlaceholder } from '../_shared/placeholders.js';

/** Members that hold an ARN: their account field is checked too. */
const ARN_MEMBERS: readonly StsMember[] = ['RoleArn', 'PrincipalArn', 'SerialNumber'];
/** Free-text members where a placeholder is as wrong as in an ARN. */
const TEXT_MEMBERS: readonly StsMember[] = ['ExternalId', 'RoleSessionName', 'SourceIdentity'];

export interface Options {
  /** Globs (relative to the lint root) where example values belong and the rule stays silent. */
  readonly skipPaths?: readonly string[];
}

/** One matcher per distinct option value: the options object is shared by every call of a run. */
const matchers = new WeakMap<readonly string[], (path: string) => boolean>();
function skipped(paths: readonly string[], file: string): boolean {
  let match = matchers.get(paths);
  if (match === undefined) {
    const compiled = paths.length === 0 ? () => false : picomatch([...paths], { dot: true });
    matchers.set(paths, compiled);
    match = compiled;
  }
  return match(file);
}

const rule: Rule<Options> = defineRule<Options>({
  id: 'no-placeholder-values',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow placeholders (ROLE_ARN, ACCOUNT_ID slots, CHANGEME, the AWS documentation\'s example accounts) in real configuration.',
      recommended: true,
      awsSource: DOCUMENTATION_ACCOUNTS[0]!.source,
    },
    defaultSeverity: 'warning',
    parameters: [...ARN_MEMBERS, 'PolicyArns', ...TEXT_MEMBERS],
    messages: {
      documentationAccount: '{{parameter}} names account {{account}}, an example account of the AWS documentation: a placeholder, not an account of yours.',
      placeholder: '{{parameter}} holds {{text}}, which looks like a placeholder ({{why}}).',
    },
    schema: {
      type: 'object',
      properties: {
        skipPaths: {
          type: 'array',
          items: { type: 'string' },
          description: 'Globs, relative to the directory rolecall runs in, where example values belong and nothing is reported (default: docs, examples and test fixtures). [] checks every file.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { skipPaths: EXAMPLE_PATHS },
    help: 'Put the real value in, or read it from a variable or secret; keep example values in docs/, examples/ or test fixtures.',
  },
  check(call, context) {
    if (skipped(context.options.skipPaths ?? EXAMPLE_PATHS, context.file)) return;
    for (const parameter of call.parameters) {
      const arn = ARN_MEMBERS.includes(parameter.member);
      if (arn || TEXT_MEMBERS.includes(parameter.member)) checkValue(context, parameter, parameter.value, `/${parameter.member}`, arn);
      else if (parameter.member === 'PolicyArns' && parameter.value.kind === 'array') {
        parameter.value.items.forEach((item, i) => {
          const entry = item.kind === 'object' ? item.entries.find((e) => e.key === 'arn') : undefined;
          if (entry !== undefined) checkValue(context, parameter, entry.value, `/PolicyArns/${i}/arn`, true);
        });
      }
    }
  },
});

/**
 * A literal is checked whole; a template only in its known text (the holes are filled at run
 * time). Implicit values come from the tool and references are unknown: neither is the user's.
 */
function checkValue(context: RuleContext<Options>, parameter: CallParameter, value: ValueNode, path: string, arn: boolean): void {
  if (value.kind === 'literal' && typeof value.value === 'string') {
    report(context, parameter, value, value.value, path, findPlaceholder(value.value, { arn, whole: true }), false);
  } else if (value.kind === 'template') {
    value.parts.forEach((part, i) => {
      if (part.kind !== 'text') return;
      // Only the first text part starts the value, so only there is an ARN's account field known.
      const hit = findPlaceholder(part.value, { arn: arn && i === 0, whole: false });
      if (hit === undefined) return;
      const node: LiteralNode = { kind: 'literal', span: part.span, value: part.value, offsets: offsetMap(textOffsets(part.span.start, part.span.end, part.value.length)) };
      report(context, parameter, node, part.value, path, hit, true);
    });
  }
}

/** A template's text part as written: index i at its i-th character, clamped to the part's end. */
function textOffsets(start: number, end: number, length: number): Uint32Array {
  const table = new Uint32Array(length + 1);
  for (let i = 0; i <= length; i++) table[i] = Math.min(start + i, end);
  return table;
}

function report(context: RuleContext<Options>, parameter: CallParameter, node: LiteralNode, value: string, path: string, hit: ReturnType<typeof findPlaceholder>, fragment: boolean): void {
  if (hit === undefined) return;
  const text = value.slice(hit.start, hit.end);
  const named = path === `/${parameter.member}` ? parameter.key : `${parameter.key}${path.slice(`/${parameter.member}`.length).replace(/\/(\d+)\//g, '[$1].').replace(/^\//, '.')}`;
  context.report({
    ...(hit.kind === 'documentation-account'
      ? { messageId: 'documentationAccount', data: { parameter: named, account: text } }
      : { messageId: 'placeholder', data: { parameter: named, text: JSON.stringify(text), why: hit.why } }),
    ...(fragment ? { node } : {}),
    path,
    parameter: parameter.member,
    range: { start: hit.start, end: hit.end },
  });
}

export default rule;
