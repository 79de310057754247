/**
 * @rolecall/codegen's entry (private, build-time): the schema generator `pnpm codegen` runs, the Ajv set up as the
 * generated validators are, and the expansion of the schema test vectors (`{ "repeat": … }` shorthands) that
 * test/schema-vectors.test.ts reads.
 */
export { generateSchemas, repoRoot, type SchemaGeneration } from './generate.js';
export { newAjv } from './emit.js';
export { expand, type CaseGroup, type Vector } from './cases.js';
