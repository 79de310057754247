import type { ExtractionProblem, ExtractionResult, Extractor, SourceComment, SourceFile } from '@rolecall/core';
import { findExcessiveNesting, MAX_BLOCK_COLUMN, MAX_FLOW_DEPTH } from './depth.js';
import { jsonTree } from './json-tree.js';
import { cloudFormationDiscovery } from './discovery.js';
import { EXTRACTOR_ID, isTemplate, rolesOf } from './template.js';
import { Budget, TooMuchWork, type CNode } from './tree.js';
import { yamlTree } from './yaml-tree.js';

export { findExcessiveNesting, MAX_BLOCK_COLUMN, MAX_FLOW_DEPTH } from './depth.js';
export { EXTRACTOR_ID, isTemplate, ROLE_KIND, rolesOf, toValue } from './template.js';
export type { CEntry, CNode } from './tree.js';
export { cloudFormationDiscovery, prefilter } from './discovery.js';

/**
 * Nodes one file may expand to, aliases included. A large real template has some tens of thousands;
 * a YAML alias bomb (9 aliases × 9 levels) would have hundreds of millions.
 */
export const MAX_NODES = 200_000;

type Parsers = { yaml: typeof import('yaml'); jsonc: typeof import('jsonc-parser') };
let parsers: Parsers | undefined;

/** Imports yaml and jsonc-parser, once, when the first template-like file turns up. */
export async function loadParsers(): Promise<void> {
  if (parsers !== undefined) return;
  const [yamlModule, jsonc] = await Promise.all([import('yaml'), import('jsonc-parser')]);
  // Bundlers that load yaml's CommonJS build from a split chunk put its exports under `default`.
  const loaded = yamlModule as typeof import('yaml') & { default?: typeof import('yaml') };
  parsers = { yaml: typeof loaded.parseDocument === 'function' ? loaded : loaded.default!, jsonc };
}

const EMPTY: ExtractionResult = { calls: [], comments: [], problems: [] };

/** A JSON template starts with `{` (after blanks); anything else is read as YAML. */
function looksLikeJson(text: string): boolean {
  return /^[\s\uFEFF]*\{/.test(text);
}

export function extractCloudFormation(path: string, text: string): ExtractionResult {
  if (parsers === undefined) throw new Error('the CloudFormation extractor was used before load()');
  const json = looksLikeJson(text);
  const deep = findExcessiveNesting(text, !json);
  if (deep >= 0) {
    const limit = json ? `${MAX_FLOW_DEPTH} levels` : `${MAX_FLOW_DEPTH} flow levels or indentation column ${MAX_BLOCK_COLUMN}`;
    return { ...EMPTY, problems: [{ message: `The file nests deeper than rolecall reads (${limit}); it was not parsed. A CloudFormation template nests a few dozen levels at most.`, span: { start: deep, end: deep + 1 } }] };
  }
  const budget = new Budget(MAX_NODES);
  let root: CNode | undefined;
  let problems: readonly ExtractionProblem[];
  let comments: readonly SourceComment[] = [];
  try {
    if (json) ({ root, problems } = jsonTree(parsers.jsonc, text, budget));
    else ({ root, problems, comments } = yamlTree(parsers.yaml, text, budget));
  } catch (error) {
    if (!(error instanceof TooMuchWork)) throw error;
    return {
      ...EMPTY,
      problems: [{ message: `The file expands to more than ${MAX_NODES} values (YAML aliases repeating anchors, as in an alias bomb); it was not read.`, span: error.span }],
    };
  }
  // A file that is no template is not ours to judge: its syntax errors belong to whoever reads it.
  if (!isTemplate(root)) return EMPTY;
  return { calls: [], comments, problems, roles: rolesOf(path, text, root!) };
}

/**
 * Reads CloudFormation and SAM templates (YAML with short-form tags, and JSON), recognised by
 * content. `AWS::IAM::Role` resources become role definitions for the role rules.
 */
export const cloudFormationExtractor: Extractor = {
  ...cloudFormationDiscovery,
  load: loadParsers,
  extract(file: SourceFile): ExtractionResult {
    return extractCloudFormation(file.path, file.text);
  },
};

export default cloudFormationExtractor;
