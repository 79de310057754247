/**
 * GitLab CI (`.gitlab-ci.yml`, `*.gitlab-ci.yml`): `aws sts assume-role*` in the shell lines of
 * `before_script:`, `script:` and `after_script:` of every job (hidden `.template` jobs included,
 * read at their own place), of `default:` and of the deprecated top-level keys. `variables:` at the
 * top level and in a job are the lines' environment where literal.
 *
 * What the runner does, and so what is read together: a job's `before_script` and `script` run in
 * one shell (its own `before_script`, or else `default:`'s, which is then read once at its own
 * place), `after_script` in another. Not followed: `extends:`, `!reference` and `include:` (the
 * referenced lines are read where they are written, without the including job's variables).
 */
import type { AssumeRoleCall, ExtractionProblem, ExtractionResult, Fact } from '@rolecall/core';
import type { Document, Scalar } from 'yaml';
import { commandScalars, environmentOf, getKey, isMapNode, listCalls, pairsOf, variablesOf, type CiVariable, type YamlScope } from './ci-scripts.js';
import { parseGuarded } from './document.js';
import { comments } from './extract.js';

type Yaml = typeof import('yaml');

import { GITLAB_EXTRACTOR_ID } from './discovery.js';

export { GITLAB_EXTRACTOR_ID };

/** Top-level keys that are not jobs (https://docs.gitlab.com/ci/yaml/). */
const GLOBAL_KEYS = new Set(['default', 'include', 'stages', 'variables', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script', 'types', 'spec']);

/** Keys whose value is a list of shell lines. */
const SCRIPT_KEYS = ['before_script', 'script', 'after_script'] as const;

interface Out {
  readonly calls: AssumeRoleCall[];
  readonly facts: Fact[];
  readonly problems: ExtractionProblem[];
}

function read(s: YamlScope, out: Out, lists: readonly Scalar[][], environment: ReturnType<typeof environmentOf>): void {
  for (const scalars of lists) {
    if (scalars.length === 0) continue;
    const r = listCalls(s, scalars, environment, GITLAB_EXTRACTOR_ID, out.calls.length + 1);
    out.calls.push(...r.calls);
    out.facts.push(...r.facts);
    out.problems.push(...r.problems);
  }
}

/** The pipeline document: the first one, or the second when the first is a `spec:` header. */
function pipelineDocument(s: Omit<YamlScope, 'doc'>, docs: readonly Document[]): Document | undefined {
  const [first, second] = docs;
  if (first !== undefined && second !== undefined && getKey({ ...s, doc: first }, first.contents, 'spec') !== undefined) return second;
  return first;
}

/** Extracts the calls in one GitLab CI file; `yaml` is the lazily loaded module. */
export function extractGitlabCi(yaml: Yaml, file: string, text: string): ExtractionResult {
  const parsed = parseGuarded(yaml, text, { all: true });
  const out: Out = { calls: [], facts: [], problems: parsed.problems };
  const doc = pipelineDocument({ yaml, text, file }, parsed.docs ?? []);
  if (doc === undefined) return { calls: [], comments: [], problems: out.problems };
  const s: YamlScope = { yaml, doc, text, file };
  const root = doc.contents;
  // A file of this name that is not a mapping (a list, a scalar) is not a pipeline.
  if (!isMapNode(s, root)) return { calls: [], comments: [], problems: out.problems };
  const global: CiVariable[] = variablesOf(s, getKey(s, root, 'variables'), (name) => `GitLab CI variable ${name} (top level)`);
  const globalEnvironment = environmentOf([global]);
  const defaults = getKey(s, root, 'default');
  // Top-level before_script/after_script (deprecated) and default's: read once, with the global variables.
  read(s, out, [commandScalars(s, getKey(s, defaults, 'before_script')), commandScalars(s, getKey(s, defaults, 'after_script')), commandScalars(s, getKey(s, root, 'before_script')), commandScalars(s, getKey(s, root, 'after_script'))], globalEnvironment);
  for (const { key, pair } of pairsOf(s, root)) {
    if (GLOBAL_KEYS.has(key) || !isMapNode(s, pair.value)) continue;
    const job = pair.value;
    if (!SCRIPT_KEYS.some((k) => getKey(s, job, k) !== undefined)) continue;
    const where = key.startsWith('.') ? `hidden job ${key}` : `job ${key}`;
    const environment = environmentOf([global, variablesOf(s, getKey(s, job, 'variables'), (name) => `GitLab CI variable ${name} (${where})`)]);
    const before = commandScalars(s, getKey(s, job, 'before_script'));
    // before_script and script run in one shell; after_script in a new one.
    read(s, out, [[...before, ...commandScalars(s, getKey(s, job, 'script'))], commandScalars(s, getKey(s, job, 'after_script'))], environment);
  }
  return { calls: out.calls, comments: comments(text), problems: out.problems, facts: out.facts };
}
