import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { before, describe, it } from 'node:test';
import type { AssumeRoleCall, LiteralNode, Span, ValueNode } from '@rolecall/core';
import { toSource } from '@rolecall/core';
import { normalizedJson } from '@rolecall/testing';
import { extractInputJson } from '@rolecall/extractor-input-json';
import { extractTerraform, loadParser, MAX_FILE_CHARS, MAX_NESTING, parseGoDuration, prefilter, terraformExtractor } from '../src/index.js';

const slice = (text: string, span: Span): string => text.slice(span.start, span.end);

function param(call: AssumeRoleCall | undefined, member: string): ValueNode {
  const p = call?.parameters.find((x) => x.member === member);
  assert.ok(p, `missing ${member}`);
  return p.value;
}

function literal(node: ValueNode): LiteralNode {
  assert.equal(node.kind, 'literal');
  return node as LiteralNode;
}

/** The file offset of every character of a decoded string, through its offsets map. */
function positions(node: LiteralNode): number[] {
  const value = node.value as string;
  return Array.from({ length: value.length }, (_, i) => (node.offsets ? toSource(node.offsets, i) : node.span.start + 1 + i));
}

/** Asserts that each character of `needle` in the decoded value sits on the same character in the file. */
function assertMapped(text: string, node: LiteralNode, needle: string): void {
  const value = node.value as string;
  const at = value.indexOf(needle);
  assert.ok(at >= 0, `${needle} not in ${value}`);
  const pos = positions(node);
  assert.equal(text.slice(pos[at]!, pos[at + needle.length - 1]! + 1), needle);
}

before(() => loadParser());

describe('Go durations (time.ParseDuration)', () => {
  it('parses units, combinations, fractions and signs as Go does', () => {
    assert.deepEqual(parseGoDuration('1h'), { ok: true, seconds: 3600 });
    assert.deepEqual(parseGoDuration('2h45m'), { ok: true, seconds: 9900 });
    assert.deepEqual(parseGoDuration('900s'), { ok: true, seconds: 900 });
    assert.deepEqual(parseGoDuration('1.5h'), { ok: true, seconds: 5400 });
    assert.deepEqual(parseGoDuration('90000ms'), { ok: true, seconds: 90 });
    assert.deepEqual(parseGoDuration('0'), { ok: true, seconds: 0 });
    assert.deepEqual(parseGoDuration('-1h'), { ok: true, seconds: -3600 });
    assert.deepEqual(parseGoDuration('3600'), { ok: false, reason: 'missing-unit' });
    assert.deepEqual(parseGoDuration('1h30'), { ok: false, reason: 'missing-unit' });
    assert.deepEqual(parseGoDuration('1d'), { ok: false, reason: 'unknown-unit', unit: 'd' });
    assert.deepEqual(parseGoDuration(''), { ok: false, reason: 'invalid' });
    assert.deepEqual(parseGoDuration('h'), { ok: false, reason: 'invalid' });
  });
  it('the boundaries 15m and 12h, and one second either side, become exact seconds', () => {
    for (const [text, seconds] of [['899s', 899], ['15m', 900], ['901s', 901], ['43199s', 43199], ['12h', 43200], ['12h0m1s', 43201]] as const) {
      const tf = `provider "aws" {\n  assume_role {\n    role_arn = "arn:aws:iam::123456789012:role/A"\n    duration = "${text}"\n  }\n}\n`;
      const d = literal(param(extractTerraform('main.tf', tf).calls[0], 'DurationSeconds'));
      assert.equal(d.value, seconds);
      assert.deepEqual(d.written, { text: `"${text}"`, unit: 'go-duration' });
    }
  });
});

