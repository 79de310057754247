import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RuleTester } from '@rolecall/testing';
import { lintWithHoles } from '../_shared/test/holes.js';
import rule from './rule.js';

const RoleArn = 'arn:aws:iam::123456789012:role/deploy';
const RoleSessionName = 'deploy-session';

// Canonical JSON puts Tags on line 4; tag i starts on line 5 + 4i, its Key value at column 14 of line 6 + 4i.
new RuleTester().run(rule, {
  valid: [
    { input: { RoleArn, RoleSessionName, Tags: [{ Key: 'Team', Value: 'ops' }, { Key: 'Env', Value: 'prod' }] } },
    { name: 'equal values are fine', input: { RoleArn, RoleSessionName, Tags: [{ Key: 'Owner', Value: 'ops' }, { Key: 'Team', Value: 'ops' }] } },
    { name: 'seed-era profile: same rule', input: { RoleArn, RoleSessionName, Tags: [{ Key: 'Team', Value: 'ops' }] }, settings: { stsModel: 'botocore-2015-04-27' } },
  ],
  invalid: [
    {
      name: 'the same key twice',
      input: { RoleArn, RoleSessionName, Tags: [{ Key: 'Team', Value: 'ops' }, { Key: 'Team', Value: 'dev' }] },
      errors: [
        {
          messageId: 'duplicateKey',
          data: { parameter: 'Tags[1].Key', key: '"Team"', firstParameter: 'Tags[0].Key', firstKey: '"Team"' },
          message: 'Tags[1].Key "Team" repeats Tags[0].Key "Team"; tag keys are case-insensitive, so STS sees the same key twice.',
          line: 10,
          column: 14,
          endLine: 10,
          endColumn: 20,
        },
      ],
    },
    {
      name: 'keys differing only in case',
      input: { RoleArn, RoleSessionName, Tags: [{ Key: 'CostCenter', Value: '1' }, { Key: 'costcenter', Value: '2' }] },
      errors: [
        {
          messageId: 'duplicateKey',
          data: { parameter: 'Tags[1].Key', key: '"costcenter"', firstParameter: 'Tags[0].Key', firstKey: '"CostCenter"' },
          line: 10,
          column: 14,
          endLine: 10,
          endColumn: 26,
        },
      ],
    },
    {
      name: 'two findings: a key three times',
      input: { RoleArn, RoleSessionName, Tags: [{ Key: 'env', Value: 'a' }, { Key: 'Env', Value: 'b' }, { Key: 'ENV', Value: 'c' }] },
      errors: [
        {
          messageId: 'duplicateKey',
          data: { parameter: 'Tags[1].Key', key: '"Env"', firstParameter: 'Tags[0].Key', firstKey: '"env"' },
          line: 10,
          column: 14,
          endLine: 10,
          endColumn: 19,
        },
        {
          messageId: 'duplicateKey',
          data: { parameter: 'Tags[2].Key', key: '"ENV"', firstParameter: 'Tags[0].Key', firstKey: '"env"' },
          line: 14,
          column: 14,
          endLine: 14,
          endColumn: 19,
        },
      ],
    },
  ],
});

test('no-duplicate-tag-keys: runs only when every tag is known', () => {
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, Tags: [{ Key: 'Team', Value: 'ops' }, { Key: 'Team', Value: '${var.team}' }] }), []);
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, Tags: [{ Key: 'Team', Value: 'ops' }, '${local.more_tags}'] }), []);
});
