/**
 * The normalized call model. Every extractor (JSON input files today; Terraform, GitHub Actions,
 * CloudFormation, AWS config, shell and TS/JS later) turns its syntax into `AssumeRoleCall`s, and
 * rules read only these. Nothing here knows about any file format.
 */

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
  | 'SAMLAssertion';

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
 * such as a policy inside a JSON string (`"{\"Version\":…}"`) or a YAML block scalar is not laid
 * out 1:1 in the file. `toSource(value.length)` must give the offset just past the last character.
 */
export interface OffsetMap {
  toSource(index: number): number;
}

interface NodeBase {
  /** The whole value as written, including quotes or delimiters. */
  readonly span: Span;
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
  readonly definition?: { readonly file: string; readonly span: Span };
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

/** Facts about the call site that are not request members. Unknown facts are left out. */
export interface CallContext {
  /** Whether the caller uses role credentials (role chaining caps DurationSeconds at 3600). */
  readonly roleChaining?: boolean;
  /** The target role's MaxSessionDuration when known. */
  readonly maxSessionDuration?: number;
  /** Transitive tag keys the calling session already carries. */
  readonly inheritedTransitiveTagKeys?: readonly string[];
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
