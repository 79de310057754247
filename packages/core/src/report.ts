/**
 * Report → diagnostic: the one step that turns what a rule reports (a message id, data, an
 * anchor) into a `Diagnostic` with a location, the message in the user's own spelling, related
 * locations and a fingerprint. Public, because every host needs the same step: the CLI's engine,
 * the project pass and the ESLint plugin.
 */
import type { AssumeRoleCall, CallParameter, LiteralNode, RelatedSpan, Span, ValueNode } from './call.js';
import type { Diagnostic, Location, RelatedLocation, ReservedRuleId, Severity, Suggestion } from './diagnostic.js';
import { docsUrl } from './docs-url.js';
import { fingerprintOf } from './fingerprint.js';
import { interpolate, missingPlaceholders } from './interpolate.js';
import { LineIndex, locationOf } from './line-index.js';
import type { RoleDefinition } from './project.js';
import { RESERVED_RULES } from './reserved.js';
import type { ReportDescriptor, Rule } from './rule.js';
import { formatPointer, locateNode, parsePointer, resolvePointer, stringRangeToSpan } from './values.js';
import { spellData } from './spelling.js';

/** Turns offsets into locations, in the current file or (for related spans) any file of the run. */
export interface Locator {
  readonly file: string;
  readonly index: LineIndex;
  /** The line index of another file of the run; undefined when its text is not known. */
  indexOf?(file: string): LineIndex | undefined;
}

/** A locator for one text alone. */
export function locatorFor(file: string, text: string | LineIndex): Locator {
  return { file, index: typeof text === 'string' ? new LineIndex(text) : text };
}

/** What a report is about: a call, a role definition, or nothing but the file. */
export type ReportTarget = { readonly call: AssumeRoleCall } | { readonly role: RoleDefinition } | { readonly file: true; readonly key?: string };

function idOf(target: ReportTarget): string | undefined {
  return 'call' in target ? target.call.id : 'role' in target ? target.role.id : undefined;
}

/** Converts a related `{file, span}` (or keeps an already converted location). */
export function relatedLocation(locator: Locator, related: RelatedSpan | RelatedLocation): RelatedLocation | undefined {
  if ('location' in related) return related;
  const index = related.file === locator.file ? locator.index : locator.indexOf?.(related.file);
  if (index === undefined) return undefined;
  return { message: related.message, location: locationOf(related.file, index, related.span) };
}

interface Anchor {
  readonly span: Span;
  readonly node?: ValueNode;
  readonly parameter?: CallParameter;
  readonly path?: string;
}

/** Resolves a report's anchor (see `ReportDescriptor`) to a span plus the parameter it belongs to. */
function resolveAnchor(target: ReportTarget, descriptor: ReportDescriptor): Anchor {
  const call = 'call' in target ? target.call : undefined;
  if (descriptor.node !== undefined) {
    if (call === undefined) return { span: descriptor.node.span, node: descriptor.node, ...(descriptor.path !== undefined ? { path: descriptor.path } : {}) };
    // A node the rule built itself (e.g. for a template fragment) is not in the call: then the
    // descriptor's own path and parameter place it. An explicit path always wins, as it may point
    // below the node (into a policy document).
    const site = locateNode(call, descriptor.node);
    const path = descriptor.path ?? site?.path;
    const member = site?.parameter.member ?? descriptor.parameter ?? (path !== undefined ? parsePointer(path)[0] : undefined);
    const parameter = site?.parameter ?? call.parameters.find((p) => p.member === member);
    return { span: descriptor.node.span, node: descriptor.node, ...(parameter ? { parameter } : {}), ...(path !== undefined ? { path } : {}) };
  }
  if (call !== undefined && descriptor.path !== undefined) {
    const resolved = resolvePointer(call, descriptor.path);
    if (resolved.node !== undefined && resolved.parameter !== undefined) return { span: resolved.node.span, node: resolved.node, parameter: resolved.parameter, path: descriptor.path };
  }
  if (call !== undefined && descriptor.parameter !== undefined) {
    const parameter = call.parameters.find((p) => p.member === descriptor.parameter);
    if (parameter !== undefined) return { span: parameter.value.span, node: parameter.value, parameter, path: descriptor.path ?? formatPointer([parameter.member]) };
  }
  const path = descriptor.path !== undefined ? { path: descriptor.path } : {};
  if (descriptor.span !== undefined) return { span: descriptor.span, ...path };
  if (call !== undefined) return { span: call.span, ...path };
  if ('role' in target) return { span: target.role.span, ...path };
  return { span: { start: 0, end: 0 }, ...path };
}

