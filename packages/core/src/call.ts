/**
 * The normalized call model. Every extractor (JSON input files today; Terraform, GitHub Actions,
 * CloudFormation, AWS config, shell and TS/JS later) turns its syntax into `AssumeRoleCall`s, and
 * rules read only these. Nothing here knows about any file format.
 */

import type { CallSettings } from './settings.js';

/** The STS operations rolecall understands. */
export type Operation = 'AssumeRole' | 'AssumeRoleWithWebIdentity' | 'AssumeRoleWithSAML';

export const OPERATIONS: readonly Operation[] = ['AssumeRole', 'AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML'];

/** Request members of the three operations, spelled exactly as the STS API spells them. */
export type StsMember =
  | 'RoleArn'
  | 'RoleSessionName'
  | 'PolicyArns'
  | 'Policy'
  | 'DurationSeconds'
  | 'Tags'
  | 'TransitiveTagKeys'
  | 'ExternalId'
  | 'SerialNumber'
  | 'TokenCode'
  | 'SourceIdentity'
  | 'ProvidedContexts'
  | 'WebIdentityToken'
  | 'ProviderId'
  | 'PrincipalArn'
  | 'SAMLAssertion'
  | 'MinimumSessionTokenSize';

/**
 * Every request member of the three operations, as a runtime set. Core stands alone, so this list
 * is written here once; `test/sts-members.test.ts` proves it equals the members of the generated
 * schemas, so it cannot drift from the reference.
 */
export const STS_MEMBERS: ReadonlySet<string> = new Set<StsMember>([
  'RoleArn',
  'RoleSessionName',
  'PolicyArns',
  'Policy',
  'DurationSeconds',
  'Tags',
  'TransitiveTagKeys',
  'ExternalId',
  'SerialNumber',
  'TokenCode',
  'SourceIdentity',
  'ProvidedContexts',
  'WebIdentityToken',
  'ProviderId',
  'PrincipalArn',
  'SAMLAssertion',
  'MinimumSessionTokenSize',
]);

/** Whether a key is an STS request member name. */
export function isStsMember(name: string): name is StsMember {
  return STS_MEMBERS.has(name);
}

/**
 * A half-open range of UTF-16 code-unit offsets into the file text: `[start, end)`.
 * Offsets are what JS strings, jsonc-parser, yaml and typescript-estree all report, so extractors
 * never convert; `LineIndex` turns them into 1-based lines and columns in one place.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Maps an index inside a decoded string value to an offset in the file. Needed because a value
 * such as a policy inside a JSON string (`"{\"Version\":…}"`), a YAML block scalar or a shell word
 * with quotes is not laid out 1:1 in the file.
 *
 * It is plain data (no methods), so a call extracted in a worker thread reaches the main thread
 * intact through structured cloning: `table[i]` is the file offset of decoded index `i`, and
 * `table[value.length]` the offset just past the last character. Read it with `toSource`.
 */
export interface OffsetMap {
  readonly table: ArrayLike<number>;
}

/** Builds an `OffsetMap` from a table (`table.length` must be the decoded length + 1). */
export function offsetMap(table: ArrayLike<number>): OffsetMap {
  return { table };
}

/**
 * The file offset of decoded index `index` through a map; indices are clamped to the table, and a
 * non-finite index counts as 0, so a rule's arithmetic mistake never throws here.
 */
export function toSource(map: OffsetMap, index: number): number {
  const last = map.table.length - 1;
  if (last < 0) return 0;
  const i = Number.isFinite(index) ? Math.min(Math.max(Math.floor(index), 0), last) : 0;
  return map.table[i] as number;
}

/**
 * How a literal was written, when its text is not simply the value: `duration = "13h"` (a Go
 * duration giving 46800), `role-duration-seconds: 1h` (configure-aws-credentials' `parseInt` gives
 * 1), `Duration.hours(13)`, `60 * 60 * 13`, a quoted `"1800"` that CloudFormation coerces. Core
 * uses it to speak the user's spelling in every message about the value.
 */
