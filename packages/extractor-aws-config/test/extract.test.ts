import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { AssumeRoleCall, ExtractedFile, ExtractorPart, LiteralNode, Span } from '@rolecall/core';
import { extractFile, toSource } from '@rolecall/core';
import { extractInputJson } from '@rolecall/extractor-input-json';
import { normalizedJson, renderExtraction, snapshot } from '@rolecall/testing';
import { awsConfigExtractor, extractAwsConfig, nearMissOf, parseIni, prefilter, shlexSplit } from '../src/index.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const fixtures = join(here, 'fixtures');
const slice = (text: string, span: Span): string => text.slice(span.start, span.end);

/** Extracts files as the pipeline does, then runs the project hook over all of them. */
function project(files: readonly { path: string; text: string }[]): Map<string, { text: string; part: ExtractorPart }> {
  const extracted: ExtractedFile[] = files.map((f) => extractFile(f, [awsConfigExtractor]));
  const parts = new Map<string, ExtractorPart>();
  for (const f of extracted) if (f.parts[0] !== undefined) parts.set(f.path, f.parts[0]);
  const update = awsConfigExtractor.project!(parts);
  return new Map(files.map((f) => [f.path, { text: f.text, part: update.get(f.path) ?? parts.get(f.path)! }]));
}

function callOf(part: ExtractorPart, arn: string): AssumeRoleCall {
  const call = part.calls.find((c) => c.parameters.some((p) => p.member === 'RoleArn' && p.value.kind === 'literal' && String(p.value.value).endsWith(arn)));
  assert.ok(call, `no call for ${arn}`);
  return call;
}

describe('fixtures: every extracted span, as code frames', () => {
  const read = (name: string): { path: string; text: string } => ({ path: `fixtures/${name}`, text: readFileSync(join(fixtures, name), 'utf8') });
  const groups = [['profiles/.aws/config', 'profiles/.aws/credentials'], ['findings.aws-config'], ['bom.aws-config'], ['broken.aws-config'], ['crlf.aws-config']];
  for (const group of groups) {
    const result = project(group.map(read));
    for (const [path, { text, part }] of result) {
      it(path, () => {
        const actual = renderExtraction(text, part);
        assert.equal(actual, snapshot(join(fixtures, '__snapshots__', `${path.replace(/^fixtures\//, '').replace(/[/.]/g, '_')}.snap`), actual));
      });
    }
  }
});

describe('the INI dialect botocore reads (parsers.md §4.1)', () => {
  it('keeps an inline comment as part of the value, with its exact span', () => {
    const text = '[profile dev]\nduration_seconds = 3600 # one hour\n';
    const entry = parseIni(text).sections[0]!.entries[0]!;
    assert.equal(entry.value, '3600 # one hour');
    assert.equal(slice(text, entry.valueSpan), '3600 # one hour');
  });

  it('takes = and : as delimiters (the first wins), lower-cases keys and keeps their spelling', () => {
    const text = '[default]\nRole_ARN: arn:aws:iam::1:role/a=b\n';
    const entry = parseIni(text).sections[0]!.entries[0]!;
    assert.deepEqual([entry.key, entry.rawKey, entry.value], ['role_arn', 'Role_ARN', 'arn:aws:iam::1:role/a=b']);
  });

  it('joins indented continuation lines with \\n and maps every character back', () => {
    const text = '[default]\nexternal_id = one\n  two\n\n';
    const entry = parseIni(text).sections[0]!.entries[0]!;
    assert.equal(entry.value, 'one\ntwo');
    assert.ok(entry.offsets);
    assert.equal(text[entry.offsets[4]!], 't');
    assert.deepEqual(entry.valueSpan, { start: text.indexOf('one'), end: text.indexOf('two') + 3 });
  });

  it('reads `s3 =` followed by indented settings as one value (botocore nests it)', () => {
    const doc = parseIni('[default]\ns3 =\n  max_concurrent_requests = 20\nregion = x\n');
    assert.deepEqual(doc.sections[0]!.entries.map((e) => [e.key, e.value]), [
      ['s3', '\nmax_concurrent_requests = 20'],
      ['region', 'x'],
    ]);
  });

  it('keeps both occurrences of a duplicate key and section (botocore refuses them; the rules report)', () => {
    const doc = parseIni('[a]\nk = 1\nk = 2\n[a]\n');
    assert.equal(doc.sections.length, 2);
    assert.equal(doc.sections[0]!.entries.length, 2);
  });

  it('records a BOM and reads the rest as if it were absent', () => {
    const doc = parseIni('\uFEFF[default]\nregion = x\n');
    assert.equal(doc.bom, true);
    assert.equal(doc.sections[0]!.header, 'default');
  });

  it('returns full-line comments only, for suppression directives', () => {
    const doc = parseIni('# one\n[a]\n  ; two\nk = v # not a comment\n');
    assert.deepEqual(doc.comments.map((c) => c.text), [' one', ' two']);
  });

  it('reports lines botocore cannot read, and keeps reading', () => {
    const doc = parseIni('x = 1\n[a]\nno delimiter\nk = v\n');
    assert.deepEqual(doc.problems.map((p) => p.span), [{ start: 0, end: 5 }, { start: 10, end: 22 }]);
    assert.equal(doc.sections[0]!.entries[0]!.key, 'k');
  });

  it('splits profile names as shlex does', () => {
    assert.deepEqual(shlexSplit('profile "a b"'), ['profile', 'a b']);
    assert.deepEqual(shlexSplit("profile 'x'"), ['profile', 'x']);
    assert.equal(shlexSplit('profile "open'), undefined);
  });

  it('treats [profile __proto__] as a plain profile name', () => {
    const r = extractAwsConfig('x.aws-config', '[profile __proto__]\nrole_arn = arn:aws:iam::123456789012:role/p\ncredential_source = Environment\n');
    assert.equal(r.calls.length, 1);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });
});

