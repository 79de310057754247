import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RuleTester } from '@rolecall/testing';
import { lintWithHoles } from '../_shared/test/holes.js';
import rule from './rule.js';

const RoleArn = 'arn:aws:iam::123456789012:role/deploy';
const RoleSessionName = 'deploy-session';
/** The calling session carries these transitive tag keys (a role chain). */
const CHAINED = { inheritedTransitiveTagKeys: ['Project', 'CostCenter'] };

// Canonical JSON puts Tags on line 4; tag i starts on line 5 + 4i, its Key value at column 14 of line 6 + 4i.
new RuleTester().run(rule, {
  valid: [
    { name: 'no inherited keys known', input: { RoleArn, RoleSessionName, Tags: [{ Key: 'Project', Value: 'Unicorn' }] } },
    { name: 'tags other than the inherited ones', input: { RoleArn, RoleSessionName, Tags: [{ Key: 'Team', Value: 'ops' }] }, settings: CHAINED },
    { name: 'seed-era profile: same rule', input: { RoleArn, RoleSessionName, Tags: [{ Key: 'Team', Value: 'ops' }] }, settings: { ...CHAINED, stsModel: 'botocore-2015-04-27' } },
  ],
  invalid: [
    {
      name: 'an inherited key set again',
      input: { RoleArn, RoleSessionName, Tags: [{ Key: 'Project', Value: 'Unicorn' }] },
      settings: CHAINED,
      errors: [
        {
          messageId: 'inheritedTransitiveKeyConflict',
          data: { parameter: 'Tags[0].Key', key: '"Project"', inheritedKey: '"Project"' },
          message: 'Tags[0].Key "Project" conflicts with the transitive tag key "Project" inherited from the calling session; an inherited transitive tag cannot be set again.',
          line: 6,
          column: 14,
          endLine: 6,
          endColumn: 23,
        },
      ],
    },
    {
      name: 'two findings, compared case-insensitively',
      input: { RoleArn, RoleSessionName, Tags: [{ Key: 'costcenter', Value: '42' }, { Key: 'Team', Value: 'ops' }, { Key: 'PROJECT', Value: 'x' }] },
      settings: CHAINED,
      errors: [
        {
          messageId: 'inheritedTransitiveKeyConflict',
          data: { parameter: 'Tags[0].Key', key: '"costcenter"', inheritedKey: '"CostCenter"' },
          line: 6,
          column: 14,
          endLine: 6,
          endColumn: 26,
        },
        {
          messageId: 'inheritedTransitiveKeyConflict',
          data: { parameter: 'Tags[2].Key', key: '"PROJECT"', inheritedKey: '"Project"' },
          line: 14,
          column: 14,
          endLine: 14,
          endColumn: 23,
        },
      ],
    },
  ],
});

test('no-inherited-tag-conflict: runs only when every tag is known', () => {
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, Tags: [{ Key: 'Project', Value: 'x' }, '${local.tag}'] }, CHAINED), []);
});