export interface Written {
  /** The source text of the value exactly as written (quotes included when the source has them). */
  readonly text: string;
  /**
   * How the tool reading the file turns that text into the value, in words that finish the
   * sentence "…, which ": `configure-aws-credentials reads with parseInt, stopping at "h"`.
   * Absent when the conversion is the obvious one (a Go duration, a CDK `Duration`).
   */
  readonly conversion?: string;
  /**
   * The unit the user wrote the value in, when the member is a duration in seconds: messages then
   * give limits in that unit too (`15m to 12h`). `go-duration` is Terraform's `15m`/`12h` form.
   */
  readonly unit?: DurationUnit;
}

/** Units in which users write session durations (see `Written.unit`). */
export type DurationUnit = 'seconds' | 'minutes' | 'hours' | 'go-duration';

/** A place in a file, as rules and extractors give it; core turns it into line and column. */
export interface FileSpan {
  /** Repository-relative POSIX path, as in `AssumeRoleCall.file`. */
  readonly file: string;
  readonly span: Span;
}

/** A related location as a rule or extractor gives it: a message and a `{file, span}`. */
export interface RelatedSpan extends FileSpan {
  readonly message: string;
}

interface NodeBase {
  /** The whole value as written, including quotes or delimiters (at the use, for a resolved value). */
  readonly span: Span;
  /** Set when the value was resolved from a definition elsewhere (see `ValueOrigin`). */
  readonly definedAt?: ValueOrigin;
  /**
   * Set on a value read from another file of the repository (`--policy file://policy.json`): this
   * node's spans and offsets are in `file`, and `readAt` is the reference in the call's file. A
   * finding on it is reported in that file, with the reference as a related location.
   */
  readonly fromFile?: { readonly file: string; readonly readAt: Span };
}

/** A value known exactly. */
export interface LiteralNode extends NodeBase {
  readonly kind: 'literal';
  readonly value: string | number | boolean | null;
  /**
   * For strings: maps decoded indices to file offsets. Absent when the string's content starts at
   * `span.start + 1` with no escapes (then index i is at `span.start + 1 + i`).
   */
  readonly offsets?: OffsetMap;
  /** How the value was written, when the text is not simply the value (see `Written`). */
  readonly written?: Written;
}

export interface ArrayNode extends NodeBase {
  readonly kind: 'array';
  readonly items: readonly ValueNode[];
}

export interface ObjectEntry {
  /** The key as written (decoded), e.g. `Key` or `arn`. */
  readonly key: string;
  readonly keySpan: Span;
  readonly value: ValueNode;
}

export interface ObjectNode extends NodeBase {
  readonly kind: 'object';
  readonly entries: readonly ObjectEntry[];
}

/** A string assembled from known text and unknown holes: `${var.x}`, `!Sub`, `${{ github.ref }}`, JS templates. */
export interface TemplateNode extends NodeBase {
  readonly kind: 'template';
  readonly parts: readonly TemplatePart[];
}

export type TemplatePart =
  | { readonly kind: 'text'; readonly value: string; readonly span: Span }
  | { readonly kind: 'hole'; readonly expression: string; readonly span: Span };

/** A value the extractor cannot resolve (a variable, parameter, environment variable, function call). */
export interface ReferenceNode extends NodeBase {
  readonly kind: 'reference';
  /** The expression as written, e.g. `var.session_name` or `$ROLE_ARN`. */
  readonly text: string;
  /** Where the referenced thing is defined, if the extractor knows (becomes a related location). */
  readonly definition?: FileSpan;
  /**
   * When the reference is to an IAM role defined in the repository (Terraform `aws_iam_role.x.arn`,
   * CloudFormation `!GetAtt X.Arn`, CDK `role.roleArn`): the role's handle as listed in
   * `RoleDefinition.handles`, so cross-file rules can match the call to the role.
   */
  readonly refersTo?: string;
}

