/**
 * Tags and TransitiveTagKeys: reserved prefixes, duplicates and conflicts with inherited transitive keys. Every
 * check is linear in the number of keys (case-fold.ts); 200,000 keys are checked in well under a second.
 */
import { makeIssue } from './issue.js';
import { AWS_TEXTS } from './aws.js';
import { CaseInsensitiveSet, firstEqualIgnoringCase } from './case-fold.js';
import type { Ctx } from './context.js';
import { reservedPrefix } from './schema-issue.js';
import { pathOf, type Sink } from './sink.js';
import { labelOf, quote, startsWithIgnoreCase } from './text.js';

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Tag keys of a Tags value, with their indices (non-string keys are skipped: the schema reports them). */
export function tagKeys(tags: unknown): { readonly index: number; readonly key: string }[] {
  const out: { index: number; key: string }[] = [];
  if (!Array.isArray(tags)) return out;
  tags.forEach((t, index) => {
    if (isRecord(t) && typeof t.Key === 'string') out.push({ index, key: t.Key });
  });
  return out;
}

export function checkTags(ctx: Ctx, tags: unknown, sink: Sink): void {
  if (!Array.isArray(tags)) return;
  const prefix = reservedPrefix();
  const keys = tagKeys(tags);
  tags.forEach((t, i) => {
    if (!isRecord(t)) return;
    for (const field of ['Key', 'Value'] as const) {
      const v = t[field];
      if (typeof v === 'string' && startsWithIgnoreCase(v, prefix)) {
        // Tag keys and values must not begin with "aws:" in any letter case (reference §5.3.3, id_tags).
        sink.add(
          makeIssue({
            code: 'reservedPrefix',
            parameter: 'Tags',
            path: pathOf('Tags', [i, field]),
            data: { parameter: labelOf('Tags', [i, field]), value: quote(v), prefix },
            range: { start: 0, end: prefix.length },
          }),
        );
      }
    }
  });
  // Keys are case-insensitive; two that differ only in case are rejected (reference §5.3.2, observed).
  const firsts = firstEqualIgnoringCase(keys.map((k) => k.key));
  for (let j = 0; j < keys.length; j++) {
    const f = firsts[j] as number;
    if (f < 0) continue;
    const later = keys[j] as { index: number; key: string };
    const earlier = keys[f] as { index: number; key: string };
    sink.add(
      makeIssue({
        code: 'duplicateKey',
        parameter: 'Tags',
        path: pathOf('Tags', [later.index, 'Key']),
        data: {
          parameter: labelOf('Tags', [later.index, 'Key']),
          key: quote(later.key),
          firstParameter: labelOf('Tags', [earlier.index, 'Key']),
          firstKey: quote(earlier.key),
        },
        ...(AWS_TEXTS.duplicateTagKeys ? { awsMessage: AWS_TEXTS.duplicateTagKeys } : {}),
      }),
    );
  }
  // A key equal (case-insensitively) to a transitive tag inherited from the calling session fails the call
  // (reference §5.3.6: documented, and observed with InvalidParameterValue).
  if (ctx.inherited.length === 0) return;
  const inheritedKeys = new CaseInsensitiveSet(ctx.inherited, keys.map((k) => k.key));
  for (const { index, key } of keys) {
    const inherited = inheritedKeys.find(key);
    if (inherited === undefined) continue;
    sink.add(
      makeIssue({
        code: 'inheritedTransitiveKeyConflict',
        parameter: 'Tags',
        path: pathOf('Tags', [index, 'Key']),
        data: { parameter: labelOf('Tags', [index, 'Key']), key: quote(key), inheritedKey: quote(inherited) },
        ...(AWS_TEXTS.inheritedTransitiveConflict ? { awsMessage: AWS_TEXTS.inheritedTransitiveConflict } : {}),
      }),
    );
  }
}

export function checkTransitiveDuplicates(keys: unknown, sink: Sink): void {
  if (!Array.isArray(keys)) return;
  const strings: string[] = [];
  const indices: number[] = [];
  keys.forEach((k, i) => {
    if (typeof k !== 'string') return;
    strings.push(k);
    indices.push(i);
  });
  const firsts = firstEqualIgnoringCase(strings);
  for (let n = 0; n < strings.length; n++) {
    const f = firsts[n] as number;
    if (f < 0) continue;
    const j = indices[n] as number;
    const i = indices[f] as number;
    // Whether STS rejects a repeated transitive key is unverified (reference §11.9): a warning.
    sink.add(
      makeIssue({
        code: 'duplicateKey',
        parameter: 'TransitiveTagKeys',
        path: pathOf('TransitiveTagKeys', [j]),
        data: {
          parameter: labelOf('TransitiveTagKeys', [j]),
          key: quote(strings[n] as string),
          firstParameter: labelOf('TransitiveTagKeys', [i]),
          firstKey: quote(strings[f] as string),
        },
        severity: 'warning',
      }),
    );
  }
}
