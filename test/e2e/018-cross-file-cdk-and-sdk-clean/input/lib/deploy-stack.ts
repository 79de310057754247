import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';

export class DeployStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    new iam.Role(this, 'Deployer', {
      roleName: 'deployer',
      assumedBy: new iam.AccountPrincipal('210987654321').withSessionTags(),
      externalIds: ['ci-7f3a'],
      maxSessionDuration: Duration.hours(2),
    });
    new iam.Role(this, 'Auditor', {
      roleName: 'auditor',
      assumedBy: new iam.SessionTagsPrincipal(new iam.ArnPrincipal('arn:aws:iam::210987654321:role/ci')),
    });
  }
}
