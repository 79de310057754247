// Type-checked with tsc against the shipped .d.ts files only (skipLibCheck off, no @types), in node16 and
// bundler resolution.
import { validateAssumeRole, type AssumeRoleInput, type Issue, type ValidationResult } from '@rolecall/validators';
import { RolecallValidationError, rolecallPlugin, type RolecallPluggable, type RolecallPluginOptions } from '@rolecall/sdk-plugin';
import { lintText, type LintRun } from 'rolecall';

const input: AssumeRoleInput = { RoleArn: 'arn:aws:iam::123456789012:role/deploy', RoleSessionName: 'deploy-session' };
const result: ValidationResult = validateAssumeRole(input);
const codes: string[] = result.issues.map((issue: Issue) => issue.code);

const options: RolecallPluginOptions = { maxSessionDuration: 3600 };
const plugin: RolecallPluggable = rolecallPlugin(options);
const error = new RolecallValidationError('AssumeRole', result.issues);
const first: Issue | undefined = error.issues[0];

const run: Promise<LintRun> = lintText('{}', { filePath: 'assume-role.json' });
export { codes, first, plugin, run };
