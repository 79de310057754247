import type { AssumeRoleCall, CallParameter, Span, ValueNode } from './call.js';
import type { Diagnostic, ReservedRuleId, Severity, Suggestion } from './diagnostic.js';
import { docsUrl } from './docs-url.js';
import type { ExtractionProblem, SourceComment } from './extractor.js';
import { fingerprintOf } from './fingerprint.js';
import { interpolate, missingPlaceholders } from './interpolate.js';
import { LineIndex, locationOf } from './line-index.js';
import { RESERVED_RULES } from './reserved.js';
import type { ReportDescriptor, Rule, RuleContext, Settings } from './rule.js';
import { parseDirective, type Directive } from './suppressions.js';
import { formatPointer, locateNode, parsePointer, resolvePointer, stringRangeToSpan } from './values.js';

export type RuleSeverity = 'off' | Severity;

/** How one rule runs for a file, already resolved from config by the caller. */
export interface RuleSetting {
  readonly severity: RuleSeverity;
  /** Shallow-merged over `meta.defaultOptions` when both are plain objects; otherwise replaces them. */
  readonly options?: unknown;
}

export interface RunRulesInput {
  /** Repository-relative POSIX path; used in every location. */
  readonly file: string;
  readonly text: string;
  readonly calls: readonly AssumeRoleCall[];
  readonly comments?: readonly SourceComment[];
  /** Extraction problems; each becomes a `parse-error` diagnostic. */
  readonly problems?: readonly ExtractionProblem[];
  /**
   * Every rule the run knows (the whole registry), enabled or not: directive rule ids are checked
   * against this list, and only rules with a non-`off` entry in `ruleSettings` run.
   */
  readonly rules: readonly Rule<any>[];
  /**
   * ruleId → setting. A rule without an entry is off. The reserved ids `unused-disable`,
   * `disable-without-reason` (default `warning`) and `unresolved-value` (default `off`) may be
   * configured here too; the other reserved ids are always errors.
   */
  readonly ruleSettings: Readonly<Record<string, RuleSetting | undefined>>;
  /** File-level settings; a call's own `context` facts win over them (rules see the merge). */
  readonly settings?: Settings;
  /** Reuse an index the caller already built for this text. */
  readonly lineIndex?: LineIndex;
}

const UNSUPPRESSIBLE: ReadonlySet<string> = new Set<ReservedRuleId>(['parse-error', 'config-error', 'internal-error', 'unused-disable', 'disable-without-reason']);

/**
 * Runs the enabled rules over a file's calls and returns its diagnostics: rule findings, extraction
 * problems, directive problems and rule failures, after inline suppressions, sorted by start
 * offset, then rule id, then message, without duplicates. Never throws: a rule that throws becomes
 * one `internal-error` diagnostic at the call and the run goes on.
 */
export function runRules(input: RunRulesInput): Diagnostic[] {
  const index = input.lineIndex ?? new LineIndex(input.text);
  const out: Diagnostic[] = [];
  try {
    for (const problem of input.problems ?? []) out.push(parseErrorDiagnostic(input.file, index, problem));
    for (const call of input.calls) out.push(...runCall(input, index, call));
    const suppressed = applySuppressions(input, index, out);
    return sortAndDedupe(suppressed);
  } catch (error) {
    // Only a bug in the engine itself gets here; report it instead of crashing the caller.
    return sortAndDedupe([
      ...out,
      reservedDiagnostic(input.file, index, 'internal-error', 'ruleThrew', { rule: '(engine)', error: errorText(error) }, { start: 0, end: 0 }),
    ]);
  }
}