describe('string values map back to the file', () => {
  it('quoted strings with escapes', () => {
    const tf = 'provider "aws" {\n  assume_role {\n    role_arn = "arn:aws:iam::123456789012:role/A"\n    session_name = "a\\tb\\u00e9c"\n  }\n}\n';
    const s = literal(param(extractTerraform('main.tf', tf).calls[0], 'RoleSessionName'));
    assert.equal(s.value, 'a\tbéc');
    assert.deepEqual(positions(s).map((p) => tf[p]), ['a', '\\', 'b', '\\', 'c']);
  });
  it('quoted JSON policy: every character of "sts:*" is found where it is written', () => {
    const tf = 'provider "aws" {\n  assume_role {\n    policy = "{\\"Statement\\":[{\\"Action\\":\\"sts:*\\"}]}"\n  }\n}\n';
    const p = literal(param(extractTerraform('main.tf', tf).calls[0], 'Policy'));
    assert.equal(p.value, '{"Statement":[{"Action":"sts:*"}]}');
    assertMapped(tf, p, 'sts:*');
    assert.equal(tf[positions(p)[1]!], '\\');
  });
  it('<<-EOT heredoc: indentation removed, positions kept', () => {
    const tf = 'provider "aws" {\n  assume_role {\n    policy = <<-EOT\n      {\n        "Action": "sts:*"\n      }\n    EOT\n  }\n}\n';
    const p = literal(param(extractTerraform('main.tf', tf).calls[0], 'Policy'));
    // The closing marker's indentation does not count; the smallest content indentation (6) is removed.
    assert.equal(p.value, '{\n  "Action": "sts:*"\n}\n');
    assertMapped(tf, p, '"Action": "sts:*"');
    assert.equal(slice(tf, p.span).split('\n')[0], '<<-EOT');
  });
  it('<<EOT heredoc keeps indentation', () => {
    const tf = 'provider "aws" {\n  assume_role {\n    policy = <<EOT\n  {"a": 1}\nEOT\n  }\n}\n';
    assert.equal(literal(param(extractTerraform('main.tf', tf).calls[0], 'Policy')).value, '  {"a": 1}\n');
  });
  it('jsonencode renders what Terraform sends (sorted keys, compact, Go escaping) with positions', () => {
    const tf = [
      'provider "aws" {',
      '  assume_role {',
      '    policy = jsonencode({',
      '      Version = "2012-10-17"',
      '      Statement = [{ Effect = "Allow", Action = ["s3:GetObject", "s3:List*"], Resource = "arn:aws:s3:::b/<x>&" }]',
      '    })',
      '  }',
      '}',
      '',
    ].join('\n');
    const p = literal(param(extractTerraform('main.tf', tf).calls[0], 'Policy'));
    assert.equal(p.value, '{"Statement":[{"Action":["s3:GetObject","s3:List*"],"Effect":"Allow","Resource":"arn:aws:s3:::b/\\u003cx\\u003e\\u0026"}],"Version":"2012-10-17"}');
    assertMapped(tf, p, 's3:GetObject');
    assertMapped(tf, p, 'Statement');
    assertMapped(tf, p, '2012-10-17');
    assert.equal(tf[toSource(p.offsets!, p.value.toString().indexOf('\\u003c'))], '<');
  });
  it('jsonencode with an interpolation is a template with the known parts', () => {
    const tf = 'provider "aws" {\n  assume_role {\n    policy = jsonencode({ Resource = "arn:aws:s3:::${var.b}/*" })\n  }\n}\n';
    const p = param(extractTerraform('main.tf', tf).calls[0], 'Policy');
    assert.equal(p.kind, 'template');
    assert.deepEqual(
      p.kind === 'template' ? p.parts.map((x) => (x.kind === 'text' ? x.value : `<${x.expression}>`)) : [],
      ['{"Resource":"arn:aws:s3:::', '<var.b>', '/*"}'],
    );
  });
});

describe('conformance: an input JSON file and a provider block give the same normalized input', () => {
  it('AssumeRole with every member the provider has', () => {
    const json = JSON.stringify({
      RoleArn: 'arn:aws:iam::123456789012:role/Deploy',
      RoleSessionName: 'deploy',
      DurationSeconds: 7200,
      ExternalId: 'ext-42',
      SourceIdentity: 'alice',
      PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
      Tags: [{ Key: 'Project', Value: 'rolecall' }],
      TransitiveTagKeys: ['Project'],
      Policy: '{"Statement":[{"Action":"s3:GetObject","Effect":"Allow","Resource":"*"}],"Version":"2012-10-17"}',
    });
    const tf = `provider "aws" {
  assume_role {
    role_arn            = "arn:aws:iam::123456789012:role/Deploy"
    session_name        = "deploy"
    duration            = "2h"
    external_id         = "ext-42"
    source_identity     = "alice"
    policy_arns         = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
    tags                = { Project = "rolecall" }
    transitive_tag_keys = ["Project"]
    policy = jsonencode({
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }]
    })
  }
}
`;
    const fromJson = extractInputJson('assume-role.json', json).calls[0]!;
    const fromTf = extractTerraform('main.tf', tf).calls[0]!;
    assert.equal(normalizedJson(fromTf), normalizedJson(fromJson));
  });
});

