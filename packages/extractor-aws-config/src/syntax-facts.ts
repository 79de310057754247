/**
 * Facts only the file's syntax shows, each read by its own rule (see the package README): a BOM,
 * a duplicate section or key, an inline comment botocore keeps as part of the value, a near-miss
 * of a known key. None of them carries a secret value: data holds key names and, for non-secret
 * keys only, the comment text.
 */
import type { Fact, Span } from '@rolecall/core';
import { BOM_FACT, DUPLICATE_KEY_FACT } from '@rolecall/core';
import type { IniDocument } from './ini.js';
import { DISTINCTIVE_WORDS, isSecretKey, KNOWN_KEYS, TOOL_PREFIXES } from './known-keys.js';
import { sectionIdentity } from './sections.js';

export const FACT = {
  /** Shared with other extractors (core's `BOM_FACT`, `DUPLICATE_KEY_FACT`): the `no-bom` and `no-duplicate-keys` rules. */
  bom: BOM_FACT,
  duplicateKey: DUPLICATE_KEY_FACT,
  duplicateSection: 'aws-config/duplicate-section',
  inlineComment: 'aws-config/inline-comment',
  nearMissKey: 'aws-config/near-miss-key',
  missingSourceProfile: 'aws-config/missing-source-profile',
  sourceProfileLoop: 'aws-config/source-profile-loop',
  sourceWithCredentialSource: 'aws-config/source-profile-with-credential-source',
  sectionWithoutProfilePrefix: 'aws-config/section-without-profile-prefix',
} as const;

/** Sections of the config file that are not profiles but the AWS CLI reads on their own. */
const CLI_SECTIONS: ReadonlySet<string> = new Set(['plugins', 'preview', 'toplevel', 'default']);

/** Where the first `#` or `;` preceded by whitespace starts in a one-line value; -1 when none. */
export function inlineCommentAt(value: string): number {
  const m = /\s[#;]/.exec(value);
  return m === null ? -1 : m.index + 1;
}

/** Optimal-string-alignment distance, capped: returns `cap + 1` as soon as it must exceed `cap`. */
function distance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > cap) return cap + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** The known key an unknown key most likely means, or undefined when it is no near miss. */
export function nearMissOf(key: string): string | undefined {
  if (KNOWN_KEYS.has(key) || TOOL_PREFIXES.some((p) => key.startsWith(p))) return undefined;
  if (key.length >= 5) {
    let best: string | undefined;
    let bestDistance = 3;
    for (const known of KNOWN_KEYS) {
      const d = distance(key, known, 2);
      if (d < bestDistance) {
        best = known;
        bestDistance = d;
      }
    }
    if (best !== undefined) return best;
  }
  for (const word of key.split(/[_\-.]+/)) {
    const target = DISTINCTIVE_WORDS[word];
    if (target !== undefined) return target;
  }
  return undefined;
}

/** Syntax facts of one parsed file. */
export function syntaxFacts(doc: IniDocument, path: string, credentialsFile: boolean): Fact[] {
  const facts: Fact[] = [];
  if (doc.bom) facts.push({ kind: FACT.bom, span: { start: 0, end: 1 }, data: { consequence: 'the AWS CLI and the Python SDK do not see the first section header and refuse to load the file.' } });
  const seenSections = new Map<string, Span>();
  for (const section of doc.sections) {
    const identity = sectionIdentity(section.header, credentialsFile);
    const id = `${identity.kind} ${identity.name}`;
    // `[dev]` in the config file is no profile (only the credentials file names profiles bare):
    // botocore ignores the section, so `--profile dev` fails. Reported when it holds profile settings.
    if (identity.kind === 'other' && !CLI_SECTIONS.has(section.header.trim()) && section.entries.some((e) => KNOWN_KEYS.has(e.key) || nearMissOf(e.key) !== undefined)) {
      facts.push({ kind: FACT.sectionWithoutProfilePrefix, span: section.headerSpan, data: { section: `[${section.header}]`, suggestion: `[profile ${section.header.trim()}]` } });
    }
    const first = seenSections.get(id);
    if (first !== undefined) {
      facts.push({ kind: FACT.duplicateSection, span: section.headerSpan, data: { section: `[${section.header}]` }, related: [{ file: path, span: first, message: 'first defined here' }] });
    } else seenSections.set(id, section.headerSpan);
    const seenKeys = new Map<string, Span>();
    for (const entry of section.entries) {
      const earlier = seenKeys.get(entry.key);
      if (earlier !== undefined) {
        facts.push({
          kind: FACT.duplicateKey,
          span: entry.keySpan,
          data: { key: JSON.stringify(entry.rawKey), consequence: `it is set twice in [${section.header}], so the AWS CLI and the Python SDK refuse to load the file, and other SDKs keep one of the two values.` },
          related: [{ file: path, span: earlier, message: `first "${entry.key}" of [${section.header}]` }],
        });
      }
      else seenKeys.set(entry.key, entry.keySpan);
      if (!entry.multiline) {
        const at = inlineCommentAt(entry.value);
        if (at >= 0) {
          const span = { start: entry.valueSpan.start + at, end: entry.valueSpan.end };
          facts.push({ kind: FACT.inlineComment, span, data: isSecretKey(entry.key) ? { key: entry.rawKey } : { key: entry.rawKey, comment: entry.value.slice(at), value: entry.value } });
        }
      }
      const suggestion = identity.kind !== 'services' ? nearMissOf(entry.key) : undefined;
      if (suggestion !== undefined) facts.push({ kind: FACT.nearMissKey, span: entry.keySpan, data: { key: entry.rawKey, suggestion } });
    }
  }
  return facts;
}
