/**
 * Test helpers for values that are not literal. JSON cannot hold a variable, so tests write one the
 * way Terraform and CloudFormation do: a string that is exactly `${name}` becomes a reference node,
 * and a string holding `${…}` among other text becomes a template node whose text parts and holes
 * keep their exact spans. Everything else is built by `@rolecall/testing`'s JSON call builder.
 */
import type { AssumeRoleCall, CallParameter, Diagnostic, Rule, Settings, TemplatePart, ValueNode } from '@rolecall/core';
import { runRules, toSource } from '@rolecall/core';
import { buildCallFromJson, canonicalJson, type BuildCallOptions } from '@rolecall/testing';

const HOLE = /\$\{([^{}]*)\}/g;

function withHoles(node: ValueNode): ValueNode {
  switch (node.kind) {
    case 'array':
      return { ...node, items: node.items.map(withHoles) };
    case 'object':
      return { ...node, entries: node.entries.map((e) => ({ ...e, value: withHoles(e.value) })) };
    case 'literal': {
      if (typeof node.value !== 'string' || !node.value.includes('${')) return node;
      const value = node.value;
      const whole = /^\$\{([^{}]*)\}$/.exec(value);
      if (whole !== null) return { kind: 'reference', span: node.span, text: value };
      // Without escapes, index i is right after the opening quote plus i; with escapes, the builder's map says.
      const offsets = node.offsets;
      const at0 = node.span.start + 1;
      const source = (i: number): number => (offsets !== undefined ? toSource(offsets, i) : at0 + i);
      const parts: TemplatePart[] = [];
      let at = 0;
      for (const match of value.matchAll(HOLE)) {
        const index = match.index;
        if (index > at) parts.push({ kind: 'text', value: value.slice(at, index), span: { start: source(at), end: source(index) } });
        parts.push({ kind: 'hole', expression: match[0], span: { start: source(index), end: source(index + match[0].length) } });
        at = index + match[0].length;
      }
      if (at < value.length) parts.push({ kind: 'text', value: value.slice(at), span: { start: source(at), end: source(value.length) } });
      return { kind: 'template', span: node.span, parts };
    }
    default:
      return node;
  }
}

/** A call from JSON text in which `${…}` strings are references and templates (see above). */
export function callWithHoles(text: string, options: BuildCallOptions = {}): AssumeRoleCall {
  const call = buildCallFromJson(text, options);
  const parameters: CallParameter[] = call.parameters.map((p) => ({ ...p, value: withHoles(p.value) }));
  return { ...call, parameters };
}

export interface Finding {
  readonly ruleId: string;
  readonly messageId: string;
  readonly data: Readonly<Record<string, string | number>>;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/**
 * Runs one rule (at its default severity) on an input whose `${…}` strings are references and
 * templates; the input is rendered as canonical JSON, as the rule tester does.
 */
export function lintWithHoles(rule: Rule<any>, input: Readonly<Record<string, unknown>>, settings?: Settings): Finding[] {
  const text = canonicalJson(input);
  const diagnostics: Diagnostic[] = runRules({
    file: 'input.json',
    text,
    calls: [callWithHoles(text)],
    rules: [rule],
    ruleSettings: { [rule.id]: { severity: rule.meta.defaultSeverity } },
    ...(settings !== undefined ? { settings } : {}),
  });
  return diagnostics.map((d) => ({
    ruleId: d.ruleId,
    messageId: d.messageId,
    data: { ...(d.data ?? {}) },
    line: d.location.start.line,
    column: d.location.start.column,
    endLine: d.location.end.line,
    endColumn: d.location.end.column,
  }));
}
