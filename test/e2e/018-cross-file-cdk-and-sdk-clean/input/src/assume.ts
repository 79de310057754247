import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

const sts = new STSClient({});

// At the role's MaxSessionDuration, with the tags withSessionTags() allows and the external id it requires.
export async function deploy() {
  return sts.send(
    new AssumeRoleCommand({
      RoleArn: 'arn:aws:iam::731902345678:role/deployer',
      RoleSessionName: 'deploy',
      DurationSeconds: 2 * 60 * 60,
      ExternalId: 'ci-7f3a',
      Tags: [{ Key: 'team', Value: 'platform' }],
    }),
  );
}

// A role of the same name under another path is another role: nothing is known about it.
export async function other() {
  return sts.send(
    new AssumeRoleCommand({
      RoleArn: 'arn:aws:iam::731902345678:role/ci/deployer',
      RoleSessionName: 'other',
      DurationSeconds: 43200,
      Tags: [{ Key: 'team', Value: 'platform' }],
    }),
  );
}

// SessionTagsPrincipal allows tags too; the role sets no MaxSessionDuration, so one hour is the limit.
export async function audit() {
  return sts.send(
    new AssumeRoleCommand({
      RoleArn: 'arn:aws:iam::731902345678:role/auditor',
      RoleSessionName: 'audit',
      DurationSeconds: 3600,
      Tags: [{ Key: 'team', Value: 'audit' }],
    }),
  );
}
