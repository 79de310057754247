/**
 * `suggestShrink`: concrete rewrites of an input that lower its packed size, each measured by running
 * the estimator on the rewritten input (no saving is guessed). Rewrites that change what the session
 * may do (dropping tags, moving permissions out of the inline policy) say so in their description.
 */
import manifest from '../generated/constraints.generated.json' with { type: 'json' };
import { estimateSessionToken } from './estimate.js';
import type { SessionTokenEstimate, SessionTag, ShrinkOptions, ShrinkSuggestion } from './types.js';

const POLICY_ARNS_MAX: number = manifest.documented.policyArnsMaxItems.value;
const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Both legacy percentages together: every suggestion changes one of them. */
const legacyTotal = (e: SessionTokenEstimate): number => e.legacy.policy.percent + e.legacy.tags.percent;
const round1 = (x: number): number => Math.round(x * 10) / 10;

interface Candidate {
  id: string;
  description: string;
  apply: Record<string, unknown>;
  savingPlaintextChars?: number;
}

function parsePolicy(input: Record<string, unknown>): { doc: Record<string, unknown>; statements: Record<string, unknown>[]; text: string } | undefined {
  const text = input['Policy'];
  if (typeof text !== 'string') return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(doc)) return undefined;
  const st = doc['Statement'];
  const statements = Array.isArray(st) ? st : [st];
  if (!statements.every(isRecord)) return undefined;
  return { doc, statements: statements as Record<string, unknown>[], text };
}

