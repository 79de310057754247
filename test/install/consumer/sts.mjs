// @rolecall/sdk-plugin on the real STSClient, against the endpoint given as argv[2] (a local test server).
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { RolecallValidationError, rolecallPlugin } from '@rolecall/sdk-plugin';

const sts = new STSClient({
  region: 'us-east-1',
  endpoint: process.argv[2],
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret-example' },
  maxAttempts: 1,
});
sts.middlewareStack.use(rolecallPlugin());
const RoleArn = 'arn:aws:iam::123456789012:role/deploy';

let invalid;
try {
  await sts.send(new AssumeRoleCommand({ RoleArn, RoleSessionName: 'feature/login page' }));
  invalid = 'sent';
} catch (err) {
  invalid = err instanceof RolecallValidationError ? err.issues.map((i) => `${i.code} ${i.path}`) : `unexpected: ${err}`;
}
const valid = await sts.send(new AssumeRoleCommand({ RoleArn, RoleSessionName: 'deploy-session' }));
console.log(JSON.stringify({ invalid, validKey: valid.Credentials?.AccessKeyId }));
