/**
 * How config and rule options schemas are compiled, shared by the codegen step that compiles them ahead of time
 * (scripts/cli-validators.ts) and the run-time fallback for rules it did not see (rule-options.ts).
 */

/** The config schema's own checks: strict, as the schema is written by hand. */
export const CONFIG_AJV_OPTIONS = { allErrors: true, verbose: true, strict: true, allowUnionTypes: true, strictTuples: false } as const;

/**
 * Rule option schemas are a draft-04 subset (so ESLint can use them too); ajv 8 reads them as draft-07, not strict.
 * `verbose` keeps `parentSchema` in errors: the messages list an object's known keys from it.
 */
export const RULE_OPTIONS_AJV_OPTIONS = { allErrors: true, verbose: true, strict: false } as const;

/** What a compiled rule options validator is keyed by: the schema's JSON text, so a changed schema never meets a stale validator. */
export const ruleSchemaKey = (schema: unknown): string => JSON.stringify(schema);
