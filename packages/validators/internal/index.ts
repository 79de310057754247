/**
 * `@rolecall/validators/internal`: what the repository's own tests and benchmarks need beyond the public entry
 * (compiled validators, the policy scanner's fast path and memo, the estimator's feature layer, the reference DEFLATE
 * model). Declared in package.json `exports` with only the `rolecall-source` condition and absent from
 * `publishConfig.exports` and `files`: it resolves inside this workspace and does not exist in the published package
 * (test/architecture.test.ts checks both).
 */
export { IAM, memberValidator, requestValidator } from '../src/schema/registry.js';
export { clearPolicyMemo } from '../src/policy/quick.js';
export { scanIsClean } from '../src/policy/scan.js';
export { keptStrings } from '../src/packed-size/features.js';
export { deflatedSize, nulJoined } from './deflate-model.js';
