/**
 * The rule loop for one file: every enabled rule over the file's calls (`check`), facts
 * (`checkFact`) and role definitions (`checkRole`), plus `parse-error` for extraction problems and
 * `unresolved-value` for values not known statically. A rule that throws becomes one
 * `internal-error` at its target and the loop goes on.
 */
import type { AssumeRoleCall, Fact, ValueNode } from './call.js';
import type { Diagnostic } from './diagnostic.js';
import type { ExtractionProblem, SourceComment } from './extractor.js';
import { LineIndex } from './line-index.js';
import { sortAndDedupe } from './order.js';
import type { RoleDefinition } from './project.js';
import { clip, draftDiagnostic, errorText, reservedDiagnostic, toDiagnostic, type DiagnosticDraft, type Locator, type ReportTarget } from './report.js';
import type { ReportDescriptor, Rule, RuleContext, Settings } from './rule.js';
import { applySuppressions } from './apply-suppressions.js';
import { mergeOptions, reservedSeverity, type RuleSettings } from './severity.js';
import { formatPointer } from './values.js';
import type { Timing } from './timing.js';

export type { RuleSetting, RuleSeverity, RuleSettings } from './severity.js';

export interface RunRulesInput {
  /** Repository-relative POSIX path; used in every location. */
  readonly file: string;
  readonly text: string;
  readonly calls: readonly AssumeRoleCall[];
  readonly roles?: readonly RoleDefinition[];
  /** File-level facts (call-level facts travel on their call). */
  readonly facts?: readonly Fact[];
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
  readonly ruleSettings: RuleSettings;
  /** File-level settings; a call's own `context` facts win over them (rules see the merge). */
  readonly settings?: Settings;
  /** Reuse an index the caller already built for this text. */
  readonly lineIndex?: LineIndex;
  /** Line indexes of the run's other files, for related locations that point there. */
  readonly indexOf?: (file: string) => LineIndex | undefined;
  /** Adds each rule's time to `timing.rules` (`TIMING=1`); absent: nothing is measured. */
  readonly timing?: Timing;
}

/**
 * Runs the enabled rules over a file and returns its diagnostics after inline suppressions,
 * sorted by start offset, then rule id, then message, without duplicates. Never throws.
 */
export function runRules(input: RunRulesInput): Diagnostic[] {
  const locator = locatorOf(input);
  const found = checkFile(input, locator);
  return finishFile(locator, input.comments ?? [], found, input.rules, input.ruleSettings);
}

/** Suppressions, then order: the last step for a file, once all of its passes have reported. */
export function finishFile(locator: Locator, comments: readonly SourceComment[], diagnostics: readonly Diagnostic[], rules: readonly Rule<any>[], ruleSettings: RuleSettings): Diagnostic[] {
  try {
    return sortAndDedupe(applySuppressions(locator, comments, diagnostics, rules.map((r) => r.id), ruleSettings));
  } catch (error) {
    // Only a bug in the engine itself gets here; report it instead of crashing the caller.
    return sortAndDedupe([...diagnostics, reservedDiagnostic(locator, 'internal-error', 'ruleThrew', { rule: '(engine)', error: errorText(error) }, { start: 0, end: 0 })]);
  }
}

export function locatorOf(input: Pick<RunRulesInput, 'file' | 'text' | 'lineIndex' | 'indexOf'>): Locator {
  return { file: input.file, index: input.lineIndex ?? new LineIndex(input.text), ...(input.indexOf !== undefined ? { indexOf: input.indexOf } : {}) };
}

/** Where findings go as rules report them: an array, or a file's budget (`FileFindings`). */
export interface DiagnosticSink {
  push(diagnostic: Diagnostic): unknown;
  /** A rule's finding before it is built: a budget builds only the ones it keeps. */
  pushDraft?(draft: DiagnosticDraft): unknown;
}

/**
 * Rule findings for one file, before suppressions and ordering, in report order. Never throws.
 * With a `sink`, each finding goes there as it is reported (and the array returned is empty), so
 * a host with a budget never holds more than the budget keeps.
 */
export function checkFile(input: RunRulesInput, locator: Locator = locatorOf(input), sink?: DiagnosticSink): Diagnostic[] {
  const found: Diagnostic[] = [];
  const out: DiagnosticSink = sink ?? found;
  try {
    for (const problem of input.problems ?? []) {
      out.push(reservedDiagnostic(locator, 'parse-error', 'parseError', { message: problem.message }, problem.span, undefined, problem.message));
    }
    for (const call of input.calls) runCall(input, locator, call, out);
    for (const role of input.roles ?? []) runTarget(input, locator, { role }, (rule, context) => rule.checkRole?.(role, context), true, out);
    for (const fact of input.facts ?? []) runFact(input, locator, fact, undefined, out);
  } catch (error) {
    out.push(reservedDiagnostic(locator, 'internal-error', 'ruleThrew', { rule: '(engine)', error: errorText(error) }, { start: 0, end: 0 }));
  }
  return found;
}

function enabled(input: RunRulesInput): { rule: Rule<any>; severity: 'error' | 'warning'; options: unknown }[] {
  const out: { rule: Rule<any>; severity: 'error' | 'warning'; options: unknown }[] = [];
  for (const rule of input.rules) {
    const setting = input.ruleSettings[rule.id];
    if (setting === undefined || setting.severity === 'off') continue;
    out.push({ rule, severity: setting.severity, options: setting.options });
  }
  return out;
}

