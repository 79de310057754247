import { formatMessage, messages } from '../messages.js';
import type { Issue, IssueCode, IssueSeverity } from '../types.js';

export interface IssueInit {
  readonly code: IssueCode;
  /** The STS member (`Tags`), or `options` / the request shape name for findings about those. */
  readonly parameter: string;
  readonly path: string;
  readonly data: Readonly<Record<string, string | number>>;
  readonly severity?: IssueSeverity;
  readonly limit?: number;
  readonly actual?: number | string;
  readonly awsMessage?: string;
  readonly range?: { readonly start: number; readonly end: number };
}

/** Builds an Issue; the message always comes from the `messages` table and the issue's own data. */
export function makeIssue(init: IssueInit): Issue {
  const issue: {
    -readonly [K in keyof Issue]: Issue[K];
  } = {
    parameter: init.parameter,
    path: init.path,
    code: init.code,
    message: formatMessage(messages[init.code], init.data),
    data: init.data,
    severity: init.severity ?? 'error',
  };
  if (init.limit !== undefined) issue.limit = init.limit;
  if (init.actual !== undefined) issue.actual = init.actual;
  if (init.awsMessage !== undefined) issue.awsMessage = init.awsMessage;
  if (init.range !== undefined) issue.range = init.range;
  return issue;
}

export const NO_ISSUES: readonly Issue[] = Object.freeze([]);
