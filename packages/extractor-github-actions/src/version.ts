/**
 * Which release of configure-aws-credentials a `uses:` ref runs, and which inputs that release
 * has (from the data table in action-table.ts).
 */
import { INPUT_SINCE, LATEST_OF_MAJOR, PARSE_INT_SINCE } from './action-table.js';

/** A release as [major, minor, patch]. */
export type Version = readonly [number, number, number];

export interface PinnedRef {
  /** The ref as written after `@`. */
  readonly ref: string;
  /** The release the ref runs, when the ref or its `# vX.Y.Z` comment says; undefined for a branch or a bare SHA. */
  readonly version?: Version;
  /** How to name the pinned release in messages: `v4`, `v4.1.0`, `v4.1.0 (SHA pinned)`, `main`. */
  readonly label: string;
}

export function parseVersion(text: string): Version | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(text.trim());
  if (m === null) return undefined;
  return [Number(m[1]), m[2] === undefined ? Number.MAX_SAFE_INTEGER : Number(m[2]), m[3] === undefined ? Number.MAX_SAFE_INTEGER : Number(m[3])];
}

export function compareVersions(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** A `@v4` ref runs the newest v4 release; a major the table does not know stays open-ended. */
function concrete(version: Version): Version {
  if (version[1] !== Number.MAX_SAFE_INTEGER) return version;
  const latest = LATEST_OF_MAJOR[version[0]];
  return latest !== undefined ? (parseVersion(latest) as Version) : version;
}

const NEWEST = Object.values(LATEST_OF_MAJOR).at(-1) as string;

/**
 * The ref of `aws-actions/configure-aws-credentials@<ref>`; `comment` is the text after the value
 * on the same line (`# v4.1.0` next to a SHA).
 */
export function pinnedRef(ref: string, comment: string | undefined): PinnedRef {
  const direct = parseVersion(ref);
  if (direct !== undefined) return { ref, version: concrete(direct), label: ref };
  const fromComment = comment === undefined ? undefined : /#\s*(v?\d+(?:\.\d+){0,2})\b/.exec(comment)?.[1];
  const version = fromComment === undefined ? undefined : parseVersion(fromComment);
  if (version !== undefined) return { ref, version: concrete(version), label: `${fromComment!.startsWith("v") ? "" : "v"}${fromComment} at ${ref.slice(0, 12)}` };
  return { ref, label: ref };
}

export function isAtLeast(pinned: PinnedRef, since: string): boolean {
  if (pinned.version === undefined) return true;
  return compareVersions(pinned.version, parseVersion(since) as Version) >= 0;
}

/** Inputs the pinned release has; for an unknown release, every input of any release. */
export function inputsOf(pinned: PinnedRef): readonly string[] {
  return INPUT_SINCE.filter(([, since]) => isAtLeast(pinned, since)).map(([input]) => input);
}

/** The release that added an input, if any release has it. */
export function inputSince(input: string): string | undefined {
  return INPUT_SINCE.find(([name]) => name === input)?.[1];
}

/** Whether the pinned release reads role-duration-seconds with `parseInt`. */
export function usesParseInt(pinned: PinnedRef): boolean {
  return isAtLeast(pinned, PARSE_INT_SINCE);
}

/** The newest release the table knows, for messages about unknown refs. */
export const NEWEST_RELEASE = NEWEST;
