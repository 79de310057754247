/**
 * The CloudFormation extractor as a run needs it before any file passes a prefilter: id, files and prefilter. Kept
 * apart from the extract code, so a run over files no prefilter accepts loads only this module
 * (`@rolecall/extractor-cloudformation/discovery`; see ExtractorDiscovery in @rolecall/core).
 */
import type { ExtractorDiscovery } from '@rolecall/core';

export const EXTRACTOR_ID = 'cloudformation';

/** Cheap test: a template names its format version or has an AWS or custom resource type. */
const PREFILTER = /AWSTemplateFormatVersion|["']?Type["']?\s*:\s*["']?(?:AWS|Custom)::/;

export function prefilter(text: string): boolean {
  return PREFILTER.test(text);
}

export const cloudFormationDiscovery: ExtractorDiscovery = { id: EXTRACTOR_ID, files: ['**/*.yaml', '**/*.yml', '**/*.json', '**/*.template'], prefilter };
