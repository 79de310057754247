/**
 * What a value left as a placeholder looks like, as data for `no-placeholder-values`: the example
 * accounts the AWS documentation uses (each with the page that uses it), the paths where example
 * values belong (documentation, examples, test fixtures), and the shapes of a slot left unfilled.
 * Add an account only with a page of the AWS documentation that uses it as an example.
 */

export interface DocumentationAccount {
  readonly account: string;
  /** An AWS documentation page that uses the account as an example. */
  readonly source: string;
}

export const DOCUMENTATION_ACCOUNTS: readonly DocumentationAccount[] = [
  // The STS and IAM API references (`arn:aws:iam::123456789012:role/demo`), the AWS SDK code library.
  { account: '123456789012', source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html' },
  // The IAM User Guide's cross-account examples: the trusting and the trusted account.
  { account: '111122223333', source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_aws-accounts.html' },
  { account: '444455556666', source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_aws-accounts.html' },
  { account: '777788889999', source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html' },
  // The Accounts reference: "A 12-digit number, such as 012345678901".
  { account: '012345678901', source: 'https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-identifiers.html' },
];

export const DOCUMENTATION_ACCOUNT_SET: ReadonlySet<string> = new Set(DOCUMENTATION_ACCOUNTS.map((a) => a.account));

/**
 * Where example values belong, as globs relative to the lint root (the directory the CLI runs in):
 * documentation, examples and test fixtures. The rule is off there unless the `skipPaths` option
 * says otherwise.
 */
export const EXAMPLE_PATHS: readonly string[] = [
  '**/docs/**',
  '**/doc/**',
  '**/examples/**',
  '**/example/**',
  '**/test/**',
  '**/tests/**',
  '**/__tests__/**',
  '**/fixtures/**',
  '**/__fixtures__/**',
  '**/testdata/**',
];

/** A placeholder found in a value: where (indices into the decoded string) and why it is one. */
export interface PlaceholderHit {
  readonly start: number;
  readonly end: number;
  /** `documentation-account` or why the text reads as a slot left unfilled. */
  readonly kind: 'documentation-account' | 'placeholder';
  readonly why: string;
}

const WHY = {
  name: 'a name written where the value belongs',
  slot: 'a <…> slot to fill in',
  template: 'a {{…}} template slot that nothing fills in this file',
  marker: 'a marker of a value still to be filled in',
  xs: 'a row of x standing for the real characters',
  account: 'an ARN names its account with 12 digits',
} as const;

/** `ROLE_ARN`, `YOUR_ACCOUNT_ID`: an upper-case name with at least one `_`. */
const UPPER_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
/**
 * Words that make an upper-case name a placeholder in a free-text member (an external id may be
 * `PROD_CI`, but `EXTERNAL_ID` or `YOUR_SESSION_NAME` stands for a value).
 */
const SLOT_WORDS = new Set(['ARN', 'ACCOUNT', 'ID', 'YOUR', 'MY', 'EXTERNAL', 'SESSION', 'NAME', 'ROLE', 'SERIAL', 'MFA', 'SOURCE', 'IDENTITY', 'PRINCIPAL', 'PROVIDER', 'VALUE', 'HERE']);

// Every pattern is bounded or has no nested repetition, so a scan is linear in the value's length.
const PATTERNS: readonly { readonly re: RegExp; readonly why: string }[] = [
  { re: /__[A-Z][A-Z0-9_]{0,40}?__/g, why: WHY.marker },
  { re: /(?<![A-Za-z0-9])(?:TODO|FIXME|TBD|FILL_IN|FILL_ME_IN)(?![A-Za-z0-9])/g, why: WHY.marker },
  { re: /(?<![A-Za-z0-9])(?:change[-_]?me|replace[-_]?me)(?![A-Za-z0-9])/gi, why: WHY.marker },
  { re: /<[A-Za-z][\w .-]{0,63}>/g, why: WHY.slot },
  { re: /\{\{[^{}]{0,100}\}\}/g, why: WHY.template },
  { re: /(?<![A-Za-z0-9])[xX]{4,}(?![A-Za-z0-9])/g, why: WHY.xs },
];

/** `arn:<partition>:<service>:<region>:<account>:…`: where the account field is. */
const ARN_ACCOUNT = /^arn:[^:]*:[^:]*:[^:]*:([^:]*):/;

/**
 * The first placeholder in a value. `arn` says the member holds an ARN (its account field is
 * checked, and any upper-case name is a placeholder); `whole` says the value is the whole member
 * (not the text part of a template), so a name standing for the whole value can be told.
 */
export function findPlaceholder(value: string, options: { readonly arn: boolean; readonly whole: boolean }): PlaceholderHit | undefined {
  if (options.whole && UPPER_NAME.test(value) && (options.arn || value.split('_').some((w) => SLOT_WORDS.has(w)))) {
    return { start: 0, end: value.length, kind: 'placeholder', why: WHY.name };
  }
  if (options.arn) {
    const m = ARN_ACCOUNT.exec(value);
    if (m !== null) {
      const account = m[1]!;
      const start = m[0].length - 1 - account.length;
      if (DOCUMENTATION_ACCOUNT_SET.has(account)) return { start, end: start + account.length, kind: 'documentation-account', why: '' };
      // `aws` (managed policies) and an empty field (S3) are real; letters in the field are a slot.
      if (account !== 'aws' && /[A-Za-z<>{}_]/.test(account)) return { start, end: start + account.length, kind: 'placeholder', why: placeholderWhy(account) };
    }
  }
  let first: PlaceholderHit | undefined;
  for (const { re, why } of PATTERNS) {
    re.lastIndex = 0;
    const m = re.exec(value);
    if (m !== null && (first === undefined || m.index < first.start)) first = { start: m.index, end: m.index + m[0].length, kind: 'placeholder', why };
  }
  return first;
}

/** Why an ARN's account field that is not digits reads as a slot: its own shape when it has one. */
function placeholderWhy(account: string): string {
  for (const { re, why } of PATTERNS) {
    re.lastIndex = 0;
    if (re.test(account)) return why;
  }
  return UPPER_NAME.test(account) ? WHY.name : WHY.account;
}
