/**
 * `pnpm calibrate`: refits the session-token estimator's constants from
 * `packages/validators/calibration/observations.json`, prints the leave-one-out evaluation, and writes
 * `src/packed-size/constants.generated.json` (`pnpm codegen` runs the same refit, and `pnpm codegen --check`
 * fails when that file differs from it). The features come from the library's own `features.ts`, so the constants are fitted on
 * exactly what the estimator computes.
 *
 * Models (PACKED-SIZE.md):
 *   policy %  = 100 × (policyUnits + offset) / policyBudget      fitted by least squares (slope, intercept);
 *               the q-gram length of the policy measure is chosen by leave-one-out error
 *   tags %    = 100 × (tagChars + perTag × tagCount) / tagBudget  fitted by least squares (no intercept)
 *   token     = baseline(format) + 4/3 × (policyUnits + tag units), rounded up to whole base64 quads
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflatedSize, nulJoined } from '../internal/deflate-model.js';
import { arnUnits, framingBytes, keptStrings, measurePolicy, tagChars, utf8Length } from '../src/packed-size/features.js';

/**
 * Choices, not fits. Each is explained in PACKED-SIZE.md ("Assumptions and choices").
 * - gramLengths: the q-gram lengths tried for the policy measure; the one with the smallest
 *   leave-one-out error on the fitted policy observations is used (ties: the shorter).
 * - roundingPp 1: STS reports whole percentages under an unpublished rounding rule, so any reported
 *   value is only known to within 1 percentage point.
 * - nearLimitFraction 0.9: an estimate whose high bound reaches 90 % of a limit is reported `near-limit`.
 * - tokenJitterBytes 8: per-call variation of a token of fixed content (DER signature 70–72 bytes and
 *   base64 padding: ±2 bytes → up to 8 characters).
 */
export const SETTINGS = {
  gramLengths: [4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 16] as readonly number[],
  roundingPp: 1,
  nearLimitFraction: 0.9,
  tokenJitterBytes: 8,
  base64CharsPerByte: 4 / 3,
} as const;

// ---------------------------------------------------------------------------------------------------
// Observations file

interface Tag {
  Key: string;
  Value: string;
}
interface Observation {
  id: string;
  operation: string;
  regime: string;
  input: { Policy?: string; PolicyArns?: { arn: string }[]; Tags?: Tag[]; TransitiveTagKeys?: string[] } | null;
  inheritedTransitiveTags?: Tag[];
  reported: { value: number | null; component: 'policy' | 'tags' | 'utilization' | 'whole-token'; outcome: 'success' | 'failure' };
  reliability: 'high' | 'medium-high' | 'medium' | 'low';
  use: 'fit' | 'check' | 'token-baseline' | 'none';
  partial: boolean;
  reconstruction: boolean;
}
interface TokenObservation {
  id: string;
  format: 'regional' | 'global-legacy';
  length?: number;
  utilizationPercent?: number;
  packedFrom: string | null;
}
interface ObservationsFile {
  documented: { sessionTokenMaxBytes: { value: number; source: string } };
  observations: Observation[];
  tokenObservations: TokenObservation[];
}

function fail(message: string): never {
  throw new Error(`observations.json: ${message}`);
}

