import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

const sts = new STSClient({});

export async function deploy() {
  return sts.send(
    new AssumeRoleCommand({
      RoleArn: 'arn:aws:iam::731902345678:role/deployer',
      RoleSessionName: 'deploy',
      DurationSeconds: 3 * 60 * 60,
      ExternalId: 'ci-7f3a',
      Tags: [{ Key: 'team', Value: 'platform' }],
    }),
  );
}

export async function audit() {
  return sts.send(
    new AssumeRoleCommand({
      RoleArn: 'arn:aws:iam::731902345678:role/deployer',
      RoleSessionName: 'audit',
      DurationSeconds: 7200,
    }),
  );
}