/**
 * Where a value came from when it is defined in another place than where it is used: a Terraform
 * variable default or tfvars entry, a CloudFormation parameter `Default`, a workflow `env:` entry.
 * Set by the extractor or the project pass on the value it resolved; a finding on the value is
 * reported at the use with the definition as a related location.
 */
export interface ValueOrigin extends FileSpan {
  /** What the definition is, in the user's terms: `variable "duration" default`, `env ROLE_ARN`. */
  readonly description: string;
}

/**
 * A value the tool itself supplies when the user writes nothing (configure-aws-credentials'
 * default session name `GitHubActions`, the session tags it adds). `span` is the place that
 * implies it (e.g. the `uses:` line of the step).
 */
export interface ImplicitNode extends NodeBase {
  readonly kind: 'implicit';
  readonly value: LiteralNode | ArrayNode | ObjectNode;
  /** Who supplies the value, in words: "configure-aws-credentials default". */
  readonly origin: string;
}

export type ValueNode = LiteralNode | ArrayNode | ObjectNode | TemplateNode | ReferenceNode | ImplicitNode;

/** One STS request member as found in the source. */
export interface CallParameter {
  readonly member: StsMember;
  /** The key exactly as the user wrote it (`role-session-name`, `session_name`, `RoleSessionName`). */
  readonly key: string;
  /** Where the key is written; absent for implicit parameters. */
  readonly keySpan?: Span;
  readonly value: ValueNode;
}

/**
 * Facts about the call site that are not request members. Unknown facts are left out. The keys
 * are the settings declared once in `settings.ts` (a call's own fact wins over the config's).
 */
export type CallContext = CallSettings & {
  /**
   * For a link of a role chain: where the chain starts (the step, profile or block whose session
   * this call's source credentials are). Rules about chaining give it as a related location.
   */
  readonly chainedFrom?: RelatedSpan;
};

/**
 * Something the extractor saw that only its syntax shows (the action's `parseInt("1h")`, an inline
 * `# comment` inside an AWS config value, an input the pinned action version does not have, a
 * duplicate section). Rules never see syntax: extractor-owned rules read these facts by `kind`
 * (`meta.facts`), so each such check has a rule id, docs, a severity and suppressions.
 */
export interface Fact {
  /** Namespaced by extractor: `github-actions/unknown-input`, `aws-config/inline-comment`. */
  readonly kind: string;
  /** Where to report. */
  readonly span: Span;
  /** Values for the rule's message (already quoted/escaped where they come from the file). */
  readonly data?: Readonly<Record<string, string | number>>;
  readonly related?: readonly RelatedSpan[];
}

export interface AssumeRoleCall {
  /** Stable within one file (`<extractor>:<n>`), used for fingerprints. */
  readonly id: string;
  /** Repository-relative POSIX path (or `<stdin>` / the --stdin-filename). */
  readonly file: string;
  /** Extractor id, e.g. `input-json`. */
  readonly extractor: string;
  /** Kind of call site, e.g. `cli-input-json`, `sdk-v3-command`, `terraform-provider`. */
  readonly kind: string;
  readonly operation: Operation;
  /** The whole call site (the JSON object, the step, the block). */
  readonly span: Span;
  /** Parameters in source order. A member appears at most once. */
  readonly parameters: readonly CallParameter[];
  /**
   * Keys the extractor read in a request object that are not STS members (typos such as
   * `RoleSesionName`), in source order, so rules can report them. Only extractors that read whole
   * input objects (input JSON, SDK objects) fill this; absent means "not known", not "none".
   */
  readonly unknownKeys?: readonly UnknownKey[];
  readonly context?: CallContext;
  /** Syntax-level facts about this call for extractor-owned rules (see `Fact`). */
  readonly facts?: readonly Fact[];
}

/** A key in a request object that names no STS member. */
export interface UnknownKey {
  readonly key: string;
  readonly keySpan: Span;
  readonly value: ValueNode;
}

/** Looks up one parameter of a call. */
export function getParameter(call: AssumeRoleCall, member: StsMember): CallParameter | undefined {
  return call.parameters.find((p) => p.member === member);
}
