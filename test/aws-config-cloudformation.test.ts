/**
 * The AWS config and CloudFormation extractors with the real rules, through the one pipeline every
 * host uses (extractFile, then lintProject with the project pass), and through the CLI for secrets.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Diagnostic, Extractor } from '@rolecall/core';
import { extractFile, lintProject } from '@rolecall/core';
import { awsConfigExtractor } from '@rolecall/extractor-aws-config';
import { cloudFormationExtractor } from '@rolecall/extractor-cloudformation';
import { FORMATTER_NAMES } from '@rolecall/formatters';
import { presets, rules } from '@rolecall/rules';
import { runCli } from './e2e/helpers.js';

const extractors: Extractor[] = [awsConfigExtractor, cloudFormationExtractor];
await cloudFormationExtractor.load!();

function lint(files: Record<string, string>): Record<string, string[]> {
  const extracted = Object.entries(files).map(([path, text]) => extractFile({ path, text }, extractors));
  const ruleSettings = Object.fromEntries(Object.entries(presets.recommended).map(([id, severity]) => [id, { severity }]));
  const results = lintProject(extracted, { rules, extractors, configFor: () => ({ ruleSettings, settings: {} }) });
  const describe = (d: Diagnostic): string =>
    `${d.location.start.line}:${d.location.start.column} ${d.ruleId}: ${d.message}${(d.related ?? []).map((r) => ` [related ${r.location.file}:${r.location.start.line}:${r.location.start.column} ${r.message}]`).join('')}`;
  return Object.fromEntries(extracted.map((f, i) => [f.path, results[i]!.map(describe)]));
}

describe('role chaining in AWS config profiles', () => {
  it('a source_profile that assumes a role caps DurationSeconds at 3600, naming the source profile', () => {
    const found = lint({
      '.aws/config': '[profile base]\nrole_arn = arn:aws:iam::731902345678:role/base\ncredential_source = Ec2InstanceMetadata\n\n[profile app]\nrole_arn = arn:aws:iam::731902345678:role/app\nsource_profile = base\nduration_seconds = 3601\n',
    });
    assert.deepEqual(found['.aws/config'], [
      '8:20 max-chained-duration: duration_seconds is 3601; its source credentials are the role session started at .aws/config:1 (role chaining), so STS caps the session at 3600 seconds. [related .aws/config:1:1 profile "base" assumes a role; its session is the source credentials of profile "app"]',
    ]);
  });

  it('the boundary: 3600 is fine when chained', () => {
    const found = lint({ 'x.aws-config': '[profile base]\nrole_arn = arn:aws:iam::731902345678:role/base\ncredential_source = Environment\n[profile app]\nrole_arn = arn:aws:iam::731902345678:role/app\nsource_profile = base\nduration_seconds = 3600\n' });
    assert.deepEqual(found['x.aws-config'], []);
  });

  for (const source of ['Ec2InstanceMetadata', 'EcsContainer', 'Environment']) {
    it(`credential_source = ${source} alone is no chaining: 7200 is accepted`, () => {
      const found = lint({ 'x.aws-config': `[profile app]\nrole_arn = arn:aws:iam::731902345678:role/app\ncredential_source = ${source}\nduration_seconds = 7200\n` });
      assert.deepEqual(found['x.aws-config'], []);
    });
  }

  it('static keys in the credentials file beside the config: no chaining, no missing profile', () => {
    const found = lint({
      'home/.aws/config': '[profile app]\nrole_arn = arn:aws:iam::731902345678:role/app\nsource_profile = default\nduration_seconds = 7200\n',
      'home/.aws/credentials': '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = CANARY-x\n',
    });
    assert.deepEqual(found, { 'home/.aws/config': [], 'home/.aws/credentials': [] });
  });

  it('a parse failure in one file never hides findings in another', () => {
    const found = lint({
      'a.aws-config': 'no section\n[profile a]\nrole_arn = arn:aws:iam::731902345678:role/a\ncredential_source = Environment\nduration_seconds = 50000\n',
      'b/template.yaml': 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      MaxSessionDuration: 50000\n      RoleName: "open\n',
      'c.aws-config': '[profile c]\nrole_arn = arn:aws:iam::731902345678:role/c\ncredential_source = Environment\nduration_seconds = 1h\n',
    });
    assert.deepEqual(found['a.aws-config']!.map((d) => d.split(':')[0] + ' ' + d.split(' ')[1]), ['1 parse-error:', '5 valid-duration-seconds:']);
    assert.deepEqual(found['b/template.yaml']!.map((d) => d.split(' ')[1]), ['valid-max-session-duration:', 'parse-error:']);
    assert.deepEqual(found['c.aws-config']!.map((d) => d.split(' ')[1]), ['valid-duration-seconds:']);
  });
});

describe('CloudFormation role definitions with the role rules', () => {
  it('reports MaxSessionDuration in the user spelling, a parameter default with its definition', () => {
    const found = lint({
      'stack.yaml':
        'Parameters:\n  Hours:\n    Type: Number\n    Default: 50000\nResources:\n  A:\n    Type: AWS::IAM::Role\n    Properties:\n      MaxSessionDuration: !Ref Hours\n  B:\n    Type: AWS::IAM::Role\n    Properties:\n      MaxSessionDuration: "3599"\n  C:\n    Type: AWS::IAM::Role\n    Properties:\n      MaxSessionDuration: 43200\n',
    });
    assert.deepEqual(found['stack.yaml'], [
      `9:27 valid-max-session-duration: MaxSessionDuration is 50000 seconds; IAM accepts a role's MaxSessionDuration from 3600 to 43200 seconds (1h to 12h). The value comes from parameter "Hours" Default. [related stack.yaml:4:14 The value is defined here (parameter "Hours" Default).]`,
      `13:27 valid-max-session-duration: MaxSessionDuration is 3599 seconds; IAM accepts a role's MaxSessionDuration from 3600 to 43200 seconds (1h to 12h). CloudFormation converts the quoted text to a number.`,
    ]);
  });
});

describe('a profile and the template that defines its role', () => {
  it("a profile's duration_seconds above the template role's MaxSessionDuration is reported at the profile, the role related", () => {
    const found = lint({
      'ops/deploy.aws-config': '[profile deploy]\nrole_arn = arn:aws:iam::731902345678:role/ci/deploy\ncredential_source = Environment\nduration_seconds = 7201\n',
      'infra/stack.yaml': 'Resources:\n  DeployRole:\n    Type: AWS::IAM::Role\n    Properties:\n      RoleName: deploy\n      Path: /ci/\n      MaxSessionDuration: "7200"\n',
    });
    assert.equal(found['ops/deploy.aws-config']!.length, 1);
    assert.match(found['ops/deploy.aws-config']![0]!, /^4:20 max-session-duration: duration_seconds is 7201; role "deploy" has a MaxSessionDuration of 7200.* \[related infra\/stack.yaml:7:27 /);
    assert.deepEqual(found['infra/stack.yaml'], []);
  });
});

describe('secrets never reach the output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rolecall-secrets-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, '.aws'));
  // A canary in every secret-bearing key, each next to a finding so code frames would show it.
  writeFileSync(
    join(dir, '.aws', 'credentials'),
    [
      '[default]',
      'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
      'aws_secret_access_key = CANARY1secret # rotated',
      'AWS_SESSION_TOKEN = CANARY2token',
      'aws_security_token = CANARY3legacy',
      'aws_secret_access_key = CANARY4duplicate',
      'sso_access_token = CANARY5sso',
      '',
      '[app]',
      'role_arn = arn:aws:iam::731902345678:role/app',
      'source_profile = default',
      'duration_seconds = 90000',
      '',
    ].join('\n'),
  );
  for (const format of FORMATTER_NAMES) {
    it(`--format ${format}`, () => {
      const run = runCli(['--format', format, '.'], { cwd: dir });
      const output = run.stdout + run.stderr;
      assert.ok(output.includes('aws_secret_access_key') || format !== 'stylish', 'the finding about the secret key is reported');
      assert.ok(!/CANARY/.test(output), output);
      assert.equal(run.status, 1);
    });
  }
});
