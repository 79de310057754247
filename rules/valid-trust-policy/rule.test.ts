import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Extractor } from '@rolecall/core';
import { extractFile, lintProject } from '@rolecall/core';
import { cloudFormationExtractor } from '@rolecall/extractor-cloudformation';
import { terraformExtractor } from '@rolecall/extractor-terraform';
import { typescriptExtractor } from '@rolecall/extractor-typescript';
import { TRUST_POLICY } from '@rolecall/validators';
import rule from './rule.js';

const EXTRACTORS: Record<string, Extractor> = { tf: terraformExtractor, yml: cloudFormationExtractor, json: cloudFormationExtractor, ts: typescriptExtractor };

/** Lints one file with this rule only; each finding as `line:col-line:col «text at the span» message`. */
function lint(file: string, text: string, options: { maxLength?: number } = {}): string[] {
  const extractor = EXTRACTORS[file.slice(file.lastIndexOf('.') + 1)]!;
  const extracted = extractFile({ path: file, text }, [extractor]);
  assert.equal(extracted.parts.flatMap((p) => p.roles).length > 0, true, 'the file defines a role');
  const settings = { ruleSettings: { [rule.id]: { severity: 'error' as const, options } }, settings: {} };
  return lintProject([extracted], { rules: [rule], extractors: [extractor], configFor: () => settings })
    .flat()
    .map((d) => `${d.location.start.line}:${d.location.start.column}-${d.location.end.line}:${d.location.end.column} «${text.slice(d.location.start.offset, d.location.end.offset)}» ${d.message}`);
}

const GOOD = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
const ACTIONS = TRUST_POLICY.actions.join(', ');
const PROHIBITED_RESOURCE = 'Resource is not allowed in a trust policy; IAM refuses it ("Has prohibited field Resource").';

const tfHeredoc = (policy: string) => `resource "aws_iam_role" "deploy" {\n  name = "deploy"\n  assume_role_policy = <<EOF\n${policy}\nEOF\n}\n`;
const cfnJson = (policy: unknown) => `{"Resources": {"Deploy": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": ${JSON.stringify(policy)}}}}}\n`;

