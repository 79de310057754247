import type { Rule, Span, ValueNode } from '@rolecall/core';
import { toSource } from '@rolecall/core';
import { checkTrustPolicyDocument, TRUST_POLICY, type TrustRule } from '@rolecall/validators';

/**
 * A role definition's trust policy (Terraform `assume_role_policy`, inline JSON or `jsonencode`; CloudFormation
 * `AssumeRolePolicyDocument`, a mapping or a JSON string) must be a document IAM accepts as a trust policy. The
 * grammar is the validators' (`checkTrustPolicyDocument`); this rule gives it the policy as JSON text and maps
 * each finding back to where it is written.
 */

/** The policy as JSON text, where each character of it is written, and which strings stand for unknown values. */
interface PolicyText {
  readonly text: string;
  /** Source offset of each text index (length text.length). */
  readonly at: (index: number) => number;
  readonly unknown: ReadonlySet<number>;
}

/** A string literal holding JSON (Terraform heredoc and `jsonencode`, a CloudFormation JSON string). */
function fromString(node: Extract<ValueNode, { kind: 'literal' }>): PolicyText | undefined {
  if (typeof node.value !== 'string') return undefined;
  const offsets = node.offsets;
  const base = node.span.start + 1;
  return { text: node.value, at: (i) => (offsets !== undefined ? toSource(offsets, i) : base + i), unknown: new Set() };
}

/**
 * A value node (a YAML or JSON mapping) written out as compact JSON, remembering for each character the source
 * offset it stands for: a value's first and last characters map to the first and last of its span, so a finding on
 * any node comes back at that node's exact span. Values the extractor could not resolve become `"?"` (and unknown).
 */
function fromNode(root: ValueNode): PolicyText {
  let text = '';
  const src: number[] = [];
  const unknown = new Set<number>();
  const emit = (chunk: string, span: Span): void => {
    const last = Math.max(span.start, span.end - 1);
    for (let i = 0; i < chunk.length; i++) src.push(i === chunk.length - 1 ? last : Math.min(span.start + i, last));
    text += chunk;
  };
  const write = (node: ValueNode): void => {
    switch (node.kind) {
      case 'literal':
        emit(JSON.stringify(node.value), node.span);
        return;
      case 'implicit':
        write(node.value);
        return;
      case 'array':
        emit('[', { start: node.span.start, end: node.span.start + 1 });
        node.items.forEach((item, i) => {
          if (i > 0) emit(',', item.span);
          write(item);
        });
        emit(']', { start: node.span.end - 1, end: node.span.end });
        return;
      case 'object':
        emit('{', { start: node.span.start, end: node.span.start + 1 });
        node.entries.forEach((entry, i) => {
          if (i > 0) emit(',', entry.keySpan);
          emit(JSON.stringify(entry.key), entry.keySpan);
          emit(':', entry.keySpan);
          write(entry.value);
        });
        emit('}', { start: node.span.end - 1, end: node.span.end });
        return;
      default:
        unknown.add(text.length);
        emit('"?"', node.span);
    }
  };
  write(root);
  return { text, at: (i) => src[Math.min(Math.max(i, 0), src.length - 1)] ?? root.span.start, unknown };
}

/**
 * A CDK `assumedBy` principal (the extractor writes `new iam.ServicePrincipal(x)` as `{ Service: x }`) inside the
 * one statement CDK writes for it, so its form is checked by the same grammar. The fixed text maps to the principal.
 */
function principalDocument(principal: ValueNode): PolicyText {
  const inner = fromNode(principal);
  const prefix = '{"Statement":{"Effect":"Allow","Action":"sts:AssumeRole","Principal":';
  const text = `${prefix}${inner.text}}}`;
  const at = (i: number): number => (i < prefix.length ? principal.span.start : i >= prefix.length + inner.text.length ? principal.span.end - 1 : inner.at(i - prefix.length));
  return { text, at, unknown: new Set([...inner.unknown].map((o) => o + prefix.length)) };
}

