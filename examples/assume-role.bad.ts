// AssumeRole with the AWS SDK for JavaScript v3: each call here fails at run time in STS.
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

const account = '123456789012';
const client = new STSClient({});

const input = {
  RoleArn: `arn:aws:iam::${account}:role/deploy`,
  RoleSessionName: `ci deploy ${process.env.GITHUB_RUN_ID}`,
  DurationSeconds: 60 * 60 * 24,
  Tags: [{ Key: 'team', Value: 'platform' }],
  TransitiveTagKeys: ['owner'],
};
export const deploy = () => client.send(new AssumeRoleCommand(input));

// masterCredentials is itself a role session: role chaining caps DurationSeconds at 3600.
export const audit = fromTemporaryCredentials({
  params: { RoleArn: `arn:aws:iam::${account}:role/audit`, RoleSessionName: 'audit', DurationSeconds: 7200 },
  masterCredentials: fromTemporaryCredentials({ params: { RoleArn: `arn:aws:iam::${account}:role/hub` } }),
});
