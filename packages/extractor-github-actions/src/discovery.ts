/**
 * The GitHub Actions, GitLab CI and CodeBuild extractors as a run needs them before any file passes a prefilter: id,
 * files and prefilter. Kept apart from the extract code, so a run over files no prefilter accepts loads only this module
 * (`@rolecall/extractor-github-actions/discovery`; see ExtractorDiscovery in @rolecall/core).
 */
import type { ExtractorDiscovery } from '@rolecall/core';

export const EXTRACTOR_ID = 'github-actions';
export const GITLAB_EXTRACTOR_ID = 'gitlab-ci';
export const CODEBUILD_EXTRACTOR_ID = 'codebuild';

/** Cheap test on the raw text: the action's name, or an `aws sts assume-role*` command. */
const PREFILTER = /aws-actions\/configure-aws-credentials|\bassume-role/i;
export function prefilter(text: string): boolean {
  return PREFILTER.test(text);
}

/** Cheap test on the raw text of a GitLab CI file or a buildspec: an `aws sts assume-role*` command. */
const SHELL_PREFILTER = /\bassume-role/;
const shellPrefilter = (text: string): boolean => SHELL_PREFILTER.test(text);

export const githubActionsDiscovery: ExtractorDiscovery = {
  id: EXTRACTOR_ID,
  files: ['**/.github/workflows/*.yml', '**/.github/workflows/*.yaml', '**/action.yml', '**/action.yaml'],
  prefilter,
};

export const gitlabCiDiscovery: ExtractorDiscovery = {
  id: GITLAB_EXTRACTOR_ID,
  files: ['**/.gitlab-ci.yml', '**/.gitlab-ci.yaml', '**/*.gitlab-ci.yml', '**/*.gitlab-ci.yaml'],
  prefilter: shellPrefilter,
};

export const codebuildDiscovery: ExtractorDiscovery = {
  id: CODEBUILD_EXTRACTOR_ID,
  // Also any YAML file in a `buildspecs/` folder, a common layout (one buildspec per project); the
  // reader still needs a `phases:` mapping, so another YAML file there gives nothing.
  files: ['**/buildspec*.yml', '**/buildspec*.yaml', '**/buildspecs/*.yml', '**/buildspecs/*.yaml'],
  prefilter: shellPrefilter,
};