/** The template for a messageId with every placeholder filled, or the rule bug it reveals. */
function templateFor(rule: Rule<any>, messageId: string, data: ReportDescriptor['data']): { readonly template: string } | { readonly bug: Record<string, string> } {
  const messages = rule.meta.messages;
  const template = Object.prototype.hasOwnProperty.call(messages, messageId) ? messages[messageId] : undefined;
  if (template === undefined) return { bug: { messageId: 'unknownMessageId', rule: rule.id, id: messageId } };
  const [missing] = missingPlaceholders(template, data);
  if (missing !== undefined) return { bug: { messageId: 'missingPlaceholder', rule: rule.id, id: messageId, placeholder: missing } };
  return { template };
}

function ruleBug(locator: Locator, target: ReportTarget, bug: Record<string, string>, span: Span): Diagnostic {
  const { messageId, rule, id, placeholder } = bug as { messageId: string; rule: string; id: string; placeholder?: string };
  const data: Record<string, string> = { rule, messageId: id, ...(placeholder !== undefined ? { placeholder } : {}) };
  return reservedDiagnostic(locator, 'internal-error', messageId, data, span, idOf(target));
}

/**
 * What a findings budget decides on (order, exact repeats, suppressions, counts), and the step that
 * builds the whole diagnostic. A finding the budget counts away is never built: of two million
 * findings in one file only the first thousand are listed, and their related locations,
 * fingerprints and links were most of a finding's cost (issue 14).
 */
export interface DiagnosticDraft extends Pick<Diagnostic, 'ruleId' | 'severity' | 'message' | 'location'> {
  build(): Diagnostic;
}

function built(d: Diagnostic): DiagnosticDraft {
  return { ruleId: d.ruleId, severity: d.severity, message: d.message, location: d.location, build: () => d };
}

/**
 * Builds the diagnostic for one report. Never throws for a rule bug (an unknown messageId, a
 * missing placeholder): that becomes an `internal-error` diagnostic at the target.
 */
export function toDiagnostic(locator: Locator, target: ReportTarget, rule: Rule<any>, severity: Severity, descriptor: ReportDescriptor): Diagnostic {
  return draftDiagnostic(locator, target, rule, severity, descriptor).build();
}