const rule: Rule<{ maxLength?: number }> = {
  id: 'valid-trust-policy',
  meta: {
    type: 'problem',
    docs: {
      description: "Require a role's trust policy to be a document IAM accepts as a trust policy.",
      recommended: true,
      awsSource: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html',
    },
    defaultSeverity: 'error',
    parameters: [],
    messages: {
      trustJsonError: '{{key}} is not valid JSON: {{message}}',
      trustNestingTooDeep: 'The trust policy nests deeper than {{limit}} levels; no valid policy does.',
      trustNotAnObject: 'A trust policy is a JSON object with a Statement.',
      trustVersion: 'Version is {{found}}; IAM accepts {{allowed}}.',
      trustMissingStatement: 'The trust policy has no Statement.',
      trustStatementType: 'Statement must be a statement object or a non-empty array of them.',
      trustUnknownElement: '{{key}} is not a trust policy element; IAM accepts {{allowed}}.',
      trustDuplicateKey: '"{{key}}" appears twice in the same object; IAM refuses duplicate keys.',
      trustEffect: 'Effect is {{found}}; IAM accepts {{allowed}} (case-sensitive).',
      trustMissingElement: 'This statement has no {{element}}; IAM refuses the trust policy ("{{aws}}").',
      trustProhibitedElement: '{{element}} is not allowed in a trust policy; IAM refuses it ("{{aws}}").',
      trustElementType: '{{element}} must be {{expected}}.',
      trustAction: '{{element}} {{found}} is not an action a trust policy grants; it allows {{allowed}} (wildcards match these).',
      trustPrincipalType: 'Principal type {{found}} is not one IAM knows; use {{allowed}}.',
      trustPrincipalValue: '{{type}} principal {{found}} is not {{expected}}; IAM answers "Invalid principal in policy".',
      trustOperator: 'Condition operator {{found}} is not one IAM knows.{{hint}}',
      trustTooLong:
        'The trust policy is {{actual}} characters (not counting white space); IAM accepts {{max}} (the default quota, which can be raised to {{quota}}: then set this rule\'s maxLength).',
    },
    schema: {
      type: 'object',
      properties: {
        maxLength: {
          type: 'integer',
          minimum: TRUST_POLICY.maxLength,
          maximum: TRUST_POLICY.maxLengthQuota,
          description: "The account's role trust policy length quota, when it was raised from the default.",
        },
      },
      additionalProperties: false,
    },
    defaultOptions: {},
    help: 'Write the trust policy as IAM expects it: each statement has Effect, Principal and an sts action, and no Resource.',
  },
  checkRole(role, context) {
    const check = (source: PolicyText, key: string, maxLength: number | undefined): void => {
      const span = (start: number, end: number): Span => ({ start: source.at(start), end: source.at(Math.max(start, end - 1)) + 1 });
      const result = checkTrustPolicyDocument(source.text, { ...(maxLength !== undefined ? { maxLength } : {}), unknownAt: (offset) => source.unknown.has(offset) });
      if (result.jsonError !== undefined) {
        const e = result.jsonError;
        context.report({ messageId: 'trustJsonError', span: span(e.start, e.end), data: { key, message: e.message } });
        return;
      }
      for (const f of result.findings) context.report({ messageId: f.rule satisfies TrustRule, span: span(f.start, f.end), data: f.data });
    };
    // A role with `principals` is a CDK role: its trustPolicy is the document CDK will write (read by the cross-file
    // rules), not text the user wrote, so only the principals below are judged here.
    const property = role.principals === undefined ? role.trustPolicy : undefined;
    if (property !== undefined) {
      const node = property.value;
      const source = node.kind === 'literal' ? fromString(node) : node.kind === 'object' || node.kind === 'array' ? fromNode(node) : undefined;
      if (source !== undefined) check(source, property.key, context.options.maxLength);
    }
    // CDK writes the document around the principals itself: only their forms can be wrong, and its length is CDK's.
    for (const principal of role.principals ?? []) {
      if (principal.kind === 'object' || principal.kind === 'literal') check(principalDocument(principal), 'assumedBy', Number.POSITIVE_INFINITY);
    }
  },
};

export default rule;
