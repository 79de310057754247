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
    { input: { RoleArn, RoleSessionName, TransitiveTagKeys: ['Project', 'Team'], Tags } },
    { name: 'seed-era profile: same rule', input: { RoleArn, RoleSessionName, TransitiveTagKeys: ['Project'], Tags }, settings: { stsModel: 'botocore-2015-04-27' } },
  ],
  invalid: [
    {
      name: 'the same key twice',
      input: { RoleArn, RoleSessionName, TransitiveTagKeys: ['Project', 'Project'], Tags },
      errors: [
        {
          messageId: 'duplicateKey',
          data: { parameter: 'TransitiveTagKeys[1]', key: '"Project"', firstParameter: 'TransitiveTagKeys[0]', firstKey: '"Project"' },
          message: 'TransitiveTagKeys[1] "Project" repeats TransitiveTagKeys[0] "Project"; tag keys are case-insensitive, so STS sees the same key twice.',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 14,
        },
      ],
    },
    {
      name: 'two findings: keys differing only in case',
      input: { RoleArn, RoleSessionName, TransitiveTagKeys: ['team', 'Team', 'TEAM'], Tags },
      errors: [
        {
          messageId: 'duplicateKey',
          data: { parameter: 'TransitiveTagKeys[1]', key: '"Team"', firstParameter: 'TransitiveTagKeys[0]', firstKey: '"team"' },
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 11,
        },
        {
          messageId: 'duplicateKey',
          data: { parameter: 'TransitiveTagKeys[2]', key: '"TEAM"', firstParameter: 'TransitiveTagKeys[0]', firstKey: '"team"' },
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 11,
        },
      ],
    },
  ],
});

test('no-duplicate-transitive-tag-keys: runs only when the list is known', () => {
  assert.deepEqual(lintWithHoles(rule, { RoleArn, RoleSessionName, TransitiveTagKeys: ['Project', '${var.key}', 'Project'], Tags }), []);
});
