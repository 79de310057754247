/**
 * Walks a GitHub workflow (`jobs.<id>.steps`) or a composite action (`runs.steps`) for
 * `aws-actions/configure-aws-credentials` steps, keeping the `env:` levels and the action's
 * `inputs` defaults in scope, and the last role each job assumed (for role chaining).
 */
import type { AssumeRoleCall, ExtractionProblem, ExtractionResult, Fact, RelatedSpan, SourceComment } from '@rolecall/core';
import type { Document, Node as YamlNode, YAMLMap } from 'yaml';
import { parseGuarded } from './document.js';
import { getKey, pairsOf, spanOf } from './ci-scripts.js';
import { EXTRACTOR_ID, stepCall, type StepInput } from './step.js';
import { deref, type Definition, type ValueScope } from './values.js';
import { readsAsShell, runCalls } from './run-step.js';
import { pinnedRef } from './version.js';

type Yaml = typeof import('yaml');

export { prefilter } from './discovery.js';

const USES = /^\s*aws-actions\/configure-aws-credentials@(\S+)\s*$/i;

interface Walk {
  readonly yaml: Yaml;
  readonly doc: Document;
  readonly text: string;
  readonly file: string;
  readonly calls: AssumeRoleCall[];
  readonly facts: Fact[];
  readonly problems: ExtractionProblem[];
}

const pairs = pairsOf;
const get = getKey;

function scalarText(w: Walk, node: unknown): string | undefined {
  const n = deref(w.yaml, w.doc, node);
  return n !== null && w.yaml.isScalar(n) ? String(n.value) : undefined;
}

function envLevel(w: Walk, node: unknown, where: string): Map<string, Definition> {
  const out = new Map<string, Definition>();
  for (const { key, keySpan, pair } of pairs(w, node)) out.set(key, { node: pair.value as YamlNode | null, keySpan, description: `env ${key} (${where})` });
  return out;
}

/** Whether the permissions grant an OIDC token: `id-token: write` or `write-all`; undefined when not said. */
function oidcPermission(w: Walk, node: unknown): boolean | undefined {
  if (node === undefined) return undefined;
  const all = scalarText(w, node);
  if (all !== undefined) return all === 'write-all';
  const token = scalarText(w, get(w, node, 'id-token'));
  return token === 'write';
}

function steps(w: Walk, node: unknown, scope: ValueScope, oidc: boolean | undefined, shell: string | undefined): void {
  const seq = deref(w.yaml, w.doc, node);
  if (seq === null || !w.yaml.isSeq(seq)) return;
  let previous: RelatedSpan | undefined;
  for (const item of seq.items) {
    const step = deref(w.yaml, w.doc, item);
    if (step === null || !w.yaml.isMap(step)) continue;
    const runNode = deref(w.yaml, w.doc, get(w, step, 'run'));
    if (runNode !== null && w.yaml.isScalar(runNode) && readsAsShell(scalarText(w, get(w, step, 'shell')) ?? shell)) {
      const stepScope: ValueScope = { ...scope, env: [envLevel(w, get(w, step, 'env'), 'step'), ...scope.env] };
      const run = runCalls(stepScope, runNode, w.calls.length + 1, previous);
      w.calls.push(...run.calls);
      w.facts.push(...run.facts);
      w.problems.push(...run.problems);
      const assumed = run.calls.at(-1);
      if (assumed !== undefined) previous = { file: w.file, span: assumed.span, message: 'the credentials of the role this command assumed may be the source credentials of the later step' };
      continue;
    }
    const usesNode = deref(w.yaml, w.doc, get(w, step, 'uses'));
    if (usesNode === null || !w.yaml.isScalar(usesNode)) continue;
    const m = USES.exec(String(usesNode.value));
    const usesSpan = spanOf(usesNode);
    const stepSpan = spanOf(step);
    if (m === null || usesSpan === undefined || stepSpan === undefined) continue;
    const lineEnd = w.text.indexOf('\n', usesSpan.end);
    const comment = w.text.slice(usesSpan.end, lineEnd < 0 ? w.text.length : lineEnd);
    const inputs: StepInput[] = pairs(w, get(w, step, 'with')).map(({ key, keySpan, pair }) => ({ key, keySpan, value: pair.value }));
    const stepScope: ValueScope = { ...scope, env: [envLevel(w, get(w, step, 'env'), 'step'), ...scope.env] };
    const result = stepCall({
      scope: stepScope,
      id: `${EXTRACTOR_ID}:${w.calls.length + 1}`,
      step: step as YAMLMap,
      stepSpan,
      usesSpan,
      pinned: pinnedRef(m[1] as string, comment),
      inputs,
      oidc,
      ...(previous !== undefined ? { previous } : {}),
    });
    w.facts.push(...result.facts);
    if (result.call !== undefined) {
      w.calls.push(result.call);
      previous = { file: w.file, span: usesSpan, message: 'the role session this step assumed is the source credentials of the later step' };
    }
  }
}

/** `# comments` for suppression directives (a `#` at a line start or after a blank). */
export function comments(text: string): SourceComment[] {
  const out: SourceComment[] = [];
  const re = /(^|[ \t])#([^\n]*)/gm;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const start = m.index + (m[1] as string).length;
    out.push({ text: m[2] as string, span: { start, end: start + 1 + (m[2] as string).length } });
  }
  return out;
}

/** Extracts the calls of one workflow or composite action. `yaml` is the lazily loaded module. */
export function extractWorkflow(yaml: Yaml, file: string, text: string): ExtractionResult {
  const parsed = parseGuarded(yaml, text);
  const problems = parsed.problems;
  const doc = parsed.doc;
  if (doc === undefined) return { calls: [], comments: [], problems };
  const w: Walk = { yaml, doc, text, file, calls: [], facts: [], problems };
  const root = doc.contents;
  const base = { yaml, doc, text, file, inputs: new Map<string, Definition>() };
  const jobs = get(w, root, 'jobs');
  if (jobs !== undefined) {
    const workflowEnv = envLevel(w, get(w, root, 'env'), 'workflow');
    const workflowOidc = oidcPermission(w, get(w, root, 'permissions'));
    const workflowShell = scalarText(w, get(w, get(w, get(w, root, 'defaults'), 'run'), 'shell'));
    for (const { key, pair } of pairs(w, jobs)) {
      const job = pair.value;
      const jobOidc = oidcPermission(w, get(w, job, 'permissions')) ?? workflowOidc;
      const shell = scalarText(w, get(w, get(w, get(w, job, 'defaults'), 'run'), 'shell')) ?? workflowShell;
      steps(w, get(w, job, 'steps'), { ...base, env: [envLevel(w, get(w, job, 'env'), `job ${key}`), workflowEnv] }, jobOidc ?? false, shell);
    }
  } else {
    const runs = get(w, root, 'runs');
    if (scalarText(w, get(w, runs, 'using')) === 'composite') {
      const inputs = new Map<string, Definition>();
      for (const { key, keySpan, pair } of pairs(w, get(w, root, 'inputs'))) {
        const def = get(w, pair.value, 'default');
        if (def !== undefined) inputs.set(key.toLowerCase(), { node: def as YamlNode | null, keySpan, description: `input "${key}" default` });
      }
      // A composite action runs with the caller's permissions, which its file does not show.
      steps(w, get(w, runs, 'steps'), { ...base, inputs, env: [] }, undefined, undefined);
    }
  }
  return { calls: w.calls, comments: comments(text), problems, facts: w.facts };
}

