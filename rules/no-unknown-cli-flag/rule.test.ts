import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lintScript } from '../_shared/test/lint-file.js';
import rule from './rule.js';

const base = 'aws sts assume-role --role-arn arn:aws:iam::123456789012:role/deploy --role-session-name deploy';

describe('no-unknown-cli-flag', () => {
  test('--duration and --session-duration name --duration-seconds', () => {
    assert.deepEqual(lintScript(rule, `${base} --duration 3600\n`), [
      '1:97-1:107 aws sts assume-role has no flag --duration; the AWS CLI refuses the whole command. Did you mean --duration-seconds?',
    ]);
    assert.deepEqual(lintScript(rule, `${base} --session-duration=3600\n`), [
      '1:97-1:115 aws sts assume-role has no flag --session-duration; the AWS CLI refuses the whole command. Did you mean --duration-seconds?',
    ]);
  });
  test('a misspelt flag on a continuation line, with the nearest flag', () => {
    assert.deepEqual(lintScript(rule, 'aws sts assume-role \\\n  --role-arn arn:aws:iam::123456789012:role/deploy \\\n  --role-sesion-name deploy\n'), [
      '3:3-3:21 aws sts assume-role has no flag --role-sesion-name; the AWS CLI refuses the whole command. Did you mean --role-session-name?',
    ]);
  });
  test('flags of another operation are unknown here; nothing near gives no suggestion', () => {
    assert.deepEqual(lintScript(rule, 'aws sts assume-role-with-web-identity --role-arn arn:aws:iam::123456789012:role/x --role-session-name s --web-identity-token t --external-id x\n'), [
      '1:128-1:141 aws sts assume-role-with-web-identity has no flag --external-id; the AWS CLI refuses the whole command.',
    ]);
  });
  test('global options and command options are known, before or after the operation', () => {
    assert.deepEqual(lintScript(rule, `aws --region eu-west-1 --debug sts assume-role --role-arn a --role-session-name b --profile p --output json --no-cli-pager --query Credentials\n`), []);
    assert.deepEqual(lintScript(rule, `aws sts assume-role --cli-input-json file://input.json\n`), []);
  });
  test('other aws commands are not read', () => {
    assert.deepEqual(lintScript(rule, 'aws sts get-caller-identity --duration 1\naws s3 cp --role-arn x y\n'), []);
  });
});
