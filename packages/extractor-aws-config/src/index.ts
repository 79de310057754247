import type { ExtractionResult, Extractor, ExtractorPart, ProjectUpdate, SourceFile } from '@rolecall/core';
import { awsConfigDiscovery, EXTRACTOR_ID } from './discovery.js';
import { buildResult, extractAwsConfig, type AwsConfigExports } from './extract.js';

export { buildResult, CALL_KIND, extractAwsConfig, EXTRACTOR_ID, isCredentialsFile, type AwsConfigExports } from './extract.js';
export { awsConfigDiscovery, prefilter } from './discovery.js';
export { parseIni, type IniDocument, type IniEntry, type IniSection } from './ini.js';
export { FACT, inlineCommentAt, nearMissOf } from './syntax-facts.js';
export { isSecretKey, KNOWN_KEYS, ROLE_KEYS } from './known-keys.js';
export { shlexSplit, sectionIdentity } from './sections.js';

/** A plain file named `config` counts only when it has `[profile …]` sections (the AWS config's own form). */
const PROFILE_HEADER = /^[ \t]*\[[ \t]*profile[ \t]/m;

function isNamedConfigOnly(path: string): boolean {
  return /(?:^|[\\/])config$/.test(path) && !/(?:^|[\\/])\.aws[\\/]config$/.test(path);
}

/**
 * The files of one configuration: `config` and `credentials` in the same folder (as `~/.aws/`
 * holds them) are merged as botocore merges them; any other file stands alone.
 */
function groupOf(path: string): string {
  const m = /^(.*[\\/])?(?:config|credentials)$/.exec(path);
  return m !== null ? `dir:${m[1] ?? ''}` : `file:${path}`;
}

function project(parts: ReadonlyMap<string, ExtractorPart>): ProjectUpdate {
  const groups = new Map<string, AwsConfigExports[]>();
  for (const part of parts.values()) {
    const file = part.exports as AwsConfigExports | undefined;
    if (file === undefined) continue;
    const key = groupOf(file.path);
    const list = groups.get(key) ?? [];
    list.push(file);
    groups.set(key, list);
  }
  const update = new Map<string, ExtractorPart>();
  for (const group of groups.values()) {
    for (const file of group) {
      const r = buildResult(file, group, true);
      update.set(file.path, { extractor: EXTRACTOR_ID, calls: r.calls, roles: [], facts: r.facts ?? [], comments: r.comments, problems: r.problems, exports: r.exports });
    }
  }
  return update;
}

/**
 * Reads AWS shared config and credentials files: `.aws/config`, `.aws/credentials`, `*.aws-config`,
 * and any file named `config` with `[profile …]` sections. Each profile with `role_arn` is a call.
 */
export const awsConfigExtractor: Extractor = {
  ...awsConfigDiscovery,
  extract(file: SourceFile): ExtractionResult {
    if (isNamedConfigOnly(file.path) && !PROFILE_HEADER.test(file.text)) return { calls: [], comments: [], problems: [] };
    return extractAwsConfig(file.path, file.text);
  },
  project,
};

export default awsConfigExtractor;
