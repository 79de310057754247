import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, ExtractionResult, Rule } from '@rolecall/core';
import { extractFile, lintProject } from '@rolecall/core';
import { extractInputJson } from '@rolecall/extractor-input-json';
import { presets, rules } from '@rolecall/rules';
import { normalizedJson, renderExtraction, snapshot } from '@rolecall/testing';
import { extractFromProgram, MAX_FILE_LENGTH, parseGoDuration, prefilter, typescriptExtractor } from '../src/index.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const fixtures = join(here, 'fixtures');

before(async () => {
  await typescriptExtractor.load!();
});

function extract(path: string, text: string): ExtractionResult {
  return typescriptExtractor.extract({ path, text });
}

/** Lints one file through core's pipeline with the recommended rules. */
export function lint(path: string, text: string, ruleSet: readonly Rule<any>[] = rules): Diagnostic[] {
  const ruleSettings = Object.fromEntries(Object.entries(presets.recommended).map(([id, severity]) => [id, { severity }]));
  const [diagnostics] = lintProject([extractFile({ path, text }, [typescriptExtractor])], { rules: ruleSet, extractors: [typescriptExtractor], configFor: () => ({ ruleSettings, settings: {} }) });
  return diagnostics ?? [];
}

const brief = (d: Diagnostic): string => `${d.location.start.line}:${d.location.start.column} ${d.ruleId} ${d.message}`;

describe('fixtures: every call shape, with the spans of every value', () => {
  for (const name of readdirSync(fixtures).filter((f) => !f.endsWith('.snap')).sort()) {
    it(name, () => {
      const text = readFileSync(join(fixtures, name), 'utf8');
      const actual = renderExtraction(text, extract(`test/fixtures/${name}`, text));
      assert.equal(actual, snapshot(join(fixtures, `${name}.snap`), actual));
    });
  }
});

describe('what is and is not an STS call', () => {
  it('a local class named AssumeRoleCommand, an unknown input and an unknown spread give no call', () => {
    const text = readFileSync(join(fixtures, 'not-sts.ts'), 'utf8');
    assert.deepEqual(extract('not-sts.ts', text).calls, []);
  });
  it('imports are recognised under aliases, namespaces, default imports and require', () => {
    const forms = [
      `import { AssumeRoleCommand as A } from '@aws-sdk/client-sts'; new A({ RoleArn: 'r', RoleSessionName: 's' });`,
      `import * as sts from '@aws-sdk/client-sts'; new sts.AssumeRoleCommand({ RoleArn: 'r', RoleSessionName: 's' });`,
      `const { AssumeRoleCommand } = require('@aws-sdk/client-sts'); new AssumeRoleCommand({ RoleArn: 'r', RoleSessionName: 's' });`,
      `const sts = require('@aws-sdk/client-sts'); new sts.AssumeRoleCommand({ RoleArn: 'r', RoleSessionName: 's' });`,
      `import AWS from 'aws-sdk'; new AWS.STS().assumeRole({ RoleArn: 'r', RoleSessionName: 's' });`,
      `import STS from 'aws-sdk/clients/sts'; new STS().assumeRole({ RoleArn: 'r', RoleSessionName: 's' });`,
      `import { STS } from 'aws-sdk'; const c = new STS(); c.assumeRole({ RoleArn: 'r', RoleSessionName: 's' }, () => {});`,
    ];
    for (const text of forms) assert.equal(extract('a.ts', text).calls.length, 1, text);
  });
  it('a parameter shadows a module-level binding of the same name', () => {
    const text = `import { AssumeRoleCommand } from '@aws-sdk/client-sts';
const params = { RoleArn: 'arn:aws:iam::731902345678:role/a', RoleSessionName: 'x y' };
export const viaParam = (params: object) => new AssumeRoleCommand(params);
export function viaCatch() { try { return 1; } catch (params) { return new AssumeRoleCommand(params); } }
export const direct = new AssumeRoleCommand(params);`;
    assert.deepEqual(extract('shadow.ts', text).calls.map((c) => text.slice(c.span.start, c.span.end)), ['new AssumeRoleCommand(params)']);
    assert.equal(extract('shadow.ts', text).calls[0]!.span.start, text.lastIndexOf('new AssumeRoleCommand'));
  });
  it('a name from another module is not an STS call', () => {
    assert.deepEqual(extract('a.ts', `import { AssumeRoleCommand } from './local'; new AssumeRoleCommand({ RoleArn: 'r' });`).calls, []);
  });
});

