import type { AssumeRoleCall, Operation, Rule, RuleContext, Severity, StsMember } from '@rolecall/core';
import { getParameter, isStsMember, materializeCall } from '@rolecall/core';
import type { Issue, IssueCode, IssueSeverity } from '@rolecall/validators';
import { knownPartIssues } from './known-parts.js';
import { messagesFor } from './messages.js';
import { validateCall, validateInput, type CallValidation } from './validation.js';

export interface ParameterRuleSpec {
  /** Kebab-case; equals the folder name. */
  readonly id: string;
  /** One sentence; the first line of the README. */
  readonly description: string;
  /** URL of the AWS page or API shape the rule enforces. */
  readonly awsSource: string;
  /** One line on how to fix. */
  readonly help: string;
  /**
   * Request members whose issues the rule reports (also `meta.parameters`, so the engine skips calls
   * without them). Empty: issues about any member, and the rule runs on every call.
   */
  readonly parameters: readonly StsMember[];
  /** Validator issue codes the rule reports; `meta.messages` holds exactly their templates. */
  readonly codes: readonly IssueCode[];
  readonly operations?: readonly Operation[];
  /** Default `problem`. */
  readonly type?: 'problem' | 'suggestion';
  /** Default `error`. */
  readonly defaultSeverity?: Severity;
  /** Default true. */
  readonly recommended?: boolean;
  readonly experimental?: boolean;
  /**
   * A check across members or against settings (role chaining, inherited tags): runs only when
   * every member in `parameters` that the call has is fully known, because the validator sees an
   * unknown member as absent and would otherwise report, e.g., a TransitiveTagKeys entry "not in
   * Tags" when Tags is only a variable. Semantic rules never check template fragments.
   */
  readonly semantic?: boolean;
  /**
   * For a semantic rule that depends only on which members are present (TokenCode with
   * SerialNumber): a member whose value is unknown still counts as present, so the rule runs with
   * a stand-in for it instead of being skipped. Only the rule's own codes are kept, so what the
   * validators say about the stand-in's value is dropped.
   */
  readonly presence?: boolean;
  /**
   * Which validator findings to keep by their certainty: `verified` (issue severity `error`: STS is
   * known to reject), `unverified` (issue severity `warning`: the source is not settled), or `any`.
   * Default `any`. Lets one fact family be split into an error rule and a warning rule.
   */
  readonly certainty?: 'verified' | 'unverified' | 'any';
  /**
   * Report findings about a whole member at its key (`"ExternalId"`) rather than its value: for
   * findings that the member should not be there at all.
   */
  readonly atKey?: boolean;
  /** A further filter, e.g. only top-level `missingRequired` issues. */
  readonly keep?: (issue: Issue) => boolean;
}

const CERTAINTY: Readonly<Record<NonNullable<ParameterRuleSpec['certainty']>, readonly IssueSeverity[]>> = {
  verified: ['error'],
  unverified: ['warning'],
  any: ['error', 'warning'],
};