describe('calls', () => {
  const configText = readFileSync(join(fixtures, 'profiles/.aws/config'), 'utf8');
  const credentialsText = readFileSync(join(fixtures, 'profiles/.aws/credentials'), 'utf8');
  const result = project([
    { path: 'home/.aws/config', text: configText },
    { path: 'home/.aws/credentials', text: credentialsText },
  ]);
  const config = result.get('home/.aws/config')!.part;
  const credentials = result.get('home/.aws/credentials')!.part;

  it('gives every profile with role_arn one call; other sections none', () => {
    assert.deepEqual(
      config.calls.map((c) => [c.id, c.operation]),
      [
        ['aws-config:0', 'AssumeRole'],
        ['aws-config:1', 'AssumeRole'],
        ['aws-config:2', 'AssumeRole'],
        ['aws-config:3', 'AssumeRole'],
        ['aws-config:4', 'AssumeRole'],
        ['aws-config:5', 'AssumeRole'],
        ['aws-config:6', 'AssumeRoleWithWebIdentity'],
        ['aws-config:7', 'AssumeRole'],
        ['aws-config:8', 'AssumeRole'],
      ],
    );
    assert.equal(credentials.calls.length, 1);
  });

  it('maps keys to members in the user spelling, with exact spans', () => {
    const deploy = callOf(config, 'role/deploy');
    assert.deepEqual(
      deploy.parameters.map((p) => [p.key, p.member, slice(configText, p.value.span)]),
      [
        ['role_arn', 'RoleArn', 'arn:aws:iam::123456789012:role/deploy'],
        ['role_session_name', 'RoleSessionName', 'deploy-session'],
        ['duration_seconds', 'DurationSeconds', '3600'],
        ['external_id', 'ExternalId', 'ext-1234'],
        ['mfa_serial', 'SerialNumber', 'arn:aws:iam::123456789012:mfa/alice'],
        ['mfa_serial', 'TokenCode', 'arn:aws:iam::123456789012:mfa/alice'],
      ],
    );
    assert.equal(deploy.parameters[5]!.value.kind, 'reference', 'the CLI prompts for the MFA code at run time');
    const arn = deploy.parameters[0]!.value as LiteralNode;
    assert.equal(toSource(arn.offsets!, 4), arn.span.start + 4, 'an unquoted value maps index i to span.start + i');
  });

  it("reads duration_seconds as botocore's int(): underscores allowed, `1h` kept as text", () => {
    const quoted = callOf(config, 'role/quoted').parameters.find((p) => p.member === 'DurationSeconds')!.value as LiteralNode;
    assert.deepEqual([quoted.value, quoted.written?.text], [3600, '3_600']);
    const ecs = callOf(config, 'role/ecs').parameters.find((p) => p.member === 'DurationSeconds')!.value as LiteralNode;
    assert.equal(ecs.value, '1h');
    assert.match(ecs.written?.conversion ?? '', /int\(\) rejects this text/);
  });

  it('supplies the default session name as an implicit value when role_session_name is absent', () => {
    const p = callOf(config, 'role/chained').parameters.find((x) => x.member === 'RoleSessionName')!;
    assert.equal(p.value.kind, 'implicit');
    assert.equal(p.keySpan, undefined);
  });

  it('web identity: the token is the file content, a reference', () => {
    const web = callOf(config, 'role/web');
    const token = web.parameters.find((p) => p.member === 'WebIdentityToken')!;
    assert.deepEqual([token.key, token.value.kind], ['web_identity_token_file', 'reference']);
    assert.equal(web.context, undefined, 'a web identity profile has no source credentials');
  });

  it('chains through a source_profile that assumes a role, naming it', () => {
    const chained = callOf(config, 'role/chained');
    assert.equal(chained.context?.roleChaining, true);
    assert.equal(slice(configText, chained.context!.chainedFrom!.span), '[profile deploy]');
    assert.equal(chained.context!.chainedFrom!.message, 'profile "deploy" assumes a role; its session is the source credentials of profile "chained"');
  });

  it('chains through an IAM Identity Center profile (its credentials are a role session)', () => {
    assert.equal(callOf(config, 'role/from-sso').context?.roleChaining, true);
  });

  it('does not chain from static keys, here in the credentials file beside the config', () => {
    assert.deepEqual(callOf(config, 'role/from-keys').context, { roleChaining: false });
    assert.deepEqual(callOf(credentials, 'role/creds-role').context, { roleChaining: false });
  });

  for (const source of ['Environment', 'Ec2InstanceMetadata', 'EcsContainer']) {
    it(`credential_source = ${source} is not role chaining by itself`, () => {
      const text = `[profile p]\nrole_arn = arn:aws:iam::123456789012:role/p\ncredential_source = ${source}\n`;
      assert.deepEqual(extractAwsConfig('p.aws-config', text).calls[0]!.context, { roleChaining: false });
    });
  }

  it('a profile whose source assumed a role with credential_source is chained; the source itself is not', () => {
    assert.deepEqual(callOf(config, 'role/ci').context, { roleChaining: false });
    assert.equal(callOf(config, 'role/deploy').context?.roleChaining, true);
  });
});

