import type { Rule, StsMember, TemplateNode } from '@rolecall/core';
import { defineRule, getParameter } from '@rolecall/core';
import { validate } from '@rolecall/validators';
import { validateOptionsOf } from '../_shared/validation.js';
import { contextValueOf } from '../_shared/context-values.js';

/** String members a CI template commonly fills. */
const MEMBERS: readonly StsMember[] = ['RoleSessionName', 'ExternalId', 'SourceIdentity', 'RoleArn', 'SerialNumber'];

/** Stand-in for a hole the table says nothing about: one character every pattern accepts. */
const OTHER_HOLE = 'a';

const rule: Rule = defineRule({
  id: 'no-unsafe-context-values',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow CI context values in a parameter when an ordinary value of them makes STS reject it.',
      recommended: true,
      awsSource: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_RequestParameters',
    },
    defaultSeverity: 'error',
    parameters: MEMBERS,
    messages: {
      unsafe: '{{parameter}} uses {{expression}}, which can be {{example}} ({{why}}); then {{parameter}} is {{expansion}}: {{problem}}',
    },
    help: 'Use a value that is always safe (github.run_id, github.run_attempt, github.sha, CI_PIPELINE_ID), or a slug of it.',
  },
  check(call, context) {
    for (const member of MEMBERS) {
      const parameter = getParameter(call, member);
      if (parameter === undefined) continue;
      const value = parameter.value;
      // A value that is one expression (`${{ github.ref_name }}`) is a reference: a template of one hole.
      const template: TemplateNode | undefined =
        value.kind === 'template' ? value : value.kind === 'reference' ? { kind: 'template', span: value.span, parts: [{ kind: 'hole', expression: value.text, span: value.span }] } : undefined;
      if (template === undefined) continue;
      for (const hole of template.parts) {
        if (hole.kind !== 'hole') continue;
        const known = contextValueOf(hole.expression);
        if (known?.unsafe === undefined) continue;
        const expansion = template.parts.map((p) => (p === hole ? known.unsafe!.example : p.kind === 'text' ? p.value : OTHER_HOLE)).join('');
        const issues = validate(call.operation, { [member]: expansion }, validateOptionsOf(call, context.settings)).issues.filter(
          (i) => i.parameter === member && i.severity === 'error' && i.code !== 'missingRequired',
        );
        const [first] = issues;
        if (first === undefined) continue;
        context.report({
          messageId: 'unsafe',
          node: { kind: 'literal', span: hole.span, value: hole.expression },
          parameter: member,
          path: `/${member}`,
          data: { parameter: parameter.key, expression: hole.expression, example: JSON.stringify(known.unsafe.example.length > 40 ? `${known.unsafe.example.slice(0, 37)}…` : known.unsafe.example), why: known.unsafe.why, expansion: JSON.stringify(expansion.length > 64 ? `${expansion.slice(0, 61)}…` : expansion), problem: first.message.replace(new RegExp(`^${member}\\b`), 'it') },
          ...(first.awsMessage !== undefined ? { awsMessage: first.awsMessage } : {}),
        });
      }
    }
  },
});

export default rule;
