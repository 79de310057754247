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
  readonly #seen = new Set<string>();
  add(issue: Issue): void {
    this.issues.push(issue);
    this.#seen.add(`${issue.code}\u0000${issue.path}`);
  }
  /** Constant time: 200,000 issues must not make each lookup a scan. */
  has(path: string, code: IssueCode): boolean {
    return this.#seen.has(`${code}\u0000${path}`);
  }
}

export interface Where {
  readonly ctx: import('./context.js').Ctx;
  readonly member: string;
  readonly segments: Segments;
}
