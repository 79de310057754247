/**
 * Test helpers for cross-file rules: a project of input-json call files and role definitions
 * written as small JSON "templates", run through core's `lintProject` exactly as the CLI runs it.
 * Role definitions are built by hand here (the rules read only the model); the extractors' own
 * tests prove that real templates produce the same model.
 */
import type { Diagnostic, ExtractedFile, RoleDefinition, Rule, Settings, ValueNode } from '@rolecall/core';
import { extractFile, lintProject } from '@rolecall/core';
import { inputJsonExtractor } from '@rolecall/extractor-input-json';

/** A literal at the first occurrence of its JSON text in `text`. */
function literalAt(text: string, value: string | number): ValueNode {
  const written = JSON.stringify(value);
  const start = text.indexOf(written);
  if (start < 0) throw new Error(`${written} not in the role text`);
  return { kind: 'literal', span: { start, end: start + written.length }, value };
}

export interface RoleSpec {
  readonly file: string;
  readonly text: string;
  readonly handle: string;
  readonly name?: string;
  readonly path?: string;
  readonly account?: string;
  readonly maxSessionDuration?: number;
  /** The trust policy object; it must appear in `text` as `JSON.stringify(trustPolicy)`. */
  readonly trustPolicy?: Record<string, unknown>;
}

export function roleFile(spec: RoleSpec): ExtractedFile {
  const policyText = spec.trustPolicy !== undefined ? JSON.stringify(spec.trustPolicy) : undefined;
  const policyStart = policyText !== undefined ? spec.text.indexOf(policyText) : -1;
  if (policyText !== undefined && policyStart < 0) throw new Error('trust policy not in the role text');
  const role: RoleDefinition = {
    id: 'toy:role:0',
    file: spec.file,
    extractor: 'toy-template',
    kind: 'toy-role',
    span: { start: 0, end: spec.text.length },
    handles: [spec.handle],
    ...(spec.name !== undefined ? { name: { key: 'RoleName', value: literalAt(spec.text, spec.name) } } : {}),
    ...(spec.path !== undefined ? { path: { key: 'Path', value: literalAt(spec.text, spec.path) } } : {}),
    ...(spec.account !== undefined ? { account: spec.account } : {}),
    ...(spec.maxSessionDuration !== undefined ? { maxSessionDuration: { key: 'MaxSessionDuration', value: literalAt(spec.text, spec.maxSessionDuration) } } : {}),
    ...(policyText !== undefined
      ? { trustPolicy: { key: 'AssumeRolePolicyDocument', value: { kind: 'literal', span: { start: policyStart, end: policyStart + policyText.length }, value: policyText } } }
      : {}),
  };
  return { path: spec.file, text: spec.text, parts: [{ extractor: 'toy-template', calls: [], roles: [role], facts: [], comments: [], problems: [] }] };
}

/** Lints call files (input JSON, as written) and role files together with one rule on. */
export function lintProjectWith(rule: Rule<any>, calls: Readonly<Record<string, string>>, roles: readonly ExtractedFile[], options: { settings?: Settings; ruleOptions?: unknown } = {}): Diagnostic[] {
  const files = [...Object.entries(calls).map(([path, text]) => extractFile({ path, text }, [inputJsonExtractor])), ...roles];
  const config = { ruleSettings: { [rule.id]: { severity: rule.meta.defaultSeverity, ...(options.ruleOptions !== undefined ? { options: options.ruleOptions } : {}) } }, settings: options.settings ?? {} };
  return lintProject(files, { rules: [rule], extractors: [inputJsonExtractor], configFor: () => config }).flat();
}

/** Lints already extracted files (any extractor) and role files together with one rule on. */
export function lintFilesWith(rule: Rule<any>, files: readonly ExtractedFile[], options: { settings?: Settings; ruleOptions?: unknown } = {}): Diagnostic[] {
  const config = { ruleSettings: { [rule.id]: { severity: rule.meta.defaultSeverity, ...(options.ruleOptions !== undefined ? { options: options.ruleOptions } : {}) } }, settings: options.settings ?? {} };
  return lintProject(files, { rules: [rule], extractors: [], configFor: () => config }).flat();
}
