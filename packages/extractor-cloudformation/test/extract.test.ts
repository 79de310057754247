import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { LiteralNode, RoleDefinition, Span } from '@rolecall/core';
import { toSource } from '@rolecall/core';
import { renderExtraction, snapshot } from '@rolecall/testing';
import { cloudFormationExtractor, extractCloudFormation, MAX_NODES, prefilter } from '../src/index.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const fixtures = join(here, 'fixtures');
const slice = (text: string, span: Span): string => text.slice(span.start, span.end);
const read = (name: string): string => readFileSync(join(fixtures, name), 'utf8');

await cloudFormationExtractor.load!();

function literal(role: RoleDefinition, key: 'maxSessionDuration' | 'name' | 'path' | 'trustPolicy'): LiteralNode {
  const value = role[key]?.value;
  assert.equal(value?.kind, 'literal', `${key} is not a literal`);
  return value as LiteralNode;
}

describe('fixtures: every extracted span, as code frames', () => {
  for (const name of readdirSync(fixtures).filter((f) => /\.(ya?ml|json)$/.test(f))) {
    it(name, () => {
      const text = read(name);
      const actual = renderExtraction(text, extractCloudFormation(`fixtures/${name}`, text));
      assert.equal(actual, snapshot(join(fixtures, '__snapshots__', `${name}.snap`), actual));
    });
  }
});

describe('templates are recognised by content, not by name', () => {
  it('a workflow YAML that mentions AWS:: types is no template: nothing, not even its syntax, is reported', () => {
    const text = read('workflow.yaml');
    assert.equal(prefilter(text), true, 'the prefilter is only a cheap first look');
    assert.deepEqual(extractCloudFormation('.github/workflows/deploy.yml', text), { calls: [], comments: [], problems: [] });
    assert.deepEqual(extractCloudFormation('x.yaml', 'jobs: [\nType: AWS::IAM::Role').problems, []);
  });

  it('AWSTemplateFormatVersion or an AWS/SAM/custom resource type makes a template, whatever the file name', () => {
    for (const text of ['AWSTemplateFormatVersion: "2010-09-09"\n', 'Resources:\n  F:\n    Type: AWS::Serverless::Function\n', '{"Resources": {"C": {"Type": "Custom::Thing"}}}']) {
      assert.equal(prefilter(text), true);
    }
    const r = extractCloudFormation('infra/stack.txt.yml', 'Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      MaxSessionDuration: 7200\n');
    assert.equal(r.roles?.length, 1);
  });

  it('prefilter rejects files with no sign of a template', () => {
    assert.equal(prefilter('name: ci\non: push\n'), false);
    assert.equal(prefilter('{"RoleArn": "x"}'), false);
  });
});

