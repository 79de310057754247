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
import { CleanMemo } from './memo.js';
import type { Ctx } from './context.js';
import { equalsIgnoreCase, startsWithIgnoreCase } from './text.js';

type Tag = { readonly Key: string; readonly Value: string };

const RESERVED = DOCUMENTED_LIMITS.reservedPrefix.value;
const NO_DUPLICATE = -1;
const NONE: readonly string[] = [];

function hasDuplicateIgnoringCase(keys: readonly string[]): boolean {
  const first = firstEqualIgnoringCase(keys);
  for (let i = 0; i < first.length; i++) if (first[i] !== NO_DUPLICATE) return true;
  return false;
}

/*
 * Tag keys go into an open-addressing table of tag indexes, by a hash of the length and four units (first, middle,
 * last two) folded to ASCII lower case. Keys equal under Java's equalsIgnoreCase (text.ts) have equal lengths, and
 * where both units are ASCII they are equal after lower-casing A–Z, so equal keys hash alike as long as every sampled
 * unit is ASCII; a probe then compares whole keys with equalsIgnoreCase itself. A non-ASCII sampled unit ("k" equals
 * KELVIN SIGN) sends the check to case-fold.ts. The table is module state reused by every call, with a stamp per
 * call instead of clearing: a Set of lower-cased keys cost a third more at 50 tags, and hashing every unit twice as
 * much as sampling four. `busy` sends a re-entrant call (a getter that validates) to the general path.
 */
const SLOTS = 128; // a power of two, over twice the 50 tags the schema allows
const MAX_INDEXED = 64;
const SLOT_TAG = new Int32Array(SLOTS);
const SLOT_STAMP = new Int32Array(SLOTS);
const TAG_NAMED = new Int32Array(MAX_INDEXED); // stamp of the transitive key that named the tag
let stamp = 0;
let busy = false;

const GENERAL = 0;
const CLEAN = 1;
const NOT_CLEAN = 2;

/** A unit folded to ASCII lower case, or -1 above U+007F. */
function folded(c: number): number {
  if (c > 0x7f) return -1;
  return c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
}

/** Slot of `s` ignoring ASCII case (see above); -1 when a sampled unit is not ASCII. */
function slotOf(s: string): number {
  const n = s.length;
  if (n === 0) return 0;
  const a = folded(s.charCodeAt(0));
  const b = folded(s.charCodeAt(n >> 1));
  const c = folded(s.charCodeAt(n - 1));
  const d = n > 1 ? folded(s.charCodeAt(n - 2)) : 0;
  if ((a | b | c | d) < 0) return -1;
  const h = Math.imul(Math.imul(Math.imul(n * 131 + a, 31) + b, 31) + c, 31) + d;
  return (h ^ (h >>> 7)) & (SLOTS - 1);
}

/** Puts every key in the table: CLEAN, NOT_CLEAN for two keys equal ignoring case, GENERAL (see `slotOf`). */
function indexKeys(keys: readonly string[]): number {
  if (keys.length > MAX_INDEXED) return GENERAL;
  if (++stamp === 0x7fffffff) {
    SLOT_STAMP.fill(0);
    TAG_NAMED.fill(0);
    stamp = 1;
  }
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    let slot = slotOf(key);
    if (slot === -1) return GENERAL;
    while (SLOT_STAMP[slot] === stamp) {
      if (equalsIgnoreCase(keys[SLOT_TAG[slot] as number] as string, key)) return NOT_CLEAN;
      slot = (slot + 1) & (SLOTS - 1);
    }
    SLOT_STAMP[slot] = stamp;
    SLOT_TAG[slot] = i;
  }
  return CLEAN;
}

