import type { Diagnostic } from './diagnostic.js';

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** File order of diagnostics: start offset, rule id, message, then end offset. */
export function compareDiagnostics(a: Pick<Diagnostic, 'ruleId' | 'message' | 'location'>, b: Pick<Diagnostic, 'ruleId' | 'message' | 'location'>): number {
  return (
    a.location.start.offset - b.location.start.offset ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.message, b.message) ||
    a.location.end.offset - b.location.end.offset
  );
}

/** Sorts diagnostics by start offset, rule id, message (then end offset) and drops exact repeats. */
export function sortAndDedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const diagnostic of diagnostics.slice().sort(compareDiagnostics)) {
    const key = `${diagnostic.ruleId}\u0000${diagnostic.location.start.offset}\u0000${diagnostic.location.end.offset}\u0000${diagnostic.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(diagnostic);
  }
  return out;
}

/** Appends `items` to `target` one by one: `push(...items)` overflows the stack past ~100k items. */
export function append<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}
