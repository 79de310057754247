/**
 * Turns parsed AWS config/credentials files into calls: every profile with `role_arn` is one
 * AssumeRole (or AssumeRoleWithWebIdentity with `web_identity_token_file`) call made by the AWS
 * CLI and SDKs when the profile is used.
 */
import type { AssumeRoleCall, CallParameter, ExtractionResult, Fact, LiteralNode, StsMember, ValueNode, Written } from '@rolecall/core';
import { offsetMap } from '@rolecall/core';
import type { IniEntry, IniSection } from './ini.js';
import { parseIni } from './ini.js';
import { chainingOf, crossProfileFacts, profileTable, type ConfigFile } from './profiles.js';
import { sectionIdentity } from './sections.js';
import { syntaxFacts } from './syntax-facts.js';

import { EXTRACTOR_ID } from './discovery.js';

export { EXTRACTOR_ID };
export const CALL_KIND = 'aws-config-profile';

/** Profile keys that are STS request members (surfaces.md §5a). */
const MEMBER_OF_KEY: Readonly<Record<string, StsMember>> = {
  role_arn: 'RoleArn',
  role_session_name: 'RoleSessionName',
  duration_seconds: 'DurationSeconds',
  external_id: 'ExternalId',
  mfa_serial: 'SerialNumber',
  web_identity_token_file: 'WebIdentityToken',
};

/** What `exports` holds: the parsed file, for the project hook (plain data). */
export type AwsConfigExports = ConfigFile;

/** Whether the path is a credentials file (section names are profile names, taken literally). */
export function isCredentialsFile(path: string): boolean {
  return /(?:^|[\\/])credentials$/.test(path);
}

function literal(entry: IniEntry, value: string | number, written?: Written): LiteralNode {
  // An unquoted value is laid out 1:1 from its first character (a typed array: compact, and it clones).
  let table: ArrayLike<number> | undefined = entry.offsets;
  if (table === undefined) {
    const identity = new Uint32Array(entry.value.length + 1);
    for (let i = 0; i < identity.length; i++) identity[i] = entry.valueSpan.start + i;
    table = identity;
  }
  return { kind: 'literal', span: entry.valueSpan, value, offsets: offsetMap(table), ...(written !== undefined ? { written } : {}) };
}

/**
 * `duration_seconds` as the tools read it: botocore applies Python's `int()` (surrounding blanks,
 * a sign and `_` between digits allowed) and silently drops the setting otherwise; the JS SDK v3
 * uses `parseInt`. An integer becomes a number (with the text as written when it differs); any
 * other text stays a string, which the duration rules report.
 */
function durationNode(entry: IniEntry): LiteralNode {
  const text = entry.value;
  if (/^[+-]?\d+(?:_\d+)*$/.test(text)) {
    const n = Number(text.replace(/_/g, ''));
    return literal(entry, n, String(n) === text ? undefined : { text, unit: 'seconds' });
  }
  // The message already quotes the string it got; the JSON form of the text keeps core from naming
  // the parameter a second time with the unquoted INI text (`duration_seconds 1h # x must be …`).
  return literal(entry, text, { text: JSON.stringify(text), conversion: "botocore's int() rejects this text, so the AWS CLI and the Python SDK drop the setting silently (the JS SDK v3 reads it with parseInt)." });
}

function valueNode(entry: IniEntry, member: StsMember): ValueNode {
  if (member === 'DurationSeconds') return durationNode(entry);
  // The token is the file's content at run time: known only as a reference to the path.
  if (member === 'WebIdentityToken') return { kind: 'reference', span: entry.valueSpan, text: `contents of ${entry.value}` };
  return literal(entry, entry.value);
}

/** botocore's and the CLI's session name when `role_session_name` is absent. */
const DEFAULT_SESSION_NAME_ORIGIN = 'AWS CLI and Python SDK default botocore-session-<seconds since 1970> (the JS SDK v3 uses aws-sdk-js-<milliseconds>)';

function callOf(path: string, section: IniSection, index: number, context: ReturnType<typeof chainingOf>): AssumeRoleCall {
  const byMember = new Map<StsMember, CallParameter>();
  for (const entry of section.entries) {
    const member = MEMBER_OF_KEY[entry.key];
    if (member === undefined) continue;
    // botocore refuses a duplicate key; other readers keep the last, as here (the duplicate is reported).
    byMember.set(member, { member, key: entry.rawKey, keySpan: entry.keySpan, value: valueNode(entry, member) });
  }
  // With mfa_serial the AWS CLI and SDKs prompt for the code (TokenCode) at run time: present, unknown.
  const serial = byMember.get('SerialNumber');
  if (serial !== undefined) byMember.set('TokenCode', { member: 'TokenCode', key: serial.key, value: { kind: 'reference', span: serial.value.span, text: 'the MFA code the AWS CLI or SDK prompts for' } });
  const web = byMember.has('WebIdentityToken');
  if (!byMember.has('RoleSessionName')) {
    const value: LiteralNode = { kind: 'literal', span: section.headerSpan, value: `botocore-session-${'0'.repeat(10)}` };
    byMember.set('RoleSessionName', { member: 'RoleSessionName', key: 'role_session_name', value: { kind: 'implicit', span: section.headerSpan, value, origin: DEFAULT_SESSION_NAME_ORIGIN } });
  }
  const parameters = [...byMember.values()].sort((a, b) => a.value.span.start - b.value.span.start);
  const ctx = { ...(context.roleChaining !== undefined ? { roleChaining: context.roleChaining } : {}), ...(context.chainedFrom !== undefined ? { chainedFrom: context.chainedFrom } : {}) };
  return {
    id: `${EXTRACTOR_ID}:${index}`,
    file: path,
    extractor: EXTRACTOR_ID,
    kind: CALL_KIND,
    operation: web ? 'AssumeRoleWithWebIdentity' : 'AssumeRole',
    span: section.span,
    parameters,
    ...(Object.keys(ctx).length > 0 ? { context: ctx } : {}),
  };
}

/**
 * Builds a file's extraction against the configuration it belongs to (`group`, this file included).
 * `crossFile` adds the facts that need every file of the configuration (a missing source profile
 * could be in the credentials file beside it), so only the project hook sets it.
 */
export function buildResult(file: ConfigFile, group: readonly ConfigFile[], crossFile: boolean): ExtractionResult {
  const table = profileTable(group);
  const calls: AssumeRoleCall[] = [];
  for (const section of file.doc.sections) {
    const identity = sectionIdentity(section.header, file.credentials);
    if (identity.kind !== 'profile' || !section.entries.some((e) => e.key === 'role_arn')) continue;
    const view = table.get(identity.name);
    calls.push(callOf(file.path, section, calls.length, view !== undefined ? chainingOf(view, table) : {}));
  }
  const facts: Fact[] = syntaxFacts(file.doc, file.path, file.credentials);
  if (crossFile) facts.push(...crossProfileFacts(file.path, table));
  facts.sort((a, b) => a.span.start - b.span.start);
  const exports: AwsConfigExports = file;
  return { calls, comments: file.doc.comments, problems: file.doc.problems, facts, exports };
}

/** Parses one file and extracts it on its own (the project hook adds what crosses files). */
export function extractAwsConfig(path: string, text: string): ExtractionResult {
  const file: ConfigFile = { path, credentials: isCredentialsFile(path), doc: parseIni(text) };
  return buildResult(file, [file], false);
}
