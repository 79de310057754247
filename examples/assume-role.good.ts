// AssumeRole with the AWS SDK for JavaScript v3: every value STS will accept.
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';

const account = '123456789012';
const client = new STSClient({});

const input = {
  RoleArn: `arn:aws:iam::${account}:role/deploy`,
  RoleSessionName: `ci-deploy-${process.env.GITHUB_RUN_ID}`,
  DurationSeconds: 60 * 60,
  Tags: [{ Key: 'team', Value: 'platform' }],
  TransitiveTagKeys: ['team'],
};
export const deploy = () => client.send(new AssumeRoleCommand(input));

// A chained hop stays within one hour.
export const audit = fromTemporaryCredentials({
  params: { RoleArn: `arn:aws:iam::${account}:role/audit`, RoleSessionName: 'audit', DurationSeconds: 3600 },
  masterCredentials: fromTemporaryCredentials({ params: { RoleArn: `arn:aws:iam::${account}:role/hub` } }),
});
