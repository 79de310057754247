/**
 * The Terraform extractor as a run needs it before any file passes a prefilter: id, files and prefilter. Kept
 * apart from the extract code, so a run over files no prefilter accepts loads only this module
 * (`@rolecall/extractor-terraform/discovery`; see ExtractorDiscovery in @rolecall/core).
 */
import type { ExtractorDiscovery } from '@rolecall/core';
import { prefilter } from './prefilter.js';

export const EXTRACTOR_ID = 'terraform';

export const terraformDiscovery: ExtractorDiscovery = { id: EXTRACTOR_ID, files: ['**/*.tf', '**/*.tofu', '**/*.tfvars', '**/*.tfvars.json', '**/*.hcl'], prefilter };
