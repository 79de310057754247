/**
 * IAM ARN checks for RoleArn, PrincipalArn and PolicyArns[].arn, with a specific reason when the value is wrong in
 * a common way (a user ARN, an assumed-role session ARN, a missing `role/`). Formats: reference §6 ("IAM
 * identifiers", "Amazon Resource Names"); the regexes and the partition list come from the manifest via `IAM`.
 * The STS model itself checks only length and a generic character class for these members.
 */
import { IAM } from '../schema/registry.js';
import type { reasons } from '../messages.js';
import { quote } from './text.js';

export type ArnReason = keyof typeof reasons;

export interface ArnProblem {
  readonly reason: ArnReason;
  readonly data: Readonly<Record<string, string | number>>;
}

/**
 * `re` with every capturing group made non-capturing, for yes/no tests on the fast path: `test()` still fills in
 * the captures (and the RegExp statics), which was a tenth of the role ARN check with a new ARN on every call. Groups
 * only capture, they do not change what matches, unless the pattern refers back to one: then `re` itself is
 * returned. Escapes and character classes are copied as they are (a `(` in `[(]` or `\(` is no group).
 * arn.test.ts checks that each copy agrees with its original on generated strings around every limit.
 */
export function withoutCaptures(re: RegExp): RegExp {
  if (/\\(?:[1-9]|k<)/.test(re.source)) return re;
  const source = re.source.replace(/\\.|\[(?:\\.|[^\]\\])*\]|\((?!\?)/gsu, (m) => (m === '(' ? '(?:' : m));
  return new RegExp(source, re.flags);
}
const ROLE_ARN = withoutCaptures(IAM.roleArn);
const SAML_PROVIDER_ARN = withoutCaptures(IAM.samlProviderArn);
const MANAGED_POLICY_ARN = withoutCaptures(IAM.managedPolicyArn);

/** Example account used in suggestions: the 12-digit placeholder AWS documentation uses. */
const EXAMPLE_ACCOUNT = '123456789012';

/** IAM name characters (roleNameType, policyNameType, SAML provider names: `[\w+=,.@-]`, reference §6). */
const NAME_CHARS = '[\\w+=,.@-]';
const ROLE_NAME = new RegExp(`^${NAME_CHARS}{1,${IAM.roleNameMaxLength}}$`, 'u');
const ANY_NAME = new RegExp(`^${NAME_CHARS}+$`, 'u');
/** Role path segments: printable ASCII U+0021–U+007E between slashes (IAM pathType, reference §6). */
const ROLE_PATH = /^\/(?:[\x21-\x7E]*\/)?$/u;
const POLICY_PATH = /^\/(?:[A-Za-z0-9.,+@=_-]+\/)*$/u;
const ACCOUNT = /^\d{12}$/u;

interface Kind {
  readonly resourceType: 'role' | 'saml-provider' | 'policy';
  readonly what: string;
  readonly expected: string;
  readonly name: RegExp;
  readonly nameRule: string;
  readonly path?: RegExp;
  readonly pathRule?: string;
  readonly awsAccount: boolean;
}

const ROLE: Kind = {
  resourceType: 'role',
  what: 'role',
  expected: 'arn:<partition>:iam::<12-digit account>:role/<optional/path/><role name>',
  name: ROLE_NAME,
  nameRule: `1 to ${IAM.roleNameMaxLength} letters, digits and _+=,.@-`,
  path: ROLE_PATH,
  pathRule: 'printable ASCII between slashes',
  awsAccount: false,
};

const SAML_PROVIDER: Kind = {
  resourceType: 'saml-provider',
  what: 'SAML provider',
  expected: 'arn:<partition>:iam::<12-digit account>:saml-provider/<provider name>',
  name: ANY_NAME,
  nameRule: 'letters, digits and _+=,.@-',
  awsAccount: false,
};

const POLICY: Kind = {
  resourceType: 'policy',
  what: 'managed policy',
  expected: 'arn:<partition>:iam::<12-digit account or "aws">:policy/<optional/path/><policy name>',
  name: ANY_NAME,
  nameRule: 'letters, digits and _+=,.@-',
  path: POLICY_PATH,
  pathRule: 'letters, digits and .,+@=_- between slashes',
  awsAccount: true,
};

const partitions = (): string => IAM.partitions.join(', ');

