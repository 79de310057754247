import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runRules } from '@rolecall/core';
import { canonicalJson } from '@rolecall/testing';
import { callWithHoles } from '../_shared/test/holes.js';
import { CONTEXT_VALUES, contextValueOf } from '../_shared/context-values.js';
import rule from './rule.js';

const RoleArn = 'arn:aws:iam::123456789012:role/deploy';

function lint(input: Record<string, unknown>) {
  const text = canonicalJson(input);
  return runRules({ file: 'input.json', text, calls: [callWithHoles(text)], rules: [rule], ruleSettings: { [rule.id]: { severity: 'error' } } }).map((d) => [
    d.message,
    d.location.start.line,
    d.location.start.column,
    d.location.end.column,
  ]);
}

describe('no-unsafe-context-values', () => {
  it('reports a branch name in a session name at the hole, with the concrete expansion and what STS says of it', () => {
    assert.deepEqual(lint({ RoleArn, RoleSessionName: 'deploy-${github.ref_name}' }), [
      [
        'RoleSessionName uses ${github.ref_name}, which can be "feature/login" (a branch name holds "/"); then RoleSessionName is "deploy-feature/login": it contains \'/\' (U+002F) at position 15; STS accepts only characters matching [\\w+=,.@-].',
        3,
        30,
        48,
      ],
    ]);
  });

  it('reports a bot actor ([bot]), a CodeBuild build id (":") and a long pull request branch (length)', () => {
    assert.match(lint({ RoleArn, RoleSessionName: 'gha-${GITHUB_ACTOR}' })[0]![0] as string, /which can be "dependabot\[bot\]" .* contains '\['/);
    assert.match(lint({ RoleArn, RoleSessionName: '${CODEBUILD_BUILD_ID}' })[0]![0] as string, /contains ':'/);
    assert.match(lint({ RoleArn, RoleSessionName: 's-${github.head_ref}' })[0]![0] as string, /it contains '\/'|characters; STS accepts at most 64/);
  });

  it('is silent for safe values (run id, sha, attempt), for unknown expressions, and for a member without a template', () => {
    assert.deepEqual(lint({ RoleArn, RoleSessionName: 'deploy-${github.run_id}-${github.run_attempt}' }), []);
    assert.deepEqual(lint({ RoleArn, RoleSessionName: 'deploy-${GITHUB_SHA}' }), []);
    assert.deepEqual(lint({ RoleArn, RoleSessionName: 'deploy-${inputs.name}' }), []);
    assert.deepEqual(lint({ RoleArn, RoleSessionName: 'deploy' }), []);
  });

  it('reads the hole however it is written: ${{ }}, $NAME and ${NAME}', () => {
    for (const written of ['${{ github.ref_name }}', '$GITHUB_REF_NAME', '${GITHUB_REF_NAME}', 'github.ref_name']) {
      assert.equal(contextValueOf(written)?.unsafe?.example, 'feature/login', written);
    }
  });

  it('every row of the table names its source, and every unsafe example is rejected in a session name (so no row is there without cause)', () => {
    for (const row of CONTEXT_VALUES) {
      assert.match(row.source, /^https:\/\//);
      if (row.unsafe === undefined) continue;
      assert.equal(lint({ RoleArn, RoleSessionName: `x-\${${row.names[0]}}` }).length, 1, row.names[0]);
    }
  });
});

describe('no-unsafe-context-values README', () => {
  it('lists every row of the table with its verdict, so the safe expressions users may choose are named', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
    for (const row of CONTEXT_VALUES) {
      const line = readme.split('\n').find((l) => l.startsWith(`| \`${row.names[0]}\``));
      assert.ok(line !== undefined, `${row.names[0]} is not in the README table`);
      assert.ok(line.includes(row.unsafe === undefined ? '| safe |' : 'unsafe:'), line);
    }
  });
});
