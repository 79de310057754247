import type { IssueCode } from '@rolecall/validators';
import { messages } from '@rolecall/validators';

/**
 * `meta.messages` of a rule over validator issues: the validators' own templates for the given
 * codes, so a wording change is made once, in `@rolecall/validators`' messages table.
 */
export function messagesFor(codes: readonly IssueCode[]): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const code of codes) out[code] = messages[code];
  return Object.freeze(out);
}
