/**
 * `@rolecall/formatters/internal`: the SARIF 2.1.0 schema check the formatter's own tests use, for the repository's
 * other tests (the GitHub Action's upload). Declared with only the `rolecall-source` condition, like every internal
 * entry (test/architecture.test.ts).
 */
export { assertValid } from '../test/sarif-schema.js';
