/**
 * What CI context values can hold, as data: for each value, the names it is written under (an
 * expression inside `${{ }}`, or an environment variable in a shell line), a concrete value it
 * takes in ordinary use that breaks a parameter STS checks (or none: the value is safe), and the
 * documentation that says so. The no-unsafe-context-values rule substitutes these examples into
 * templates; the README lists the safe ones. Add a row with its source; never a guess.
 */

export interface ContextValue {
  /** How it is written: `github.ref_name` inside `${{ }}`, `GITHUB_REF_NAME` in a shell. */
  readonly names: readonly string[];
  /** A value it takes in ordinary use that STS may reject, with why; absent for a safe value. */
  readonly unsafe?: { readonly example: string; readonly why: string };
  /** What it holds, for the README. */
  readonly holds: string;
  readonly source: string;
}

const GITHUB = 'https://docs.github.com/en/actions/reference/workflows-and-actions/contexts#github-context';
const GITHUB_ENV = 'https://docs.github.com/en/actions/reference/workflows-and-actions/variables#default-environment-variables';
const GITLAB = 'https://docs.gitlab.com/ci/variables/predefined_variables/';
const CODEBUILD = 'https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-env-vars.html';
/** A 255-character branch name (Git allows names up to the file system's limit; GitHub's UI accepts 255). */
const LONG_BRANCH = `feature/${'x'.repeat(247)}`;

export const CONTEXT_VALUES: readonly ContextValue[] = [
  // GitHub Actions
  { names: ['github.ref_name', 'GITHUB_REF_NAME'], unsafe: { example: 'feature/login', why: 'a branch name holds "/"' }, holds: 'the branch or tag name', source: GITHUB },
  { names: ['github.head_ref', 'GITHUB_HEAD_REF'], unsafe: { example: LONG_BRANCH, why: 'a pull request branch holds "/" and can be 255 characters long' }, holds: 'the pull request source branch', source: GITHUB },
  { names: ['github.base_ref', 'GITHUB_BASE_REF'], unsafe: { example: 'release/1.2', why: 'a branch name holds "/"' }, holds: 'the pull request target branch', source: GITHUB },
  { names: ['github.ref', 'GITHUB_REF'], unsafe: { example: 'refs/heads/main', why: 'a full ref holds "/"' }, holds: 'the full ref', source: GITHUB },
  { names: ['github.repository', 'GITHUB_REPOSITORY'], unsafe: { example: 'octo-org/octo-repo', why: 'owner and name are joined by "/"' }, holds: 'owner/name', source: GITHUB },
  { names: ['github.actor', 'GITHUB_ACTOR', 'github.triggering_actor', 'GITHUB_TRIGGERING_ACTOR'], unsafe: { example: 'dependabot[bot]', why: 'a bot account ends in "[bot]"' }, holds: 'the login that started the run', source: GITHUB },
  { names: ['github.workflow', 'GITHUB_WORKFLOW'], unsafe: { example: 'Deploy to production', why: 'a workflow name is free text with spaces' }, holds: 'the workflow name', source: GITHUB },
  { names: ['github.event.pull_request.title'], unsafe: { example: 'Fix: login (#42)', why: 'a title is free text' }, holds: 'the pull request title', source: GITHUB },
  { names: ['github.run_id', 'GITHUB_RUN_ID'], holds: 'a number', source: GITHUB },
  { names: ['github.run_number', 'GITHUB_RUN_NUMBER'], holds: 'a number', source: GITHUB },
  { names: ['github.run_attempt', 'GITHUB_RUN_ATTEMPT'], holds: 'a number', source: GITHUB },
  { names: ['github.sha', 'GITHUB_SHA'], holds: 'a 40-character hexadecimal commit id', source: GITHUB_ENV },
  { names: ['github.job', 'GITHUB_JOB'], holds: 'the job id (letters, digits, "-" and "_")', source: GITHUB },
  { names: ['github.event_name', 'GITHUB_EVENT_NAME'], holds: 'an event name such as pull_request', source: GITHUB },
  // GitLab CI/CD
  { names: ['CI_COMMIT_REF_NAME', 'CI_COMMIT_BRANCH', 'CI_MERGE_REQUEST_SOURCE_BRANCH_NAME'], unsafe: { example: 'feature/login', why: 'a branch name holds "/"' }, holds: 'the branch or tag name', source: GITLAB },
  { names: ['CI_PROJECT_PATH'], unsafe: { example: 'group/subgroup/project', why: 'a project path holds "/"' }, holds: 'the namespace and project', source: GITLAB },
  { names: ['CI_COMMIT_TITLE', 'CI_COMMIT_MESSAGE'], unsafe: { example: 'Fix: login (#42)', why: 'a commit title is free text' }, holds: 'the commit title', source: GITLAB },
  { names: ['CI_PIPELINE_ID', 'CI_JOB_ID', 'CI_PIPELINE_IID'], holds: 'a number', source: GITLAB },
  { names: ['CI_COMMIT_SHA', 'CI_COMMIT_SHORT_SHA'], holds: 'a hexadecimal commit id', source: GITLAB },
  { names: ['CI_COMMIT_REF_SLUG'], holds: 'the ref name lowercased, shortened to 63 bytes, with everything but 0-9 and a-z replaced by "-"', source: GITLAB },
  // AWS CodeBuild
  { names: ['CODEBUILD_BUILD_ID'], unsafe: { example: 'my-project:b1e6661e-e4f2-4156-9ab9-82a19EXAMPLE', why: 'a build id joins project and id with ":"' }, holds: 'project:build id', source: CODEBUILD },
  { names: ['CODEBUILD_SOURCE_VERSION'], unsafe: { example: 'pr/42', why: 'a pull request source version holds "/"' }, holds: 'a commit id, branch, or pr/<number>', source: CODEBUILD },
  { names: ['CODEBUILD_INITIATOR'], unsafe: { example: 'codepipeline/my-pipeline', why: 'the initiator holds "/"' }, holds: 'who started the build', source: CODEBUILD },
  { names: ['CODEBUILD_WEBHOOK_HEAD_REF'], unsafe: { example: 'refs/heads/feature/login', why: 'a ref holds "/"' }, holds: 'the head ref of a webhook build', source: CODEBUILD },
  { names: ['CODEBUILD_BUILD_NUMBER'], holds: 'a number', source: CODEBUILD },
  { names: ['CODEBUILD_RESOLVED_SOURCE_VERSION'], holds: 'a commit id', source: CODEBUILD },
];

const byName = new Map<string, ContextValue>();
for (const value of CONTEXT_VALUES) for (const name of value.names) byName.set(name, value);

/**
 * The context value a template hole stands for: the hole's expression with `${{ }}`, `$`, `${}`
 * and spaces taken away (`${{ github.ref_name }}`, `$GITHUB_REF_NAME`, `${CI_COMMIT_REF_NAME}`).
 */
export function contextValueOf(expression: string): ContextValue | undefined {
  const name = expression
    .trim()
    .replace(/^\$\{\{\s*|\s*\}\}$/g, '')
    .replace(/^\$\{?|\}$/g, '')
    .trim();
  return byName.get(name);
}
