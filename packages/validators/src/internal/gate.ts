/**
 * The fast path's semantic gate: `gate(ctx, input)` is true only when the detailed pass would report nothing for an
 * input the generated request validator accepted (so every present member has its schema type and is within its
 * schema limits: at most 50 tags, strings within their lengths). It builds no issue; any doubt answers false and the
 * detailed pass decides. The gate reuses the detailed pass's own predicates, and a property test
 * (robustness.test.ts) checks that the two paths agree.
 *
 * Cost matters here: `validateAssumeRole` must stay within 1.5× the bare validator (bench/validators.bench.ts), so
 * the common case (ASCII tag keys, no inherited keys) is decided without the general case-folding machinery.
 */
import { isCleanPolicy } from '../policy/quick.js';
import { DOCUMENTED_LIMITS } from '../schema/registry.js';
import { policyArnProblem, roleArnProblem, samlProviderArnProblem } from './arn.js';
import { CaseInsensitiveSet, firstEqualIgnoringCase } from './case-fold.js';
import type { Ctx } from './context.js';
import { startsWithIgnoreCase } from './text.js';

type Tag = { readonly Key: string; readonly Value: string };

const RESERVED = DOCUMENTED_LIMITS.reservedPrefix.value;
const NO_DUPLICATE = -1;

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

function allAscii(keys: readonly string[]): boolean {
  for (let i = 0; i < keys.length; i++) if (!isAscii(keys[i] as string)) return false;
  return true;
}

function hasDuplicateIgnoringCase(keys: readonly string[]): boolean {
  const first = firstEqualIgnoringCase(keys);
  for (let i = 0; i < first.length; i++) if (first[i] !== NO_DUPLICATE) return true;
  return false;
}

/**
 * Tag keys lower-cased, when every key is ASCII and no two are equal ignoring case; `undefined` when a key is not
 * ASCII. `false` for a duplicate. On ASCII, Java's equalsIgnoreCase (text.ts) is exactly equality after
 * `toLowerCase()`, so a Set decides it; beyond ASCII (KELVIN SIGN equals "k") only case-fold.ts does.
 */
function asciiKeySet(keys: readonly string[]): Set<string> | undefined | false {
  const set = new Set<string>();
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (!isAscii(key)) return undefined;
    const lower = key.toLowerCase();
    if (set.has(lower)) return false;
    set.add(lower);
  }
  return set;
}

/** Tags (reserved prefix, duplicate keys, keys the session inherits) and TransitiveTagKeys (each names a tag, once). */
function tagsClean(ctx: Ctx, tags: readonly Tag[] | undefined, transitive: readonly string[] | undefined): boolean {
  let keys: string[] = [];
  let lowered: Set<string> | undefined;
  if (tags !== undefined) {
    keys = new Array<string>(tags.length);
    for (let i = 0; i < tags.length; i++) {
      const t = tags[i] as Tag;
      if (startsWithIgnoreCase(t.Key, RESERVED) || startsWithIgnoreCase(t.Value, RESERVED)) return false;
      keys[i] = t.Key;
    }
    const set = asciiKeySet(keys);
    if (set === false) return false;
    if (set === undefined && hasDuplicateIgnoringCase(keys)) return false;
    lowered = set;
    if (ctx.inherited.length > 0) {
      const inherited = new CaseInsensitiveSet(ctx.inherited, keys);
      for (const k of keys) if (inherited.find(k) !== undefined) return false;
    }
  }
  if (transitive === undefined || transitive.length === 0) return true;
  if (tags === undefined) return false;
  if (lowered !== undefined && allAscii(transitive)) {
    const seen = transitive.length > 1 ? new Set<string>() : undefined;
    for (let i = 0; i < transitive.length; i++) {
      const lower = (transitive[i] as string).toLowerCase();
      if (!lowered.has(lower)) return false;
      if (seen !== undefined) {
        if (seen.has(lower)) return false;
        seen.add(lower);
      }
    }
    return true;
  }
  if (hasDuplicateIgnoringCase(transitive)) return false;
  const tagSet = new CaseInsensitiveSet(keys, transitive);
  for (const k of transitive) if (tagSet.find(k) === undefined) return false;
  return true;
}

/** True when the detailed pass would report nothing for an input the request validator accepted. */
export function gate(ctx: Ctx, r: Record<string, unknown>): boolean {
  const op = ctx.operation;
  if (roleArnProblem(r.RoleArn as string) !== undefined) return false;
  if (op === 'AssumeRoleWithSAML') {
    if (samlProviderArnProblem(r.PrincipalArn as string) !== undefined) return false;
    const arn = r.RoleArn as string;
    if (arn.startsWith(DOCUMENTED_LIMITS.reservedSsoRolePrefix.value, arn.lastIndexOf('/') + 1)) return false;
  } else if (op === 'AssumeRoleWithWebIdentity') {
    const providerId = r.ProviderId;
    if (providerId !== undefined && !DOCUMENTED_LIMITS.providerIdHosts.value.includes(providerId as string)) return false;
  }

  // Plaintext: UTF-16 length is never below the code-point length the detailed pass counts, so "within the
  // limit" here implies "within the limit" there.
  let plaintext = 0;
  const arns = r.PolicyArns as readonly { arn?: string }[] | undefined;
  if (arns !== undefined) {
    for (let i = 0; i < arns.length; i++) {
      const arn = (arns[i] as { arn?: string }).arn;
      if (arn === undefined) continue;
      if (policyArnProblem(arn) !== undefined) return false;
      plaintext += arn.length;
    }
  }
  const policy = r.Policy as string | undefined;
  if (policy !== undefined) {
    plaintext += policy.length;
    if (plaintext > DOCUMENTED_LIMITS.policyPlaintextMax.value || !isCleanPolicy(policy)) return false;
  }
  if (plaintext > DOCUMENTED_LIMITS.policyPlaintextMax.value) return false;

  const duration = r.DurationSeconds as number | undefined;
  if (duration !== undefined) {
    if (op === 'AssumeRole' && ctx.roleChaining && duration > DOCUMENTED_LIMITS.roleChainingMaxDuration.value) return false;
    if (ctx.maxSessionDuration !== undefined && duration > ctx.maxSessionDuration) return false;
  }

  if (op === 'AssumeRole') {
    if (!tagsClean(ctx, r.Tags as readonly Tag[] | undefined, r.TransitiveTagKeys as readonly string[] | undefined)) return false;
    const sourceIdentity = r.SourceIdentity as string | undefined;
    if (sourceIdentity !== undefined && startsWithIgnoreCase(sourceIdentity, RESERVED)) return false;
    if ((r.TokenCode === undefined) !== (r.SerialNumber === undefined)) return false;
  }
  return true;
}