/** A canonical text for comparing JSON values regardless of key order (and of one-element arrays vs scalars). */
function canonical(v: unknown): string {
  if (Array.isArray(v)) {
    const items = v.map(canonical).sort();
    return items.length === 1 ? items[0]! : `[${items.join(',')}]`;
  }
  if (isRecord(v)) {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'undefined';
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/**
 * Merges statements that grant the same kind of access to the same resources under the same
 * conditions: same Effect, Resource/NotResource, Condition and Principal, both listing Action.
 * Statements with NotAction or unknown members are left alone (a union of NotAction lists would grant
 * more). The merged statement keeps the first Sid and the union of the actions in first-seen order.
 */
function mergeStatements(statements: Record<string, unknown>[]): Record<string, unknown>[] | undefined {
  const groups = new Map<string, Record<string, unknown>>();
  const out: Record<string, unknown>[] = [];
  let merged = false;
  for (const s of statements) {
    const mergeable = s['Action'] !== undefined && s['NotAction'] === undefined && Object.keys(s).every((k) => ['Sid', 'Effect', 'Action', 'Resource', 'NotResource', 'Condition', 'Principal', 'NotPrincipal'].includes(k));
    if (!mergeable) {
      out.push(s);
      continue;
    }
    const key = canonical({ e: s['Effect'], r: s['Resource'], nr: s['NotResource'], c: s['Condition'], p: s['Principal'], np: s['NotPrincipal'] });
    const existing = groups.get(key);
    if (!existing) {
      const copy = { ...s };
      groups.set(key, copy);
      out.push(copy);
      continue;
    }
    const actions = asList(existing['Action']);
    for (const a of asList(s['Action'])) if (!actions.some((b) => canonical(b) === canonical(a))) actions.push(a);
    existing['Action'] = actions.length === 1 ? actions[0] : actions;
    merged = true;
  }
  return merged ? out : undefined;
}

/** Abbreviates a tag key: the initials of its words (CamelCase, `-`, `_`, `.`, `:`, `/` or space separated), else a prefix. */
function abbreviate(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/gu, '$1 $2')
    .split(/[\s\-_.:/=+@]+/u)
    .filter(Boolean);
  const initials = words.map((w) => w[0]!).join('');
  return initials.length >= 2 ? initials : key.slice(0, 3);
}

function shortenTagKeys(tags: SessionTag[], transitive: unknown): { tags: SessionTag[]; transitive: unknown; renamed: [string, string][] } | undefined {
  const used = new Set(tags.map((t) => t.Key.toLowerCase()));
  const renamed: [string, string][] = [];
  const next = tags.map((t) => {
    if (t.Key.length <= 8 || t.Key.toLowerCase().startsWith('aws:')) return t;
    let candidate = abbreviate(t.Key);
    for (let i = 2; used.has(candidate.toLowerCase()) && i < 1000; i++) candidate = `${abbreviate(t.Key)}${i}`;
    if (candidate.length >= t.Key.length || used.has(candidate.toLowerCase())) return t;
    used.add(candidate.toLowerCase());
    renamed.push([t.Key, candidate]);
    return { Key: candidate, Value: t.Value };
  });
  if (renamed.length === 0) return undefined;
  const map = new Map(renamed.map(([a, b]) => [a.toLowerCase(), b]));
  const nextTransitive = Array.isArray(transitive) ? transitive.map((k) => (typeof k === 'string' ? (map.get(k.toLowerCase()) ?? k) : k)) : transitive;
  return { tags: next, transitive: nextTransitive, renamed };
}

function validTags(v: unknown): SessionTag[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: SessionTag[] = [];
  for (const t of v) {
    if (!isRecord(t) || typeof t['Key'] !== 'string' || typeof t['Value'] !== 'string') return undefined;
    out.push({ Key: t['Key'], Value: t['Value'] });
  }
  return out;
}

function placeholderArn(input: Record<string, unknown>, options: ShrinkOptions): string {
  if (typeof options.managedPolicyArn === 'string' && options.managedPolicyArn.length > 0) return options.managedPolicyArn;
  const role = typeof input['RoleArn'] === 'string' ? /^arn:([^:]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/u.exec(input['RoleArn']) : null;
  return role ? `arn:${role[1]}:iam::${role[2]}:policy/${role[3]}-session` : 'arn:aws:iam::123456789012:policy/session-permissions';
}

function candidates(input: Record<string, unknown>, options: ShrinkOptions, base: SessionTokenEstimate): Candidate[] {
  const out: Candidate[] = [];
  const policy = parsePolicy(input);
  const arns = Array.isArray(input['PolicyArns']) ? input['PolicyArns'] : input['PolicyArns'] === undefined ? [] : undefined;

  if (policy) {
    const minified = JSON.stringify(policy.doc);
    if (minified.length < policy.text.length) {
      out.push({
        id: 'minify-whitespace',
        description: `Minify the policy JSON: ${policy.text.length - minified.length} fewer characters against the separate 2,048-character plaintext limit. The model assumes STS parses the policy, so whitespace does not change the packed size (unverified).`,
        apply: { ...input, Policy: minified },
        savingPlaintextChars: policy.text.length - minified.length,
      });
    }
    const merged = mergeStatements(policy.statements);
    if (merged) {
      const doc = { ...policy.doc, Statement: merged };
      out.push({
        id: 'merge-statements',
        description: `Merge the statements that share Effect, resources and conditions (${policy.statements.length} → ${merged.length} statements), so each resource and condition is stated once. Same permissions.`,
        apply: { ...input, Policy: JSON.stringify(doc) },
      });
    }
    if (arns) {
      const arn = placeholderArn(input, options);
      if (arns.length < POLICY_ARNS_MAX) {
        const rest = { ...input };
        delete rest['Policy'];
        out.push({
          id: 'move-policy-to-managed-arn',
          description: `Move the inline policy into a customer managed policy and pass its ARN (${arn}) in PolicyArns: only the ARN is packed. Create the policy first, in the role's account.`,
          apply: { ...rest, PolicyArns: [...arns, { arn }] },
        });
        // The most expensive statement alone, when there is more than one.
        const costly = base.breakdown.find((e) => e.kind === 'statement');
        const index = costly ? Number(/\/Statement(?:\/(\d+))?$/u.exec(costly.path)?.[1] ?? 0) : -1;
        if (costly && policy.statements.length > 1 && Array.isArray(policy.doc['Statement']) && index >= 0) {
          const kept = policy.statements.filter((_, i) => i !== index);
          out.push({
            id: 'move-statement-to-managed-arn',
            description: `Move ${costly.label} (the largest statement, ${costly.legacyPercent} % of the legacy policy limit) into a customer managed policy passed by ARN (${arn}); the rest stays inline.`,
            apply: { ...input, Policy: JSON.stringify({ ...policy.doc, Statement: kept }), PolicyArns: [...arns, { arn }] },
          });
        }
      }
    }
  }

  const tags = validTags(input['Tags']);
  if (tags && tags.length > 0) {
    const short = shortenTagKeys(tags, input['TransitiveTagKeys']);
    if (short) {
      out.push({
        id: 'shorten-tag-keys',
        description: `Shorten long tag keys (${short.renamed.map(([a, b]) => `${a} → ${b}`).join(', ')}); update every policy that reads aws:PrincipalTag/<key> and every session that expects the old keys.`,
        apply: { ...input, Tags: short.tags, ...(input['TransitiveTagKeys'] !== undefined ? { TransitiveTagKeys: short.transitive } : {}) },
      });
    }
    const optional = new Set((Array.isArray(options.optionalTagKeys) ? options.optionalTagKeys : []).filter((k) => typeof k === 'string').map((k) => k.toLowerCase()));
    const withoutKeys = (drop: (key: string) => boolean): Record<string, unknown> => {
      const keep = tags.filter((t) => !drop(t.Key));
      const transitive = input['TransitiveTagKeys'];
      const next: Record<string, unknown> = { ...input, Tags: keep };
      if (Array.isArray(transitive)) next['TransitiveTagKeys'] = transitive.filter((k) => !(typeof k === 'string' && drop(k)));
      return next;
    };
    if (optional.size > 0 && tags.some((t) => optional.has(t.Key.toLowerCase()))) {
      const dropped = tags.filter((t) => optional.has(t.Key.toLowerCase())).map((t) => t.Key);
      out.push({
        id: 'drop-optional-tags',
        description: `Drop the optional tags ${dropped.join(', ')} (given as optional by the caller).`,
        apply: withoutKeys((k) => optional.has(k.toLowerCase())),
      });
    }
    // The three most expensive tags, one suggestion each.
    const costly = base.breakdown.filter((e) => e.kind === 'tag').slice(0, 3);
    for (const e of costly) {
      const i = Number(e.path.slice('/Tags/'.length));
      const tag = tags[i];
      if (!tag || optional.has(tag.Key.toLowerCase())) continue;
      out.push({
        id: 'drop-tag',
        description: `Drop tag ${tag.Key} (${e.legacyPercent} % of the legacy tag limit, ${e.sessionTokenBytes} token bytes) if no policy or downstream session relies on it.`,
        apply: withoutKeys((k) => k.toLowerCase() === tag.Key.toLowerCase()),
      });
    }
  }
  return out;
}

/**
 * Concrete ways to lower the packed size of `input`, each with its saving measured by re-running the
 * estimator on the rewritten input (`apply`), sorted by saving (token bytes, then legacy percentage
 * points). Suggestions that save nothing measurable are left out, except whitespace minification,
 * which helps the separate plaintext limit. Never throws.
 */
export function suggestShrink(input: unknown, options?: ShrinkOptions): ShrinkSuggestion[] {
  try {
    if (!isRecord(input)) return [];
    const opts: ShrinkOptions = isRecord(options) ? options : {};
    const base = estimateSessionToken(input, opts);
    const out: ShrinkSuggestion[] = [];
    for (const c of candidates(input, opts, base)) {
      const after = estimateSessionToken(c.apply, opts);
      const savingBytes = base.sessionToken.sessionTokenSize - after.sessionToken.sessionTokenSize;
      const savingPercent = round1(legacyTotal(base) - legacyTotal(after));
      if (savingBytes <= 0 && savingPercent <= 0 && !c.savingPlaintextChars) continue;
      out.push({
        id: c.id,
        description: c.description,
        savingPercent,
        savingBytes,
        ...(c.savingPlaintextChars ? { savingPlaintextChars: c.savingPlaintextChars } : {}),
        apply: c.apply,
      });
    }
    return out.sort((a, b) => b.savingBytes - a.savingBytes || b.savingPercent - a.savingPercent || (b.savingPlaintextChars ?? 0) - (a.savingPlaintextChars ?? 0));
  } catch {
    return [];
  }
}
