/**
 * Parses a YAML file behind the hostile-input limits of guard.ts (size, nesting depth, alias
 * expansion): every reader in this package (workflows, composite actions, GitLab CI, CodeBuild
 * buildspecs) goes through here, so none of them can be handed a file the guards did not see.
 */
import type { ExtractionProblem } from '@rolecall/core';
import type { Document, Node as YamlNode } from 'yaml';
import { aliasExpansion, excessiveNesting, MAX_DEPTH, MAX_EXPANDED_NODES, MAX_FILE_CHARS } from './guard.js';

type Yaml = typeof import('yaml');

export interface GuardedDocument {
  /** Absent when a limit kept the file from being parsed. */
  readonly doc?: Document;
  /** Every document of the stream, with `all` (GitLab CI puts a `spec:` header document first). */
  readonly docs?: readonly Document[];
  readonly problems: ExtractionProblem[];
}

export function parseGuarded(yaml: Yaml, text: string, options: { readonly all?: boolean } = {}): GuardedDocument {
  const problems: ExtractionProblem[] = [];
  if (text.length > MAX_FILE_CHARS) {
    problems.push({ message: `The file holds ${text.length.toLocaleString('en-US')} characters; rolecall reads YAML files of up to ${MAX_FILE_CHARS.toLocaleString('en-US')} (no workflow comes near).`, span: { start: 0, end: 1 } });
    return { problems };
  }
  const deep = excessiveNesting(text);
  if (deep >= 0) {
    problems.push({ message: `The YAML nests deeper than ${MAX_DEPTH} levels; rolecall does not read files this deep (no workflow is).`, span: { start: deep, end: deep + 1 } });
    return { problems };
  }
  const parsed = options.all === true ? yaml.parseAllDocuments(text, { keepSourceTokens: false, uniqueKeys: true }) : [yaml.parseDocument(text, { keepSourceTokens: false, uniqueKeys: true })];
  // An empty stream parses to an EmptyStream: an array without documents.
  const docs: Document[] = Array.from(parsed as ArrayLike<Document>);
  for (const error of docs.flatMap((d) => d.errors)) {
    // yaml places an error at the end of input one past the last character: clamp into the text.
    const start = Math.min(Math.max(error.pos[0], 0), text.length);
    const end = Math.min(Math.max(error.pos[1], start), text.length);
    problems.push({ message: `YAML: ${error.message.split('\n')[0]}`, span: { start, end } });
  }
  let expanded = 0;
  for (const doc of docs) expanded += aliasExpansion(yaml, doc.contents as YamlNode | null, doc);
  if (expanded > MAX_EXPANDED_NODES) {
    problems.push({ message: `YAML aliases expand to more than ${MAX_EXPANDED_NODES.toLocaleString('en-US')} nodes (an alias bomb); rolecall reads the file without expanding them.`, span: { start: 0, end: Math.min(text.length, 1) } });
  }
  const doc = docs[0];
  return { ...(doc !== undefined ? { doc } : {}), docs, problems };
}
