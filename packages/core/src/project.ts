/**
 * What extraction gives besides calls, and what the project pass sees. A file's extraction is
 * plain data (no functions, no class instances), so it can cross from a worker thread to the main
 * thread by structured cloning; the project pass then resolves what crosses files and runs the
 * project rules over every call and role definition.
 */
import type { AssumeRoleCall, Fact, Span, ValueNode } from './call.js';
import type { ExtractionProblem, SourceComment } from './extractor.js';

/** One property of a role definition as written: the key the user spelled and its value node. */
export interface RoleProperty {
  /** `MaxSessionDuration`, `max_session_duration`, `maxSessionDuration`. */
  readonly key: string;
  readonly keySpan?: Span;
  readonly value: ValueNode;
}

/**
 * An IAM role defined in the repository (Terraform `aws_iam_role`, CloudFormation
 * `AWS::IAM::Role`, CDK `iam.Role`). Cross-file rules match calls to these by ARN or by handle.
 */
export interface RoleDefinition {
  /** Stable within one file (`<extractor>:role:<n>`). */
  readonly id: string;
  readonly file: string;
  readonly extractor: string;
  /** `terraform-aws-iam-role`, `cloudformation-iam-role`, `cdk-iam-role`. */
  readonly kind: string;
  /** The whole definition (the resource block, the resource object, the `new Role(…)`). */
  readonly span: Span;
  /**
   * How other places refer to this role, in the source's own terms: `aws_iam_role.deploy`
   * (Terraform), the logical id `DeployRole` (CloudFormation), the variable `deployRole` (CDK).
   */
  readonly handles: readonly string[];
  readonly name?: RoleProperty;
  readonly namePrefix?: RoleProperty;
  readonly path?: RoleProperty;
  /** Account and partition when the file states them (rarely); otherwise unknown. */
  readonly account?: string;
  readonly partition?: string;
  /** As written; IAM's default (3600) applies when absent. */
  readonly maxSessionDuration?: RoleProperty;
  /** The trust policy as a value node: an object, or a string holding JSON. */
  readonly trustPolicy?: RoleProperty;
  /** Principals given outside the trust policy (CDK `assumedBy`), as written. */
  readonly principals?: readonly ValueNode[];
  readonly facts?: readonly Fact[];
}

/** What one extractor found in one file. */
export interface ExtractorPart {
  readonly extractor: string;
  readonly calls: readonly AssumeRoleCall[];
  readonly roles: readonly RoleDefinition[];
  /** File-level facts for extractor-owned rules (a duplicate section, a BOM). */
  readonly facts: readonly Fact[];
  readonly comments: readonly SourceComment[];
  readonly problems: readonly ExtractionProblem[];
  /**
   * Extractor-private data for its own project hook (Terraform: the variables, locals and tfvars
   * the file defines). Must be structured-cloneable.
   */
  readonly exports?: unknown;
  /**
   * Set when the extractor (or loading its parser) failed on this file: the part is otherwise
   * empty and the failure becomes an `internal-error` for the file; the run goes on.
   */
  readonly failure?: string;
}

/** A file after extraction: every extractor's part, plus the text when anything refers into it. */
export interface ExtractedFile {
  readonly path: string;
  /**
   * The text, kept when the file has anything to report or to point at (calls, roles, facts,
   * problems, directives) so positions and code frames can be computed; absent otherwise.
   */
  readonly text?: string;
  readonly parts: readonly ExtractorPart[];
}

/** Every call and role of the project, for project rules (cross-file checks). */
export interface ProjectModel {
  readonly files: readonly ExtractedFile[];
  readonly calls: readonly AssumeRoleCall[];
  readonly roles: readonly RoleDefinition[];
}

/**
 * What an extractor's project hook returns for a file: parts that replace that extractor's part
 * (references resolved to values with an `origin`, chains linked through `context.chainedFrom`).
 */
export type ProjectUpdate = ReadonlyMap<string, ExtractorPart>;