/** The first token of an issue path (`/Tags/3/Key` → `Tags`). */
export function memberOfPath(path: string): string {
  const slash = path.indexOf('/', 1);
  return (slash < 0 ? path.slice(1) : path.slice(1, slash)).replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Whether an issue is about a whole member (`/RoleArn`) rather than something inside it (`/Tags/0/Key`). */
export function isTopLevel(issue: Issue): boolean {
  return issue.path.lastIndexOf('/') === 0;
}

/**
 * Excludes the finding that a whole member is not accepted by the operation (`Tags` in an
 * AssumeRoleWithWebIdentity input): that is `no-unknown-parameters`' to report, while a misspelt
 * field inside a member (`Tags[0].key`) stays with the member's own rule.
 */
export function notUnknownMember(issue: Issue): boolean {
  return issue.code !== 'unknownParameter' || !isTopLevel(issue);
}

/**
 * Builds a thin rule over `@rolecall/validators`: the call is materialized and validated once
 * (shared by every rule, see `validateCall`), and the rule reports the issues whose code and
 * member are its own, in the words of the validators' `messages` table, at the issue's JSON
 * Pointer narrowed by its `range`. Values that are not known are not guessed: members holding a
 * reference are skipped, and templates are checked only on their literal text (`knownPartIssues`).
 */
/** A rule built by `parameterRule`: it can say whether a validator issue is one it reports. */
export interface ValidatorRule extends Rule {
  /** Whether this rule reports `issue` (its code, member, certainty and filter match). */
  owns(issue: Issue): boolean;
}

export function parameterRule(spec: ParameterRuleSpec): ValidatorRule {
  const members = new Set<string>(spec.parameters);
  const codes = new Set<string>(spec.codes);
  const severities = CERTAINTY[spec.certainty ?? 'any'];
  const wanted = (issue: Issue): boolean =>
    codes.has(issue.code) &&
    (members.size === 0 || members.has(issue.parameter)) &&
    severities.includes(issue.severity) &&
    (spec.keep === undefined || spec.keep(issue));

  return {
    id: spec.id,
    owns: wanted,
    meta: {
      type: spec.type ?? 'problem',
      docs: { description: spec.description, recommended: spec.recommended ?? true, awsSource: spec.awsSource },
      defaultSeverity: spec.defaultSeverity ?? 'error',
      parameters: spec.parameters,
      ...(spec.operations !== undefined ? { operations: spec.operations } : {}),
      messages: messagesFor(spec.codes),
      help: spec.help,
      ...(spec.experimental === true ? { experimental: true } : {}),
    },
    check(call: AssumeRoleCall, context: RuleContext): void {
      const validation = validateCall(call, context.settings);
      const unknown = validation.unknownMembers;
      if (spec.semantic === true && spec.parameters.some((m) => unknown.has(m))) {
        if (spec.presence === true) {
          for (const issue of validatePresence(call, validation)) if (wanted(issue)) reportIssue(call, context, issue);
        }
        return;
      }
      for (const issue of validation.issues) {
        // A failure of the validators themselves must not pass as "no findings": throwing makes the
        // engine report an internal-error for this rule and call, and the run goes on.
        if (issue.code === 'internalError' && (members.size === 0 || members.has(issue.parameter) || issue.path === '')) {
          throw new Error(issue.message);
        }
        // An unknown member was left out of the validated input; whatever the validator says
        // about its absence (missing, or a cross-member finding) is not a finding.
        if (unknown.has(memberOfPath(issue.path) as StsMember) || unknown.has(issue.parameter as StsMember)) continue;
        if (wanted(issue)) reportIssue(call, context, issue, spec.atKey === true && isTopLevel(issue) ? keyAnchor(call, issue.parameter) : undefined);
      }
      if (spec.semantic === true) return;
      for (const member of spec.parameters) {
        if (!unknown.has(member)) continue;
        for (const found of knownPartIssues(call, member, validation.options)) {
          if (wanted(found.issue)) reportIssue(call, context, found.issue, found.anchor);
        }
      }
    },
  };
}

/** A stand-in node covering the key of a member or of an unknown key, to report at. */
function keyAnchor(call: AssumeRoleCall, key: string): Anchor {
  const parameter = call.parameters.find((p) => p.member === key);
  const span = parameter?.keySpan ?? call.unknownKeys?.find((k) => k.key === key)?.keySpan;
  return span === undefined ? undefined : { kind: 'literal', span, value: key };
}

/** The call validated with `null` standing in for each unknown member (present, value unknown). */
function validatePresence(call: AssumeRoleCall, validation: CallValidation): readonly Issue[] {
  const input: Record<string, unknown> = { ...materializeCall(call).input };
  for (const member of validation.unknownMembers) input[member] = null;
  return validateInput(call.operation, input, validation.options);
}

/** Where a known-part finding is: a stand-in literal for a template fragment (see `knownPartIssues`). */
export type Anchor = Parameters<RuleContext['report']>[0]['node'];

/**
 * Reports one validator issue: by messageId = issue code, with the issue's data, except that the
 * parameter is named as the user wrote it (`role-session-name`, `tags[3].Key`), at the issue's path
 * (the engine resolves it to the value node) narrowed by its range inside the string.
 */
export function reportIssue(call: AssumeRoleCall, context: RuleContext, issue: Issue, anchor?: Anchor): void {
  const member = issue.parameter as StsMember;
  const parameter = getParameter(call, member);
  const data: Record<string, string | number> = { ...issue.data };
  const written = parameter?.key ?? issue.parameter;
  const named = typeof data.parameter === 'string' ? data.parameter : issue.parameter;
  data.parameter = named.startsWith(issue.parameter) ? written + named.slice(issue.parameter.length) : written;
  context.report({
    messageId: issue.code,
    data,
    ...(anchor !== undefined ? { node: anchor } : {}),
    path: issue.path,
    ...(parameter !== undefined || isStsMember(member) ? { parameter: member } : {}),
    ...(issue.range !== undefined ? { range: issue.range } : {}),
    ...(issue.awsMessage !== undefined ? { awsMessage: issue.awsMessage } : {}),
    // A link of a role chain names where the chain starts (Terraform's repeated assume_role blocks).
    ...(issue.code === 'roleChainingDurationExceeded' && call.context?.chainedFrom !== undefined ? { related: [call.context.chainedFrom] } : {}),
  });
}