/** `toDiagnostic` in two steps: the draft's fields are those of the diagnostic `build()` returns. */
export function draftDiagnostic(locator: Locator, target: ReportTarget, rule: Rule<any>, severity: Severity, descriptor: ReportDescriptor): DiagnosticDraft {
  const targetSpan = 'call' in target ? target.call.span : 'role' in target ? target.role.span : (descriptor.span ?? { start: 0, end: 0 });
  const main = templateFor(rule, descriptor.messageId, descriptor.data);
  if ('bug' in main) return built(ruleBug(locator, target, main.bug, targetSpan));
  const suggestions: Suggestion[] = [];
  for (const suggestion of descriptor.suggestions ?? []) {
    const resolved = templateFor(rule, suggestion.messageId, suggestion.data);
    if ('bug' in resolved) return built(ruleBug(locator, target, resolved.bug, targetSpan));
    suggestions.push({ messageId: suggestion.messageId, message: interpolate(resolved.template, suggestion.data), edits: suggestion.edits });
  }

  const anchor = resolveAnchor(target, descriptor);
  let span = anchor.span;
  const literal: LiteralNode | undefined = anchor.node?.kind === 'literal' ? anchor.node : undefined;
  if (descriptor.range !== undefined && literal !== undefined && typeof literal.value === 'string') span = stringRangeToSpan(literal, descriptor.range);
  const parameter = anchor.parameter;
  const path = anchor.path;
  const spelled = spellData(descriptor.data, anchor.node, parameter);
  const call = 'call' in target ? target.call : undefined;
  // A value read from another file (`file://`): the finding is in that file when its text is known.
  const fromFile = anchor.node === undefined ? undefined : (anchor.node.fromFile ?? anchor.parameter?.value.fromFile);
  const elsewhere = fromFile !== undefined && fromFile.file !== locator.file ? locator.indexOf?.(fromFile.file) : undefined;
  const file = elsewhere !== undefined ? (fromFile as { file: string }).file : locator.file;
  const message = interpolate(main.template, spelled.data) + spelled.suffix;
  // (Without that file's text, at the reference: never a position of one file in another.)
  const location = elsewhere !== undefined ? locationOf(file, elsewhere, span) : locationOf(locator.file, locator.index, fromFile !== undefined && fromFile.file !== locator.file ? fromFile.readAt : span);
  const build = (): Diagnostic => {
    const related: RelatedLocation[] = [];
    for (const r of descriptor.related ?? []) {
      const location = relatedLocation(locator, r);
      if (location !== undefined) related.push(location);
    }
    const origin = anchor.node?.definedAt;
    if (origin !== undefined) {
      const location = relatedLocation(locator, { file: origin.file, span: origin.span, message: `The value is defined here (${origin.description}).` });
      if (location !== undefined) related.push(location);
    }
    const extractor = call?.extractor ?? ('role' in target ? target.role.extractor : undefined);
    if (fromFile !== undefined && elsewhere !== undefined) {
      related.unshift({ message: `The command reads this file (${fromFile.file}) here.`, location: locationOf(locator.file, locator.index, fromFile.readAt) });
    }
    return {
      ruleId: rule.id,
      severity,
      messageId: descriptor.messageId,
      message,
      ...(descriptor.data !== undefined ? { data: descriptor.data } : {}),
      location,
      ...(parameter !== undefined ? { parameter: parameter.member } : descriptor.parameter !== undefined ? { parameter: descriptor.parameter } : {}),
      ...(path !== undefined ? { path } : {}),
      ...(parameter !== undefined && extractor !== undefined ? { source: { extractor, key: parameter.key } } : {}),
      ...(related.length > 0 ? { related } : {}),
      ...(suggestions.length > 0 ? { suggestions } : {}),
      ...(rule.meta.help !== undefined ? { help: rule.meta.help } : {}),
      ...(descriptor.awsMessage !== undefined ? { awsMessage: descriptor.awsMessage } : {}),
      docsUrl: docsUrl(rule.id),
      fingerprint: fingerprintOf({
        ruleId: rule.id,
        file,
        ...(idOf(target) !== undefined ? { callId: idOf(target) as string } : {}),
        // Call findings keep the fingerprint they always had; others are told apart by their place.
        ...(path !== undefined ? { path } : call === undefined ? { path: `@${span.start}` } : {}),
        messageId: descriptor.messageId,
      }),
    };
  };
  return { ruleId: rule.id, severity, message, location, build };
}

/** A diagnostic under a reserved id; `fingerprintPath` distinguishes several at one call. */
export function reservedDiagnostic(
  locator: Locator,
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
    location: locationOf(locator.file, locator.index, span),
    ...(fingerprintPath !== undefined && ruleId === 'unresolved-value' ? { path: fingerprintPath } : {}),
    docsUrl: docsUrl(ruleId),
    fingerprint: fingerprintOf({ ruleId, file: locator.file, ...(callId !== undefined ? { callId } : {}), path: fingerprintPath ?? Object.values(data).join('\u0000'), messageId }),
  };
}

/** One line, bounded, from anything thrown: the error could quote anything a rule looked at. */
export function errorText(error: unknown): string {
  let text: string;
  try {
    text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    text = 'unprintable error';
  }
  return clip(text.split(/\r\n|\r|\n/)[0] ?? '', 200);
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The location of a span in a file (re-exported for hosts that hold only a locator). */
export function locate(locator: Locator, span: Span): Location {
  return locationOf(locator.file, locator.index, span);
}