describe('AWS::IAM::Role as a role definition', () => {
  const text = read('role.yaml');
  const roles = extractCloudFormation('role.yaml', text).roles!;

  it('one definition per role resource, handled by its logical id', () => {
    assert.deepEqual(roles.map((r) => [r.id, r.kind, r.handles]), [
      ['cloudformation:role:0', 'cloudformation-iam-role', ['DeployRole']],
      ['cloudformation:role:1', 'cloudformation-iam-role', ['ParamRole']],
      ['cloudformation:role:2', 'cloudformation-iam-role', ['MapRole']],
    ]);
  });

  it('a quoted MaxSessionDuration is the number CloudFormation converts it to, written as it was', () => {
    const max = literal(roles[0]!, 'maxSessionDuration');
    assert.deepEqual([max.value, max.written?.text, slice(text, max.span)], [50000, '"50000"', '"50000"']);
  });

  it('Ref to a parameter with a literal Default resolves, with the Default as definedAt', () => {
    const max = literal(roles[1]!, 'maxSessionDuration');
    assert.equal(max.value, 43200);
    assert.equal(slice(text, max.span), '!Ref SessionHours');
    assert.equal(slice(text, max.definedAt!.span), '43200');
    assert.equal(max.definedAt!.description, 'parameter "SessionHours" Default');
  });

  it('FindInMap with literal keys resolves from Mappings (and a quoted number still converts)', () => {
    const max = literal(roles[2]!, 'maxSessionDuration');
    assert.deepEqual([max.value, max.written?.text], [7200, '"7200"']);
    assert.equal(max.definedAt!.description, 'Mappings Durations.prod.Max');
    assert.equal(slice(text, max.definedAt!.span), '"7200"');
  });

  it('other intrinsics are references; Sub is a template with exact holes; ${!x} is text', () => {
    assert.equal(roles[2]!.name!.value.kind, 'reference');
    const name = roles[0]!.name!.value;
    assert.equal(name.kind, 'template');
    if (name.kind !== 'template') return;
    assert.deepEqual(name.parts.map((p) => [p.kind, slice(text, p.span)]), [
      ['hole', '${Env}'],
      ['text', '-deploy-${!Literal}'],
    ]);
  });

  it('a trust policy in a block literal keeps positions inside the JSON', () => {
    const trust = literal(roles[1]!, 'trustPolicy');
    const value = String(trust.value);
    const at = value.indexOf('ec2.amazonaws.com');
    assert.equal(text.slice(toSource(trust.offsets!, at), toSource(trust.offsets!, at + 17)), 'ec2.amazonaws.com');
  });

  it('JSON templates: a trust policy as an escaped JSON string keeps positions inside it', () => {
    const json = read('role.json');
    const [role] = extractCloudFormation('role.json', json).roles!;
    const trust = literal(role!, 'trustPolicy');
    const value = String(trust.value);
    const at = value.indexOf('"codebuild.amazonaws.com"');
    assert.equal(json.slice(toSource(trust.offsets!, at), toSource(trust.offsets!, at + 25)), '\\"codebuild.amazonaws.com\\"');
    const e = value.indexOf('é');
    assert.equal(json.slice(toSource(trust.offsets!, e), toSource(trust.offsets!, e + 1)), '\\u00e9');
    const max = literal(role!, 'maxSessionDuration');
    assert.deepEqual([max.value, max.written?.text, max.definedAt?.description], [14400, '"14400"', 'parameter "MaxHours" Default']);
  });

  it('a value reached through a YAML alias is at the alias, with the anchor as definedAt', () => {
    const yaml = read('anchors.yaml');
    const [, second] = extractCloudFormation('anchors.yaml', yaml).roles!;
    const max = literal(second!, 'maxSessionDuration');
    assert.equal(slice(yaml, max.span), '*duration');
    assert.equal(max.value, 7200);
    const trust = second!.trustPolicy!.value;
    assert.equal(slice(yaml, trust.span), '*trust');
    assert.equal(trust.definedAt?.description, 'YAML anchor &trust');
  });

  it('quoted YAML scalars map escapes back to the file', () => {
    const yaml = read('anchors.yaml');
    const [, second] = extractCloudFormation('anchors.yaml', yaml).roles!;
    const name = literal(second!, 'name');
    assert.equal(name.value, `it's "quoted"`);
    assert.equal(yaml.slice(toSource(name.offsets!, 3), toSource(name.offsets!, 4)), 's');
    const path = literal(second!, 'path');
    assert.equal(path.value, '/escé/');
    assert.equal(yaml.slice(toSource(path.offsets!, 4), toSource(path.offsets!, 5)), '\\u00e9');
  });

  it('SAM: a function without Role gets a generated role, which is no role definition', () => {
    const r = extractCloudFormation('sam.yaml', read('sam.yaml'));
    assert.deepEqual(r.roles!.map((x) => x.handles), [['ExplicitRole']]);
  });
});

describe('syntax errors', () => {
  it('are parse problems at their place, and the file’s roles are still read', () => {
    const text = read('broken.yaml');
    const r = extractCloudFormation('broken.yaml', text);
    assert.ok(r.problems.length >= 1);
    assert.ok(r.problems.some((p) => p.message === 'The key "MaxSessionDuration" appears twice in this mapping: cfn-lint rejects the template, and which value CloudFormation would keep is not defined.' && slice(text, p.span) === 'MaxSessionDuration'));
    assert.deepEqual(r.roles!.map((x) => x.handles[0]), ['Role']);
  });

  it('a quoted scalar continued at its key’s indentation is accepted, as PyYAML and CloudFormation accept it', () => {
    const text = "AWSTemplateFormatVersion: x\nOutputs:\n  Hint:\n    Value: 'Log in to the console, then\n    open the role.'\nResources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      MaxSessionDuration: 7200\n";
    const r = extractCloudFormation('t.yaml', text);
    assert.deepEqual(r.problems, []);
    assert.equal(literal(r.roles![0]!, 'maxSessionDuration').value, 7200);
    assert.equal(extractCloudFormation('t.yaml', "AWSTemplateFormatVersion: x\nResources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      RoleName: 'open\n").problems.length, 1);
  });

  it('JSON templates: errors from jsonc-parser, and the rest is still read', () => {
    const text = '{"AWSTemplateFormatVersion": "2010-09-09",, "Resources": {"R": {"Type": "AWS::IAM::Role", "Properties": {"MaxSessionDuration": 99999}}}}';
    const r = extractCloudFormation('t.json', text);
    assert.deepEqual(r.problems.map((p) => [p.message, p.span.start]), [['Expected a property name in double quotes.', 42]]);
    assert.equal(literal(r.roles![0]!, 'maxSessionDuration').value, 99999);
  });
});