function runCall(input: RunRulesInput, index: LineIndex, call: AssumeRoleCall): Diagnostic[] {
  const out: Diagnostic[] = [];
  const settings = callSettings(input.settings, call);
  const members = new Set(call.parameters.map((p) => p.member));
  for (const rule of input.rules) {
    const setting = input.ruleSettings[rule.id];
    if (setting === undefined || setting.severity === 'off') continue;
    const meta = rule.meta;
    let applies: boolean;
    try {
      applies = (meta.parameters.length === 0 || meta.parameters.some((m) => members.has(m))) && (meta.operations === undefined || meta.operations.includes(call.operation));
    } catch (error) {
      // Malformed meta is a rule bug like any other: report it and keep going.
      out.push(reservedDiagnostic(input.file, index, 'internal-error', 'ruleThrew', { rule: rule.id, error: errorText(error) }, call.span, call.id));
      continue;
    }
    if (!applies) continue;
    const severity = setting.severity;
    let open = true;
    const context: RuleContext<unknown> = {
      ruleId: rule.id,
      options: mergeOptions(meta.defaultOptions, setting.options),
      settings,
      file: input.file,
      text: input.text,
      report(descriptor: ReportDescriptor): void {
        // Reports after `check` returned (a stray callback) cannot belong to this run.
        if (!open) return;
        out.push(buildDiagnostic(input, index, call, rule, severity, descriptor));
      },
    };
    try {
      rule.check(call, context);
    } catch (error) {
      out.push(reservedDiagnostic(input.file, index, 'internal-error', 'ruleThrew', { rule: rule.id, error: errorText(error) }, call.span, call.id));
    } finally {
      open = false;
    }
  }
  const unresolved = reservedSeverity(input, 'unresolved-value');
  if (unresolved !== 'off') {
    for (const parameter of call.parameters) {
      walkUnresolved(parameter.value, [parameter.member], (node, path) => {
        const expression = node.kind === 'reference' ? node.text : node.parts.filter((p) => p.kind === 'hole').map((p) => p.expression).join(', ');
        const diagnostic = reservedDiagnostic(input.file, index, 'unresolved-value', 'unresolvedValue', { key: parameter.key, expression: clip(expression, 80) }, node.span, call.id, formatPointer(path));
        out.push({ ...diagnostic, severity: unresolved, parameter: parameter.member, source: { extractor: call.extractor, key: parameter.key } });
      });
    }
  }
  return out;
}

function walkUnresolved(node: ValueNode, path: (string | number)[], visit: (node: Extract<ValueNode, { kind: 'template' | 'reference' }>, path: (string | number)[]) => void): void {
  switch (node.kind) {
    case 'template':
    case 'reference':
      visit(node, path);
      return;
    case 'implicit':
      walkUnresolved(node.value, path, visit);
      return;
    case 'array':
      node.items.forEach((item, i) => walkUnresolved(item, [...path, i], visit));
      return;
    case 'object':
      for (const entry of node.entries) walkUnresolved(entry.value, [...path, entry.key], visit);
      return;
    case 'literal':
      return;
  }
}

