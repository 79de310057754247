/**
 * The input JSON extractor as a run needs it before any file passes a prefilter: id, files and prefilter. Kept
 * apart from the extract code, so a run over files no prefilter accepts loads only this module
 * (`@rolecall/extractor-input-json/discovery`; see ExtractorDiscovery in @rolecall/core).
 */
import type { ExtractorDiscovery } from '@rolecall/core';

export const EXTRACTOR_ID = 'input-json';

/** Cheap test on raw text: a quoted identifying key followed by a colon. */
const PREFILTER = /"(?:RoleArn|RoleSessionName|WebIdentityToken|SAMLAssertion|PrincipalArn)"\s*:/;

export function prefilter(text: string): boolean {
  return PREFILTER.test(text);
}

export const inputJsonDiscovery: ExtractorDiscovery = { id: EXTRACTOR_ID, files: ['**/*.json', '**/*.jsonc'], prefilter };
