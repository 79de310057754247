/**
 * AWS CodeBuild buildspecs (`buildspec.yml`, `buildspec*.yml|yaml`): `aws sts assume-role*` in
 * `phases.<phase>.commands` and `phases.<phase>.finally`, with `env.variables` as the commands'
 * environment where literal. `env.parameter-store` and `env.secrets-manager` names are filled at
 * run time, so they stay unknown (and hide an `env.variables` entry of the same name).
 *
 * How CodeBuild runs the lines, and so what is read together: with `version: 0.2` every command of
 * every phase runs in one shell instance, in phase order (install, pre_build, build, post_build),
 * so all lists are one script; with `version: 0.1` each command runs in its own shell.
 * (https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html)
 */
import type { ExtractionProblem, ExtractionResult } from '@rolecall/core';
import type { Scalar } from 'yaml';
import { commandScalars, environmentOf, getKey, isMapNode, listCalls, pairsOf, variablesOf, type YamlScope } from './ci-scripts.js';
import { parseGuarded } from './document.js';
import { comments } from './extract.js';
import { deref } from './values.js';

type Yaml = typeof import('yaml');

import { CODEBUILD_EXTRACTOR_ID } from './discovery.js';

export { CODEBUILD_EXTRACTOR_ID };

/** CodeBuild runs the phases in this order, whatever the order in the file. */
const PHASES = ['install', 'pre_build', 'build', 'post_build'] as const;

/** Extracts the calls in one buildspec; `yaml` is the lazily loaded module. */
export function extractBuildspec(yaml: Yaml, file: string, text: string): ExtractionResult {
  const parsed = parseGuarded(yaml, text);
  const problems: ExtractionProblem[] = parsed.problems;
  const doc = parsed.doc;
  if (doc === undefined) return { calls: [], comments: [], problems };
  const s: YamlScope = { yaml, doc, text, file };
  const root = doc.contents;
  const phases = getKey(s, root, 'phases');
  // A YAML file named like a buildspec without `phases:` is something else.
  if (!isMapNode(s, root) || !isMapNode(s, phases)) return { calls: [], comments: [], problems };
  const env = getKey(s, root, 'env');
  const hidden = [...pairsOf(s, getKey(s, env, 'parameter-store')), ...pairsOf(s, getKey(s, env, 'secrets-manager'))].map(({ key }) => ({ name: key }));
  const environment = environmentOf([variablesOf(s, getKey(s, env, 'variables'), (name) => `buildspec env variable ${name}`), hidden]);
  const versionNode = deref(yaml, doc, getKey(s, root, 'version'));
  const oneShell = !(versionNode !== null && yaml.isScalar(versionNode) && String(versionNode.value) === '0.1');
  const lines: Scalar[] = [];
  for (const phase of PHASES) {
    const node = getKey(s, phases, phase);
    lines.push(...commandScalars(s, getKey(s, node, 'commands')), ...commandScalars(s, getKey(s, node, 'finally')));
  }
  const calls: ExtractionResult['calls'][number][] = [];
  const facts: NonNullable<ExtractionResult['facts']>[number][] = [];
  for (const list of oneShell ? [lines] : lines.map((l) => [l])) {
    if (list.length === 0) continue;
    const r = listCalls(s, list, environment, CODEBUILD_EXTRACTOR_ID, calls.length + 1);
    calls.push(...r.calls);
    facts.push(...r.facts);
    problems.push(...r.problems);
  }
  return { calls, comments: comments(text), problems, facts };
}
