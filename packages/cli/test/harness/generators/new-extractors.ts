/**
 * Harness entries for the extractors that landed after the harness: GitHub Actions, shell,
 * Terraform, TypeScript/JavaScript, AWS config files and CloudFormation. Each gives seeds for the
 * property tests, syntax-specific hostile input, and files with a canary in every secret-bearing
 * place its syntax can hold.
 */
import type { ExtractorHarness } from '../extractors.js';
import { mutations } from './mutate.js';

const ROLE = 'arn:aws:iam::123456789012:role/deploy';

const WORKFLOW = `name: deploy
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    env:
      SESSION: deploy-\${{ github.run_id }}
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: ${ROLE}
          role-session-name: \${{ env.SESSION }}
          role-duration-seconds: 1h
          inline-session-policy: >-
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}
          aws-region: eu-west-1
      - run: |
          aws sts assume-role --role-arn ${ROLE} \\
            --role-session-name "ci run" --duration-seconds 600
`;

const SCRIPT = `#!/bin/bash
ROLE=${ROLE}
aws sts assume-role --role-arn "$ROLE" --role-session-name 'nightly deploy' \\
  --duration-seconds=43201 --tags Key=team,Value=a Key=team,Value=b --session-duration 7200
`;

const TERRAFORM = `variable "hours" {
  default = "13h"
}
provider "aws" {
  assume_role {
    role_arn     = "${ROLE}"
    session_name = "terraform \${var.hours}"
    duration     = var.hours
    policy       = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }] })
  }
}
resource "aws_iam_role" "deploy" {
  name                 = "deploy"
  max_session_duration = 86400
  assume_role_policy   = <<-EOT
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}]}
  EOT
}
`;

const TYPESCRIPT = `import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
const base = { RoleArn: '${ROLE}', DurationSeconds: 60 * 60 * 13 };
export async function run(name: string) {
  const client = new STSClient({});
  return client.send(new AssumeRoleCommand({ ...base, RoleSessionName: \`deploy \${name}\`, Tags: [{ Key: 'a', Value: 'b' }] }));
}
`;

const GITLAB_CI = `variables:
  ROLE: ${ROLE}
  SECONDS: "43201"
deploy:
  before_script:
    - export NAME="deploy $CI_COMMIT_REF_NAME"
  script:
    - aws sts assume-role --role-arn "$ROLE" --role-session-name "$NAME" --duration-seconds $SECONDS
    - |
      aws sts assume-role \\
        --role-arn \${ROLE} --role-session-name ok --session-duration 3600
`;

const BUILDSPEC = `version: 0.2
env:
  variables:
    ROLE: ${ROLE}
phases:
  build:
    commands:
      - aws sts assume-role --role-arn "$ROLE" --role-session-name "build $CODEBUILD_BUILD_ID" --duration-seconds 43201
    finally:
      - aws sts assume-role --role-arn $ROLE --role-session-name x --tags Key=a,Value=b Key=a,Value=c
`;

const AWS_CONFIG = `[profile base]
region = eu-west-1

[profile deploy]
role_arn = ${ROLE}
source_profile = base
role_session_name = deploy session # inline comment
duration_seconds = 43201
`;

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Duration:
    Type: Number
    Default: 86400
Resources:
  DeployRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: deploy
      MaxSessionDuration: !Ref Duration
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: { AWS: !Sub 'arn:aws:iam::\${AWS::AccountId}:root' }
            Action: sts:AssumeRole
