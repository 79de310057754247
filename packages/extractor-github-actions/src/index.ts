import type { ExtractionResult, Extractor, SourceFile } from '@rolecall/core';
import { codebuildDiscovery, githubActionsDiscovery, gitlabCiDiscovery } from './discovery.js';
import { extractWorkflow } from './extract.js';
import { fileReferences, loadShellParser } from '@rolecall/extractor-shell';
import { extractBuildspec } from './codebuild.js';
import { extractGitlabCi } from './gitlab.js';

export { extractWorkflow, prefilter } from './extract.js';
export { CALL_KIND, EXTRACTOR_ID, FACT_PARSE_INT, FACT_UNKNOWN_INPUT } from './step.js';
export { MAX_DEPTH, MAX_EXPANDED_NODES, MAX_FILE_CHARS } from './guard.js';
export { extractGitlabCi, GITLAB_EXTRACTOR_ID } from './gitlab.js';
export { extractBuildspec, CODEBUILD_EXTRACTOR_ID } from './codebuild.js';
export { INPUT_SINCE, LATEST_OF_MAJOR, ACTION_TAGS } from './action-table.js';
export { codebuildDiscovery, githubActionsDiscovery, gitlabCiDiscovery } from './discovery.js';

let yamlModule: typeof import('yaml') | undefined;

/** Loads the YAML parser; called by the engine before the first file that passes the prefilter. */
export async function loadYaml(): Promise<typeof import('yaml')> {
  if (yamlModule === undefined) {
    // Bundlers that load yaml's CommonJS build put its exports under `default`.
    const module = (await import('yaml')) as typeof import('yaml') & { default?: typeof import('yaml') };
    yamlModule = typeof module.parseDocument === 'function' ? module : (module.default as typeof import('yaml'));
  }
  return yamlModule;
}

/** Whether the YAML parser has been loaded (for the laziness test). */
export function yamlLoaded(): boolean {
  return yamlModule !== undefined;
}

/**
 * Reads `aws-actions/configure-aws-credentials` steps in GitHub workflows and composite actions.
 */
export const githubActionsExtractor: Extractor = {
  ...githubActionsDiscovery,
  async load() {
    // The shell parser too: a `run:` step may hold `aws sts assume-role`.
    await Promise.all([loadYaml(), loadShellParser()]);
  },
  project: fileReferences,
  extract(file: SourceFile): ExtractionResult {
    if (yamlModule === undefined) throw new Error('github-actions: load() must run before extract()');
    return extractWorkflow(yamlModule, file.path, file.text);
  },
};

export default githubActionsExtractor;

async function loadYamlAndShell(): Promise<void> {
  await Promise.all([loadYaml(), loadShellParser()]);
}

/** Reads `aws sts assume-role*` in GitLab CI `script:`, `before_script:` and `after_script:` lines. */
export const gitlabCiExtractor: Extractor = {
  ...gitlabCiDiscovery,
  load: loadYamlAndShell,
  project: fileReferences,
  extract(file: SourceFile): ExtractionResult {
    if (yamlModule === undefined) throw new Error('gitlab-ci: load() must run before extract()');
    return extractGitlabCi(yamlModule, file.path, file.text);
  },
};

/** Reads `aws sts assume-role*` in AWS CodeBuild buildspec `commands:` and `finally:` lines. */
export const codebuildExtractor: Extractor = {
  ...codebuildDiscovery,
  load: loadYamlAndShell,
  project: fileReferences,
  extract(file: SourceFile): ExtractionResult {
    if (yamlModule === undefined) throw new Error('codebuild: load() must run before extract()');
    return extractBuildspec(yamlModule, file.path, file.text);
  },
};
