/**
 * DATA: the flags of `aws sts assume-role*` and the AWS CLI's global options. Nothing but tables.
 *
 * Sources: the STS service model botocore ships (`botocore/data/sts/2011-06-15/service-2.json`,
 * the input shapes AssumeRoleRequest, AssumeRoleWithWebIdentityRequest, AssumeRoleWithSAMLRequest),
 * from which the AWS CLI derives one `--kebab-case` flag per member (`awscli/clidriver.py`,
 * `xform_name`), and the global options in `awscli/data/cli.json` (aws/aws-cli v2). Examples:
 * `awscli/examples/sts/assume-role.rst`. `--minimum-session-token-size` is the flag of the member the newest
 * model adds to all three operations (`model-update-2026-10.md`, folded into schemas/source). Whether a member takes a list (nargs `+`, so
 * `--tags A B`) follows from its shape type in the model.
 */
import type { Operation, StsMember } from '@rolecall/core';

/** The CLI's name of each operation. */
export const OPERATION_OF: Readonly<Record<string, Operation>> = {
  'assume-role': 'AssumeRole',
  'assume-role-with-web-identity': 'AssumeRoleWithWebIdentity',
  'assume-role-with-saml': 'AssumeRoleWithSAML',
};

/** Each operation's request members, in model order, as `[flag, member]`. */
export const FLAGS: Readonly<Record<Operation, readonly (readonly [flag: string, member: StsMember])[]>> = {
  AssumeRole: [
    ['--role-arn', 'RoleArn'],
    ['--role-session-name', 'RoleSessionName'],
    ['--policy-arns', 'PolicyArns'],
    ['--policy', 'Policy'],
    ['--duration-seconds', 'DurationSeconds'],
    ['--tags', 'Tags'],
    ['--transitive-tag-keys', 'TransitiveTagKeys'],
    ['--external-id', 'ExternalId'],
    ['--serial-number', 'SerialNumber'],
    ['--token-code', 'TokenCode'],
    ['--source-identity', 'SourceIdentity'],
    ['--provided-contexts', 'ProvidedContexts'],
    ['--minimum-session-token-size', 'MinimumSessionTokenSize'],
  ],
  AssumeRoleWithWebIdentity: [
    ['--role-arn', 'RoleArn'],
    ['--role-session-name', 'RoleSessionName'],
    ['--web-identity-token', 'WebIdentityToken'],
    ['--provider-id', 'ProviderId'],
    ['--policy-arns', 'PolicyArns'],
    ['--policy', 'Policy'],
    ['--duration-seconds', 'DurationSeconds'],
    ['--minimum-session-token-size', 'MinimumSessionTokenSize'],
  ],
  AssumeRoleWithSAML: [
    ['--role-arn', 'RoleArn'],
    ['--principal-arn', 'PrincipalArn'],
    ['--saml-assertion', 'SAMLAssertion'],
    ['--policy-arns', 'PolicyArns'],
    ['--policy', 'Policy'],
    ['--duration-seconds', 'DurationSeconds'],
    ['--minimum-session-token-size', 'MinimumSessionTokenSize'],
  ],
};

/** Members whose shape is a list: the flag takes one or more words. */
export const LIST_MEMBERS: ReadonlySet<StsMember> = new Set<StsMember>(['PolicyArns', 'Tags', 'TransitiveTagKeys', 'ProvidedContexts']);

/** Members whose list items are structures, with the structure's member names. */
export const STRUCTURE_KEYS: Readonly<Partial<Record<StsMember, readonly string[]>>> = {
  PolicyArns: ['arn'],
  Tags: ['Key', 'Value'],
  ProvidedContexts: ['ProviderArn', 'ContextAssertion'],
};

/** Flags every operation command has besides its members (cli.json and the generated skeleton options). */
export const COMMAND_OPTIONS_WITH_VALUE: readonly string[] = ['--cli-input-json', '--cli-input-yaml', '--generate-cli-skeleton'];

/** Global options that take a value (cli.json). */
export const GLOBAL_WITH_VALUE: readonly string[] = [
  '--endpoint-url',
  '--output',
  '--query',
  '--profile',
  '--region',
  '--color',
  '--ca-bundle',
  '--cli-read-timeout',
  '--cli-connect-timeout',
  '--cli-binary-format',
];

/** Global options that take no value (cli.json). */
export const GLOBAL_SWITCHES: readonly string[] = [
  '--debug',
  '--no-verify-ssl',
  '--no-paginate',
  '--no-sign-request',
  '--no-cli-pager',
  '--cli-auto-prompt',
  '--no-cli-auto-prompt',
  '--version',
];
