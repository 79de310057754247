import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';

export class DeployStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    new iam.Role(this, 'Deployer', {
      roleName: 'cdk-deployer',
      assumedBy: new iam.AccountPrincipal('210987654321'),
      externalIds: ['ci-7f3a'],
      maxSessionDuration: Duration.hours(2),
    });
  }
}