/** Each transitive key names an indexed tag, no tag twice: CLEAN or NOT_CLEAN; GENERAL (see `slotOf`). */
function transitiveIndexed(keys: readonly string[], transitive: readonly string[]): number {
  for (let i = 0; i < transitive.length; i++) {
    const key = transitive[i] as string;
    let slot = slotOf(key);
    if (slot === -1) return GENERAL;
    for (;;) {
      if (SLOT_STAMP[slot] !== stamp) return NOT_CLEAN; // names no tag
      const tag = SLOT_TAG[slot] as number;
      if (equalsIgnoreCase(keys[tag] as string, key)) {
        // Tag keys are unique ignoring case, so two transitive keys equal ignoring case name the same tag.
        if (TAG_NAMED[tag] === stamp) return NOT_CLEAN;
        TAG_NAMED[tag] = stamp;
        break;
      }
      slot = (slot + 1) & (SLOTS - 1);
    }
  }
  return CLEAN;
}

/** Tags (reserved prefix, duplicate keys, keys the session inherits) and TransitiveTagKeys (each names a tag, once). */
function tagsClean(ctx: Ctx, tags: readonly Tag[] | undefined, transitive: readonly string[] | undefined): boolean {
  if (tags === undefined) return transitive === undefined || transitive.length === 0;
  // Read once: a getter returns what it likes each time. (One that validates re-entrantly is `busy`'s case.)
  const keys = new Array<string>(tags.length);
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i] as Tag;
    if (startsWithIgnoreCase(t.Key, RESERVED) || startsWithIgnoreCase(t.Value, RESERVED)) return false;
    keys[i] = t.Key;
  }
  const transitiveKeys: readonly string[] = transitive ?? NONE;
  if (busy) return tagsCleanGeneral(ctx, keys, transitiveKeys);
  busy = true;
  try {
    const indexed = indexKeys(keys);
    if (indexed === NOT_CLEAN) return false;
    if (indexed === CLEAN && ctx.inherited.length === 0 && transitiveKeys.length > 0) {
      const t = transitiveIndexed(keys, transitiveKeys);
      if (t !== GENERAL) return t === CLEAN;
    }
    if (indexed === CLEAN && ctx.inherited.length === 0 && transitiveKeys.length === 0) return true;
  } finally {
    busy = false;
  }
  return tagsCleanGeneral(ctx, keys, transitiveKeys);
}

/** The same decision by case-fold.ts alone, for any keys. */
function tagsCleanGeneral(ctx: Ctx, keys: readonly string[], transitive: readonly string[]): boolean {
  if (hasDuplicateIgnoringCase(keys)) return false;
  if (ctx.inherited.length > 0 && keys.length > 0) {
    const inherited = new CaseInsensitiveSet(ctx.inherited, keys);
    for (const k of keys) if (inherited.find(k) !== undefined) return false;
  }
  if (transitive.length === 0) return true;
  if (hasDuplicateIgnoringCase(transitive)) return false;
  const tagSet = new CaseInsensitiveSet(keys, transitive);
  for (const k of transitive) if (tagSet.find(k) === undefined) return false;
  return true;
}

/*
 * ARNs found clean (internal/memo.ts): a service assumes the same few roles with the same managed policies, and the
 * ARN regular expressions cost as much as the whole generated validator does for a minimal request. One memory per
 * kind, as a valid role ARN is not a valid policy ARN. 2,048: the longest ARN the schema accepts.
 */
const ROLE_ARNS = new CleanMemo(64, 2048);
const POLICY_ARNS = new CleanMemo(64, 2048);
const SAML_PROVIDER_ARNS = new CleanMemo(64, 2048);

const roleArnClean = (arn: string): boolean => roleArnProblem(arn) === undefined;
const policyArnClean = (arn: string): boolean => policyArnProblem(arn) === undefined;
const samlProviderArnClean = (arn: string): boolean => samlProviderArnProblem(arn) === undefined;

/** True when the detailed pass would report nothing for an input the request validator accepted. */
export function gate(ctx: Ctx, r: Record<string, unknown>): boolean {
  const op = ctx.operation;
  if (!ROLE_ARNS.clean(r.RoleArn as string, roleArnClean)) return false;
  if (op === 'AssumeRoleWithSAML') {
    if (!SAML_PROVIDER_ARNS.clean(r.PrincipalArn as string, samlProviderArnClean)) return false;
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
      if (!POLICY_ARNS.clean(arn, policyArnClean)) return false;
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
