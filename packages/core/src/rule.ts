import type { AssumeRoleCall, Operation, Span, StsMember, ValueNode } from './call.js';
import type { RelatedLocation, Severity, TextEdit } from './diagnostic.js';

/**
 * Settings shared by all rules for one file, from config `settings` (and CLI flags). They carry
 * facts the file itself cannot tell, such as the compatibility profile or the target role's
 * MaxSessionDuration. Call-level `context` from an extractor wins over these.
 */
export interface Settings {
  /** Compatibility profile name from the schemas (`current` by default). */
  readonly profile?: string;
  readonly roleChaining?: boolean;
  readonly maxSessionDuration?: number;
  readonly inheritedTransitiveTagKeys?: readonly string[];
}

export interface RuleDocs {
  /** One sentence; also the first line of the rule's README. */
  readonly description: string;
  /** In the `recommended` preset. */
  readonly recommended: boolean;
  /** URL of the AWS documentation page or API shape the rule enforces. */
  readonly awsSource: string;
}

export interface RuleMeta<Options = unknown> {
  /** `problem`: STS rejects the call. `suggestion`: risky, wasteful or an estimate. */
  readonly type: 'problem' | 'suggestion';
  readonly docs: RuleDocs;
  readonly defaultSeverity: Severity;
  /** Request members the rule reads; the engine skips calls that have none of them. Empty = every call. */
  readonly parameters: readonly StsMember[];
  /** Operations the rule applies to; absent = all. */
  readonly operations?: readonly Operation[];
  /** messageId → template with `{{placeholder}}`s filled from report `data`. */
  readonly messages: Readonly<Record<string, string>>;
  /** JSON Schema (draft-04 subset, so ESLint can use it too) for the rule's options object. */
  readonly schema?: Readonly<Record<string, unknown>>;
  readonly defaultOptions?: Options;
  readonly hasSuggestions?: boolean;
  /** One line on how to fix; shown by formatters. */
  readonly help?: string;
  /** New rules start outside every preset. */
  readonly experimental?: boolean;
}

export interface SuggestionDescriptor {
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly edits: readonly TextEdit[];
}

/**
 * Where and what to report. The anchor is, in order of precedence: `node`; else `path` (a JSON
 * Pointer into the request such as `/Tags/3/Key`, resolved against the call's value nodes; the
 * deepest node reached is used); else `parameter` (its value node); else the whole call.
 * `range` narrows the anchor to `[start, end)` indices inside the anchor's decoded string value
 * (e.g. the first invalid character, or a statement inside a policy string) and is mapped to file
 * offsets through the node's `OffsetMap`.
 *
 * The diagnostic's `path` is `path` when given (it may point below the anchor, into a policy
 * document), else the pointer of `node` within the call. A `node` the rule built itself (say, a
 * literal for one fragment of a template) is not part of the call, so give `path` (and
 * `parameter`) with it: they place the finding and keep fingerprints of different elements apart.
 */
export interface ReportDescriptor {
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly node?: ValueNode;
  readonly path?: string;
  readonly parameter?: StsMember;
  readonly range?: Span;
  readonly related?: readonly RelatedLocation[];
  readonly suggestions?: readonly SuggestionDescriptor[];
}

export interface RuleContext<Options = unknown> {
  readonly ruleId: string;
  /** `meta.defaultOptions` with the configured options shallow-merged over them. */
  readonly options: Options;
  /** File settings with the call's own `context` facts merged over them. */
  readonly settings: Settings;
  readonly file: string;
  readonly text: string;
  /**
   * Records a finding. The message comes from `meta.messages[messageId]` filled from `data`; an
   * unknown messageId or a placeholder without data is a rule bug and becomes `internal-error`.
   */
  report(descriptor: ReportDescriptor): void;
}

export interface Rule<Options = unknown> {
  /** Kebab-case; equals the rule's folder name and docs slug. */
  readonly id: string;
  readonly meta: RuleMeta<Options>;
  check(call: AssumeRoleCall, context: RuleContext<Options>): void;
}

/** Identity helper that gives rule authors type inference and one place to add checks later. */
export function defineRule<Options>(rule: Rule<Options>): Rule<Options> {
  return rule;
}