`;

const deep = (open: string, close: string, inner = '1'): string => `${open.repeat(20_000)}${inner}${close.repeat(20_000)}`;

export const NEW_EXTRACTOR_HARNESS: Readonly<Record<string, ExtractorHarness>> = {
  'github-actions': {
    path: '.github/workflows/deploy.yml',
    texts: mutations([WORKFLOW]),
    hostile: () => [
      { name: 'YAML alias bomb in a workflow', path: '.github/workflows/bomb.yml', text: `a: &a ["configure-aws-credentials"]\n${Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`).join('\n')}\n` },
      { name: '20,000-deep flow nesting in a workflow', path: '.github/workflows/deep.yml', text: `jobs: ${deep('[', ']')} # configure-aws-credentials\n` },
    ],
    canaries: (canary) => [
      {
        name: 'workflow credentials and env',
        path: '.github/workflows/deploy.yml',
        text: `on: push\njobs:\n  d:\n    runs-on: x\n    env:\n      AWS_SECRET_ACCESS_KEY: ${canary}\n      AWS_SESSION_TOKEN: ${canary}\n    steps:\n      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          aws-access-key-id: AKIAIOSFODNN7EXAMPLE\n          aws-secret-access-key: ${canary}\n          aws-session-token: ${canary}\n          role-to-assume: ${ROLE}\n          role-session-name: bad name\n          aws-region: eu-west-1\n`,
      },
    ],
  },
  shell: {
    path: 'scripts/assume.sh',
    texts: mutations([SCRIPT]),
    hostile: () => [{ name: '20,000 nested command substitutions', path: 'scripts/deep.sh', text: `aws sts assume-role --role-arn ${'$('.repeat(20_000)}x${')'.repeat(20_000)}\n` }],
    canaries: (canary) => [
      {
        name: 'tokens, codes and keys on a command line',
        path: 'scripts/assume.sh',
        text: `#!/bin/sh\nexport AWS_SECRET_ACCESS_KEY=${canary}\naws sts assume-role --role-arn ${ROLE} --role-session-name 'bad name' --serial-number GAHT12345678 --token-code ${canary}\naws sts assume-role-with-web-identity --role-arn ${ROLE} --role-session-name x --web-identity-token ${canary}\n`,
      },
    ],
  },
  'gitlab-ci': {
    path: '.gitlab-ci.yml',
    texts: mutations([GITLAB_CI]),
    hostile: () => [
      { name: 'YAML alias bomb in a GitLab CI file', path: 'bomb.gitlab-ci.yml', text: `a: &a ["assume-role"]\n${Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`).join('\n')}\njob:\n  script: *j\n` },
      { name: '20,000-deep flow nesting in a GitLab CI file', path: '.gitlab-ci.yml', text: `job:\n  script: ${deep('[', ']', '"aws sts assume-role"')}\n` },
    ],
    canaries: (canary) => [
      {
        name: 'GitLab CI variables and command-line tokens',
        path: '.gitlab-ci.yml',
        text: `variables:\n  AWS_SECRET_ACCESS_KEY: ${canary}\n  TOKEN: ${canary}\njob:\n  script:\n    - aws sts assume-role-with-web-identity --role-arn ${ROLE} --role-session-name 'bad name' --web-identity-token "$TOKEN"\n    - aws sts assume-role --role-arn ${ROLE} --role-session-name x --serial-number GAHT12345678 --token-code ${canary}\n`,
      },
    ],
  },
  codebuild: {
    path: 'buildspec.yml',
    texts: mutations([BUILDSPEC]),
    hostile: () => [
      { name: 'YAML alias bomb in a buildspec', path: 'buildspec.yml', text: `a: &a ["assume-role"]\n${Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`).join('\n')}\nphases:\n  build:\n    commands: *j\n` },
      { name: '2,000-deep block nesting in a buildspec', path: 'buildspec.yml', text: `phases:\n${Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')} aws sts assume-role\n` },
    ],
    canaries: (canary) => [
      {
        name: 'buildspec variables and command-line tokens',
        path: 'buildspec.yml',
        text: `version: 0.2\nenv:\n  variables:\n    AWS_SESSION_TOKEN: ${canary}\n    TOKEN: ${canary}\nphases:\n  build:\n    commands:\n      - aws sts assume-role-with-web-identity --role-arn ${ROLE} --role-session-name 'bad name' --web-identity-token "$TOKEN"\n`,
      },
    ],
  },
  terraform: {
    path: 'main.tf',
    texts: mutations([TERRAFORM]),
    hostile: () => [{ name: '20,000-deep HCL nesting', path: 'deep.tf', text: `provider "aws" {\n  assume_role {\n    policy = ${deep('[', ']')}\n  }\n}\n` }],
    canaries: (canary) => [
      {
        name: 'provider keys and the web identity token',
        path: 'main.tf',
        text: `provider "aws" {\n  secret_key = "${canary}"\n  token      = "${canary}"\n  assume_role_with_web_identity {\n    role_arn           = "${ROLE}"\n    session_name       = "bad name"\n    web_identity_token = "${canary}"\n  }\n}\n`,
      },
    ],
  },
  typescript: {
    path: 'src/assume.ts',
    texts: mutations([TYPESCRIPT]),
    hostile: () => [{ name: '20,000-deep parentheses around a command', path: 'src/deep.ts', text: `import { AssumeRoleCommand } from '@aws-sdk/client-sts';\nnew AssumeRoleCommand(${deep('(', ')', '{}')});\n` }],
    canaries: (canary) => [
      {
        name: 'SDK tokens and credentials',
        path: 'src/assume.ts',
        text: `import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';\nconst client = new STSClient({ credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: '${canary}', sessionToken: '${canary}' } });\nawait client.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: '${ROLE}', RoleSessionName: 'bad name', WebIdentityToken: '${canary}' }));\n`,
      },
    ],
  },
  'aws-config': {
    path: '.aws/config',
    texts: mutations([AWS_CONFIG]),
    hostile: () => [{ name: '20,000-profile source_profile chain', path: '.aws/config', text: Array.from({ length: 20_000 }, (_, i) => `[profile p${i}]\nrole_arn = ${ROLE}\nsource_profile = p${i + 1}\n`).join('') }],
    canaries: (canary) => [
      {
        name: 'credentials file keys',
        path: '.aws/credentials',
        text: `[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${canary}\naws_session_token = ${canary}\naws_security_token = ${canary}\n\n[deploy]\nrole_arn = ${ROLE}\nsource_profile = default\nrole_session_name = bad name\n`,
      },
    ],
  },
  cloudformation: {
    path: 'template.yml',
    texts: mutations([TEMPLATE]),
    hostile: () => [
      { name: '20,000-deep template nesting', path: 'deep.yml', text: `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  R:\n    Type: AWS::IAM::Role\n    Properties: ${deep('[', ']')}\n` },
      { name: 'YAML alias bomb in a template', path: 'bomb.yml', text: `AWSTemplateFormatVersion: '2010-09-09'\na: &a [x]\n${Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`).join('\n')}\nResources: {}\n` },
    ],
    canaries: (canary) => [
      {
        name: 'a parameter default named as a secret',
        path: 'template.yml',
        text: `AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  DbPassword:\n    Type: String\n    Default: ${canary}\nResources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      RoleName: deploy\n      MaxSessionDuration: 100\n      Password: ${canary}\n`,
      },
    ],
  },
};
