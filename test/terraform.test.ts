// The Terraform extractor through core's pipeline with every registered rule: the module-wide
// project pass (variables, tfvars precedence, locals), role chains, broken files next to good
// ones, and other providers ignored. Fixtures live in packages/extractor-terraform/test/fixtures.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { extractFile, lintProject, type Diagnostic } from '@rolecall/core';
import { loadParser, terraformExtractor } from '@rolecall/extractor-terraform';
import { presets, rules } from '@rolecall/rules';

const fixtures = fileURLToPath(new URL('../packages/extractor-terraform/test/fixtures/', import.meta.url));

function lint(paths: readonly string[]): string[] {
  const files = paths.map((p) => extractFile({ path: p, text: readFileSync(join(fixtures, p), 'utf8') }, [terraformExtractor]));
  // The files are fixtures (packages/…/test/fixtures, where the CLI leaves no-placeholder-values off): their example accounts are not findings.
  const ruleSettings = { ...Object.fromEntries(Object.entries(presets.recommended).map(([id, severity]) => [id, { severity }])), 'no-placeholder-values': { severity: 'off' as const } };
  const results = lintProject(files, { rules, extractors: [terraformExtractor], configFor: () => ({ ruleSettings, settings: {} }) });
  return results.flatMap((list, i) => list.map((d) => show(paths[i]!, d)));
}

function show(file: string, d: Diagnostic): string {
  const at = (l: { line: number; column: number }) => `${l.line}:${l.column}`;
  const related = (d.related ?? []).map((r) => ` [related ${r.location.file}:${at(r.location.start)} ${r.message}]`).join('');
  return `${file}:${at(d.location.start)} ${d.ruleId}: ${d.message}${related}`;
}

function tree(dir: string): string[] {
  return readdirSync(join(fixtures, dir)).flatMap((e) => (statSync(join(fixtures, dir, e)).isDirectory() ? tree(join(dir, e)) : [relative(fixtures, join(fixtures, dir, e))]));
}

before(() => loadParser());

