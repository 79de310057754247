/**
 * DATA: what aws-actions/configure-aws-credentials accepts and adds, per release. Nothing but tables.
 *
 * Source: github.com/aws-actions/configure-aws-credentials, read at every release tag v1.0.0 … v6.2.3:
 * - `action.yml` `inputs:` of each tag (the `since` column is the first tag whose action.yml lists
 *   the input; no input has been removed from any later tag). Latest tag per major:
 *   v1.7.0 67fbcbb121271f7775d2e7715933280b06314838, v2.2.0 5fd3084fc36e372ff1fff382a39b10d03659f355,
 *   v3.0.2 50ac8dd1e1b10d09dac7b8727528b91bed831ac0, v4.3.1 7474bc4690e29a8392af63c5b98e7449536d5c3a,
 *   v5.1.1 61815dcd50bd041e203e49132bacad1fd04d2708, v6.2.3 e6de054238d6b7531b4efff3b6587d9aade6a06c.
 * - Session tags: `index.js` (v1, v2) and `src/assumeRole.ts` (v3+): `GitHub=Actions`, `Repository`,
 *   `Workflow`, `Action`, `Actor`, `Commit`, `Branch` in every release; v6.2.0 adds the droppable
 *   `EventName`, `BaseRef`, `HeadRef`, `RunId`, `Job`, `TriggeringActor` (each only when its
 *   environment variable is non-empty: BaseRef/HeadRef only on pull-request events). Tags are
 *   deleted on the OIDC and web-identity-token-file paths (AssumeRoleWithWebIdentity).
 * - Duration: v3.0.0+ `parseInt(role-duration-seconds) || 3600` (src/index.ts `DEFAULT_ROLE_DURATION`);
 *   v1/v2 pass the text to aws-sdk v2, which turns it into a number only when it is one, and default
 *   to `MAX_ACTION_RUNTIME = 6 * 3600` on the access-key path (v2: 3600 with a session token or
 *   role-chaining), 3600 on the OIDC path.
 * - Session name default `ROLE_SESSION_NAME = 'GitHubActions'` in every release.
 */

/** Every input and the first release that has it, in action.yml order of first appearance. */
export const INPUT_SINCE: readonly (readonly [input: string, since: string])[] = [
  ['aws-access-key-id', '1.0.0'],
  ['aws-secret-access-key', '1.0.0'],
  ['aws-session-token', '1.0.0'],
  ['aws-region', '1.0.0'],
  ['mask-aws-account-id', '1.0.0'],
  ['role-to-assume', '1.1.0'],
  ['role-duration-seconds', '1.1.0'],
  ['role-session-name', '1.2.0'],
  ['role-external-id', '1.2.0'],
  ['role-skip-session-tagging', '1.4.3'],
  ['web-identity-token-file', '1.6.0'],
  ['audience', '1.7.0'],
  ['http-proxy', '2.0.0'],
  ['role-chaining', '2.1.0'],
  ['inline-session-policy', '2.2.0'],
  ['managed-session-policies', '2.2.0'],
  ['output-credentials', '3.0.0'],
  ['unset-current-credentials', '3.0.0'],
  ['disable-retry', '3.0.0'],
  ['retry-max-attempts', '3.0.0'],
  ['special-characters-workaround', '3.0.1'],
  ['use-existing-credentials', '4.1.0'],
  ['output-env-credentials', '4.3.0'],
  ['allowed-account-ids', '5.0.0'],
  ['force-skip-oidc', '5.0.0'],
  ['no-proxy', '5.1.0'],
  ['action-timeout-s', '5.1.0'],
  ['transitive-tag-keys', '6.0.0'],
  ['aws-profile', '6.1.0'],
  ['overwrite-aws-profile', '6.1.0'],
  ['custom-tags', '6.2.0'],
  ['sts-endpoint', '6.2.0'],
];

/** The newest release of each major at the time the table was read (a `@v4` ref runs this one). */
export const LATEST_OF_MAJOR: Readonly<Record<number, string>> = {
  1: '1.7.0',
  2: '2.2.0',
  3: '3.0.2',
  4: '4.3.1',
  5: '5.1.1',
  6: '6.2.3',
};

/** The default session name (`ROLE_SESSION_NAME`), the same in every release. */
export const DEFAULT_SESSION_NAME = 'GitHubActions';

/** First release that reads role-duration-seconds with `parseInt(…) || 3600`. */
export const PARSE_INT_SINCE = '3.0.0';
/** Default DurationSeconds from v3.0.0 on, on every path. */
export const DEFAULT_DURATION = 3600;
/** v1/v2 default on the access-key path (`MAX_ACTION_RUNTIME`); the OIDC path and v2's chained path use 3600. */
export const LEGACY_DEFAULT_DURATION = 21600;

/**
 * Session tags the action adds on the AssumeRole path, with the GitHub context expression whose
 * value the action reads (from the runner's environment variable of the same meaning). A literal
 * value is given as `value`.
 */
export interface ActionTag {
  readonly key: string;
  readonly value?: string;
  readonly expression?: string;
  readonly since: string;
  /** Only set on some events (the action skips an empty value). */
  readonly onlyOn?: 'pull_request';
}

export const ACTION_TAGS: readonly ActionTag[] = [
  { key: 'GitHub', value: 'Actions', since: '1.0.0' },
  { key: 'Repository', expression: 'github.repository', since: '1.0.0' },
  { key: 'Workflow', expression: 'github.workflow', since: '1.0.0' },
  { key: 'Action', expression: 'github.action', since: '1.0.0' },
  { key: 'Actor', expression: 'github.actor', since: '1.0.0' },
  { key: 'Commit', expression: 'github.sha', since: '1.0.0' },
  { key: 'Branch', expression: 'github.ref', since: '1.0.0' },
  { key: 'EventName', expression: 'github.event_name', since: '6.2.0' },
  { key: 'BaseRef', expression: 'github.base_ref', since: '6.2.0', onlyOn: 'pull_request' },
  { key: 'HeadRef', expression: 'github.head_ref', since: '6.2.0', onlyOn: 'pull_request' },
  { key: 'RunId', expression: 'github.run_id', since: '6.2.0' },
  { key: 'Job', expression: 'github.job', since: '6.2.0' },
  { key: 'TriggeringActor', expression: 'github.triggering_actor', since: '6.2.0' },
];