describe('values', () => {
  const one = (source: string) => {
    const text = `import { AssumeRoleCommand } from '@aws-sdk/client-sts';\n${source}`;
    const call = extract('v.ts', text).calls.at(-1)!;
    return { text, call, param: (m: string) => call.parameters.find((p) => p.member === m)!.value };
  };
  it('a reassigned let is a reference; a const is followed; the use carries the definition', () => {
    const { param, text } = one(`let a = 'x'; a = 'y'; const b = 'ok';\nnew AssumeRoleCommand({ RoleArn: a, RoleSessionName: b });`);
    assert.equal(param('RoleArn').kind, 'reference');
    const b = param('RoleSessionName');
    assert.equal(b.kind, 'literal');
    assert.equal(text.slice(b.span.start, b.span.end), 'b');
    assert.equal(b.definedAt?.description, 'const b');
  });
  it('numbers: arithmetic of literals keeps the written text; anything else is a reference', () => {
    const { param } = one(`new AssumeRoleCommand({ RoleArn: 'r', RoleSessionName: 's', DurationSeconds: 2 * 3600 + 1, ExternalId: n * 2 });`);
    assert.deepEqual({ ...param('DurationSeconds'), span: undefined }, { kind: 'literal', value: 7201, written: { text: '2 * 3600 + 1' }, span: undefined });
    assert.equal(param('ExternalId').kind, 'reference');
  });
  it('JSON.stringify of a known object is the policy string', () => {
    const { param } = one(`const doc = { Version: '2012-10-17', Statement: [] };\nnew AssumeRoleCommand({ RoleArn: 'r', RoleSessionName: 's', Policy: JSON.stringify(doc) });`);
    assert.equal((param('Policy') as { value: unknown }).value, '{"Version":"2012-10-17","Statement":[]}');
  });
  it('an escaped string maps every character to its escape', () => {
    const { param, text } = one(`new AssumeRoleCommand({ RoleArn: 'r', RoleSessionName: 'a\\tb' });`);
    const node = param('RoleSessionName');
    assert.ok(node.kind === 'literal' && node.offsets !== undefined);
    assert.equal(text.slice(Number(node.offsets.table[1]), Number(node.offsets.table[2])), '\\t');
  });
  it('Go durations as Pulumi reads them', () => {
    assert.equal(parseGoDuration('1h30m'), 5400);
    assert.equal(parseGoDuration('3600s'), 3600);
    assert.equal(parseGoDuration('3600'), undefined);
    assert.equal(parseGoDuration('1d'), undefined);
  });
});

describe('conformance: the same call as an input JSON file and as SDK v3 code', () => {
  it('gives the same normalized input', () => {
    const json = readFileSync(fileURLToPath(new URL('../../../examples/assume-role.good.json', import.meta.url)), 'utf8');
    const fromJson = extractInputJson('assume-role.good.json', json).calls[0]!;
    const input = JSON.parse(json) as Record<string, unknown>;
    // The same request written the way SDK code writes it: a variable, a spread, a template literal.
    const ts = `import { AssumeRoleCommand } from '@aws-sdk/client-sts';
const account = '123456789012';
const common = { RoleArn: \`arn:aws:iam::\${account}:role/deploy\`, RoleSessionName: 'ci-deploy-' + 4711 };
const policy = ${JSON.stringify(JSON.parse(input['Policy'] as string))};
const request = { ...common, PolicyArns: ${JSON.stringify(input['PolicyArns'])}, Policy: JSON.stringify(policy), DurationSeconds: 60 * 60 };
request.Tags = ${JSON.stringify(input['Tags'])};
new AssumeRoleCommand({ ...request, TransitiveTagKeys: ['team'], ExternalId: 'example-external-id-7f3a', SourceIdentity: 'alice' });
`;
    const fromTs = extract('conformance.ts', ts).calls.at(-1)!;
    assert.equal(normalizedJson(fromTs), normalizedJson(fromJson));
  });
});