/** Checks the shape of the hand-maintained data file so a typo fails loudly instead of skewing a fit. */
function parseObservations(text: string): ObservationsFile {
  const doc = JSON.parse(text) as ObservationsFile;
  if (!Array.isArray(doc.observations) || !Array.isArray(doc.tokenObservations)) fail('observations and tokenObservations must be arrays');
  const limit = doc.documented?.sessionTokenMaxBytes?.value;
  if (!Number.isInteger(limit) || limit <= 0) fail('documented.sessionTokenMaxBytes.value must be a positive integer');
  const ids = new Set<string>();
  for (const o of doc.observations) {
    if (typeof o.id !== 'string' || ids.has(o.id)) fail(`missing or duplicate id ${String(o.id)}`);
    ids.add(o.id);
    if (!['fit', 'check', 'token-baseline', 'none'].includes(o.use)) fail(`${o.id}: bad use ${o.use}`);
    if (!['high', 'medium-high', 'medium', 'low'].includes(o.reliability)) fail(`${o.id}: bad reliability`);
    if (o.use === 'fit' || o.use === 'check') {
      if (!o.input) fail(`${o.id}: a ${o.use} observation needs its input`);
      if (typeof o.reported.value !== 'number') fail(`${o.id}: reported.value must be a number`);
      if (o.reported.component !== 'policy' && o.reported.component !== 'tags') fail(`${o.id}: component must be policy or tags`);
    }
    if (o.use === 'fit' && (o.partial || o.reconstruction)) fail(`${o.id}: partial observations and reconstructions are excluded from fitting`);
    if (o.use === 'fit' && o.reliability === 'low') fail(`${o.id}: low-reliability observations are checks, not fits`);
  }
  for (const t of doc.tokenObservations) {
    if ((t.length === undefined) === (t.utilizationPercent === undefined)) fail(`token ${t.id}: give exactly one of length and utilizationPercent`);
    if (t.packedFrom !== null && !ids.has(t.packedFrom)) fail(`token ${t.id}: unknown packedFrom ${t.packedFrom}`);
  }
  return doc;
}

// ---------------------------------------------------------------------------------------------------
// Features

interface Features {
  policyUnits: number;
  tagChars: number;
  tagCount: number;
  /** Alternatives printed for comparison. */
  alt: { stringsDeflate: number; compactJsonDeflate: number; plaintext: number };
}

const featureCache = new Map<string, Features>();
function features(o: Observation, q: number): Features {
  const cacheKey = `${o.id}\u0000${q}`;
  const cached = featureCache.get(cacheKey);
  if (cached) return cached;
  const input = o.input ?? {};
  const arns = (input.PolicyArns ?? []).map((p) => p.arn);
  const arnTotal = arns.reduce((s, a) => s + arnUnits(a), 0);
  const arnRaw = arns.reduce((s, a) => s + utf8Length(a), 0);
  const p = input.Policy === undefined ? undefined : measurePolicy(input.Policy, q);
  const tags = [...(input.Tags ?? []), ...(o.inheritedTransitiveTags ?? [])];
  let compact = 0;
  let stringsDeflate = 0;
  if (input.Policy !== undefined) {
    let text = input.Policy;
    try {
      text = JSON.stringify(JSON.parse(input.Policy));
    } catch {
      // measured as given
    }
    compact = deflatedSize(new TextEncoder().encode(text), 9);
    // The research note's model: raw DEFLATE of the same kept strings (NUL-separated), plus length prefixes.
    const kept = keptStrings(input.Policy);
    const framing = kept.reduce((sum, k) => sum + framingBytes(utf8Length(k)), 0);
    stringsDeflate = kept.length ? deflatedSize(nulJoined(kept), 9) + framing : 0;
  }
  const f: Features = {
    policyUnits: (p?.units ?? 0) + arnTotal,
    tagChars: tags.reduce((s, t) => s + tagChars(t.Key, t.Value), 0),
    tagCount: tags.length,
    alt: {
      stringsDeflate: stringsDeflate + arnTotal,
      compactJsonDeflate: compact + arnRaw,
      plaintext: (input.Policy?.length ?? 0) + arns.reduce((s, a) => s + a.length, 0),
    },
  };
  featureCache.set(cacheKey, f);
  return f;
}

// ---------------------------------------------------------------------------------------------------
// Least squares on two columns (small, exact: 2×2 normal equations)

interface Row {
  x1: number;
  x2: number;
  y: number;
}
/** Solves y ≈ b1·x1 + b2·x2; undefined when the columns are collinear on these rows (not identifiable). */
function fit2(rows: readonly Row[]): [number, number] | undefined {
  let s11 = 0;
  let s12 = 0;
  let s22 = 0;
  let s1y = 0;
  let s2y = 0;
  for (const r of rows) {
    s11 += r.x1 * r.x1;
    s12 += r.x1 * r.x2;
    s22 += r.x2 * r.x2;
    s1y += r.x1 * r.y;
    s2y += r.x2 * r.y;
  }
  const det = s11 * s22 - s12 * s12;
  if (!(Math.abs(det) > 1e-9 * Math.max(1, s11 * s22))) return undefined;
  return [(s1y * s22 - s2y * s12) / det, (s2y * s11 - s1y * s12) / det];
}

