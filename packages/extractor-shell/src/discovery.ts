/**
 * The shell extractor as a run needs it before any file passes a prefilter: id, files and prefilter. Kept
 * apart from the extract code, so a run over files no prefilter accepts loads only this module
 * (`@rolecall/extractor-shell/discovery`; see ExtractorDiscovery in @rolecall/core).
 */
import type { ExtractorDiscovery } from '@rolecall/core';

export const EXTRACTOR_ID = 'shell';

/** Cheap test on the raw text: one of the three operations' CLI names. */
const PREFILTER = /\bassume-role/;
export function prefilter(text: string): boolean {
  return PREFILTER.test(text);
}

export const shellDiscovery: ExtractorDiscovery = {
  id: EXTRACTOR_ID,
  files: ['**/*.sh', '**/*.bash', '**/*.zsh', '**/*.ksh', '**/bin/*', '**/scripts/*', '**/Dockerfile', '**/Dockerfile.*', '**/*.dockerfile', '**/Containerfile', '**/Makefile', '**/makefile', '**/GNUmakefile', '**/*.mk'],
  prefilter,
};