describe('findings through core', () => {
  it('speak the user spelling: Duration.hours, arithmetic, and report at the value', () => {
    const text = `import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { Duration } from 'aws-cdk-lib';
new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::731902345678:role/a', RoleSessionName: 'ab', DurationSeconds: Duration.hours(13).toSeconds() });
new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::731902345678:role/a', RoleSessionName: 'ab', DurationSeconds: 60 * 60 * 13 });
`;
    assert.deepEqual(lint('d.ts', text).map(brief), [
      '3:110 valid-duration-seconds DurationSeconds Duration.hours(13).toSeconds() is 46800 seconds; STS accepts 900 to 43200 (0.25 h to 12 h).',
      '4:110 valid-duration-seconds DurationSeconds 60 * 60 * 13 is 46800 seconds; STS accepts 900 to 43200.',
    ]);
  });
  it("a CDK role's maxSessionDuration caps a call whose RoleArn is that role's roleArn", () => {
    const text = `import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
const deployRole = new iam.Role(this, 'Deploy', { assumedBy: new iam.AccountRootPrincipal(), maxSessionDuration: Duration.hours(2) });
new AssumeRoleCommand({ RoleArn: deployRole.roleArn, RoleSessionName: 'ci', DurationSeconds: 7201 });
new AssumeRoleCommand({ RoleArn: deployRole.roleArn, RoleSessionName: 'ci', DurationSeconds: 7200 });
`;
    const [d] = lint('lib/stack.ts', text);
    assert.equal(lint('lib/stack.ts', text).length, 1);
    assert.equal(brief(d!), '5:94 max-session-duration DurationSeconds is 7201; role "lib/stack.ts#deployRole" has a MaxSessionDuration of 7200, so STS rejects the call.');
    assert.deepEqual(d!.related?.map((r) => `${r.location.start.line}:${r.location.start.column} ${r.message}`), ["4:114 The role's MaxSessionDuration is set here."]);
  });
  it("a CDK role's trust policy is the one CDK writes: withSessionTags, SessionTagsPrincipal and CompositePrincipal; unknown principals and conditions give none", () => {
    const stack = (assumedBy: string, extra = '') =>
      `import * as iam from 'aws-cdk-lib/aws-iam';\nimport { AssumeRoleCommand } from '@aws-sdk/client-sts';\nconst r = new iam.Role(this, 'R', { roleName: 'r', assumedBy: ${assumedBy}${extra} });\nnew AssumeRoleCommand({ RoleArn: r.roleArn, RoleSessionName: 'ci', Tags: [{ Key: 'a', Value: 'b' }] });\n`;
    const tags = (assumedBy: string, extra = '') => lint('lib/stack.ts', stack(assumedBy, extra)).filter((d) => d.ruleId === 'trust-allows-session-tags' || d.ruleId === 'external-id-required').map((d) => `${brief(d)} | ${d.related?.map((r) => `${r.location.start.line}:${r.location.start.column} ${r.message}`).join(' | ')}`);
    const refused = (column: number) => [`4:74 trust-allows-session-tags Tags passes session tags, but role "r"'s trust policy does not allow sts:TagSession, so STS denies the call (AccessDenied). | 3:${column} The trust policy is here; it does not allow sts:TagSession.`];
    assert.deepEqual(tags("new iam.AccountPrincipal('210987654321')"), refused(63));
    assert.deepEqual(tags("new iam.AccountPrincipal('210987654321').withSessionTags()"), []);
    assert.deepEqual(tags("new iam.SessionTagsPrincipal(new iam.ArnPrincipal('arn:aws:iam::210987654321:role/ci'))"), []);
    assert.deepEqual(tags("new iam.CompositePrincipal(new iam.AccountRootPrincipal(), new iam.ServicePrincipal('codebuild.amazonaws.com'))"), refused(63));
    // Conditions rolecall cannot read, or a principal it does not model: no trust policy, no finding.
    assert.deepEqual(tags("new iam.AccountPrincipal('210987654321').withConditions({ Bool: { 'aws:SecureTransport': 'true' } })"), []);
    assert.deepEqual(tags("new iam.ServicePrincipal('codebuild.amazonaws.com', { conditions: {} })"), []);
    assert.deepEqual(tags('principal'), []);
    // externalIds: a StringEquals sts:ExternalId condition on the AssumeRole statement.
    assert.deepEqual(tags("new iam.AccountPrincipal('210987654321').withSessionTags()", ", externalIds: ['ci-7f3a']"), [
      '4:34 external-id-required Role "r" trusts AssumeRole only with sts:ExternalId "ci-7f3a", and this call passes no ExternalId, so STS denies it (AccessDenied). | 3:63 The trust policy requires sts:ExternalId here.',
    ]);
  });
  it("a CDK role's maxSessionDuration outside 1 to 12 hours is reported at the Duration (n-1, n, n+1)", () => {
    const role = (id: string, duration: string) => `new iam.Role(this, '${id}', { assumedBy: new iam.AccountRootPrincipal(), maxSessionDuration: ${duration} });\n`;
    const text =
      `import { Duration } from 'aws-cdk-lib';\nimport * as iam from 'aws-cdk-lib/aws-iam';\n` +
      role('Below', 'Duration.minutes(59)') +
      role('Min', 'Duration.hours(1)') +
      role('Max', 'Duration.hours(12)') +
      role('Above', 'Duration.seconds(43201)');
    const range = "IAM accepts a role's MaxSessionDuration from 3600 to 43200 seconds (1h to 12h).";
    const column = (line: number): number => text.split('\n')[line - 1]!.indexOf('Duration.') + 1;
    assert.deepEqual(lint('lib/roles.ts', text).map(brief), [
      `3:${column(3)} valid-max-session-duration maxSessionDuration is 3540 seconds; ${range}`,
      `6:${column(6)} valid-max-session-duration maxSessionDuration is 43201 seconds; ${range}`,
    ]);
  });
  it('chaining from a nested provider caps the duration at one hour', () => {
    const text = readFileSync(join(fixtures, 'credential-providers.ts'), 'utf8');
    // Linted under its own path, as the CLI names it: a fixture's documentation accounts are not reported there.
    assert.deepEqual(lint('test/fixtures/credential-providers.ts', text).map(brief), ['6:105 max-chained-duration DurationSeconds is 7200; its source credentials are the role session started at test/fixtures/credential-providers.ts:4 (role chaining), so STS caps the session at 3600 seconds.']);
  });
  it('a syntax error is a parse-error and findings outside it are kept', () => {
    const text = readFileSync(join(fixtures, 'syntax-error.ts'), 'utf8');
    assert.deepEqual(lint('test/fixtures/syntax-error.ts', text).map(brief), [
      '3:108 valid-role-session-name RoleSessionName contains a space (U+0020) at position 2; STS accepts only characters matching [\\w+=,.@-].',
      "6:10 parse-error ':' expected.",
      "6:12 parse-error ':' expected.",
      '6:13 parse-error Expression expected.',
      '7:1 parse-error Declaration or statement expected.',
    ]);
  });
});