describe('terraform through the pipeline', () => {
  test('variables resolve across the module folder, tfvars in Terraform precedence order, reported at the use', () => {
    // env: default "dev" < terraform.tfvars "staging" < terraform.tfvars.json "qa" < prod.auto.tfvars "prod env".
    assert.deepEqual(lint(tree('module')), [
      'module/main.tf:4:28 valid-role-session-name: session_name contains a space (U+0020) at position 12; STS accepts only characters matching [\\w+=,.@-]. The value comes from env in prod.auto.tfvars. [related module/prod.auto.tfvars:1:7 The value is defined here (env in prod.auto.tfvars).]',
      'module/main.tf:5:20 valid-duration-seconds: duration "13h" is 46800 seconds; STS accepts 900 to 43200 (15m to 12h). The value comes from duration in terraform.tfvars. [related module/terraform.tfvars:1:12 The value is defined here (duration in terraform.tfvars).]',
      'module/main.tf:6:20 valid-external-id: external_id is 1 character long; STS requires at least 2. The value comes from local "external_id" in locals.tf. [related module/locals.tf:2:17 The value is defined here (local "external_id" in locals.tf).]',
    ]);
  });

  test('without the tfvars files the defaults apply, and a default is reported at the use', () => {
    assert.deepEqual(lint(['module/main.tf', 'module/variables.tf', 'module/locals.tf']), [
      'module/main.tf:6:20 valid-external-id: external_id is 1 character long; STS requires at least 2. The value comes from local "external_id" in locals.tf. [related module/locals.tf:2:17 The value is defined here (local "external_id" in locals.tf).]',
    ]);
  });

  test('a later assume_role block is a chained hop, with the first block as related location', () => {
    assert.deepEqual(lint(['chain.tf']), [
      'chain.tf:9:20 max-chained-duration: duration "2h" is 7200 seconds; its source credentials are the role session started at chain.tf:3 (role chaining), so STS caps the session at 3600 seconds. [related chain.tf:3:3 The role chain starts at this assume_role block.]',
    ]);
  });

  test('every Go duration problem in the user\'s spelling', () => {
    assert.deepEqual(lint(['durations.tf']), [
      'durations.tf:5:20 valid-role-session-name: session_name is 1 character long; STS requires at least 2.',
      'durations.tf:6:20 valid-terraform-duration: duration 3600 has no unit: Terraform reads it as a Go duration and rejects it ("missing unit in duration"). Write "1h"; STS accepts 15m to 12h.',
      'durations.tf:14:20 valid-terraform-duration: duration "1d" uses the unit "d", which Go durations do not have (ns, us, ms, s, m, h); STS accepts 15m to 12h.',
      'durations.tf:22:20 valid-terraform-duration: duration "-1h" is negative; STS accepts 15m to 12h.',
      'durations.tf:30:20 valid-terraform-duration: duration "900.5s" is not a whole number of seconds; the AWS SDK for Go truncates it to 900 seconds.',
      'durations.tf:38:20 valid-duration-seconds: duration "13h" is 46800 seconds; STS accepts 900 to 43200 (15m to 12h).',
      'durations.tf:54:5 valid-terraform-duration: duration_seconds was removed in AWS provider 5.0, which rejects it; write duration = "2h" instead (STS accepts 15m to 12h).',
    ]);
  });

  test('a broken file reports its parse error and what the tree recovered; other files are unaffected', () => {
    assert.deepEqual(lint(['broken.tf', 'iam-role.tf']), [
      'broken.tf:5:16 valid-duration-seconds: duration "13h" is 46800 seconds; STS accepts 900 to 43200 (15m to 12h).',
      'broken.tf:12:16 parse-error: Syntax error near "="; Terraform would reject this file.',
      "iam-role.tf:4:26 valid-max-session-duration: max_session_duration is 50000 seconds; IAM accepts a role's MaxSessionDuration from 3600 to 43200 seconds (1h to 12h).",
    ]);
  });

  test('assume_role of other providers and other backends is ignored', () => {
    const file = extractFile({ path: 'other-providers.tf', text: readFileSync(join(fixtures, 'other-providers.tf'), 'utf8') }, [terraformExtractor]);
    assert.deepEqual(file.parts.flatMap((p) => p.calls), []);
    assert.deepEqual(lint(['other-providers.tf']), []);
  });

  test('S3 backend (nested, legacy, web identity) and Terragrunt (attributes, remote_state, include)', () => {
    assert.deepEqual(lint(['backend.tf', 'backend-legacy.tf', 'backend-web.tf', 'terragrunt.hcl', 'include/root.hcl', 'provider.tf']), [
      'backend-legacy.tf:6:43 valid-role-session-name: session_name contains a space (U+0020) at position 7; STS accepts only characters matching [\\w+=,.@-].',
      'terragrunt.hcl:6:32 valid-duration-seconds: iam_assume_role_duration is 50000; STS accepts 900 to 43200.',
      'terragrunt.hcl:7:43 valid-role-session-name: iam_assume_role_session_name contains a space (U+0020) at position 11; STS accepts only characters matching [\\w+=,.@-].',
      // provider.tf sits beside terragrunt.hcl, whose iam_role Terragrunt assumes first: its assume_role is chained.
      `provider.tf:7:27 max-chained-duration: duration "2h" is 7200 seconds; its source credentials are the role session started at terragrunt.hcl:5 (role chaining), so STS caps the session at 3600 seconds. [related terragrunt.hcl:5:1 Terragrunt assumes this iam_role before it runs Terraform; the provider's assume_role then chains from that session.]`,
    ]);
  });

  test('a Terragrunt generate block is read as the Terraform it writes, chained from iam_role', () => {
    assert.deepEqual(lint(['generate/terragrunt.hcl']), [
      'generate/terragrunt.hcl:15:34 valid-role-session-name: session_name contains a space (U+0020) at position 10; STS accepts only characters matching [\\w+=,.@-].',
      'generate/terragrunt.hcl:16:24 max-chained-duration: duration "2h" is 7200 seconds; its source credentials are the role session started at generate/terragrunt.hcl:5 (role chaining), so STS caps the session at 3600 seconds. [related generate/terragrunt.hcl:5:1 Terragrunt assumes this iam_role first; the generated provider then chains from it.]',
    ]);
  });

  test('an aws_iam_role of the repository (max_session_duration from a variable) caps the provider\'s duration', () => {
    assert.deepEqual(lint(['cross/main.tf', 'cross/iam.tf']), [
      'cross/main.tf:5:20 max-session-duration: duration "2h" is 7200 seconds; role "deployer" has a MaxSessionDuration of 3600, so STS rejects the call. (Matched by role name and path only: the repository does not say which account the role is in.) [related cross/iam.tf:4:26 The role\'s MaxSessionDuration is set here.]',
    ]);
  });

  test('null (written, or a variable default) means unset: the tool default applies and nothing is reported', () => {
    const file = extractFile({ path: 'nulls/main.tf', text: readFileSync(join(fixtures, 'nulls/main.tf'), 'utf8') }, [terraformExtractor]);
    const [resolved] = [...terraformExtractor.project!(new Map([[file.path, file.parts[0]!]])).values()];
    assert.deepEqual(resolved?.calls[0]?.parameters.map((p) => `${p.member}:${p.value.kind}`), ['RoleArn:literal', 'RoleSessionName:implicit']);
    assert.equal(resolved?.roles[0]?.maxSessionDuration, undefined);
    assert.deepEqual(lint(['nulls/main.tf']), []);
  });
});
