import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ExtractorPart } from '@rolecall/core';
import { fileReferences, shellExtractor } from '../src/index.js';

await shellExtractor.load?.();

const ROLE = 'arn:aws:iam::123456789012:role/x';

function part(path: string, text: string, extractor = 'shell'): ExtractorPart {
  // Read as a script whatever the name; the hook looks only at the call's file and extractor.
  const r = shellExtractor.extract({ path: path === 'Dockerfile' ? path : 'x.sh', text });
  return { extractor, calls: r.calls.map((c) => ({ ...c, file: path, extractor })), roles: [], facts: [], comments: [], problems: [] };
}

/** A host over an in-memory tree that records what was asked. */
function host(files: Record<string, string>) {
  const asked: string[] = [];
  return { asked, readText: (path: string) => (asked.push(path), files[path]) };
}

describe('file:// values through the project host', () => {
  test('a script tries its own directory, then the root; the value keeps its place in the read file', () => {
    const h = host({ 'policy.json': '{"Version":"2012-10-17"}' });
    const parts = new Map([['scripts/a.sh', part('scripts/a.sh', `aws sts assume-role --role-arn ${ROLE} --role-session-name s --policy file://policy.json\n`)]]);
    const out = fileReferences(parts, h);
    assert.deepEqual(h.asked, ['scripts/policy.json', 'policy.json']);
    const policy = out.get('scripts/a.sh')!.calls[0]!.parameters.find((p) => p.member === 'Policy')!.value;
    assert.equal(policy.kind, 'literal');
    assert.deepEqual([policy.kind === 'literal' ? policy.value : undefined, policy.span, policy.fromFile], ['{"Version":"2012-10-17"}', { start: 0, end: 24 }, { file: 'policy.json', readAt: { start: 95, end: 113 } }]);
  });

  test('a CI file tries the root first (runners start jobs there); integer members are read as integers', () => {
    const h = host({ 'ci/seconds.txt': '1800\n', 'seconds.txt': '900\n' });
    const parts = new Map([['ci/.gitlab-ci.yml', part('ci/.gitlab-ci.yml', `aws sts assume-role --role-arn ${ROLE} --role-session-name s --duration-seconds fileb://seconds.txt\n`, 'gitlab-ci')]]);
    const value = fileReferences(parts, h).get('ci/.gitlab-ci.yml')!.calls[0]!.parameters.find((p) => p.member === 'DurationSeconds')!.value;
    assert.equal(h.asked[0], 'seconds.txt');
    assert.equal(value.kind === 'literal' ? value.value : undefined, 900);
  });

  test('not read: Dockerfile RUN lines (the path is inside the image), absolute paths, paths leaving the root, missing files, hosts without files', () => {
    const h = host({ 'p.json': '{}' });
    const line = (ref: string) => `aws sts assume-role --role-arn ${ROLE} --role-session-name s --policy ${ref}\n`;
    const parts = new Map([
      ['Dockerfile', part('Dockerfile', `FROM x\nRUN ${line('file://p.json')}`)],
      ['a.sh', part('a.sh', line('file:///etc/p.json') + line('file://../p.json') + line('file://missing.json'))],
    ]);
    assert.equal(fileReferences(parts, h).size, 0);
    assert.deepEqual(h.asked, ['missing.json']);
    assert.equal(fileReferences(parts, {}).size, 0);
    assert.equal(fileReferences(parts).size, 0);
    const kept = parts.get('a.sh')!.calls[2]!.parameters.find((p) => p.member === 'Policy')!.value;
    assert.deepEqual(kept.kind === 'reference' ? kept.text : undefined, 'file://missing.json');
  });

  test('--cli-input-json members join the call; a member given as a flag wins', () => {
    const h = host({ 'in.json': `{"RoleArn": "${ROLE}", "RoleSessionName": "from-file", "DurationSeconds": 100, "Unknown": 1}` });
    const parts = new Map([['a.sh', part('a.sh', 'aws sts assume-role --cli-input-json file://in.json --duration-seconds 900\n')]]);
    const call = fileReferences(parts, h).get('a.sh')!.calls[0]!;
    assert.deepEqual(
      call.parameters.map((p) => [p.member, p.value.kind === 'literal' ? p.value.value : p.value.kind, p.value.fromFile?.file]),
      [
        ['DurationSeconds', 900, undefined],
        ['RoleArn', ROLE, 'in.json'],
        ['RoleSessionName', 'from-file', 'in.json'],
      ],
    );
    assert.equal(call.facts, undefined);
  });
});
