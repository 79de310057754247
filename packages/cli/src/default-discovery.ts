/**
 * The default registry's extractors as discovery sees them: each extractor's id, files and prefilter come from its
 * package's light entry (`@rolecall/extractor-<kind>/discovery`), and everything else loads on the first file that
 * passes a prefilter. A run over a tree no prefilter accepts thus loads no extract code, no rule and no validator:
 * `load()` loads the default registry (rules, presets, validators and the extractors' code, default-registry.ts)
 * and then the extractor's own parser, as core runs `load()` before the first `extract()` of each extractor.
 */
import type { Extractor, ExtractorDiscovery } from '@rolecall/core';
import { awsConfigDiscovery } from '@rolecall/extractor-aws-config/discovery';
import { cloudFormationDiscovery } from '@rolecall/extractor-cloudformation/discovery';
import { codebuildDiscovery, githubActionsDiscovery, gitlabCiDiscovery } from '@rolecall/extractor-github-actions/discovery';
import { inputJsonDiscovery } from '@rolecall/extractor-input-json/discovery';
import { shellDiscovery } from '@rolecall/extractor-shell/discovery';
import { terraformDiscovery } from '@rolecall/extractor-terraform/discovery';
import { typescriptDiscovery } from '@rolecall/extractor-typescript/discovery';
import { loadDefaultRegistry } from './load-registry.js';

/** In the default registry's order (default-registry.ts lists the same extractors; a test checks they agree). */
export const DEFAULT_DISCOVERY: readonly ExtractorDiscovery[] = [
  inputJsonDiscovery,
  githubActionsDiscovery,
  gitlabCiDiscovery,
  codebuildDiscovery,
  shellDiscovery,
  terraformDiscovery,
  typescriptDiscovery,
  awsConfigDiscovery,
  cloudFormationDiscovery,
];

/** One default extractor whose code loads with the registry; `extract` runs only after `load()` (core's contract). */
function deferred(discovery: ExtractorDiscovery): Extractor {
  let full: Extractor | undefined;
  return {
    id: discovery.id,
    files: discovery.files,
    prefilter: discovery.prefilter,
    async load(): Promise<void> {
      const registry = await loadDefaultRegistry();
      const found = registry.extractors.find((e) => e.id === discovery.id);
      if (found === undefined) throw new Error(`the default registry has no extractor "${discovery.id}"`);
      await found.load?.();
      full = found;
    },
    extract(file) {
      if (full === undefined) throw new Error(`${discovery.id}: load() must run before extract()`);
      return full.extract(file);
    },
  };
}

/**
 * The default extractors for discovery and extraction in the main thread. They have no `project` hook: the project
 * pass runs with the loaded registry's extractors (the same ids), which a run loads once any file has a part.
 */
export const DEFAULT_EXTRACTORS: readonly Extractor[] = DEFAULT_DISCOVERY.map(deferred);