function callSettings(settings: Settings | undefined, call: AssumeRoleCall): Settings {
  const merged: Record<string, unknown> = { ...settings };
  for (const [key, value] of Object.entries(call.context ?? {})) if (value !== undefined) merged[key] = value;
  return merged as Settings;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergeOptions(defaults: unknown, options: unknown): unknown {
  if (options === undefined) return defaults;
  if (isPlainObject(defaults) && isPlainObject(options)) return { ...defaults, ...options };
  return options;
}

/** Resolves a report's anchor (see `ReportDescriptor`) to a span plus the parameter it belongs to. */
function resolveAnchor(call: AssumeRoleCall, descriptor: ReportDescriptor): { span: Span; node?: ValueNode; parameter?: CallParameter; path?: string } {
  if (descriptor.node !== undefined) {
    // A node the rule built itself (e.g. for a template fragment) is not in the call: then the
    // descriptor's own path and parameter place it. An explicit path always wins, as it may point
    // below the node (into a policy document).
    const site = locateNode(call, descriptor.node);
    const path = descriptor.path ?? site?.path;
    const member = site?.parameter.member ?? descriptor.parameter ?? (path !== undefined ? parsePointer(path)[0] : undefined);
    const parameter = site?.parameter ?? call.parameters.find((p) => p.member === member);
    return { span: descriptor.node.span, node: descriptor.node, ...(parameter ? { parameter } : {}), ...(path !== undefined ? { path } : {}) };
  }
  if (descriptor.path !== undefined) {
    const resolved = resolvePointer(call, descriptor.path);
    if (resolved.node !== undefined && resolved.parameter !== undefined) return { span: resolved.node.span, node: resolved.node, parameter: resolved.parameter, path: descriptor.path };
  }
  if (descriptor.parameter !== undefined) {
    const parameter = call.parameters.find((p) => p.member === descriptor.parameter);
    if (parameter !== undefined) return { span: parameter.value.span, node: parameter.value, parameter, path: descriptor.path ?? formatPointer([parameter.member]) };
  }
  return { span: call.span, ...(descriptor.path !== undefined ? { path: descriptor.path } : {}) };
}

/**
 * The template for a messageId with every placeholder filled by `data`, or the internal-error
 * diagnostic that reports the rule bug (an unknown messageId or a missing placeholder).
 */
function templateFor(
  input: RunRulesInput,
  index: LineIndex,
  call: AssumeRoleCall,
  rule: Rule<any>,
  messageId: string,
  data: ReportDescriptor['data'],
): { readonly template: string } | { readonly error: Diagnostic } {
  const messages = rule.meta.messages;
  const template = Object.prototype.hasOwnProperty.call(messages, messageId) ? messages[messageId] : undefined;
  if (template === undefined) {
    return { error: reservedDiagnostic(input.file, index, 'internal-error', 'unknownMessageId', { rule: rule.id, messageId }, call.span, call.id) };
  }
  const [missing] = missingPlaceholders(template, data);
  if (missing !== undefined) {
    return { error: reservedDiagnostic(input.file, index, 'internal-error', 'missingPlaceholder', { rule: rule.id, messageId, placeholder: missing }, call.span, call.id) };
  }
  return { template };
}

function buildDiagnostic(input: RunRulesInput, index: LineIndex, call: AssumeRoleCall, rule: Rule<any>, severity: Severity, descriptor: ReportDescriptor): Diagnostic {
  const meta = rule.meta;
  const main = templateFor(input, index, call, rule, descriptor.messageId, descriptor.data);
  if ('error' in main) return main.error;
  const template = main.template;
  const suggestions: Suggestion[] = [];
  for (const suggestion of descriptor.suggestions ?? []) {
    const resolved = templateFor(input, index, call, rule, suggestion.messageId, suggestion.data);
    if ('error' in resolved) return resolved.error;
    suggestions.push({ messageId: suggestion.messageId, message: interpolate(resolved.template, suggestion.data), edits: suggestion.edits });
  }

  const anchor = resolveAnchor(call, descriptor);
  let span = anchor.span;
  if (descriptor.range !== undefined && anchor.node !== undefined) {
    const literal = anchor.node.kind === 'literal' ? anchor.node : undefined;
    if (literal !== undefined && typeof literal.value === 'string') span = stringRangeToSpan(literal, descriptor.range);
  }
  const parameter = anchor.parameter;
  const path = anchor.path;
  const diagnostic: Diagnostic = {
    ruleId: rule.id,
    severity,
    messageId: descriptor.messageId,
    message: interpolate(template, descriptor.data),
    ...(descriptor.data !== undefined ? { data: descriptor.data } : {}),
    location: locationOf(input.file, index, span),
    ...(parameter !== undefined ? { parameter: parameter.member } : descriptor.parameter !== undefined ? { parameter: descriptor.parameter } : {}),
    ...(path !== undefined ? { path } : {}),
    ...(parameter !== undefined ? { source: { extractor: call.extractor, key: parameter.key } } : {}),
    ...(descriptor.related !== undefined && descriptor.related.length > 0 ? { related: descriptor.related } : {}),
    ...(suggestions.length > 0 ? { suggestions } : {}),
    ...(meta.help !== undefined ? { help: meta.help } : {}),
    docsUrl: docsUrl(rule.id),
    fingerprint: fingerprintOf({ ruleId: rule.id, file: input.file, callId: call.id, ...(path !== undefined ? { path } : {}), messageId: descriptor.messageId }),
  };
  return diagnostic;
}

function parseErrorDiagnostic(file: string, index: LineIndex, problem: ExtractionProblem): Diagnostic {
  return reservedDiagnostic(file, index, 'parse-error', 'parseError', { message: problem.message }, problem.span, undefined, problem.message);
}

/** A diagnostic under a reserved id; `fingerprintPath` distinguishes several at one call. */
function reservedDiagnostic(
  file: string,
  index: LineIndex,
  ruleId: ReservedRuleId,
  messageId: string,
  data: Record<string, string | number>,
  span: Span,
  callId?: string,
  fingerprintPath?: string,
): Diagnostic {
  const meta = RESERVED_RULES[ruleId];
  const template = meta.messages[messageId] ?? '{{message}}';
  const severity: Severity = meta.defaultSeverity === 'off' ? 'warning' : meta.defaultSeverity;
  return {
    ruleId,
    severity,
    messageId,
    message: interpolate(template, data),
    data,
    location: locationOf(file, index, span),
    ...(fingerprintPath !== undefined && ruleId === 'unresolved-value' ? { path: fingerprintPath } : {}),
    docsUrl: docsUrl(ruleId),
    fingerprint: fingerprintOf({ ruleId, file, ...(callId !== undefined ? { callId } : {}), path: fingerprintPath ?? Object.values(data).join('\u0000'), messageId }),
  };
}

function reservedSeverity(input: RunRulesInput, ruleId: ReservedRuleId): RuleSeverity {
  const meta = RESERVED_RULES[ruleId];
  const setting = meta.configurable ? input.ruleSettings[ruleId] : undefined;
  return setting?.severity ?? meta.defaultSeverity;
}

function applySuppressions(input: RunRulesInput, index: LineIndex, diagnostics: Diagnostic[]): Diagnostic[] {
  const directives: Directive[] = [];
  for (const comment of input.comments ?? []) {
    const directive = parseDirective(comment);
    if (directive !== undefined) directives.push(directive);
  }
  if (directives.length === 0) return diagnostics;

  const known = new Set<string>([...input.rules.map((r) => r.id), 'unresolved-value']);
  const out: Diagnostic[] = [];
  // For each directive: the rule ids it targets ('*' = all) and which of them suppressed something.
  const targets = directives.map((directive) => {
    const ids = directive.ruleIds.length === 0 ? ['*'] : directive.ruleIds.filter((id) => known.has(id));
    return { directive, ids, used: new Set<string>(), lines: coveredLines(index, directive) };
  });

  for (const diagnostic of diagnostics) {
    if (UNSUPPRESSIBLE.has(diagnostic.ruleId)) {
      out.push(diagnostic);
      continue;
    }
    let suppressed = false;
    for (const target of targets) {
      if (target.lines !== 'file' && !target.lines.has(diagnostic.location.start.line)) continue;
      const id = target.ids.includes('*') ? '*' : target.ids.includes(diagnostic.ruleId) ? diagnostic.ruleId : undefined;
      if (id === undefined) continue;
      target.used.add(id);
      suppressed = true;
    }
    if (!suppressed) out.push(diagnostic);
  }

  const unusedSeverity = reservedSeverity(input, 'unused-disable');
  const reasonSeverity = reservedSeverity(input, 'disable-without-reason');
  for (const { directive, ids, used } of targets) {
    for (const id of directive.ruleIds) {
      if (known.has(id)) continue;
      const suggestion = closestId(id, known);
      out.push(
        suggestion === undefined
          ? reservedDiagnostic(input.file, index, 'config-error', 'unknownRule', { rule: id, directive: directive.name }, directive.span)
          : reservedDiagnostic(input.file, index, 'config-error', 'unknownRuleDidYouMean', { rule: id, directive: directive.name, suggestion }, directive.span),
      );
    }
    if (reasonSeverity !== 'off' && directive.reason === undefined) {
      out.push({ ...reservedDiagnostic(input.file, index, 'disable-without-reason', 'missingReason', { directive: directive.name }, directive.span, undefined, `${directive.name} ${directive.ruleIds.join(',')}`), severity: reasonSeverity });
    }
    if (unusedSeverity !== 'off') {
      for (const id of ids) {
        if (used.has(id)) continue;
        const diagnostic =
          id === '*'
            ? reservedDiagnostic(input.file, index, 'unused-disable', 'unusedDisableAll', { directive: directive.name }, directive.span)
            : reservedDiagnostic(input.file, index, 'unused-disable', 'unusedDisable', { directive: directive.name, rule: id }, directive.span);
        out.push({ ...diagnostic, severity: unusedSeverity });
      }
    }
  }
  return out;
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

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.location.start.offset - b.location.start.offset ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.message, b.message) ||
    a.location.end.offset - b.location.end.offset
  );
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts diagnostics by start offset, rule id, message (then end offset) and drops exact repeats. */
export function sortAndDedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const diagnostic of [...diagnostics].sort(compareDiagnostics)) {
    const key = `${diagnostic.ruleId}\u0000${diagnostic.location.start.offset}\u0000${diagnostic.location.end.offset}\u0000${diagnostic.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(diagnostic);
  }
  return out;
}

function errorText(error: unknown): string {
  let text: string;
  try {
    text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    text = 'unprintable error';
  }
  // One line, bounded: the error could quote anything the rule was looking at.
  return clip(text.split(/\r\n|\r|\n/)[0] ?? '', 200);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
