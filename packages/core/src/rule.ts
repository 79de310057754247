import type { AssumeRoleCall, Fact, Operation, RelatedSpan, Span, StsMember, ValueNode } from './call.js';
import type { ProjectModel, RoleDefinition } from './project.js';
import type { RelatedLocation, Severity, TextEdit } from './diagnostic.js';

export type { Settings } from './settings.js';
import type { Settings } from './settings.js';

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
  /**
   * Fact kinds (`Fact.kind`) the rule reads with `checkFact`: extractor-owned checks. The engine
   * calls `checkFact` for each fact of these kinds, on a call or on the file.
   */
  readonly facts?: readonly string[];
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
  /**
   * Related places: `{ file, span, message }` (core converts them to lines and columns, in this
   * file or another one the run read), or already converted locations.
   */
  readonly related?: readonly (RelatedSpan | RelatedLocation)[];
  readonly suggestions?: readonly SuggestionDescriptor[];
  /**
   * An explicit place in the current file, for findings that are not about a call's value (a
   * fact, a role property, a file-level problem). Used when no `node`, `path` or `parameter` is given.
   */
  readonly span?: Span;
  /** What STS answers to such a request, when it is recorded (the validators' `awsMessage`). */
  readonly awsMessage?: string;
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

/**
 * A rule: `meta` plus one or more checks. The engine calls each check the rule defines:
 * `check` per call (that has one of `meta.parameters`), `checkFact` per fact of a kind in
 * `meta.facts`, `checkRole` per role definition, and `checkProject` once per run with every call
 * and role of the project (cross-file rules). Reports of `checkFact`/`checkRole` are placed by
 * `span` or `node`; those of `checkProject` name their target with `context.at(...)`.
 */
export interface Rule<Options = unknown> {
  /** Kebab-case; equals the rule's folder name and docs slug. */
  readonly id: string;
  readonly meta: RuleMeta<Options>;
  check?(call: AssumeRoleCall, context: RuleContext<Options>): void;
  /** `call` is the call the fact is on; absent for a file-level fact. */
  checkFact?(fact: Fact, context: RuleContext<Options>, call?: AssumeRoleCall): void;
  checkRole?(role: RoleDefinition, context: RuleContext<Options>): void;
  checkProject?(project: ProjectModel, context: ProjectRuleContext<Options>): void;
}

/** The context of `checkProject`: reports name the call or role they are about. */
export interface ProjectRuleContext<Options = unknown> {
  readonly ruleId: string;
  readonly options: Options;
  /** Settings of a file (config `settings` for that path, with CLI overrides). */
  settingsFor(file: string): Settings;
  /** A `RuleContext` for reporting about one call or role (anchors resolve against it). */
  at(target: AssumeRoleCall | RoleDefinition): RuleContext<Options>;
  /**
   * The 1-based line of an offset in a linted file, from the pipeline's one line index per file (for messages that
   * name a place, e.g. where a role chain starts); undefined when the file's text is not known.
   */
  lineOf(file: string, offset: number): number | undefined;
}

/** Identity helper that gives rule authors type inference and one place to add checks later. */
export function defineRule<Options>(rule: Rule<Options>): Rule<Options> {
  return rule;
}
