/**
 * `file://` and `fileb://` values of the AWS CLI (`--policy file://policy.json`, `--cli-input-json
 * file://input.json`), read through the host in the project pass: the CLI reads such a value from
 * the file, so rolecall reads the same file when it is inside the repository, and every value from
 * it keeps its place in that file (`fromFile`), so a finding points into it, with the command as a
 * related location. Extract code stays free of file access: without `host.readText` (the ESLint
 * plugin, a browser) the value stays an unresolved reference and nothing is reported about it.
 *
 * Which file: the CLI resolves a relative path against its working directory, which the file does
 * not state. rolecall tries, in order:
 * - for CI files (GitHub workflows, GitLab CI, buildspecs), the repository root, where each of
 *   these runners starts a job, then the CI file's directory;
 * - for Makefiles, the Makefile's directory (make runs recipes there), then the root;
 * - for scripts, the script's directory (scripts are often run from where they are), then the root.
 * Dockerfile `RUN` lines run inside the image, whose files are not the repository's: not read.
 * An absolute path, `~`, or a path leaving the repository is not read.
 *
 * A referenced file that is missing is not a finding: builds often write it in an earlier step
 * (`jq … > policy.json`). The value then stays a reference, as without a host.
 */
import type { AssumeRoleCall, CallParameter, ExtractorPart, Fact, ProjectHost, ProjectUpdate, Span, StsMember, ValueNode } from '@rolecall/core';
import { isStsMember } from '@rolecall/core';
import { FACT_INPUT_FILE } from './command.js';
import { hostKind } from './hosts.js';
import { json } from './json.js';
import type { Chars } from './words.js';

const REFERENCE = /^fileb?:\/\/(.+)$/s;

/** Members whose value the CLI reads as an integer. */
const INTEGER_MEMBERS: ReadonlySet<StsMember> = new Set<StsMember>(['DurationSeconds', 'MinimumSessionTokenSize']);

/** `a/b/../c` → `a/c`; undefined when the path leaves the root or is absolute. */
function normalize(path: string): string | undefined {
  if (path.startsWith('/') || path.startsWith('~') || /^[A-Za-z]:/.test(path)) return undefined;
  const out: string[] = [];
  for (const part of path.split(/[\\/]+/)) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(part);
  }
  return out.length > 0 ? out.join('/') : undefined;
}

/** The directories to try for a relative path in `file` (see the header), as root-relative prefixes. */
function bases(file: string, extractor: string): string[] {
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  if (extractor !== 'shell') return [...new Set(['', dir])];
  if (hostKind(file) === 'dockerfile') return [];
  return [...new Set([dir, ''])];
}

function read(host: ProjectHost, call: AssumeRoleCall, reference: string): { path: string; text: string } | undefined {
  const m = REFERENCE.exec(reference);
  if (m === null || host.readText === undefined) return undefined;
  for (const base of bases(call.file, call.extractor)) {
    const path = normalize(base + (m[1] as string));
    if (path === undefined) continue;
    const text = host.readText(path);
    if (text !== undefined) return { path, text };
  }
  return undefined;
}

/** Marks a node and everything in it as living in `file`. */
function inFile(node: ValueNode, fromFile: { file: string; readAt: Span }): ValueNode {
  switch (node.kind) {
    case 'object':
      return { ...node, fromFile, entries: node.entries.map((e) => ({ ...e, value: inFile(e.value, fromFile) })) };
    case 'array':
      return { ...node, fromFile, items: node.items.map((i) => inFile(i, fromFile)) };
    default:
      return { ...node, fromFile };
  }
}

/** A file's whole text as a word whose every character is at its own offset. */
function wholeFile(text: string): Chars {
  return { text, table: Array.from({ length: text.length + 1 }, (_, i) => i), holes: new Map(), span: { start: 0, end: text.length } };
}

/** The value a scalar member gets from a file's text. */
function fileValue(member: StsMember, text: string, fromFile: { file: string; readAt: Span }): ValueNode {
  const span = { start: 0, end: text.length };
  if (INTEGER_MEMBERS.has(member) && /^\s*[+-]?\d+\s*$/.test(text)) return { kind: 'literal', value: Number(text.trim()), span, fromFile };
  return { kind: 'literal', value: text, span, offsets: { table: wholeFile(text).table }, fromFile };
}

function resolveCall(call: AssumeRoleCall, host: ProjectHost): AssumeRoleCall | undefined {
  let changed = false;
  const parameters: CallParameter[] = [];
  for (const p of call.parameters) {
    const found = p.value.kind === 'reference' ? read(host, call, p.value.text) : undefined;
    if (found === undefined) {
      parameters.push(p);
      continue;
    }
    changed = true;
    parameters.push({ ...p, value: fileValue(p.member, found.text, { file: found.path, readAt: p.value.span }) });
  }
  const facts: Fact[] = [];
  for (const fact of call.facts ?? []) {
    const found = fact.kind === FACT_INPUT_FILE ? read(host, call, String(fact.data?.['reference'] ?? '')) : undefined;
    if (found === undefined) {
      facts.push(fact);
      continue;
    }
    changed = true;
    const fromFile = { file: found.path, readAt: fact.span };
    const root = json(wholeFile(found.text), 0);
    if (root.kind !== 'object') continue;
    for (const entry of root.entries) {
      // A flag on the command line wins over the same member in the input file.
      if (!isStsMember(entry.key) || parameters.some((p) => p.member === entry.key)) continue;
      parameters.push({ member: entry.key, key: entry.key, keySpan: fact.span, value: inFile(entry.value, fromFile) });
    }
  }
  if (!changed) return undefined;
  const { facts: _old, ...rest } = call;
  return { ...rest, parameters, ...(facts.length > 0 ? { facts } : {}) };
}

/**
 * A project hook for every extractor whose calls come from AWS CLI command lines: reads the
 * `file://` values through `host` and returns the parts whose calls changed.
 */
export function fileReferences(parts: ReadonlyMap<string, ExtractorPart>, host?: ProjectHost): ProjectUpdate {
  const out = new Map<string, ExtractorPart>();
  if (host?.readText === undefined) return out;
  for (const [path, part] of parts) {
    let changed = false;
    const calls = part.calls.map((call) => {
      const resolved = resolveCall(call, host);
      if (resolved !== undefined) changed = true;
      return resolved ?? call;
    });
    if (changed) out.set(path, { ...part, calls });
  }
  return out;
}