/** The two component models, as functions of the features. */
interface PolicyModel {
  budgetUnits: number;
  offsetUnits: number;
}
interface TagModel {
  budgetUnits: number;
  perTagUnits: number;
}
const policyRow = (x: number, y: number): Row => ({ x1: x, x2: 1, y });
const tagRow = (f: Features, y: number): Row => ({ x1: f.tagChars, x2: f.tagCount, y });

function fitPolicy(points: readonly { x: number; y: number }[]): PolicyModel | undefined {
  const b = fit2(points.map((p) => policyRow(p.x, p.y)));
  if (!b || !(b[0] > 0)) return undefined;
  return { budgetUnits: 100 / b[0], offsetUnits: b[1] / b[0] };
}
function fitTags(points: readonly { f: Features; y: number }[]): TagModel | undefined {
  const b = fit2(points.map((p) => tagRow(p.f, p.y)));
  if (!b || !(b[0] > 0) || b[1] < 0) return undefined;
  return { budgetUnits: 100 / b[0], perTagUnits: b[1] / b[0] };
}
const predictPolicy = (m: PolicyModel, x: number): number => (x > 0 ? Math.max(0, (100 * (x + m.offsetUnits)) / m.budgetUnits) : 0);
const predictTags = (m: TagModel, f: Features): number => (100 * (f.tagChars + m.perTagUnits * f.tagCount)) / m.budgetUnits;

// ---------------------------------------------------------------------------------------------------

const round = (x: number, digits = 6): number => (x === 0 ? 0 : Number(x.toPrecision(digits)));
const fmt = (x: number | undefined, d = 1): string => (x === undefined ? '—' : x.toFixed(d));

interface EvalRow {
  id: string;
  component: 'policy' | 'tags';
  use: 'fit' | 'check';
  reliability: string;
  outcome: 'success' | 'failure';
  reported: number;
  fitted: number;
  /** Leave-one-out prediction (fits) or prediction from the full fit (checks); undefined if not identifiable. */
  heldOut: number | undefined;
}

export interface CalibrationResult {
  constants: Record<string, unknown>;
  report: string;
}

