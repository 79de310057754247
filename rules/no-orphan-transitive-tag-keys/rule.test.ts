import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RuleTester } from '@rolecall/testing';
import { lintWithHoles } from '../_shared/test/holes.js';
import rule from './rule.js';

const RoleArn = 'arn:aws:iam::123456789012:role/deploy';
const RoleSessionName = 'deploy-session';
const Tags = [{ Key: 'Project', Value: 'Unicorn' }, { Key: 'Team', Value: 'ops' }];

// Canonical JSON puts TransitiveTagKeys on line 4 and key i on line 5 + i, from column 5.
new RuleTester().run(rule, {
  valid: [
    { input: { RoleArn, RoleSessionName, TransitiveTagKeys: ['Project'], Tags } },
    { name: 'keys match tags case-insensitively', input: { RoleArn, RoleSessionName, TransitiveTagKeys: ['project', 'TEAM'], Tags } },
    { name: 'tags without transitive keys', input: { RoleArn, RoleSessionName, Tags } },
    { name: 'seed-era profile: same rule', input: { RoleArn, RoleSessionName, TransitiveTagKeys: ['Team'], Tags }, settings: { stsModel: 'botocore-2015-04-27' } },
  ],
  invalid: [
    {
      name: 'a key with no tag',
      input: { RoleArn, RoleSessionName, TransitiveTagKeys: ['CostCenter'], Tags },
      errors: [
        {
          messageId: 'transitiveKeyNotInTags',
          data: { parameter: 'TransitiveTagKeys[0]', key: '"CostCenter"' },
          message: 'TransitiveTagKeys[0] "CostCenter" does not match the key of any tag in Tags; a transitive tag key must name a tag passed in the same call.',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 17,
        },
      ],
    },
    {
      name: 'transitive keys but no Tags at all',
      input: { RoleArn, RoleSessionName, TransitiveTagKeys: ['Project'] },
      errors: [
        {
          messageId: 'transitiveKeyNotInTags',
          data: { parameter: 'TransitiveTagKeys[0]', key: '"Project"' },
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 14,
        },
      ],
    },
    {
      name: 'two findings',
      input: { RoleArn, RoleSessionName, TransitiveTagKeys: ['Project', 'Owner', 'Env'], Tags },
      errors: [
        {
          messageId: 'transitiveKeyNotInTags',
          data: { parameter: 'TransitiveTagKeys[1]', key: '"Owner"' },
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 12,
        },
        {
          messageId: 'transitiveKeyNotInTags',
          data: { parameter: 'TransitiveTagKeys[2]', key: '"Env"' },
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 10,
        },
      ],
    },
  ],
});

test('no-orphan-transitive-tag-keys: runs only when TransitiveTagKeys and Tags are both known', () => {
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, TransitiveTagKeys: ['Project'], Tags: '${local.session_tags}' }), []);
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, TransitiveTagKeys: ['Project'], Tags: [{ Key: '${var.key}', Value: 'v' }] }), []);
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, TransitiveTagKeys: ['${var.key}'], Tags }), []);
});
