/**
 * `estimateSessionToken`: the session-token size (`SessionTokenSize`, `SessionTokenUtilization`) and the legacy
 * packed-policy percentages of an AssumeRole-family input, with error bands and a per-component breakdown. The model and where its
 * constants come from are in PACKED-SIZE.md; the constants themselves in constants.generated.json.
 */
import { CONSTANTS, type PackedSizeConstants } from './constants.js';
import { ABSENT_POLICY, type PolicyMeasure, arnUnits, measurePolicy, tagChars } from './features.js';
import type {
  BreakdownEntry,
  EstimateOperation,
  EstimateOptions,
  SessionTokenEstimate,
  PercentBand,
  TokenFormat,
  Verdict,
  VerdictRegime,
} from './types.js';

export const LEGACY_REGIME = 'legacy (2019-11 → 2026-09-15)' as const;

const OPERATIONS: ReadonlySet<string> = new Set(['AssumeRole', 'AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML', 'GetFederationToken']);

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const describe = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`);
const roundTenth = (x: number): number => Math.round(x * 10) / 10;
const floorTenth = (x: number): number => Math.floor(x * 10 + 1e-9) / 10;
const ceilTenth = (x: number): number => Math.ceil(x * 10 - 1e-9) / 10;
/** Base64 emits whole 4-character quads. */
const quad = (x: number): number => Math.ceil(x / 4 - 1e-9) * 4;

/** A measured component before it is turned into percentages and bytes. */
interface Part {
  readonly kind: BreakdownEntry['kind'];
  readonly path: string;
  readonly label: string;
  readonly component: 'policy' | 'tags';
  readonly units: number;
}

/** What was read from the input: the parts, and whether anything could not be measured. */
export interface Measured {
  readonly policy: PolicyMeasure;
  readonly parts: readonly Part[];
  readonly policyUnits: number;
  readonly tagUnits: number;
  readonly notes: string[];
  /** The policy is not JSON: its size was measured on the raw text, which is not a lower bound. */
  readonly rawPolicy: boolean;
  /** Some members were ignored: what was measured is a lower bound. */
  readonly skipped: boolean;
  readonly minimumTokenSize: number | undefined;
}

function statementLabel(s: PolicyMeasure['statements'][number]): string {
  const sid = s.sid ? ` (Sid ${s.sid})` : '';
  const actions = s.actions.length ? `: ${s.actions.join(', ')}${s.actions.length === 3 ? ', …' : ''}` : '';
  return `Statement ${s.index}${sid}${actions}`;
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

/** Reads the members the model measures; never throws on well-behaved values (getters may still throw). */
export function measureInput(input: unknown, options: EstimateOptions, c: PackedSizeConstants = CONSTANTS): Measured {
  const notes: string[] = [];
  let skipped = false;
  let rawPolicy = false;
  const parts: Part[] = [];
  const obj: Record<string, unknown> = isRecord(input) ? input : {};
  if (!isRecord(input)) {
    notes.push(`The input is ${describe(input)}, not an object of AssumeRole parameters; nothing was measured.`);
    skipped = true;
  }

  // Inline policy.
  let policy = ABSENT_POLICY;
  const p = obj['Policy'];
  if (typeof p === 'string') {
    policy = measurePolicy(p, c.gramLength);
    if (policy.kind === 'text') {
      rawPolicy = true;
      notes.push(
        `Policy is not a JSON object, so it was measured as raw text (${p.length} characters, JSON syntax included); STS would reject it as MalformedPolicyDocument.`,
      );
    }
  } else if (isRecord(p) || Array.isArray(p)) {
    let text: string | undefined;
    try {
      text = JSON.stringify(p);
    } catch {
      // cyclic or otherwise unserializable
    }
    if (text === undefined) {
      notes.push('Policy is an object that cannot be serialized to JSON; not measured.');
      skipped = true;
    } else {
      policy = measurePolicy(text, c.gramLength);
      notes.push('Policy is an object, not a string; it was measured as its compact JSON text (STS takes the policy as a string).');
      if (policy.kind === 'text') rawPolicy = true;
    }
  } else if (p !== undefined && p !== null) {
    notes.push(`Policy is ${describe(p)}, not a string; not measured.`);
    skipped = true;
  }
  for (const s of policy.statements) {
    parts.push({ kind: 'statement', path: `/Policy${s.pointer}`, label: statementLabel(s), component: 'policy', units: s.units });
  }
  if (policy.otherUnits > 0) {
    parts.push(
      policy.kind === 'text'
        ? { kind: 'policy-text', path: '/Policy', label: 'Policy text (not JSON)', component: 'policy', units: policy.otherUnits }
        : { kind: 'policy-other', path: '/Policy', label: 'Policy members outside Statement (Id, unknown keys)', component: 'policy', units: policy.otherUnits },
    );
  }

  // Managed policy ARNs.
  const arns = obj['PolicyArns'];
  if (Array.isArray(arns)) {
    arns.forEach((entry, i) => {
      const arn = isRecord(entry) ? entry['arn'] : undefined;
      if (typeof arn === 'string') parts.push({ kind: 'policy-arn', path: `/PolicyArns/${i}`, label: truncate(arn, 60), component: 'policy', units: arnUnits(arn) });
      else {
        notes.push(`PolicyArns/${i} has no string arn; not measured.`);
        skipped = true;
      }
    });
  } else if (arns !== undefined && arns !== null) {
    notes.push(`PolicyArns is ${describe(arns)}, not an array; not measured.`);
    skipped = true;
  }

  // Session tags, then inherited transitive tags.
  const tagList = (list: unknown, base: string, kind: 'tag' | 'inherited-tag', what: string): void => {
    if (list === undefined || list === null) return;
    if (!Array.isArray(list)) {
      notes.push(`${what} is ${describe(list)}, not an array; not measured.`);
      skipped = true;
      return;
    }
    list.forEach((t, i) => {
      const key = isRecord(t) ? t['Key'] : undefined;
      const value = isRecord(t) ? t['Value'] : undefined;
      if (typeof key === 'string' && (typeof value === 'string' || value === undefined)) {
        const v = value ?? '';
        parts.push({
          kind,
          path: `${base}/${i}`,
          label: `${kind === 'tag' ? 'Tag' : 'Inherited tag'} ${truncate(key, 32)} (value: ${v.length} character${v.length === 1 ? '' : 's'})`,
          component: 'tags',
          units: tagChars(key, v) + c.tags.perTagUnits,
        });
      } else {
        notes.push(`${what.replace(/s$/, '')} ${i} has no string Key and Value; not measured.`);
        skipped = true;
      }
    });
  };
  tagList(obj['Tags'], '/Tags', 'tag', 'Tags');
  let inherited: unknown = undefined;
  try {
    inherited = options.inheritedTransitiveTags;
  } catch {
    skipped = true;
  }
  tagList(inherited, '/inheritedTransitiveTags', 'inherited-tag', 'options.inheritedTransitiveTags');

  const m = obj['MinimumSessionTokenSize'];
  const minimumTokenSize = typeof m === 'number' && Number.isFinite(m) && m > 0 ? m : undefined;

  let policyUnits = 0;
  let tagUnits = 0;
  for (const part of parts) {
    if (part.component === 'policy') policyUnits += part.units;
    else tagUnits += part.units;
  }
  return { policy, parts, policyUnits, tagUnits, notes, rawPolicy, skipped, minimumTokenSize };
}

const SEVERITY: Record<Verdict, number> = { fits: 0, 'near-limit': 1, unknown: 2, exceeds: 3 };
const worst = (...vs: Verdict[]): Verdict => vs.reduce((a, b) => (SEVERITY[b] > SEVERITY[a] ? b : a));

function judge(point: number, high: number, limit: number, nearFraction: number): Verdict {
  if (point > limit) return 'exceeds';
  if (high >= nearFraction * limit) return 'near-limit';
  return 'fits';
}

/** Unmeasured members can only add to the size: a measured excess stands, anything else is unknown. */
function qualify(v: Verdict, m: Measured): Verdict {
  if (m.rawPolicy) return 'unknown';
  if (m.skipped) return v === 'exceeds' ? 'exceeds' : 'unknown';
  return v;
}

function tokenAssumptions(c: PackedSizeConstants, format: TokenFormat, operation: EstimateOperation, limit: number, limitFromOptions: boolean, min: number | undefined): string[] {
  const b = c.token.baselines[format];
  const out = [
    `Token format: ${format === 'regional' ? 'regional (IQoJ…) session token' : 'legacy global-endpoint (FwoG…) session token'}; baseline ${b.low}–${b.high} bytes (median ${b.point}) without session policy or tags, from ${b.sources.length} public tokens (${b.sources.join(', ')}).`,
    `Packing unchanged by the 2026-09-15 change: each packed byte of the legacy model (compressed policy strings plus length prefixes, raw managed policy ARNs, tag keys and values plus ${c.tags.perTagUnits.toFixed(2)} bytes per tag) adds ${c.token.base64CharsPerByte.toFixed(3)} token bytes (base64), rounded up to whole 4-character groups.`,
    'Identity context (role ARN, session name, source identity, web-identity or SAML claims) is not modelled per input; it is inside the baseline band.',
    `Per-call jitter of up to ${c.token.jitterBytes} bytes (signature length, base64 padding) is in the high bound.`,
    `Operation: ${operation}; the public baselines mix AssumeRole and GetFederationToken tokens.`,
    `Limit: ${limit} bytes (${limitFromOptions ? 'from options.tokenLimitBytes' : 'the documented maximum since 2026-09-15; AWS says it may grow'}).`,
  ];
  if (min !== undefined) out.push(`MinimumSessionTokenSize ${min} pads the token to at least ${min} bytes.`);
  return out;
}

const COMPONENT_ORDER: Readonly<Record<BreakdownEntry['component'], number>> = { policy: 0, tags: 1, token: 2 };
/** Breakdown order: policy, tags, token; larger first; then by path (paths are unique). */
function byComponentThenSize(a: BreakdownEntry, b: BreakdownEntry): number {
  return (
    COMPONENT_ORDER[a.component] - COMPONENT_ORDER[b.component] || b.sessionTokenBytes - a.sessionTokenBytes || (a.path < b.path ? -1 : 1)
  );
}

function estimate(input: unknown, options: EstimateOptions, c: PackedSizeConstants): SessionTokenEstimate {
  const m = measureInput(input, options, c);
  const notes = [...m.notes];
  const R = c.band.roundingPp;

  let operation: EstimateOperation = 'AssumeRole';
  if (options.operation !== undefined) {
    if (typeof options.operation === 'string' && OPERATIONS.has(options.operation)) operation = options.operation;
    else notes.push(`options.operation ${JSON.stringify(String(options.operation))} is not an STS operation that takes session policies or tags; AssumeRole assumed.`);
  }
  let format: TokenFormat = 'regional';
  if (options.tokenFormat !== undefined) {
    if (options.tokenFormat === 'regional' || options.tokenFormat === 'global-legacy') format = options.tokenFormat;
    else notes.push(`options.tokenFormat must be "regional" or "global-legacy"; regional assumed.`);
  }
  let regime: VerdictRegime = 'both';
  if (options.regime !== undefined) {
    if (options.regime === 'both' || options.regime === 'legacy' || options.regime === 'token') regime = options.regime;
    else notes.push(`options.regime must be "both", "legacy" or "token"; both assumed.`);
  }
  let limit = c.token.limitBytes;
  const lo = options.tokenLimitBytes;
  const limitFromOptions = typeof lo === 'number' && Number.isFinite(lo) && lo > 0;
  if (limitFromOptions) limit = lo;
  else if (lo !== undefined) notes.push(`options.tokenLimitBytes must be a positive number; ${c.token.limitBytes} assumed.`);

  // Legacy percentages with their bands.
  const legacyBand = (percent: number, band: { relUnder: number; relOver: number }): PercentBand =>
    percent > 0
      ? { percent: roundTenth(percent), low: floorTenth(Math.max(0, percent * (1 - band.relOver) - R)), high: ceilTenth(percent * (1 + band.relUnder) + R) }
      : { percent: 0, low: 0, high: 0 };
  const policyPercentRaw = m.policyUnits > 0 ? Math.max(0, (100 * (m.policyUnits + c.policy.offsetUnits)) / c.policy.budgetUnits) : 0;
  const tagsPercentRaw = (100 * m.tagUnits) / c.tags.budgetUnits;
  const policyBand = legacyBand(policyPercentRaw, c.band.policy);
  const tagsBand = legacyBand(tagsPercentRaw, c.band.tags);

  // Token size: baseline + base64 of the packed bytes; the band carries the legacy bands over in bytes.
  const base = c.token.baselines[format];
  const perByte = c.token.base64CharsPerByte;
  const unitsBand = (units: number, band: { relUnder: number; relOver: number }, budget: number) =>
    units > 0 ? { low: Math.max(0, units * (1 - band.relOver) - (R * budget) / 100), high: units * (1 + band.relUnder) + (R * budget) / 100 } : { low: 0, high: 0 };
  const pu = unitsBand(m.policyUnits, c.band.policy, c.policy.budgetUnits);
  const tu = unitsBand(m.tagUnits, c.band.tags, c.tags.budgetUnits);
  const packedBytes = m.policyUnits + m.tagUnits;
  const unpadded = quad(base.point + perByte * packedBytes);
  const min = m.minimumTokenSize;
  const pad = (x: number): number => (min !== undefined ? Math.max(x, Math.ceil(min)) : x);
  const bytes = pad(unpadded);
  const tokenLow = pad(quad(base.low + perByte * (pu.low + tu.low)));
  const unpaddedHigh = quad(base.high + c.token.jitterBytes + perByte * (pu.high + tu.high));
  const tokenHigh = pad(unpaddedHigh);

  // Breakdown: policy entries share the fitted offset in proportion; token bytes are whole and add up.
  const policyScale = m.policyUnits > 0 ? policyPercentRaw / m.policyUnits : 0;
  const tagScale = 100 / c.tags.budgetUnits;
  const entries: BreakdownEntry[] = m.parts.map((p) => ({
    kind: p.kind,
    path: p.path,
    label: p.label,
    component: p.component,
    packedBytes: roundTenth(p.units),
    legacyPercent: roundTenth(p.units * (p.component === 'policy' ? policyScale : tagScale)),
    sessionTokenBytes: Math.round(perByte * p.units),
  }));
  entries.sort(byComponentThenSize);
  const assigned = entries.reduce((s, e) => s + e.sessionTokenBytes, 0);
  entries.push({
    kind: 'token-baseline',
    path: '',
    label: `Token baseline (${format}${min !== undefined && bytes > unpadded ? `, padded to MinimumSessionTokenSize ${min}` : ''})`,
    component: 'token',
    packedBytes: 0,
    legacyPercent: 0,
    sessionTokenBytes: bytes - assigned,
  });

  const near = c.nearLimitFraction;
  const policyVerdict = qualify(judge(policyPercentRaw, policyBand.high, 100, near), m);
  const tagsVerdict = qualify(judge(tagsPercentRaw, tagsBand.high, 100, near), m);
  const legacyVerdict = worst(policyVerdict, tagsVerdict);
  // Padding to MinimumSessionTokenSize (at most the maximum, by the schema) never makes STS reject the call: only the
  // content can push the token past the limit, so the verdict judges the unpadded size.
  const tokenVerdict = qualify(judge(unpadded, unpaddedHigh, limit, near), m);
  const verdict = regime === 'legacy' ? legacyVerdict : regime === 'token' ? tokenVerdict : worst(legacyVerdict, tokenVerdict);

  return {
    sessionToken: {
      sessionTokenSize: bytes,
      low: tokenLow,
      high: tokenHigh,
      limit,
      sessionTokenUtilization: roundTenth((100 * bytes) / limit),
      ...(min !== undefined ? { minimumSessionTokenSize: min } : {}),
      assumptions: tokenAssumptions(c, format, operation, limit, limitFromOptions, min),
    },
    legacy: { policy: policyBand, tags: tagsBand, regime: LEGACY_REGIME },
    breakdown: entries,
    verdict,
    verdicts: { sessionToken: tokenVerdict, legacy: legacyVerdict, legacyPolicy: policyVerdict, legacyTags: tagsVerdict },
    notes,
  };
}

function unmeasurable(reason: string, c: PackedSizeConstants): SessionTokenEstimate {
  const zero: PercentBand = { percent: 0, low: 0, high: 0 };
  const base = c.token.baselines.regional;
  return {
    sessionToken: {
      sessionTokenSize: base.point,
      low: base.low,
      high: base.high,
      limit: c.token.limitBytes,
      sessionTokenUtilization: roundTenth((100 * base.point) / c.token.limitBytes),
      assumptions: ['Nothing could be measured; the figures are the empty-session baseline.'],
    },
    legacy: { policy: zero, tags: zero, regime: LEGACY_REGIME },
    breakdown: [],
    verdict: 'unknown',
    verdicts: { sessionToken: 'unknown', legacy: 'unknown', legacyPolicy: 'unknown', legacyTags: 'unknown' },
    notes: [reason],
  };
}

/**
 * Estimates what STS returns for an AssumeRole-family input: first `SessionTokenSize` (bytes, at least
 * `MinimumSessionTokenSize`) and `SessionTokenUtilization` (percent of the 4,096-byte maximum), then the legacy
 * `PackedPolicySize` percentages (policy and tags separately; deprecated by STS since 2026-06-17), each with the
 * error band that `pnpm calibrate` measured, plus a per-component breakdown and a verdict. Never throws.
 */
export function estimateSessionToken(input: unknown, options?: EstimateOptions): SessionTokenEstimate {
  try {
    return estimate(input, isRecord(options) ? options : {}, CONSTANTS);
  } catch (e) {
    // Hostile inputs (throwing getters, proxies) end here; the message names no input value.
    return unmeasurable(`The input could not be read (${e instanceof Error ? e.name : 'error'} while reading it); nothing was measured.`, CONSTANTS);
  }
}