function diagnose(value: string, kind: Kind): ArnProblem {
  const expected = kind.expected;
  const m = IAM.anyArn.exec(value);
  if (!m) {
    if (kind.resourceType === 'role' && ROLE_NAME.test(value)) {
      return {
        reason: 'roleNameOnly',
        data: { suggestion: `arn:aws:iam::${EXAMPLE_ACCOUNT}:role/${value}` },
      };
    }
    return { reason: 'notAnArn', data: { expected } };
  }
  const [, partition = '', service = '', region = '', account = '', resource = ''] = m;
  if (kind.resourceType === 'role') {
    const assumed = IAM.assumedRoleArn.exec(value);
    if (assumed) {
      return {
        reason: 'assumedRoleArn',
        data: { suggestion: `arn:${assumed[1]}:iam::${assumed[2]}:role/${assumed[3]}` },
      };
    }
    if (IAM.userArn.test(value)) {
      return {
        reason: 'userArn',
        data: { found: resource, suggestion: `arn:${partition}:iam::${account}:role/<role name>` },
      };
    }
  }
  if (!IAM.partitions.includes(partition)) {
    return { reason: 'unknownPartition', data: { found: quote(partition), partitions: partitions() } };
  }
  if (service !== 'iam') return { reason: 'wrongService', data: { found: quote(service), expected } };
  if (region !== '') return { reason: 'regionNotEmpty', data: { found: quote(region), expected } };
  if (!ACCOUNT.test(account) && !(kind.awsAccount && account === 'aws')) {
    return { reason: 'badAccount', data: { found: quote(account), expected } };
  }
  const prefix = `${kind.resourceType}/`;
  if (!resource.startsWith(prefix)) {
    if (kind.resourceType === 'role' && ROLE_NAME.test(resource)) {
      return {
        reason: 'missingRolePrefix',
        data: { suggestion: `arn:${partition}:iam::${account}:role/${resource}` },
      };
    }
    const slash = resource.indexOf('/');
    const found = slash === -1 ? resource : resource.slice(0, slash);
    return { reason: 'wrongResourceType', data: { found: quote(found), resourceType: kind.resourceType, expected } };
  }
  const rest = resource.slice(kind.resourceType.length);
  const lastSlash = rest.lastIndexOf('/');
  const path = rest.slice(0, lastSlash + 1);
  const name = rest.slice(lastSlash + 1);
  if (kind.path) {
    if (!kind.path.test(path)) return { reason: 'badPath', data: { found: quote(path), rule: kind.pathRule ?? '' } };
  } else if (path !== '/') {
    return { reason: 'badName', data: { found: quote(rest.slice(1)), what: kind.what, rule: kind.nameRule } };
  }
  if (!kind.name.test(name)) return { reason: 'badName', data: { found: quote(name), what: kind.what, rule: kind.nameRule } };
  // Every part looks right on its own, yet the manifest's regex disagrees (a managed policy name over IAM's length
  // limit, for one): say so without guessing which part.
  return { reason: 'formatMismatch', data: { expected } };
}

/** `undefined` when `value` is an IAM role ARN. */
export function roleArnProblem(value: string): ArnProblem | undefined {
  // test(), not exec(), and without captures: this runs on every fast-path call with an ARN not remembered, and
  // the match array cost as much as the match. In a matching ARN no part before the path holds a '/', and the role
  // name holds none, so the path runs from the first '/' to the last.
  if (!ROLE_ARN.test(value)) return diagnose(value, ROLE);
  // The path is part of the text, so a text no longer than the limit has a path within it: most ARNs skip the two
  // searches below (a fifth of this function's cost).
  if (value.length <= IAM.rolePathMaxLength) return undefined;
  const pathLength = value.lastIndexOf('/') - value.indexOf('/') + 1;
  return pathLength > IAM.rolePathMaxLength
    ? { reason: 'pathTooLong', data: { actual: pathLength, limit: IAM.rolePathMaxLength } }
    : undefined;
}

/** The role name of a valid role ARN (for the AWSReservedSSO_ check). */
export function roleNameOf(value: string): string | undefined {
  const m = IAM.roleArn.exec(value);
  return m ? m[4] : undefined;
}

/** `undefined` when `value` is an IAM SAML provider ARN. */
export function samlProviderArnProblem(value: string): ArnProblem | undefined {
  return SAML_PROVIDER_ARN.test(value) ? undefined : diagnose(value, SAML_PROVIDER);
}

/** `undefined` when `value` is an IAM managed policy ARN (customer managed, or AWS managed with account `aws`). */
export function policyArnProblem(value: string): ArnProblem | undefined {
  return MANAGED_POLICY_ARN.test(value) ? undefined : diagnose(value, POLICY);
}

/** True when the problem means "this is not ARN-shaped at all", where STS answers "<value> is invalid". */
export function isMalformedArn(problem: ArnProblem): boolean {
  return problem.reason === 'notAnArn' || problem.reason === 'roleNameOnly';
}
