/** Issues of one member and the JSON Pointer paths they sit at. */
import type { Issue, IssueCode } from '../types.js';
import { pointerToken } from './text.js';

export type Segments = readonly (string | number)[];

export function pathOf(member: string, segments: Segments): string {
  let p = `/${pointerToken(member)}`;
  for (const s of segments) p += `/${pointerToken(s)}`;
  return p;
}

/** Issues of one member go through this sink so the per-member special cases can see what is already reported. */
export class Sink {
  readonly issues: Issue[] = [];
  /**
   * The paths of the issues of each code asked about so far. Only codes someone asks about are indexed: a key for
   * every issue cost about 80 bytes an issue, 170 MB for a list of two million bad items (issue 14).
   */
  readonly #paths = new Map<IssueCode, Set<string>>();
  add(issue: Issue): void {
    this.issues.push(issue);
    this.#paths.get(issue.code)?.add(issue.path);
  }
  /** Constant time once a code is indexed (one pass over the issues): 200,000 issues must not make each lookup a scan. */
  has(path: string, code: IssueCode): boolean {
    let paths = this.#paths.get(code);
    if (paths === undefined) {
      paths = new Set();
      for (const issue of this.issues) if (issue.code === code) paths.add(issue.path);
      this.#paths.set(code, paths);
    }
    return paths.has(path);
  }
}

export interface Where {
  readonly ctx: import('./context.js').Ctx;
  readonly member: string;
  readonly segments: Segments;
}
