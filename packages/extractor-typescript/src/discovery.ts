/**
 * The TypeScript extractor as a run needs it before any file passes a prefilter: id, files and prefilter. Kept
 * apart from the extract code, so a run over files no prefilter accepts loads only this module
 * (`@rolecall/extractor-typescript/discovery`; see ExtractorDiscovery in @rolecall/core).
 */
import type { ExtractorDiscovery } from '@rolecall/core';
import { KEYWORDS } from './modules.js';

export const EXTRACTOR_ID = 'typescript';

/** The file kinds read by default. */
export const FILES: readonly string[] = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];

const PREFILTER = new RegExp(KEYWORDS.map((k) => k.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&')).join('|'));

/** Cheap test on the raw text: can the file hold anything rolecall reads? */
export function prefilter(text: string): boolean {
  return PREFILTER.test(text);
}

export const typescriptDiscovery: ExtractorDiscovery = { id: EXTRACTOR_ID, files: FILES, prefilter };
