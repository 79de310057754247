import { RESERVED_RULE_IDS } from './diagnostic.js';

const REPOSITORY = 'https://github.com/rolecall/rolecall/blob/main';

/**
 * The documentation URL of a rule (its README in `rules/<id>/`), or, for the reserved ids of tool
 * problems, the section of the core README that explains them. The one place such URLs are built.
 */
export function docsUrl(ruleId: string): string {
  if ((RESERVED_RULE_IDS as readonly string[]).includes(ruleId)) return `${REPOSITORY}/packages/core/README.md#${ruleId}`;
  return `${REPOSITORY}/rules/${encodeURIComponent(ruleId)}/README.md`;
}