describe('prefilter and lazy loading', () => {
  it('passes files with the keys it reads or definitions, and not others', () => {
    assert.equal(prefilter('provider "aws" {\n  assume_role {'), true);
    assert.equal(prefilter('variable "x" {}'), true);
    assert.equal(prefilter('env = "prod"\n'), true);
    assert.equal(prefilter('resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n'), false);
  });
  it('importing the extractor does not load the parser or read any wasm', () => {
    const script = "import('./packages/extractor-terraform/src/index.ts').then(async (m) => { const { isLoaded } = m; console.log(isLoaded(), typeof m.terraformExtractor.load); await m.loadParser(); console.log(isLoaded()); })";
    const r = spawnSync(process.execPath, ['--conditions=rolecall-source', '--import', 'tsx', '-e', script], { cwd: new URL('../../../', import.meta.url), encoding: 'utf8' });
    assert.equal(r.stdout, 'false function\ntrue\n', r.stderr);
  });
  it('the extractor declares its files', () => {
    assert.deepEqual(terraformExtractor.files, ['**/*.tf', '**/*.tofu', '**/*.tfvars', '**/*.tfvars.json', '**/*.hcl']);
  });
});

describe('syntax errors', () => {
  it('are reported in files that mention what the extractor reads, at the place recovery began', () => {
    const text = 'provider "aws" {\n  assume_role {\n    role_arn = = "x"\n  }\n}\n';
    assert.deepEqual(extractTerraform('main.tf', text).problems, [{ message: 'Syntax error near "="; Terraform would reject this file.', span: { start: text.indexOf('= "x"'), end: text.indexOf('= "x"') + 1 } }]);
  });
  it('are not reported in other HCL (templates, other tools)', () => {
    assert.deepEqual(extractTerraform('terragrunt.hcl', 'inputs = {\n  name = "{{ shell "echo" }}"\n}\n').problems, []);
  });
});

describe('hostile input is bounded', () => {
  it(`nesting deeper than ${MAX_NESTING} levels (20,000 here) is refused with a diagnostic, in bounded time`, () => {
    const deep = `locals {\n  x = ${'['.repeat(20000)}${']'.repeat(20000)}\n}\n`;
    const t0 = performance.now();
    const r = extractTerraform('deep.tf', deep);
    const ms = performance.now() - t0;
    assert.deepEqual(r.problems.map((p) => [p.message, p.span.start]), [[`File not checked: brackets nest deeper than ${MAX_NESTING} levels here.`, deep.indexOf('[') + MAX_NESTING - 1]]);
    assert.ok(ms < 1000, `${ms} ms`);
  });
  it('nesting at the limit parses', () => {
    const ok = `locals {\n  x = ${'['.repeat(MAX_NESTING - 1)}${']'.repeat(MAX_NESTING - 1)}\n}\n`;
    assert.deepEqual(extractTerraform('ok.tf', ok).problems, []);
  });
  it(`a file over ${MAX_FILE_CHARS} characters (10 MB here) is refused with a diagnostic, in bounded time`, () => {
    const block = 'provider "aws" {\n  assume_role {\n    role_arn = "arn:aws:iam::123456789012:role/A"\n  }\n}\n';
    const big = block.repeat(Math.ceil(10_000_000 / block.length));
    const t0 = performance.now();
    const r = extractTerraform('big.tf', big);
    assert.ok(performance.now() - t0 < 1000);
    assert.deepEqual(r.problems.map((p) => p.message), [`File not checked: ${big.length} characters is more than the ${MAX_FILE_CHARS} rolecall parses in one Terraform file.`]);
  });
  it('a file just under the size limit is parsed', () => {
    const block = 'provider "aws" {\n  assume_role {\n    role_arn = "arn:aws:iam::123456789012:role/A"\n  }\n}\n';
    const n = Math.floor((MAX_FILE_CHARS - 1) / block.length);
    const t0 = performance.now();
    const r = extractTerraform('near.tf', block.repeat(n));
    const ms = performance.now() - t0;
    assert.equal(r.calls.length, n);
    assert.deepEqual(r.problems, []);
    assert.ok(ms < 30_000, `${ms} ms`);
  });
});

