/**
 * A rule over one kind of extractor fact (`Fact.kind`, e.g. `github-actions/unknown-input`): the
 * extractor records what only its syntax shows, and the rule gives it an id, docs, a severity and
 * messages. `pick` chooses the message from the fact's data; the data fills its placeholders. The
 * finding is at the fact's span, with the fact's related places (the first of two duplicates).
 */
import { defineRule, type Fact, type Rule, type Severity } from '@rolecall/core';

export interface FactRuleSpec {
  readonly id: string;
  readonly fact: string;
  readonly description: string;
  readonly awsSource: string;
  readonly help: string;
  readonly messages: Readonly<Record<string, string>>;
  /** The messageId for a fact (by the data it carries). */
  readonly pick: (data: Readonly<Record<string, string | number>>) => string;
  /** Default `problem`. */
  readonly type?: 'problem' | 'suggestion';
  /** Default `error`. */
  readonly defaultSeverity?: Severity;
}

export function factRule(spec: FactRuleSpec): Rule {
  return defineRule({
    id: spec.id,
    meta: {
      type: spec.type ?? 'problem',
      docs: { description: spec.description, recommended: true, awsSource: spec.awsSource },
      defaultSeverity: spec.defaultSeverity ?? 'error',
      parameters: [],
      facts: [spec.fact],
      messages: spec.messages,
      help: spec.help,
    },
    checkFact(fact: Fact, context) {
      const data = fact.data ?? {};
      context.report({ messageId: spec.pick(data), data, span: fact.span, ...(fact.related !== undefined ? { related: fact.related } : {}) });
    },
  });
}