describe('facts', () => {
  const text = readFileSync(join(fixtures, 'findings.aws-config'), 'utf8');
  const part = project([{ path: 'findings.aws-config', text }]).get('findings.aws-config')!.part;
  const facts = part.facts.map((f) => [f.kind, slice(text, f.span)]);

  it('records each syntax and cross-profile fact at its exact span', () => {
    assert.deepEqual(facts, [
      ['aws-config/inline-comment', '# production'],
      ['aws-config/inline-comment', '; one hour'],
      ['aws-config/near-miss-key', 'role_duration'],
      ['aws-config/near-miss-key', 'session_name'],
      ['duplicate-key', 'role_arn'],
      ['aws-config/inline-comment', '# rotated'],
      ['aws-config/duplicate-section', '[profile base]'],
      ['aws-config/source-profile-loop', 'loop-b'],
      ['aws-config/source-profile-loop', 'loop-a'],
      ['aws-config/source-profile-loop', 'self'],
      ['aws-config/missing-source-profile', 'nowhere'],
      ['aws-config/source-profile-with-credential-source', 'source_profile = base'],
    ]);
  });

  it('a config-file section without the profile prefix that holds profile settings is recorded; CLI sections are not', () => {
    const r = extractAwsConfig('x/.aws/config', '[dev]\nso_start_url = https://x\n[plugins]\ncli_legacy_plugin_path = /x\n[notes]\ncolour = blue\n');
    assert.deepEqual(r.facts!.map((f) => [f.kind, f.data]), [
      ['aws-config/section-without-profile-prefix', { section: '[dev]', suggestion: '[profile dev]' }],
      ['aws-config/near-miss-key', { key: 'so_start_url', suggestion: 'sso_start_url' }],
    ]);
    assert.deepEqual(extractAwsConfig('x/.aws/credentials', '[dev]\nregion = x\n').facts, []);
    const sso = extractAwsConfig('x/.aws/config', '[sso-session corp]\nsso_start_ur = https://x\n[services local]\nsso_start_ur =\n');
    assert.deepEqual(sso.facts!.map((f) => f.data), [{ key: 'sso_start_ur', suggestion: 'sso_start_url' }], 'sso-session sections are checked, services sections (per-service settings) are not');
  });

  it('never puts a secret value in a fact', () => {
    assert.ok(!JSON.stringify(part.facts).includes('CANARY'));
    const secret = part.facts.find((f) => f.data?.['key'] === 'aws_secret_access_key')!;
    assert.deepEqual(secret.data, { key: 'aws_secret_access_key' });
  });

  it('allows a profile to name itself when it holds keys (botocore exception)', () => {
    assert.ok(!part.facts.some((f) => f.kind === 'aws-config/source-profile-loop' && slice(text, f.span) === 'self-keys'));
  });

  it('leaves cross-profile facts to the project pass: alone, a source may be in a credentials file', () => {
    const alone = extractAwsConfig('findings.aws-config', text);
    assert.ok(!alone.facts!.some((f) => f.kind === 'aws-config/missing-source-profile'));
  });

  it('near misses: close spellings and telling words, but not other tools’ keys', () => {
    assert.equal(nearMissOf('role_duration'), 'duration_seconds');
    assert.equal(nearMissOf('session_name'), 'role_session_name');
    assert.equal(nearMissOf('role_ran'), 'role_arn');
    assert.equal(nearMissOf('source_profle'), 'source_profile');
    for (const key of ['parent_profile', 'mfa_process', 'session_tags', 'granted_sso_start_url', 'region', 'colour']) assert.equal(nearMissOf(key), undefined, key);
  });
});