describe('references to roles of the module', () => {
  it('aws_iam_role.<name>.arn names the role by the handle its definition lists; other references name nothing', () => {
    const text = [
      'resource "aws_iam_role" "deploy" {',
      '  name = "deploy"',
      '}',
      'provider "aws" {',
      '  assume_role {',
      '    role_arn     = aws_iam_role.deploy.arn',
      '    session_name = "terraform"',
      '  }',
      '}',
      'provider "aws" {',
      '  alias = "other"',
      '  assume_role {',
      '    role_arn = aws_iam_role.deploy.name',
      '  }',
      '}',
      '',
    ].join('\n');
    const r = extractTerraform('main.tf', text);
    assert.deepEqual(r.roles?.map((role) => role.handles), [['aws_iam_role.deploy']]);
    const [first, second] = r.calls;
    const arn = param(first, 'RoleArn');
    assert.deepEqual([arn.kind, arn.kind === 'reference' ? arn.refersTo : undefined], ['reference', 'aws_iam_role.deploy']);
    const name = param(second, 'RoleArn');
    assert.deepEqual([name.kind, name.kind === 'reference' ? name.refersTo : undefined], ['reference', undefined]);
  });
});

describe('Terragrunt iam_role: the provider of a module Terragrunt runs chains from it', () => {
  const terragrunt = 'iam_role = "arn:aws:iam::731902345678:role/terragrunt"\n';
  const provider = 'provider "aws" {\n  assume_role {\n    role_arn = "arn:aws:iam::731902345678:role/deploy"\n    duration = "2h"\n  }\n}\n';
  const project = (files: Record<string, string>) => {
    const parts = new Map(Object.entries(files).map(([path, text]) => {
      const r = extractTerraform(path, text);
      return [path, { extractor: 'terraform', calls: r.calls, roles: r.roles, facts: r.facts, comments: r.comments, problems: r.problems, ...(r.exports !== undefined ? { exports: r.exports } : {}) }] as const;
    }));
    const update = terraformExtractor.project!(parts);
    return (path: string) => (update.get(path) ?? parts.get(path)!).calls;
  };

  it('terragrunt.hcl in the same folder or a parent: the chain starts at its iam_role', () => {
    for (const [config, module] of [['live/prod/terragrunt.hcl', 'live/prod/main.tf'], ['live/terragrunt.hcl', 'live/prod/main.tf'], ['root.hcl', 'live/prod/main.tf']] as const) {
      const calls = project({ [config]: terragrunt, [module]: provider })(module);
      assert.equal(calls.length, 1);
      assert.equal(calls[0]!.context?.roleChaining, true, config);
      const from = calls[0]!.context?.chainedFrom;
      assert.deepEqual([from?.file, from && slice(terragrunt, from.span)], [config, 'iam_role = "arn:aws:iam::731902345678:role/terragrunt"']);
      assert.equal(from?.message, "Terragrunt assumes this iam_role before it runs Terraform; the provider's assume_role then chains from that session.");
    }
  });

  it('the nearest config wins; a config in a sibling or a child folder, or without iam_role, does not chain', () => {
    const nearest = project({ 'live/terragrunt.hcl': terragrunt, 'live/prod/terragrunt.hcl': 'iam_role = "arn:aws:iam::731902345678:role/prod"\n', 'live/prod/main.tf': provider })('live/prod/main.tf');
    assert.equal(nearest[0]!.context?.chainedFrom?.file, 'live/prod/terragrunt.hcl');
    assert.equal(project({ 'live/staging/terragrunt.hcl': terragrunt, 'live/prod/main.tf': provider })('live/prod/main.tf')[0]!.context, undefined);
    assert.equal(project({ 'live/prod/sub/terragrunt.hcl': terragrunt, 'live/prod/main.tf': provider })('live/prod/main.tf')[0]!.context, undefined);
    assert.equal(project({ 'live/terragrunt.hcl': 'iam_role_session_name = "x"\nremote_state = {}\n', 'live/main.tf': provider })('live/main.tf')[0]!.context, undefined);
  });

  it('a provider chain of its own keeps its start; only the first block chains from Terragrunt', () => {
    const two = 'provider "aws" {\n  assume_role {\n    role_arn = "arn:aws:iam::731902345678:role/a"\n  }\n  assume_role {\n    role_arn = "arn:aws:iam::731902345678:role/b"\n  }\n}\n';
    const calls = project({ 'terragrunt.hcl': terragrunt, 'main.tf': two })('main.tf');
    assert.deepEqual(calls.map((c) => c.context?.chainedFrom?.file), ['terragrunt.hcl', 'main.tf']);
  });
});
