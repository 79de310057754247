/**
 * Profiles as botocore sees them across the files of one configuration (a `config` and the
 * `credentials` beside it): the credentials file's values override the config file's for the same
 * profile (`botocore/session.py`, `full_config`). From that merged view come each role-assuming
 * profile's chaining context and the cross-profile facts (missing source profile, loops,
 * `source_profile` with `credential_source`).
 */
import type { Fact, RelatedSpan, Span } from '@rolecall/core';
import type { IniDocument, IniEntry } from './ini.js';
import { sectionIdentity } from './sections.js';
import { FACT } from './syntax-facts.js';

/** One file of a configuration, as the extractor exports it (plain data). */
export interface ConfigFile {
  readonly path: string;
  readonly credentials: boolean;
  readonly doc: IniDocument;
}

export interface PlacedEntry {
  readonly file: string;
  readonly entry: IniEntry;
}

export interface ProfileView {
  readonly name: string;
  /** Where the profile is first defined (config before credentials). */
  readonly file: string;
  readonly headerSpan: Span;
  readonly keys: ReadonlyMap<string, PlacedEntry>;
}

/** Merged profiles of a configuration: config files first, then credentials files override. */
export function profileTable(files: readonly ConfigFile[]): Map<string, ProfileView> {
  const table = new Map<string, { name: string; file: string; headerSpan: Span; keys: Map<string, PlacedEntry> }>();
  const ordered = [...files.filter((f) => !f.credentials), ...files.filter((f) => f.credentials)];
  for (const file of ordered) {
    for (const section of file.doc.sections) {
      const identity = sectionIdentity(section.header, file.credentials);
      if (identity.kind !== 'profile') continue;
      let view = table.get(identity.name);
      if (view === undefined) {
        view = { name: identity.name, file: file.path, headerSpan: section.headerSpan, keys: new Map() };
        table.set(identity.name, view);
      }
      for (const entry of section.entries) view.keys.set(entry.key, { file: file.path, entry });
    }
  }
  return table;
}

const has = (view: ProfileView, key: string): boolean => view.keys.has(key);
export const assumesRole = (view: ProfileView): boolean => has(view, 'role_arn');
const hasStaticKeys = (view: ProfileView): boolean => has(view, 'aws_access_key_id');
/** IAM Identity Center credentials are a permission set role's session, so assuming a role from them chains. */
const isSsoRole = (view: ProfileView): boolean => has(view, 'sso_role_name') || has(view, 'sso_account_id');

function valueSpan(placed: PlacedEntry): Span {
  return placed.entry.valueSpan;
}

/** What a profile's source credentials are, for `context.roleChaining`. */
export interface Chaining {
  readonly roleChaining?: boolean;
  readonly chainedFrom?: RelatedSpan;
}

export function chainingOf(view: ProfileView, table: ReadonlyMap<string, ProfileView>): Chaining {
  if (has(view, 'web_identity_token_file')) return {};
  const source = view.keys.get('source_profile');
  const credentialSource = view.keys.get('credential_source');
  if (source !== undefined && credentialSource !== undefined) return {};
  // credential_source (Environment, Ec2InstanceMetadata, EcsContainer) is not role chaining by
  // itself: the IAM User Guide defines chaining as using a role's session to assume another role.
  if (source === undefined) return credentialSource !== undefined ? { roleChaining: false } : {};
  const target = table.get(source.entry.value);
  if (target === undefined) return {};
  if (target === view) return hasStaticKeys(view) ? { roleChaining: false } : {};
  if (assumesRole(target) || isSsoRole(target)) {
    const how = assumesRole(target) ? 'assumes a role' : 'signs in with an IAM Identity Center role';
    return {
      roleChaining: true,
      chainedFrom: { file: target.file, span: target.headerSpan, message: `profile "${target.name}" ${how}; its session is the source credentials of profile "${view.name}"` },
    };
  }
  if (hasStaticKeys(target) || has(target, 'credential_process')) return { roleChaining: false };
  return {};
}

/**
 * Cross-profile facts for the profiles defined in `path`, linear in the number of profiles: the
 * `source_profile` graph has at most one edge per profile, so cycles are found with one colouring
 * walk. Only profiles that assume a role are judged: botocore reads `source_profile` nowhere else.
 */
export function crossProfileFacts(path: string, table: ReadonlyMap<string, ProfileView>): Fact[] {
  const facts: Fact[] = [];
  const next = (view: ProfileView): ProfileView | undefined => {
    if (!assumesRole(view) || has(view, 'web_identity_token_file')) return undefined;
    const source = view.keys.get('source_profile');
    if (source === undefined) return undefined;
    const target = table.get(source.entry.value);
    if (target === undefined) return undefined;
    // A profile may name itself when it holds static keys (botocore's documented exception).
    if (target === view) return hasStaticKeys(view) ? undefined : view;
    // The chain ends at a profile that does not assume a role: its own credentials are used.
    return assumesRole(target) ? target : undefined;
  };
  const state = new Map<ProfileView, 'walking' | 'done'>();
  const inCycle = new Map<ProfileView, ProfileView[]>();
  for (const start of table.values()) {
    const stack: ProfileView[] = [];
    let cur: ProfileView | undefined = start;
    while (cur !== undefined && state.get(cur) === undefined) {
      state.set(cur, 'walking');
      stack.push(cur);
      cur = next(cur);
    }
    if (cur !== undefined && state.get(cur) === 'walking') {
      const cycle = stack.slice(stack.indexOf(cur));
      for (const member of cycle) inCycle.set(member, cycle);
    }
    for (const v of stack) state.set(v, 'done');
  }

  for (const view of table.values()) {
    if (!assumesRole(view)) continue;
    const source = view.keys.get('source_profile');
    if (source === undefined || source.file !== path) continue;
    const credentialSource = view.keys.get('credential_source');
    if (credentialSource !== undefined) {
      facts.push({
        kind: FACT.sourceWithCredentialSource,
        span: { start: source.entry.keySpan.start, end: valueSpan(source).end },
        data: { profile: view.name },
        related: [{ file: credentialSource.file, span: { start: credentialSource.entry.keySpan.start, end: valueSpan(credentialSource).end }, message: 'credential_source is set here too' }],
      });
      continue;
    }
    if (!table.has(source.entry.value)) {
      facts.push({ kind: FACT.missingSourceProfile, span: valueSpan(source), data: { profile: view.name, source: source.entry.value } });
      continue;
    }
    const cycle = inCycle.get(view);
    if (cycle !== undefined) {
      const at = cycle.indexOf(view);
      const order = [...cycle.slice(at), ...cycle.slice(0, at), view].map((v) => v.name);
      facts.push({
        kind: FACT.sourceProfileLoop,
        span: valueSpan(source),
        data: { profile: view.name, cycle: order.map((n) => `"${n}"`).join(' → ') },
        related: cycle
          .filter((v) => v !== view)
          .map((v) => {
            const s = v.keys.get('source_profile')!;
            return { file: s.file, span: valueSpan(s), message: `profile "${v.name}" takes its credentials from profile "${s.entry.value}"` };
          }),
      });
    }
  }
  return facts;
}