describe('hostile input, bounded with a diagnostic', () => {
  it('a YAML alias bomb (9 levels × 9 aliases) stops at the node budget', () => {
    const lines = ['AWSTemplateFormatVersion: "2010-09-09"', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      lines.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    lines.push('Resources:', '  R:', '    Type: AWS::IAM::Role', '    Properties:', '      AssumeRolePolicyDocument: *i');
    const started = performance.now();
    const r = extractCloudFormation('bomb.yaml', lines.join('\n'));
    const ms = performance.now() - started;
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0]!.message, new RegExp(`more than ${MAX_NODES} values`));
    assert.ok(ms < 5000, `took ${ms} ms`);
  });

  for (const [name, text] of [
    ['20,000 nested flow sequences', `AWSTemplateFormatVersion: x\nResources: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`],
    ['20,000 nested block mappings', `AWSTemplateFormatVersion: x\n${Array.from({ length: 20_000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')}\n`],
    ['20,000 nested JSON objects', `{"AWSTemplateFormatVersion": "x", "Resources": ${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`],
  ] as const) {
    it(`${name}: refused before parsing, in linear time`, () => {
      const started = performance.now();
      const r = extractCloudFormation('deep.yaml', text);
      const ms = performance.now() - started;
      assert.equal(r.problems.length, 1);
      assert.match(r.problems[0]!.message, /nests deeper than rolecall reads/);
      assert.ok(ms < 2000, `took ${ms} ms`);
    });
  }

  it('nesting just under the limits still parses (128 flow levels, 2-space indentation to column 256)', () => {
    const flow = `AWSTemplateFormatVersion: x\nResources: ${'['.repeat(128)}${']'.repeat(128)}\n`;
    assert.deepEqual(extractCloudFormation('ok.yaml', flow).problems, []);
    const over = `AWSTemplateFormatVersion: x\nResources: ${'['.repeat(129)}${']'.repeat(129)}\n`;
    assert.equal(extractCloudFormation('over.yaml', over).problems.length, 1);
    const block = `AWSTemplateFormatVersion: x\n${Array.from({ length: 129 }, (_, i) => `${'  '.repeat(i)}k:`).join('\n')} v\n`;
    assert.deepEqual(extractCloudFormation('ok.yaml', block).problems, []);
    const blockOver = `AWSTemplateFormatVersion: x\n${Array.from({ length: 130 }, (_, i) => `${'  '.repeat(i)}k:`).join('\n')} v\n`;
    assert.equal(extractCloudFormation('over.yaml', blockOver).problems.length, 1);
  });
});

describe('lazy parsers', () => {
  it('importing the extractor loads neither yaml nor jsonc-parser; load() does', () => {
    // Both parsers are CommonJS packages, so once imported they sit in require.cache.
    const script = `
      import { createRequire } from 'node:module';
      const require = createRequire(import.meta.url);
      const loaded = () => ['/yaml/', '/jsonc-parser/'].map((m) => Object.keys(require.cache).some((k) => k.includes(m)));
      const { cloudFormationExtractor } = await import(${JSON.stringify(join(here, '../src/index.ts'))});
      const a = loaded();
      await cloudFormationExtractor.load();
      console.log(JSON.stringify({ a, b: loaded() }));`;
    const r = spawnSync(process.execPath, ['--conditions=rolecall-source', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', cwd: join(here, '..') });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout.trim().split('\n').pop()!), { a: [false, false], b: [true, true] });
  });
});