describe('prefilter and hostile input', () => {
  it('value following is linear: many functions whose parameter shadows a module-level binding', async () => {
    const { parse } = await import('@typescript-eslint/typescript-estree');
    const source = (n: number): string =>
      `import { AssumeRoleCommand } from '@aws-sdk/client-sts';\nconst params = { RoleArn: 'arn:aws:iam::731902345678:role/a', RoleSessionName: 'ok' };\n` +
      Array.from({ length: n }, (_, i) => (i % 2 === 0 ? `export const f${i} = (params: object) => new AssumeRoleCommand(params);\n` : `export const f${i} = () => new AssumeRoleCommand(params);\n`)).join('');
    const timeOf = (n: number): number => {
      const text = source(n);
      const program = parse(text, { range: true, loc: true, jsDocParsingMode: 'none' });
      const started = performance.now();
      const { calls } = extractFromProgram(program, text, 'many.ts');
      assert.equal(calls.length, n / 2);
      return performance.now() - started;
    };
    timeOf(2_000);
    const small = timeOf(4_000);
    const large = timeOf(16_000);
    // Four times the input: linear work takes about four times as long, quadratic sixteen.
    assert.ok(large / small < 9, `4,000 → ${small.toFixed(0)} ms, 16,000 → ${large.toFixed(0)} ms`);
  });
  it('skips files that cannot hold a call', () => {
    assert.equal(prefilter('export const a = 1;'), false);
    assert.equal(prefilter(`import { fromTokenFile } from '@aws-sdk/credential-providers';`), true);
  });
  it('20,000-deep nesting ends in bounded time (< 5 s) with a parse-error, never a crash', () => {
    const text = `import { AssumeRoleCommand } from '@aws-sdk/client-sts';\nconst x = ${'['.repeat(20_000)}${']'.repeat(20_000)};\n`;
    const started = performance.now();
    const diagnostics = lint('deep.ts', text);
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 5_000, `took ${elapsed} ms`);
    assert.deepEqual(diagnostics.map(brief), ['1:1 parse-error The file nests too deeply to parse (Maximum call stack size exceeded).']);
  });
  it('a 10 MB file ends at once with a diagnostic (the parse is capped at MAX_FILE_LENGTH)', () => {
    const filler = 'export const value = [1, 2, 3].map((n) => n * 2);\n';
    const text = `import { AssumeRoleCommand } from '@aws-sdk/client-sts';\n${filler.repeat(Math.ceil(10_000_000 / filler.length))}`;
    const started = performance.now();
    const diagnostics = lint('big.ts', text);
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 1_000, `took ${elapsed} ms`);
    assert.deepEqual(diagnostics.map(brief), [
      `1:1 parse-error The file is 10.0 MB; rolecall parses TypeScript and JavaScript files up to ${(MAX_FILE_LENGTH / 1e6).toFixed(1)} MB (a generated or bundled file? exclude it, or lint its sources).`,
    ]);
  });
});
