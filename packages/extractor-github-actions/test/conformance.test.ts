// The same AssumeRole call written as an input JSON file, as a configure-aws-credentials step and
// as an `aws sts assume-role` command line (in a script, a workflow run: step, a GitLab CI script
// line, a CodeBuild command, and with the input in a --cli-input-json file) gives the
// same normalized input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractInputJson } from '@rolecall/extractor-input-json';
import { normalizedJson } from '@rolecall/testing';
import { shellExtractor } from '@rolecall/extractor-shell';
import { codebuildExtractor, githubActionsExtractor, gitlabCiExtractor } from '../src/index.js';
import { fileReferences } from '@rolecall/extractor-shell';

await githubActionsExtractor.load?.();
await shellExtractor.load?.();

const POLICY = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}';

export const INPUT_JSON = `{
  "RoleArn": "arn:aws:iam::123456789012:role/deploy",
  "RoleSessionName": "deploy-session",
  "DurationSeconds": 900,
  "ExternalId": "ext-123",
  "Policy": ${JSON.stringify(POLICY)},
  "PolicyArns": [{ "arn": "arn:aws:iam::aws:policy/ReadOnlyAccess" }]
}
`;

const WORKFLOW = `on: push
env:
  SESSION: deploy-session
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          aws-access-key-id: \${{ secrets.KEY_ID }}
          aws-secret-access-key: \${{ secrets.SECRET }}
          role-to-assume: arn:aws:iam::123456789012:role/deploy
          role-session-name: \${{ env.SESSION }}
          role-duration-seconds: "900"
          role-external-id: ext-123
          role-skip-session-tagging: true
          inline-session-policy: >-
            ${POLICY}
          managed-session-policies: |
            arn:aws:iam::aws:policy/ReadOnlyAccess
          aws-region: us-east-1
`;

test('input JSON and a workflow step give the same normalized input', () => {
  const json = extractInputJson('assume-role.json', INPUT_JSON).calls;
  const step = githubActionsExtractor.extract({ path: '.github/workflows/deploy.yml', text: WORKFLOW }).calls;
  assert.equal(json.length, 1);
  assert.equal(step.length, 1);
  assert.equal(normalizedJson(step[0]!), normalizedJson(json[0]!));
});

test('with session tagging on, the tags the action adds are implicit and not known, so they stay out of the normalized input', () => {
  const step = githubActionsExtractor.extract({ path: '.github/workflows/deploy.yml', text: WORKFLOW.replace('role-skip-session-tagging: true', 'role-skip-session-tagging: false') }).calls[0]!;
  const tags = step.parameters.find((p) => p.member === 'Tags');
  assert.equal(tags?.value.kind, 'implicit');
  assert.equal(normalizedJson(step), normalizedJson(extractInputJson('assume-role.json', INPUT_JSON).calls[0]!));
});

const SCRIPT = `#!/bin/sh
SESSION=deploy-session
aws sts assume-role --role-arn arn:aws:iam::123456789012:role/deploy \\
  --role-session-name="$SESSION" --duration-seconds 900 --external-id 'ext-123' \\
  --policy '${POLICY}' \\
  --policy-arns arn=arn:aws:iam::aws:policy/ReadOnlyAccess
`;

test('an aws sts assume-role line gives the same normalized input, in a script and in a run: step', () => {
  const expected = normalizedJson(extractInputJson('assume-role.json', INPUT_JSON).calls[0]!);
  const script = shellExtractor.extract({ path: 'deploy.sh', text: SCRIPT }).calls;
  assert.equal(script.length, 1);
  assert.equal(normalizedJson(script[0]!), expected);
  const indented = SCRIPT.split('\n').slice(1).map((l) => `          ${l}`).join('\n');
  const workflow = `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n${indented}`;
  const step = githubActionsExtractor.extract({ path: '.github/workflows/run.yml', text: workflow }).calls;
  assert.equal(step.length, 1);
  assert.equal(normalizedJson(step[0]!), expected);
});

test('the same line as a GitLab CI script line and a CodeBuild command, with the variables defined by each file, gives the same normalized input', () => {
  const expected = normalizedJson(extractInputJson('assume-role.json', INPUT_JSON).calls[0]!);
  const line = `aws sts assume-role --role-arn "$ROLE" --role-session-name="$SESSION" --duration-seconds $SECONDS --external-id 'ext-123' --policy '${POLICY}' --policy-arns arn=arn:aws:iam::aws:policy/ReadOnlyAccess`;
  const gitlab = `variables:\n  ROLE: arn:aws:iam::123456789012:role/deploy\ndeploy:\n  variables:\n    SECONDS: 900\n  before_script:\n    - export SESSION=deploy-session\n  script:\n    - ${JSON.stringify(line)}\n`;
  const buildspec = `version: 0.2\nenv:\n  variables:\n    ROLE: arn:aws:iam::123456789012:role/deploy\n    SECONDS: "900"\n    SESSION: deploy-session\nphases:\n  build:\n    commands:\n      - |\n        ${line}\n`;
  const fromGitlab = gitlabCiExtractor.extract({ path: '.gitlab-ci.yml', text: gitlab }).calls;
  const fromBuildspec = codebuildExtractor.extract({ path: 'buildspec.yml', text: buildspec }).calls;
  assert.equal(fromGitlab.length, 1);
  assert.equal(fromBuildspec.length, 1);
  assert.equal(normalizedJson(fromGitlab[0]!), expected);
  assert.equal(normalizedJson(fromBuildspec[0]!), expected);
});

test('a command that reads the call from --cli-input-json file:// gives the same normalized input', () => {
  const expected = normalizedJson(extractInputJson('assume-role.json', INPUT_JSON).calls[0]!);
  const call = shellExtractor.extract({ path: 'deploy.sh', text: 'aws sts assume-role --cli-input-json file://assume-role.json\n' }).calls[0]!;
  const part = { extractor: 'shell', calls: [call], roles: [], facts: [], comments: [], problems: [] };
  const resolved = fileReferences(new Map([['deploy.sh', part]]), { readText: (path) => (path === 'assume-role.json' ? INPUT_JSON : undefined) });
  assert.equal(normalizedJson(resolved.get('deploy.sh')!.calls[0]!), expected);
});
