/**
 * The fast path tests ARNs with capture-free copies of the schema's regular expressions (`withoutCaptures`) and
 * measures a role path only in a text longer than the path limit: both must agree with the schema's expressions
 * (`IAM`) and with the path rule on every string, so they are compared on generated strings around every limit
 * (name, path and account lengths at n-1, n and n+1, every partition and near misses, characters on each side of
 * every class boundary, and single-character edits of valid ARNs at every position).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IAM } from '../schema/registry.js';
import { policyArnProblem, roleArnProblem, samlProviderArnProblem, withoutCaptures } from './arn.js';

const EDGE_CHARS = ['\x00', '\t', '\n', ' ', '!', '~', '\x7f', '\x80', 'é', '\u212a', '\ud800', '\u{1f600}', '/', ':', '|', '(', 'a', 'Z', '0', '9', '_', '+', '=', ',', '.', '@', '-', '*', '\\'];
const ACCOUNTS = ['123456789012', '12345678901', '1234567890123', 'aws', '12345678901a', ''];
const PARTITIONS = [...IAM.partitions, 'aws-', 'awscn', 'AWS', 'aws-us', 'aws-iso-', 'aws-eusc-x', ''];

function names(max: number): string[] {
  return ['n', 'r'.repeat(max - 1), 'r'.repeat(max), 'r'.repeat(max + 1), 'A+=,.@-_9z', ''];
}

function paths(max: number): string[] {
  const p = (n: number, seg = 'p') => `/${seg.repeat(n - 2)}/`;
  return ['/', '//', '/a/b/', p(max - 1), p(max), p(max + 1), '/a b/', '/é/', '/!~/', '/a\\b/'];
}

/** ARN-shaped strings of one resource type, around every limit, plus single-character edits of a few valid ones. */
function samples(resource: string, nameMax: number, pathMax: number): string[] {
  const out: string[] = [];
  for (const partition of PARTITIONS) for (const account of ACCOUNTS) out.push(`arn:${partition}:iam::${account}:${resource}/deploy`);
  for (const path of paths(pathMax)) for (const name of names(nameMax)) out.push(`arn:aws:iam::123456789012:${resource}${path}${name}`);
  const seeds = [`arn:aws:iam::123456789012:${resource}/deploy`, `arn:aws-us-gov:iam::123456789012:${resource}/a/b/n`];
  for (const seed of seeds) {
    for (let i = 0; i <= seed.length; i++) {
      out.push(seed.slice(0, i) + seed.slice(i + 1)); // deletion
      for (const ch of EDGE_CHARS) {
        out.push(seed.slice(0, i) + ch + seed.slice(i)); // insertion
        out.push(seed.slice(0, i) + ch + seed.slice(i + 1)); // replacement
      }
    }
  }
  out.push(`arn:aws:sts::123456789012:assumed-role/deploy/s`, `arn:aws:iam::123456789012:user/alice`, 'deploy', '', 'arn:', `arn:aws:iam::123456789012:${resource}/deploy\n`);
  return out;
}

const STRINGS = [
  ...samples('role', IAM.roleNameMaxLength, IAM.rolePathMaxLength),
  ...samples('policy', IAM.policyNameMaxLength, IAM.policyPathMaxLength),
  ...samples('saml-provider', 64, 64),
];

describe('withoutCaptures', () => {
  it('drops capturing groups only', () => {
    assert.equal(withoutCaptures(/^a(b|c)(?:d)(?<n>e)$/u).source, '^a(?:b|c)(?:d)(?<n>e)$');
    assert.equal(withoutCaptures(/\((x)[(]\)/u).source, '\\((?:x)[(]\\)');
    assert.equal(withoutCaptures(/[\](]x(y)/u).source, '[\\](]x(?:y)');
    const backreference = /(a)\1/u;
    assert.equal(withoutCaptures(backreference), backreference);
    assert.equal(withoutCaptures(/a(b)/giu).flags, 'giu');
  });

  it(`agrees with the schema's ARN expressions on ${STRINGS.length} generated strings`, () => {
    for (const re of [IAM.roleArn, IAM.managedPolicyArn, IAM.samlProviderArn]) {
      const copy = withoutCaptures(re);
      assert.notEqual(copy.source, re.source, 'the schema expression has groups to drop');
      let matched = 0;
      for (const s of STRINGS) {
        const expected = re.test(s);
        assert.equal(copy.test(s), expected, `${re.source} on ${JSON.stringify(s)}`);
        if (expected) matched++;
      }
      assert.ok(matched >= 20, `${re.source}: enough matching samples (${matched})`);
    }
  });
});

describe('ARN problems on the fast path', () => {
  it('roleArnProblem: no problem exactly when the schema expression matches and the path is within the limit', () => {
    for (const s of STRINGS) {
      const matches = IAM.roleArn.test(s);
      const pathLength = s.lastIndexOf('/') - s.indexOf('/') + 1;
      const problem = roleArnProblem(s);
      if (!matches) assert.notEqual(problem, undefined, s);
      else if (pathLength > IAM.rolePathMaxLength) assert.deepEqual(problem, { reason: 'pathTooLong', data: { actual: pathLength, limit: IAM.rolePathMaxLength } });
      else assert.equal(problem, undefined, s);
    }
  });

  it('policyArnProblem and samlProviderArnProblem follow their schema expressions', () => {
    for (const s of STRINGS) {
      assert.equal(policyArnProblem(s) === undefined, IAM.managedPolicyArn.test(s), s);
      assert.equal(samlProviderArnProblem(s) === undefined, IAM.samlProviderArn.test(s), s);
    }
  });
});
