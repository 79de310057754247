/**
 * Inline suppressions, applied once per file after every pass (each extractor's rules and the
 * project rules) has reported, so a directive used by one pass is never `unused-disable` for another.
 */
import type { SourceComment } from './extractor.js';
import type { Diagnostic, ReservedRuleId } from './diagnostic.js';
import type { LineIndex } from './line-index.js';
import { reservedDiagnostic, type Locator } from './report.js';
import { parseDirective, type Directive } from './suppressions.js';
import { reservedSeverity, type RuleSettings } from './severity.js';
import { editDistance } from './nearest.js';

const UNSUPPRESSIBLE: ReadonlySet<string> = new Set<ReservedRuleId>(['parse-error', 'config-error', 'internal-error', 'unused-disable', 'disable-without-reason']);

/** Comments read by several extractors of one file (a `.yml` read twice) count once. */
export function uniqueComments(comments: readonly SourceComment[]): SourceComment[] {
  const seen = new Set<string>();
  const out: SourceComment[] = [];
  for (const comment of comments) {
    const key = `${comment.span.start}:${comment.span.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(comment);
  }
  return out;
}

/**
 * Drops suppressed diagnostics and adds the directives' own findings (unknown rule ids, unused
 * directives, missing reasons). `knownRuleIds` are every rule the run knows, enabled or not.
 */
export function applySuppressions(
  locator: Locator,
  comments: readonly SourceComment[],
  diagnostics: readonly Diagnostic[],
  knownRuleIds: readonly string[],
  ruleSettings: RuleSettings,
): Diagnostic[] {
  const suppressions = new Suppressions(locator, comments, knownRuleIds, ruleSettings);
  if (suppressions.none) return diagnostics.slice();
  const out = diagnostics.filter((d) => !suppressions.suppresses(d));
  for (const d of suppressions.findings()) out.push(d);
  return out;
}

/**
 * A file's inline suppressions, one diagnostic at a time: `suppresses` says whether a diagnostic is
 * dropped (and records which directive it used), `findings` then says what the directives
 * themselves are wrong about. Taking diagnostics one by one lets the engine drop suppressed ones as
 * rules report them, instead of holding all of a file's findings first (see findings.ts).
 */
export class Suppressions {
  private readonly targets: { directive: Directive; ids: string[]; used: Set<string>; lines: Set<number> | 'file' }[];
  private readonly known: ReadonlySet<string>;

  constructor(
    private readonly locator: Locator,
    comments: readonly SourceComment[],
    knownRuleIds: readonly string[],
    private readonly ruleSettings: RuleSettings,
  ) {
    const directives: Directive[] = [];
    for (const comment of uniqueComments(comments)) {
      const directive = parseDirective(comment);
      if (directive !== undefined) directives.push(directive);
    }
    const known = new Set<string>(directives.length === 0 ? [] : [...knownRuleIds, 'unresolved-value']);
    this.known = known;
    // For each directive: the rule ids it targets ('*' = all) and which of them suppressed something.
    this.targets = directives.map((directive) => {
      const ids = directive.ruleIds.length === 0 ? ['*'] : directive.ruleIds.filter((id) => known.has(id));
      return { directive, ids, used: new Set<string>(), lines: coveredLines(locator.index, directive) };
    });
  }

  /** No directive in the file: nothing is suppressed and nothing is added. */
  get none(): boolean {
    return this.targets.length === 0;
  }

  /** Whether a directive suppresses `diagnostic`; every directive that covers it counts as used. */
  suppresses(diagnostic: Pick<Diagnostic, 'ruleId' | 'location'>): boolean {
    if (this.targets.length === 0 || UNSUPPRESSIBLE.has(diagnostic.ruleId)) return false;
    let suppressed = false;
    for (const target of this.targets) {
      if (target.lines !== 'file' && !target.lines.has(diagnostic.location.start.line)) continue;
      const id = target.ids.includes('*') ? '*' : target.ids.includes(diagnostic.ruleId) ? diagnostic.ruleId : undefined;
      if (id === undefined) continue;
      target.used.add(id);
      suppressed = true;
    }
    return suppressed;
  }

  /** The directives' own findings; call once, after every diagnostic of the file went through `suppresses`. */
  findings(): Diagnostic[] {
    const { locator, known } = this;
    const out: Diagnostic[] = [];
    const unusedSeverity = reservedSeverity(this.ruleSettings, 'unused-disable');
    const reasonSeverity = reservedSeverity(this.ruleSettings, 'disable-without-reason');
    for (const { directive, ids, used } of this.targets) {
      for (const id of directive.ruleIds) {
        if (known.has(id)) continue;
        const suggestion = closestId(id, known);
        out.push(
          suggestion === undefined
            ? reservedDiagnostic(locator, 'config-error', 'unknownRule', { rule: id, directive: directive.name }, directive.span)
            : reservedDiagnostic(locator, 'config-error', 'unknownRuleDidYouMean', { rule: id, directive: directive.name, suggestion }, directive.span),
        );
      }
      if (reasonSeverity !== 'off' && directive.reason === undefined) {
        out.push({ ...reservedDiagnostic(locator, 'disable-without-reason', 'missingReason', { directive: directive.name }, directive.span, undefined, `${directive.name} ${directive.ruleIds.join(',')}`), severity: reasonSeverity });
      }
      if (unusedSeverity !== 'off') {
        for (const id of ids) {
          if (used.has(id)) continue;
          const diagnostic =
            id === '*'
              ? reservedDiagnostic(locator, 'unused-disable', 'unusedDisableAll', { directive: directive.name }, directive.span)
              : reservedDiagnostic(locator, 'unused-disable', 'unusedDisable', { directive: directive.name, rule: id }, directive.span);
          out.push({ ...diagnostic, severity: unusedSeverity });
        }
      }
    }
    return out;
  }
}

/** Lines a directive covers: the comment's own lines, the line after it, or the whole file. */
function coveredLines(index: LineIndex, directive: Directive): Set<number> | 'file' {
  if (directive.kind === 'disable-file') return 'file';
  const span = index.normalizeSpan(directive.span);
  const first = index.positionAt(span.start).line;
  const last = index.positionAt(span.end).line;
  if (directive.kind === 'disable-next-line') return new Set([last + 1]);
  const lines = new Set<number>();
  for (let line = first; line <= last; line++) lines.add(line);
  return lines;
}

/** The known id closest to a misspelt one (edit distance ≤ 2), to offer "Did you mean". */
function closestId(id: string, known: ReadonlySet<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of [...known].sort()) {
    const distance = editDistance(id, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
