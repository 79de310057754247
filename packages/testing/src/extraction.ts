/**
 * Helpers every extractor's tests share: a snapshot of every extracted span rendered as a code
 * frame (so a reviewer sees the carets under the exact characters), and the normalized input of a
 * call for the conformance test (the same call written in every format gives the same input).
 */
import { writeFileSync, readFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AssumeRoleCall, Diagnostic, ExtractionResult, Extractor, FileRuleConfig, RoleDefinition, Rule, Settings, Span, ValueNode } from '@rolecall/core';
import { extractFile, lintProject, materializeCall, renderCodeFrame } from '@rolecall/core';
import { canonicalJson } from './json-call.js';

/** The request a call stands for, as the SDK would receive it, with only fully known members. */
export function normalizedInput(call: AssumeRoleCall): Record<string, unknown> {
  return materializeCall(call).input;
}

/** `normalizedInput` as canonical JSON (sorted keys), for equality across formats. */
export function normalizedJson(call: AssumeRoleCall): string {
  return canonicalJson({ operation: call.operation, input: normalizedInput(call) });
}

function describeNode(node: ValueNode): string {
  switch (node.kind) {
    case 'literal':
      return `literal ${JSON.stringify(node.value)}${node.written ? ` written ${JSON.stringify(node.written.text)}` : ''}${node.definedAt ? ` from ${node.definedAt.file} (${node.definedAt.description})` : ''}`;
    case 'template':
      return `template ${node.parts.map((p) => (p.kind === 'text' ? JSON.stringify(p.value) : `\${${p.expression}}`)).join(' + ')}`;
    case 'reference':
      return `reference ${node.text}`;
    case 'implicit':
      return `implicit (${node.origin})`;
    case 'array':
      return `array of ${node.items.length}`;
    case 'object':
      return `object with ${node.entries.map((e) => e.key).join(', ')}`;
  }
}

function frame(text: string, span: Span, title: string): string {
  return `## ${title}\n${renderCodeFrame(text, span, { color: false })}\n`;
}

function walk(text: string, node: ValueNode, title: string, out: string[]): void {
  out.push(frame(text, node.span, `${title}: ${describeNode(node)}`));
  if (node.kind === 'array') node.items.forEach((item, i) => walk(text, item, `${title}[${i}]`, out));
  if (node.kind === 'object') for (const e of node.entries) walk(text, e.value, `${title}.${e.key}`, out);
  if (node.kind === 'template') for (const p of node.parts) out.push(frame(text, p.span, `${title} ${p.kind} ${p.kind === 'text' ? JSON.stringify(p.value) : p.expression}`));
}

function roleFrames(text: string, role: RoleDefinition, out: string[]): void {
  out.push(frame(text, role.span, `role ${role.id} (${role.kind}) handles ${role.handles.join(', ')}`));
  for (const key of ['name', 'namePrefix', 'path', 'maxSessionDuration', 'trustPolicy'] as const) {
    const property = role[key];
    if (property !== undefined) walk(text, property.value, `role ${role.id} ${property.key}`, out);
  }
}

/**
 * Renders every call, parameter (key and value, recursively), fact, role and problem of an
 * extraction as code frames, in source order: the snapshot an extractor's fixtures are checked against.
 */
export function renderExtraction(text: string, result: ExtractionResult): string {
  const out: string[] = [];
  for (const call of result.calls) {
    out.push(frame(text, call.span, `call ${call.id} ${call.operation} (${call.kind})`));
    for (const p of call.parameters) {
      if (p.keySpan !== undefined) out.push(frame(text, p.keySpan, `${call.id} key ${p.key} → ${p.member}`));
      walk(text, p.value, `${call.id} ${p.member}`, out);
    }
    for (const fact of call.facts ?? []) out.push(frame(text, fact.span, `${call.id} fact ${fact.kind} ${canonicalJson(fact.data ?? {})}`));
    if (call.context !== undefined) out.push(`## ${call.id} context ${canonicalJson(call.context)}\n`);
  }
  for (const role of result.roles ?? []) roleFrames(text, role, out);
  for (const fact of result.facts ?? []) out.push(frame(text, fact.span, `file fact ${fact.kind} ${canonicalJson(fact.data ?? {})}`));
  for (const problem of result.problems) out.push(frame(text, problem.span, `problem: ${problem.message}`));
  return out.join('\n');
}

/**
 * Compares `actual` with the snapshot file, or writes it when `UPDATE_SNAPSHOTS=1` (or when the
 * file does not exist yet outside CI). Returns the expected text for `assert.equal`.
 */
export function snapshot(file: string, actual: string): string {
  const update = process.env['UPDATE_SNAPSHOTS'] === '1' || (!existsSync(file) && process.env['CI'] !== 'true');
  if (update) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return actual;
  }
  return readFileSync(file, 'utf8');
}

/**
 * Lints one file through core's pipeline (`extractFile` + `lintProject`) with the given extractors
 * and only `rule` on at its default severity: how a fact rule, a role rule or an extractor's
 * own test sees exactly what the CLI reports. Extractors' parsers must be loaded (`load()`) first.
 */
export function lintWithRule(rule: Rule<any>, extractors: readonly Extractor[], path: string, text: string, settings: Settings = {}): Diagnostic[] {
  const config: FileRuleConfig = { ruleSettings: { [rule.id]: { severity: rule.meta.defaultSeverity } }, settings };
  const [diagnostics = []] = lintProject([extractFile({ path, text }, extractors)], { rules: [rule], extractors, configFor: () => config });
  return diagnostics;
}
