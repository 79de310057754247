import type { ExtractionResult, Extractor, SourceFile } from '@rolecall/core';
import { inputJsonDiscovery } from './discovery.js';
import { extractInputJson } from './extract.js';

export {
  CALL_KIND,
  EXTRACTOR_ID,
  extractInputJson,
  findExcessiveNesting,
  MAX_NESTING_DEPTH,
  operationFromFileName,
  operationFromKeys,
  prefilter,
  type ExtractOptions,
  type InputJsonExtraction,
} from './extract.js';
export { decodeJsonString, tableOffsetMap } from './decode.js';
export { inputJsonDiscovery } from './discovery.js';

/**
 * Reads AssumeRole / AssumeRoleWithWebIdentity / AssumeRoleWithSAML inputs written for
 * `aws sts assume-role* --cli-input-json` or passed to the SDK (`PolicyArns: [{ arn }]`,
 * `Tags: [{ Key, Value }]`). A file holds one input object or an array of them.
 */
export const inputJsonExtractor: Extractor = {
  ...inputJsonDiscovery,
  extract(file: SourceFile): ExtractionResult {
    const { calls, comments, problems, facts } = extractInputJson(file.path, file.text);
    return { calls, comments, problems, ...(facts !== undefined ? { facts } : {}) };
  },
};

export default inputJsonExtractor;