describe('valid-trust-policy', () => {
  before(async () => {
    for (const e of new Set(Object.values(EXTRACTORS))) await e.load?.();
  });

  it('accepts a valid trust policy in every file kind', () => {
    assert.deepEqual(lint('main.tf', tfHeredoc(JSON.stringify(GOOD, null, 2))), []);
    assert.deepEqual(lint('template.json', cfnJson(GOOD)), []);
    assert.deepEqual(lint('template.json', cfnJson(JSON.stringify(GOOD))), []);
    assert.deepEqual(lint('template.yml', `Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: '${JSON.stringify(GOOD)}'\n`), []);
  });

  it('Terraform jsonencode: each finding at the exact place it is written', () => {
    const text = [
      'resource "aws_iam_role" "r" {',
      '  assume_role_policy = jsonencode({',
      '    Version = "2012-10-17"',
      '    Statement = [{',
      '      Effect    = "allow"',
      '      Action    = "s3:GetObject"',
      '      Principal = { Service = "arn:aws:iam::123456789012:role/x" }',
      '      Resource  = "*"',
      '    }]',
      '  })',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(lint('main.tf', text), [
      '5:19-5:26 «"allow"» Effect is "allow"; IAM accepts "Allow" or "Deny" (case-sensitive).',
      `6:19-6:33 «"s3:GetObject"» Action "s3:GetObject" is not an action a trust policy grants; it allows ${ACTIONS} (wildcards match these).`,
      `7:31-7:65 «"arn:aws:iam::123456789012:role/x"» Service principal "arn:aws:iam::123456789012:role/x" is not ${TRUST_POLICY.principalFormats['Service']!.describe}; IAM answers "Invalid principal in policy".`,
      `8:7-8:15 «Resource» ${PROHIBITED_RESOURCE}`,
    ]);
  });

  it('Terraform heredoc: a statement without Principal, and NotPrincipal', () => {
    const text = tfHeredoc('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "NotPrincipal": {"AWS": "123456789012"}}]}');
    assert.deepEqual(lint('main.tf', text), [
      '4:41-4:129 «{"Effect": "Allow", "Action": "sts:AssumeRole", "NotPrincipal": {"AWS": "123456789012"}}» This statement has no Principal; IAM refuses the trust policy ("Missing required field Principal").',
      '4:89-4:103 «"NotPrincipal"» NotPrincipal is not allowed in a trust policy; IAM refuses it ("NotPrincipal is not allowed in a role trust policy").',
    ]);
  });

  it('Terraform heredoc that is not JSON', () => {
    const text = tfHeredoc('{"Version": "2012-10-17", "Statement": []');
    // The text ends before the object does: reported where the heredoc ends.
    assert.deepEqual(lint('main.tf', text), ['5:1-5:2 «E» assume_role_policy is not valid JSON: expected "}"']);
  });

  it('CloudFormation YAML: unknown principal type and operator; a !Sub value is not judged', () => {
    const text = [
      'Resources:',
      '  Deploy:',
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      AssumeRolePolicyDocument:',
      '        Version: "2012-10-17"',
      '        Statement:',
      '          - Effect: Allow',
      '            Principal:',
      '              AWS: !Sub "arn:aws:iam::${AWS::AccountId}:root"',
      '              Servise: ec2.amazonaws.com',
      '            Action: [sts:AssumeRole, sts:TagSession]',
      '            Resource: "*"',
      '            Condition:',
      '              stringequals: { "aws:PrincipalTag/team": "x" }',
      '',
    ].join('\n');
    assert.deepEqual(lint('template.yml', text), [
      '11:15-11:22 «Servise» Principal type "Servise" is not one IAM knows; use "AWS", "Service", "Federated" or "CanonicalUser".',
      `13:13-13:21 «Resource» ${PROHIBITED_RESOURCE}`,
      '15:15-15:27 «stringequals» Condition operator "stringequals" is not one IAM knows. Did you mean "StringEquals"?',
    ]);
  });

  it('CloudFormation JSON: Version, Effect, actions (wildcards match), principal formats', () => {
    const policy = {
      Version: '2012-10-18',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: ['123456789012', 'arn:aws:iam::123456789012:role/*', '*'] }, Action: ['sts:Assume*', 'sts:*', '*', 'iam:PassRole'] },
        { Effect: 'Deny', Principal: { Federated: 'token.actions.githubusercontent.com', CanonicalUser: 'ABC' }, NotAction: 'sts:AssumeRoleWithWebIdentity' },
        { Effect: 'Allow', Principal: '*', Action: 'sts:SetSourceIdentity', NotResource: '*' },
      ],
    };
    const text = cfnJson(policy);
    const at = (s: string, nth = 0) => {
      let i = -1;
      for (let n = 0; n <= nth; n++) i = text.indexOf(s, i + 1);
      return `1:${i + 1}-1:${i + 1 + s.length} «${s}»`;
    };
    assert.deepEqual(lint('template.json', text), [
      `${at('"2012-10-18"')} Version is "2012-10-18"; IAM accepts "2012-10-17" or "2008-10-17".`,
      `${at('"arn:aws:iam::123456789012:role/*"')} AWS principal "arn:aws:iam::123456789012:role/*" is not ${TRUST_POLICY.principalFormats['AWS']!.describe}; IAM answers "Invalid principal in policy".`,
      `${at('"iam:PassRole"')} Action "iam:PassRole" is not an action a trust policy grants; it allows ${ACTIONS} (wildcards match these).`,
      `${at('"token.actions.githubusercontent.com"')} Federated principal "token.actions.githubusercontent.com" is not ${TRUST_POLICY.principalFormats['Federated']!.describe}; IAM answers "Invalid principal in policy".`,
      `${at('"ABC"')} CanonicalUser principal "ABC" is not ${TRUST_POLICY.principalFormats['CanonicalUser']!.describe}; IAM answers "Invalid principal in policy".`,
      `${at('"NotResource"')} NotResource is not allowed in a trust policy; IAM refuses it ("Has prohibited field NotResource").`,
    ]);
  });

  it('CDK iam.Role: the assumedBy principals (composite, through a variable), each at its argument', () => {
    const text = [
      "import * as iam from 'aws-cdk-lib/aws-iam';",
      "const partner = new iam.AccountPrincipal('12345');",
      "new iam.Role(this, 'Deploy', {",
      '  assumedBy: new iam.CompositePrincipal(',
      "    new iam.ServicePrincipal('ec2.amazonaws.com'),",
      '    partner,',
      "    new iam.FederatedPrincipal('token.actions.githubusercontent.com', {}, 'sts:AssumeRoleWithWebIdentity'),",
      "    new iam.ArnPrincipal('arn:aws:iam::123456789012:role/deploy'),",
      "    new iam.CanonicalUserPrincipal('79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be'),",
      '    new iam.AnyPrincipal(),',
      '    new iam.AccountRootPrincipal(),',
      '  ),',
      '});',
      '',
    ].join('\n');
    assert.deepEqual(lint('stack.ts', text), [
      `2:42-2:49 «'12345'» AWS principal "12345" is not ${TRUST_POLICY.principalFormats['AWS']!.describe}; IAM answers "Invalid principal in policy".`,
      `7:32-7:69 «'token.actions.githubusercontent.com'» Federated principal "token.actions.githubusercontent.com" is not ${TRUST_POLICY.principalFormats['Federated']!.describe}; IAM answers "Invalid principal in policy".`,
    ]);
    assert.deepEqual(lint('stack.ts', "import * as iam from 'aws-cdk-lib/aws-iam';\nnew iam.Role(this, 'R', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });\n"), []);
  });

  it('values the template does not state are not judged: a whole statement, a Condition, a principal', () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { 'Fn::If': ['Prod', { Effect: 'Allow' }, { Ref: 'AWS::NoValue' }] },
        { Effect: 'Allow', Principal: { AWS: { 'Fn::GetAtt': ['Partner', 'Arn'] } }, Action: 'sts:AssumeRole', Condition: { Ref: 'Conditions' } },
      ],
    };
    assert.deepEqual(lint('template.json', cfnJson(policy)), []);
  });

  it('Action and NotAction together', () => {
    const text = cfnJson({ Statement: { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', NotAction: 'sts:TagSession' } });
    assert.deepEqual(lint('template.json', text), ['1:109-1:198 «{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole","NotAction":"sts:TagSession"}» A statement must be given Action or NotAction, not both.']);
  });

  it('a statement without Effect or action, and a policy without Statement', () => {
    assert.deepEqual(lint('template.json', cfnJson({ Statement: { Principal: { AWS: '123456789012' } } })), [
      '1:109-1:145 «{"Principal":{"AWS":"123456789012"}}» This statement has no Action (or NotAction); IAM refuses the trust policy ("Missing required field Action").',
      '1:109-1:145 «{"Principal":{"AWS":"123456789012"}}» This statement has no Effect; IAM refuses the trust policy ("Missing required field Effect").',
    ]);
    assert.deepEqual(lint('template.json', cfnJson({ Version: '2012-10-17' })), ['1:96-1:120 «{"Version":"2012-10-17"}» The trust policy has no Statement.']);
  });

  describe('length: the default quota and a raised one (n-1, n, n+1)', () => {
    const { maxLength, maxLengthQuota } = TRUST_POLICY;
    /** A valid policy of exactly `n` characters not counting white space (the heredoc's indentation is not counted). */
    function policyOf(n: number): string {
      const base = JSON.stringify({ ...GOOD, Statement: [{ ...GOOD.Statement[0], Sid: '' }] });
      const sid = 'A'.repeat(n - base.length);
      const compact = base.replace('"Sid":""', `"Sid":"${sid}"`);
      assert.equal(compact.length, n);
      return compact.replace(/,/g, ',\n  ');
    }
    it('default', () => {
      assert.deepEqual(lint('main.tf', tfHeredoc(policyOf(maxLength - 1))), []);
      assert.deepEqual(lint('main.tf', tfHeredoc(policyOf(maxLength))), []);
      const over = lint('main.tf', tfHeredoc(policyOf(maxLength + 1)));
      assert.equal(over.length, 1);
      assert.match(
        over[0]!,
        new RegExp(`^4:1-8:\\d+ «\\{[^]*\\}» The trust policy is ${maxLength + 1} characters \\(not counting white space\\); IAM accepts ${maxLength} \\(the default quota, which can be raised to ${maxLengthQuota}: then set this rule's maxLength\\)\\.$`),
      );
    });
    it('maxLength option (a raised quota)', () => {
      assert.deepEqual(lint('main.tf', tfHeredoc(policyOf(maxLengthQuota)), { maxLength: maxLengthQuota }), []);
      assert.equal(lint('main.tf', tfHeredoc(policyOf(maxLengthQuota + 1)), { maxLength: maxLengthQuota }).length, 1);
      assert.equal(lint('main.tf', tfHeredoc(policyOf(maxLengthQuota - 1)), { maxLength: maxLengthQuota }).length, 0);
    });
    it('not measured when a value is unknown', () => {
      const text = cfnJson({ ...GOOD, Statement: [{ ...GOOD.Statement[0], Sid: 'A'.repeat(maxLength), Principal: { AWS: { Ref: 'Partner' } } }] });
      assert.deepEqual(lint('template.json', text), []);
    });
  });

  it('options: maxLength outside the quota range is refused by the schema', () => {
    const schema = rule.meta.schema as { properties: { maxLength: { minimum: number; maximum: number } } };
    assert.deepEqual([schema.properties.maxLength.minimum, schema.properties.maxLength.maximum], [TRUST_POLICY.maxLength, TRUST_POLICY.maxLengthQuota]);
  });

  it('takes linear time in the size of the policy', () => {
    const statements = (n: number) => ({ Version: '2012-10-17', Statement: Array.from({ length: n }, () => GOOD.Statement[0]) });
    const time = (n: number) => {
      const text = cfnJson(statements(n));
      const t = performance.now();
      lint('template.json', text, { maxLength: TRUST_POLICY.maxLengthQuota });
      return performance.now() - t;
    };
    time(250);
    const small = Math.min(time(1000), time(1000));
    const large = Math.min(time(4000), time(4000));
    assert.ok(large < small * 12, `4× the statements took ${(large / small).toFixed(1)}× the time`);
  });
});