export function calibrate(text: string): CalibrationResult {
  featureCache.clear(); // features are cached by id within one calibration only
  const doc = parseObservations(text);
  const out: string[] = [];
  const R = SETTINGS.roundingPp;
  const evaluable = doc.observations.filter((o) => o.use === 'fit' || o.use === 'check');
  const fitPol = evaluable.filter((o) => o.use === 'fit' && o.reported.component === 'policy');
  const fitTag = evaluable.filter((o) => o.use === 'fit' && o.reported.component === 'tags');

  // The q-gram length: the one whose policy model has the smallest leave-one-out error (ties: shorter).
  const looPolicyMae = (key: (o: Observation) => number): number => {
    let s = 0;
    for (const o of fitPol) {
      const m = fitPolicy(fitPol.filter((x) => x !== o).map((x) => ({ x: key(x), y: x.reported.value! })));
      s += m ? Math.abs(o.reported.value! - predictPolicy(m, key(o))) : NaN;
    }
    return s / fitPol.length;
  };
  const gramTable = SETTINGS.gramLengths.map((q) => ({ q, mae: looPolicyMae((o) => features(o, q).policyUnits) }));
  const q = gramTable.reduce((best, r) => (r.mae < best.mae - 1e-12 ? r : best)).q;
  const F = (o: Observation): Features => features(o, q);
  const polPoints = (os: readonly Observation[], key: (f: Features) => number = (f) => f.policyUnits) =>
    os.map((o) => ({ x: key(F(o)), y: o.reported.value! }));
  const tagPoints = (os: readonly Observation[]) => os.map((o) => ({ f: F(o), y: o.reported.value! }));

  const policy = fitPolicy(polPoints(fitPol));
  const tags = fitTags(tagPoints(fitTag));
  if (!policy || !tags) throw new Error('calibration failed: the fitted observations do not identify both models');

  // Leave-one-out on the fitted observations; full-fit predictions for the checks.
  const rows: EvalRow[] = [];
  for (const o of evaluable) {
    const f = F(o);
    const component = o.reported.component as 'policy' | 'tags';
    let heldOut: number | undefined;
    if (o.use === 'fit') {
      if (component === 'policy') {
        const m = fitPolicy(polPoints(fitPol.filter((q) => q !== o)));
        heldOut = m && predictPolicy(m, f.policyUnits);
      } else {
        const m = fitTags(tagPoints(fitTag.filter((q) => q !== o)));
        heldOut = m && predictTags(m, f);
      }
    } else heldOut = component === 'policy' ? predictPolicy(policy, f.policyUnits) : predictTags(tags, f);
    rows.push({
      id: o.id,
      component,
      use: o.use as 'fit' | 'check',
      reliability: o.reliability,
      outcome: o.reported.outcome as 'success' | 'failure',
      reported: o.reported.value!,
      fitted: component === 'policy' ? predictPolicy(policy, f.policyUnits) : predictTags(tags, f),
      heldOut,
    });
  }

  // The band: the largest held-out miss beyond the rounding of the reports, relative to the prediction.
  // Sources: leave-one-out residuals of the fits, and the checks that are not illustrative examples.
  const bandRows = rows.filter((r) => r.heldOut !== undefined && r.heldOut > 0 && (r.use === 'fit' || r.reliability !== 'low'));
  const band = (component: 'policy' | 'tags') => {
    let relUnder = 0;
    let relOver = 0;
    for (const r of bandRows.filter((x) => x.component === component)) {
      const res = r.reported - r.heldOut!;
      relUnder = Math.max(relUnder, Math.max(0, res - R) / r.heldOut!);
      relOver = Math.max(relOver, Math.max(0, -res - R) / r.heldOut!);
    }
    // Rounded up, so the band never ends up narrower than the residual it comes from.
    const up = (x: number): number => Math.ceil(x * 1e5 - 1e-9) / 1e5;
    return { relUnder: up(relUnder), relOver: up(relOver) };
  };
  const bands = { policy: band('policy'), tags: band('tags') };

  const near = SETTINGS.nearLimitFraction * 100;
  const highOf = (r: EvalRow, p: number): number => p * (1 + bands[r.component].relUnder) + R;
  const looRows = rows.filter((r) => r.use === 'fit' && r.heldOut !== undefined);
  const notIdentifiable = rows.filter((r) => r.use === 'fit' && r.heldOut === undefined).map((r) => r.id);
  const residuals = looRows.map((r) => r.reported - r.heldOut!);
  const mae = residuals.reduce((s, x) => s + Math.abs(x), 0) / residuals.length;
  const worstUnder = Math.max(0, ...residuals);
  const worstOver = Math.max(0, ...residuals.map((x) => -x));
  // A failure counts as called `fits` if the held-out prediction's high bound stays below the near-limit
  // threshold; a failure that cannot be held out is judged on the full fit (and listed).
  const failures = rows.filter((r) => r.outcome === 'failure');
  const failureVerdicts = failures.map((r) => {
    const p = r.heldOut ?? r.fitted;
    return { id: r.id, basis: r.heldOut === undefined ? 'in-sample' : r.use === 'fit' ? 'leave-one-out' : 'held-out check', predicted: p, calledFits: highOf(r, p) < near };
  });
  const failuresCalledFits = failureVerdicts.filter((v) => v.calledFits).length;

  // Token baselines: token length minus the base64 size of the packed bytes the model assigns to the call.
  const limit = doc.documented.sessionTokenMaxBytes.value;
  const byId = new Map(doc.observations.map((o) => [o.id, o] as const));
  const packedOf = (t: TokenObservation): number => {
    if (!t.packedFrom) return 0;
    const f = F(byId.get(t.packedFrom)!);
    return f.policyUnits + f.tagChars + tags.perTagUnits * f.tagCount;
  };
  const baseline = (format: 'regional' | 'global-legacy', without?: string) => {
    const points: number[] = [];
    let low = Infinity;
    let high = -Infinity;
    const sources: string[] = [];
    for (const t of doc.tokenObservations.filter((x) => x.format === format && x.id !== without)) {
      sources.push(t.id);
      if (t.length !== undefined) {
        const packed = packedOf(t);
        const implied = t.length - SETTINGS.base64CharsPerByte * packed;
        points.push(implied);
        low = Math.min(low, implied);
        high = Math.max(high, implied);
      } else {
        const p = t.utilizationPercent!;
        const lo = ((p - R) / 100) * limit;
        const hi = ((p + R) / 100) * limit;
        points.push((lo + hi) / 2);
        low = Math.min(low, lo);
        high = Math.max(high, hi);
      }
    }
    points.sort((a, b) => a - b);
    const mid = points.length % 2 ? points[(points.length - 1) / 2]! : (points[points.length / 2 - 1]! + points[points.length / 2]!) / 2;
    return { low: Math.floor(low), point: Math.round(mid), high: Math.ceil(high), sources };
  };

  // Alternatives, for the record (same leave-one-out on the same rows).
  const alternatives = {
    [`novel ${q}-grams, KT-coded, + length prefixes (chosen; monotone)`]: looPolicyMae((o) => F(o).policyUnits),
    'raw DEFLATE of the same strings + length prefixes (not monotone)': looPolicyMae((o) => F(o).alt.stringsDeflate),
    'raw DEFLATE of the compact JSON text': looPolicyMae((o) => F(o).alt.compactJsonDeflate),
    'plaintext length (no compression)': looPolicyMae((o) => F(o).alt.plaintext),
  };

  // Sensitivity: the evaluation with the observation whose repository could not be named moved to the checks.
  const unnamed = fitPol.filter((o) => o.reliability === 'medium' && (o as unknown as { source: { repo: unknown } }).source.repo === null);
  let sensitivity: string | undefined;
  if (unnamed.length > 0) {
    const rest = fitPol.filter((o) => !unnamed.includes(o));
    const res: number[] = [];
    for (const o of rest) {
      const m = fitPolicy(polPoints(rest.filter((q) => q !== o)));
      if (m) res.push(o.reported.value! - predictPolicy(m, F(o).policyUnits));
    }
    const m = fitPolicy(polPoints(rest));
    const tagRes = looRows.filter((r) => r.component === 'tags').map((r) => r.reported - r.heldOut!);
    const all = [...res, ...tagRes];
    sensitivity =
      `without ${unnamed.map((o) => o.id).join(', ')} in the fit: policy budget ${fmt(m?.budgetUnits)} units, ` +
      `LOO MAE ${fmt(all.reduce((s, x) => s + Math.abs(x), 0) / all.length, 2)} pp, worst underestimate ${fmt(Math.max(0, ...all), 2)} pp, ` +
      `worst overestimate ${fmt(Math.max(0, ...all.map((x) => -x)), 2)} pp; ` +
      unnamed.map((o) => `${o.id} predicted ${fmt(m && predictPolicy(m, F(o).policyUnits))} (reported ${o.reported.value})`).join(', ');
  }

  // ------------------------------------------------------------------------------------------------
  // Report
  out.push(`session-token estimator calibration — ${doc.observations.length} observations (${fitPol.length + fitTag.length} fitted, ${rows.length - fitPol.length - fitTag.length} checks)`);
  out.push('');
  out.push(
    `policy model: % = 100 × (units + ${fmt(policy.offsetUnits, 3)}) / ${fmt(policy.budgetUnits, 2)}   (units = novel ${q}-gram bits / 8 + length prefixes + managed policy ARNs)`,
  );
  out.push(`tag model:    % = 100 × (chars + ${fmt(tags.perTagUnits, 3)} × tags) / ${fmt(tags.budgetUnits, 2)}`);
  out.push('');
  out.push(`${'observation'.padEnd(42)} ${'comp'.padEnd(6)} ${'use'.padEnd(6)} ${'reported'.padStart(8)} ${'fitted'.padStart(8)} ${'held-out'.padStart(9)} ${'residual'.padStart(9)}`);
  for (const r of rows) {
    const res = r.heldOut === undefined ? undefined : r.reported - r.heldOut;
    const tag = r.use === 'fit' ? (r.heldOut === undefined ? '  (not identifiable without it)' : '') : r.reliability === 'low' ? '  (illustrative)' : '';
    out.push(
      `${r.id.padEnd(42)} ${r.component.padEnd(6)} ${(r.use === 'fit' ? 'LOO' : 'check').padEnd(6)} ${String(r.reported).padStart(8)} ${fmt(r.fitted).padStart(8)} ${fmt(r.heldOut).padStart(9)} ${(res === undefined ? '—' : (res >= 0 ? '+' : '') + res.toFixed(2)).padStart(9)}${tag}`,
    );
  }
  out.push('');
  out.push(`leave-one-out on the fitted legacy PackedPolicySize observations (${looRows.length} of ${fitPol.length + fitTag.length}):`);
  out.push(`  mean absolute error         ${mae.toFixed(2)} pp`);
  out.push(`  worst underestimate         ${worstUnder.toFixed(2)} pp`);
  out.push(`  worst overestimate          ${worstOver.toFixed(2)} pp`);
  out.push(`  observed failures called fits: ${failuresCalledFits} of ${failures.length} (${failureVerdicts.map((v) => `${v.id}: ${v.predicted.toFixed(1)} %, ${v.basis}`).join('; ')})`);
  if (notIdentifiable.length) {
    out.push(
      `  not identifiable when held out: ${notIdentifiable.join(', ')} — the other tag observations all have one-character keys and values, so they fix only the cost of such a tag, not the per-character budget; excluded from the mean`,
    );
  }
  out.push('');
  out.push(
    `band (reported to the API): high = estimate × (1 + relUnder) + ${R} pp, low = estimate × (1 − relOver) − ${R} pp; policy relUnder ${bands.policy.relUnder}, relOver ${bands.policy.relOver}; tags relUnder ${bands.tags.relUnder}, relOver ${bands.tags.relOver}`,
  );
  out.push('');
  out.push(`q-gram length (leave-one-out mean absolute error on the fitted policy rows): ${gramTable.map((r) => `${r.q}: ${fmt(r.mae, 2)}`).join(', ')} → ${q}`);
  out.push('policy measures compared (same leave-one-out, same rows):');
  for (const [name, v] of Object.entries(alternatives)) out.push(`  ${name.padEnd(66)} ${fmt(v, 2)} pp`);
  if (sensitivity) out.push(`sensitivity: ${sensitivity}`);
  const regional = baseline('regional');
  const global = baseline('global-legacy');
  out.push('');
  out.push(`SessionTokenSize baselines (bytes of a session token without packed content): regional ${regional.low}–${regional.high} (median ${regional.point}), global-legacy ${global.low}–${global.high} (median ${global.point})`);
  // The public SessionTokenSize points, each predicted from a baseline fitted without it (leave-one-out);
  // SessionTokenUtilization is SessionTokenSize / limit, so its error is this one divided by the limit.
  const quad = (x: number): number => Math.ceil(x / 4 - 1e-9) * 4;
  out.push(`SessionTokenSize at the public points, each held out of its baseline (SessionTokenUtilization = SessionTokenSize / ${limit}):`);
  const tokenErrors: number[] = [];
  for (const t of doc.tokenObservations) {
    if (t.length === undefined) continue;
    const others = doc.tokenObservations.filter((x) => x.format === t.format && x.id !== t.id);
    if (others.length === 0) {
      out.push(`  ${t.id.padEnd(40)} ${t.format.padEnd(13)} reported ${String(t.length).padStart(5)}  — (the only ${t.format} point)`);
      continue;
    }
    const b = baseline(t.format as 'regional' | 'global-legacy', t.id);
    const packedBytes = SETTINGS.base64CharsPerByte * packedOf(t);
    const predicted = quad(b.point + packedBytes);
    const low = quad(b.low + packedBytes);
    const high = quad(b.high + SETTINGS.tokenJitterBytes + packedBytes);
    const error = t.length - predicted;
    tokenErrors.push(error);
    out.push(
      `  ${t.id.padEnd(40)} ${t.format.padEnd(13)} reported ${String(t.length).padStart(5)}  held-out ${String(predicted).padStart(5)} (${low}–${high})  error ${(error >= 0 ? '+' : '') + error} bytes (${(error >= 0 ? '+' : '') + ((100 * error) / limit).toFixed(1)} pp utilization)${t.length < low || t.length > high ? '  OUTSIDE the band' : ''}`,
    );
  }
  if (tokenErrors.length > 0) {
    const mae = tokenErrors.reduce((s, e) => s + Math.abs(e), 0) / tokenErrors.length;
    out.push(`  mean absolute error ${mae.toFixed(1)} bytes (${((100 * mae) / limit).toFixed(2)} pp of SessionTokenUtilization) over ${tokenErrors.length} points`);
  }

  const obsHash = createHash('sha256').update(text).digest('hex');
  const constants = {
    $comment: 'Generated by `pnpm calibrate` (packages/validators/scripts/calibrate.ts) from packages/validators/calibration/observations.json. Do not edit; edit the observations and rerun. `pnpm codegen --check` fails when this file is stale.',
    generatedBy: 'packages/validators/scripts/calibrate.ts',
    observationsSha256: obsHash,
    model: {
      policyMeasure: 'novel byte q-grams; last byte of each new q-gram coded with a Krichevsky–Trofimov code over 256 byte values',
      gramLength: q,
      gramLengthLooMaePp: Object.fromEntries(gramTable.map((r) => [String(r.q), round(r.mae, 4)])),
      stringFraming: 'varint length prefix per string',
    },
    policy: { budgetUnits: round(policy.budgetUnits), offsetUnits: round(policy.offsetUnits), fittedOn: fitPol.map((o) => o.id) },
    tags: { budgetUnits: round(tags.budgetUnits), perTagUnits: round(tags.perTagUnits), fittedOn: fitTag.map((o) => o.id) },
    band: { roundingPp: R, policy: bands.policy, tags: bands.tags, from: bandRows.map((r) => r.id) },
    verdict: { nearLimitFraction: SETTINGS.nearLimitFraction },
    token: {
      limitBytes: limit,
      limitSource: doc.documented.sessionTokenMaxBytes.source,
      base64CharsPerByte: round(SETTINGS.base64CharsPerByte),
      jitterBytes: SETTINGS.tokenJitterBytes,
      baselines: { regional, 'global-legacy': global },
    },
    evaluation: {
      looMaePp: round(mae, 4),
      looWorstUnderestimatePp: round(worstUnder, 4),
      looWorstOverestimatePp: round(worstOver, 4),
      looCount: looRows.length,
      notIdentifiable,
      failuresCalledFits,
      failures: failureVerdicts.map((v) => ({ id: v.id, basis: v.basis, predictedPercent: round(v.predicted, 4) })),
      rows: rows.map((r) => ({
        id: r.id,
        component: r.component,
        use: r.use,
        reported: r.reported,
        fittedPercent: round(r.fitted, 4),
        heldOutPercent: r.heldOut === undefined ? null : round(r.heldOut, 4),
      })),
    },
  };
  return { constants, report: out.join('\n') };
}