describe('which files are read', () => {
  it('prefilter: profile, default, sso-session and services headers or role keys', () => {
    assert.equal(prefilter('[profile x]\n'), true);
    assert.equal(prefilter('  [default]\n'), true);
    assert.equal(prefilter('[dev]\naws_access_key_id = A\n'), true);
    assert.equal(prefilter('[core]\n\trepositoryformatversion = 0\n'), false);
  });

  it('a file named config counts only with [profile …] sections', () => {
    const git = '[default]\nregion = x\n';
    assert.equal(awsConfigExtractor.extract({ path: 'app/config', text: git }).calls.length, 0);
    assert.equal(awsConfigExtractor.extract({ path: 'app/config', text: '[profile a]\nrole_arn = arn:aws:iam::123456789012:role/a\n' }).calls.length, 1);
    assert.equal(awsConfigExtractor.extract({ path: 'home/.aws/config', text: '[default]\nrole_arn = arn:aws:iam::123456789012:role/a\n' }).calls.length, 1);
  });

  it('credentials files name profiles without the "profile " prefix', () => {
    const text = '[dev]\nrole_arn = arn:aws:iam::123456789012:role/a\ncredential_source = Environment\n';
    assert.equal(extractAwsConfig('x/.aws/credentials', text).calls.length, 1);
    assert.equal(extractAwsConfig('x/.aws/config', text).calls.length, 0);
  });
});

describe('conformance with input JSON', () => {
  it('the same AssumeRole as an input file and as a profile gives the same normalized input', () => {
    const json = extractInputJson(
      'assume-role.json',
      JSON.stringify({ RoleArn: 'arn:aws:iam::123456789012:role/deploy', RoleSessionName: 'deploy-session', DurationSeconds: 3600, ExternalId: 'ext-1234', SerialNumber: 'arn:aws:iam::123456789012:mfa/alice' }),
    ).calls[0]!;
    const profile = extractAwsConfig(
      'deploy.aws-config',
      '[profile deploy]\nrole_arn = arn:aws:iam::123456789012:role/deploy\nrole_session_name = deploy-session\nduration_seconds = 3600\nexternal_id = ext-1234\nmfa_serial = arn:aws:iam::123456789012:mfa/alice\ncredential_source = Environment\n',
    ).calls[0]!;
    assert.equal(normalizedJson(profile), normalizedJson(json));
  });
});

describe('hostile input', () => {
  it('a 10 MB file is read in linear time', () => {
    const block = '[profile p%]\nrole_arn = arn:aws:iam::123456789012:role/p\nsource_profile = p%\nduration_seconds = 3600 # c\n\n';
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 10_000_000; i++) {
      const b = block.replaceAll('%', String(i));
      parts.push(b);
      size += b.length;
    }
    const text = parts.join('');
    const started = performance.now();
    const r = project([{ path: 'big.aws-config', text }]).get('big.aws-config')!.part;
    const ms = performance.now() - started;
    assert.ok(r.calls.length > 80_000);
    // Measured about 4 s for extraction plus the project pass on a shared 2-core machine; the bound leaves room for load.
    assert.ok(ms < 40_000, `took ${ms} ms`);
  });

  it('a 20,000-deep source_profile chain is resolved without recursion', () => {
    const lines: string[] = [];
    for (let i = 0; i < 20_000; i++) lines.push(`[profile p${i}]\nrole_arn = arn:aws:iam::123456789012:role/p\nsource_profile = p${i + 1}\n`);
    lines.push('[profile p20000]\naws_access_key_id = A\n');
    const r = project([{ path: 'chain.aws-config', text: lines.join('') }]).get('chain.aws-config')!.part;
    assert.equal(r.calls.length, 20_000);
    assert.equal(r.facts.length, 0);
  });
});
