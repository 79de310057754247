/**
 * Loading the STS reference and the documented-limits overlay, and checking that the overlay
 * still matches the reference text. The reference is vendored into `schemas/source/`, the source of
 * truth for codegen and tests, so a fresh clone builds with nothing beside it; comparing it with the
 * project's upstream copy is a maintainer command of its own (`pnpm reference:compare`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RefMember {
  readonly required?: boolean;
  readonly shape?: string;
  readonly type: 'string' | 'integer' | 'list' | 'structure' | 'boolean' | 'timestamp';
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly min?: number;
  readonly max?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly sensitive?: boolean;
  readonly documentedDefault?: unknown;
  readonly items?: RefMember & { readonly members?: Readonly<Record<string, RefMember>> };
  readonly members?: Readonly<Record<string, RefMember>>;
  readonly notes?: readonly string[];
  readonly firstSeenInBotocore?: { readonly date: string; readonly commit: string };
  /** Set on facts folded in from a model update (schemas/source/model-update-*.md). */
  readonly source?: string;
}

export interface Reference {
  readonly sources: {
    readonly botocoreStsModel: { readonly repo: string; readonly path: string; readonly fileLastChangedCommit: string; readonly fileLastChangedDate: string };
    readonly docPages: Readonly<Record<string, string>>;
  };
  readonly operations: Readonly<Record<string, { readonly input: Readonly<Record<string, RefMember>> }>>;
  readonly iam: {
    readonly roleName: { readonly minLength: number; readonly maxLength: number; readonly pattern: string };
    readonly rolePath: { readonly maxLength: number };
    readonly policyName: { readonly maxLength: number };
    readonly policyPath: { readonly maxLength: number };
    readonly maxSessionDuration: { readonly min: number; readonly max: number; readonly documentedDefault: number };
    readonly partitions: { readonly fromBotocorePartitionsJson: Readonly<Record<string, string>> };
    readonly derivedRegexes_notPublishedByAWS: { readonly roleArn: string; readonly managedPolicyArn: string };
    readonly quotas_fetched_2026_03_06: { readonly roleTrustPolicyLength: { readonly default: number; readonly max: number; readonly unit: string } };
  };
  readonly policyGrammar: {
    readonly topLevel: { readonly Version: { readonly values: readonly string[] } };
    readonly statement: { readonly Sid: { readonly regexDerived: string }; readonly Effect: { readonly values: readonly string[] } };
    readonly conditionOperators: Readonly<Record<string, readonly string[] | string>>;
  };
  readonly observedErrors: readonly { readonly condition: string; readonly message: string; readonly code?: string; readonly status: string }[];
  readonly compatibility: {
    readonly profiles: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  };
  readonly unverified: readonly string[];
}

export interface DocumentedLimit {
  readonly value: number | string | readonly string[];
  readonly quote: string;
  readonly url: string;
  readonly status: string;
  readonly appliesTo?: readonly string[];
  readonly unverified?: string;
}

export interface Overlay {
  readonly limits: Readonly<Record<string, DocumentedLimit>>;
  readonly sensitive: { readonly members: readonly string[] };
}

export interface CharsetCases {
  readonly patterns: Readonly<Record<string, { readonly filler: string; readonly valid: readonly string[]; readonly invalid: readonly (readonly [string, string])[] }>>;
  readonly examples: Readonly<Record<string, unknown>>;
}

/** schemas/source/trust-policy.json: the role trust policy grammar beyond the general policy grammar. */
export type TrustPolicyFacts = Readonly<Record<string, unknown>>;

export interface Inputs {
  readonly reference: Reference;
  readonly trustPolicy: TrustPolicyFacts;
  readonly referenceText: string;
  readonly overlay: Overlay;
  readonly charsets: CharsetCases;
}

export function loadInputs(repoRoot: string): Inputs {
  const dir = join(repoRoot, 'schemas', 'source');
  const referenceText = readFileSync(join(dir, 'sts-constraints.json'), 'utf8');
  return {
    reference: JSON.parse(referenceText) as Reference,
    referenceText,
    overlay: JSON.parse(readFileSync(join(dir, 'documented-limits.json'), 'utf8')) as Overlay,
    trustPolicy: JSON.parse(readFileSync(join(dir, 'trust-policy.json'), 'utf8')) as TrustPolicyFacts,
    charsets: JSON.parse(readFileSync(join(dir, 'charset-cases.json'), 'utf8')) as CharsetCases,
  };
}

/** Problems with the inputs themselves; codegen refuses to generate while any exist. */
export function checkInputs(inputs: Inputs): string[] {
  const problems: string[] = [];
  // Each documented-only limit must be backed by a verbatim quote from the reference that contains the value.
  for (const [name, limit] of Object.entries(inputs.overlay.limits)) {
    const quoteInJson = JSON.stringify(limit.quote).slice(1, -1);
    if (!inputs.referenceText.includes(quoteInJson)) {
      problems.push(`documented-limits.json ${name}: quote not found in the reference: ${limit.quote}`);
      continue;
    }
    const values = Array.isArray(limit.value) ? limit.value : [limit.value];
    const quoteDigits = limit.quote.replace(/(\d),(\d{3})/g, '$1$2');
    for (const v of values) {
      if (!quoteDigits.includes(String(v))) problems.push(`documented-limits.json ${name}: value ${String(v)} does not occur in its quote.`);
    }
  }
  return problems;
}
