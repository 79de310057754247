import type { LiteralNode, Rule } from '@rolecall/core';
import { defineRule, getParameter } from '@rolecall/core';

/**
 * A small rule used to exercise the tester: RoleSessionName characters (with a suggestion) and a
 * minimum length. It mirrors how real rules report (range inside a string, suggestions as edits).
 */
export const sampleRule: Rule = defineRule({
  id: 'sample-session-name',
  meta: {
    type: 'problem',
    docs: { description: 'Sample rule for tester tests.', recommended: false, awsSource: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html' },
    defaultSeverity: 'error',
    parameters: ['RoleSessionName'],
    hasSuggestions: true,
    messages: {
      invalidCharacter: '{{key}} contains {{character}} at index {{index}}; STS accepts only letters, digits and +=,.@_-.',
      tooShort: '{{key}} is {{length}} characters; STS needs at least 2.',
      suggestReplace: 'Replace {{character}} with -.',
    },
  },
  check(call, context) {
    const parameter = getParameter(call, 'RoleSessionName');
    if (parameter === undefined || parameter.value.kind !== 'literal' || typeof parameter.value.value !== 'string') return;
    const node: LiteralNode = parameter.value;
    const value = node.value as string;
    if (value.length < 2) context.report({ messageId: 'tooShort', data: { key: parameter.key, length: value.length }, parameter: 'RoleSessionName' });
    const bad = /[^\w+=,.@-]/u.exec(value);
    if (bad !== null) {
      const character = JSON.stringify(bad[0]);
      const span = { start: node.span.start, end: node.span.end };
      const fixed = JSON.stringify(value.replace(/[^\w+=,.@-]/gu, '-'));
      context.report({
        messageId: 'invalidCharacter',
        data: { key: parameter.key, character, index: bad.index },
        node,
        range: { start: bad.index, end: bad.index + bad[0].length },
        suggestions: [{ messageId: 'suggestReplace', data: { character }, edits: [{ span, text: fixed }] }],
      });
    }
  },
});
