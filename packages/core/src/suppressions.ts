import type { Span } from './call.js';
import type { SourceComment } from './extractor.js';

export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable-file';

/** A parsed `rolecall-disable-*` comment. */
export interface Directive {
  readonly kind: DirectiveKind;
  /** `rolecall-disable-next-line` etc., as written in messages. */
  readonly name: string;
  /** Rule ids named by the directive, in order; empty means every rule. */
  readonly ruleIds: readonly string[];
  /** Text after ` -- `, trimmed; absent when there is none or it is empty. */
  readonly reason?: string;
  /** The comment holding the directive. */
  readonly span: Span;
}

const DIRECTIVE = /^\s*rolecall-(disable-next-line|disable-line|disable-file)(?=\s|$)([\s\S]*)$/;
/** ESLint's divider between rule list and reason: two or more dashes with whitespace (or an end) on both sides. */
const REASON_DIVIDER = /(?:^|\s)-{2,}(?:\s|$)/;

/**
 * Reads a suppression directive from a comment's text (delimiters already stripped by the
 * extractor, so `//`, `#` and block comments all work). The directive must open the comment:
 * `rolecall-disable-next-line valid-tags, valid-external-id -- tags come from the pipeline`.
 * Rule ids are separated by commas and/or whitespace. Returns undefined for other comments.
 */
export function parseDirective(comment: SourceComment): Directive | undefined {
  const match = DIRECTIVE.exec(comment.text);
  if (match === null) return undefined;
  const kind = match[1] as DirectiveKind;
  const body = match[2] as string;
  const divider = REASON_DIVIDER.exec(body);
  const list = divider === null ? body : body.slice(0, divider.index);
  const reasonText = divider === null ? '' : body.slice(divider.index + divider[0].length).trim();
  const ruleIds = [...new Set(list.split(/[\s,]+/).filter((id) => id !== ''))];
  return {
    kind,
    name: `rolecall-${kind}`,
    ruleIds,
    ...(reasonText === '' ? {} : { reason: reasonText }),
    span: comment.span,
  };
}
