import type { ExtractionResult, Extractor, SourceFile } from '@rolecall/core';
import { terraformDiscovery } from './discovery.js';
import { extractTerraform } from './extract.js';
import { loadParser } from './parser.js';
import { resolveProject } from './project.js';

export { prefilter } from './prefilter.js';
export { terraformDiscovery } from './discovery.js';

export { extractTerraform, EXTRACTOR_ID, grammarFor, type TerraformExtraction } from './extract.js';
export { FACT_INVALID_DURATION } from './convert.js';
export { parseGoDuration, type GoDuration } from './duration.js';
export { MAX_FILE_CHARS, MAX_NESTING } from './limits.js';
export { isLoaded, loadParser } from './parser.js';
export { resolveProject } from './project.js';
export { wasmUrl } from './wasm.js';

/**
 * Reads Terraform and OpenTofu (`.tf`, `.tofu`, `.tfvars`) and Terragrunt (`.hcl`) files with
 * tree-sitter-hcl; resolves `var.x` and `local.x` across a module folder in `project`.
 */
export const terraformExtractor: Extractor = {
  ...terraformDiscovery,
  load: loadParser,
  extract(file: SourceFile): ExtractionResult {
    return extractTerraform(file.path, file.text);
  },
  project: resolveProject,
};

export default terraformExtractor;