export const OBSERVATIONS_PATH = fileURLToPath(new URL('../calibration/observations.json', import.meta.url));
export const CONSTANTS_PATH = fileURLToPath(new URL('../src/packed-size/constants.generated.json', import.meta.url));

export function serialize(constants: Record<string, unknown>): string {
  return `${JSON.stringify(constants, null, 2)}\n`;
}

/** Compares the committed constants with a fresh refit; returns a message when stale. */
export function check(): string | undefined {
  const fresh = serialize(calibrate(readFileSync(OBSERVATIONS_PATH, 'utf8')).constants);
  let current = '';
  try {
    current = readFileSync(CONSTANTS_PATH, 'utf8');
  } catch {
    return `${CONSTANTS_PATH} is missing; run \`pnpm calibrate\`.`;
  }
  return current === fresh ? undefined : `${CONSTANTS_PATH} is stale (differs from a fresh refit of calibration/observations.json); run \`pnpm calibrate\`.`;
}

// Freshness is checked by `pnpm codegen --check` (scripts/codegen.ts), with every other generated file.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { constants, report } = calibrate(readFileSync(OBSERVATIONS_PATH, 'utf8'));
  console.log(report);
  writeFileSync(CONSTANTS_PATH, serialize(constants));
  console.log(`\nwrote ${CONSTANTS_PATH}`);
}