/**
 * Runs `invoke` for every enabled rule (that `applies`) with a context whose reports become
 * diagnostics about `target`. A throw is an `internal-error` at the target.
 */
function runTarget(
  input: RunRulesInput,
  locator: Locator,
  target: ReportTarget,
  invoke: (rule: Rule<any>, context: RuleContext<unknown>) => void,
  applies: boolean | ((rule: Rule<any>) => boolean),
  out: DiagnosticSink,
  settings: Settings = input.settings ?? {},
): void {
  const targetSpan = 'call' in target ? target.call.span : 'role' in target ? target.role.span : { start: 0, end: 0 };
  const targetId = 'call' in target ? target.call.id : 'role' in target ? target.role.id : undefined;
  for (const { rule, severity, options } of enabled(input)) {
    let open = true;
    try {
      if (typeof applies === 'function' && !applies(rule)) continue;
      const context: RuleContext<unknown> = {
        ruleId: rule.id,
        options: mergeOptions(rule.meta.defaultOptions, options),
        settings,
        file: input.file,
        text: input.text,
        report(descriptor: ReportDescriptor): void {
          // Reports after `check` returned (a stray callback) cannot belong to this run.
          if (!open) return;
          if (out.pushDraft !== undefined) out.pushDraft(draftDiagnostic(locator, target, rule, severity, descriptor));
          else out.push(toDiagnostic(locator, target, rule, severity, descriptor));
        },
      };
      if (input.timing === undefined) invoke(rule, context);
      else {
        const start = performance.now();
        try {
          invoke(rule, context);
        } finally {
          input.timing.addRule(rule.id, performance.now() - start);
        }
      }
    } catch (error) {
      out.push(reservedDiagnostic(locator, 'internal-error', 'ruleThrew', { rule: rule.id, error: errorText(error) }, targetSpan, targetId));
    } finally {
      open = false;
    }
  }
}

function runFact(input: RunRulesInput, locator: Locator, fact: Fact, call: AssumeRoleCall | undefined, out: DiagnosticSink, settings?: Settings): void {
  const target: ReportTarget = call !== undefined ? { call } : { file: true };
  runTarget(
    input,
    locator,
    target,
    (rule, context) => rule.checkFact?.(fact, { ...context, report: (d) => context.report({ span: fact.span, ...d }) }, call),
    (rule) => rule.checkFact !== undefined && (rule.meta.facts ?? []).includes(fact.kind),
    out,
    settings,
  );
}

/** A call's settings as rules see them: the file's, with the call's own context facts over them. */
export function callSettings(settings: Settings | undefined, call: AssumeRoleCall): Settings {
  const merged: Record<string, unknown> = { ...settings };
  for (const [key, value] of Object.entries(call.context ?? {})) if (value !== undefined && key !== 'chainedFrom') merged[key] = value;
  return merged as Settings;
}

function runCall(input: RunRulesInput, locator: Locator, call: AssumeRoleCall, out: DiagnosticSink): void {
  const settings = callSettings(input.settings, call);
  const members = new Set(call.parameters.map((p) => p.member));
  runTarget(
    input,
    locator,
    { call },
    (rule, context) => rule.check?.(call, context),
    (rule) => {
      const meta = rule.meta;
      return rule.check !== undefined && (meta.parameters.length === 0 || meta.parameters.some((m) => members.has(m))) && (meta.operations === undefined || meta.operations.includes(call.operation));
    },
    out,
    settings,
  );
  for (const fact of call.facts ?? []) runFact(input, locator, fact, call, out, settings);
  const unresolved = reservedSeverity(input.ruleSettings, 'unresolved-value');
  if (unresolved !== 'off') {
    for (const parameter of call.parameters) {
      walkUnresolved(parameter.value, [parameter.member], (node, path) => {
        const expression = node.kind === 'reference' ? node.text : node.parts.filter((p) => p.kind === 'hole').map((p) => p.expression).join(', ');
        const diagnostic = reservedDiagnostic(locator, 'unresolved-value', 'unresolvedValue', { key: parameter.key, expression: clip(expression, 80) }, node.span, call.id, formatPointer(path));
        out.push({ ...diagnostic, severity: unresolved, parameter: parameter.member, source: { extractor: call.extractor, key: parameter.key } });
      });
    }
  }
}

/** Visits every template and reference inside a value; iterative, so deep values cannot overflow the stack. */
function walkUnresolved(root: ValueNode, rootPath: (string | number)[], visit: (node: Extract<ValueNode, { kind: 'template' | 'reference' }>, path: (string | number)[]) => void): void {
  const stack: { node: ValueNode; path: (string | number)[] }[] = [{ node: root, path: rootPath }];
  const found: { node: Extract<ValueNode, { kind: 'template' | 'reference' }>; path: (string | number)[] }[] = [];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    switch (node.kind) {
      case 'template':
      case 'reference':
        found.push({ node, path });
        break;
      case 'implicit':
        stack.push({ node: node.value, path });
        break;
      case 'array':
        for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i]!, path: [...path, i] });
        break;
      case 'object':
        for (let i = node.entries.length - 1; i >= 0; i--) stack.push({ node: node.entries[i]!.value, path: [...path, node.entries[i]!.key] });
        break;
      case 'literal':
        break;
    }
  }
  for (const f of found) visit(f.node, f.path);
}
