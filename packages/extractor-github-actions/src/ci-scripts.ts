/**
 * Shell command lists in CI files that are not GitHub workflows (GitLab CI `script:`, CodeBuild
 * `commands:`): the list items are decoded YAML scalars joined into one script, with a table from
 * script index to file offset, so the shell extractor's script layer reads them and every position
 * lands in the YAML file. Joined, because both runners execute the lines of one list in one shell
 * (an `export ROLE=…` line resolves a later `$ROLE`); the CI file's literal variables are the
 * script's environment, with their definition as `definedAt`.
 */
import type { AssumeRoleCall, ExtractionProblem, Fact, Span } from '@rolecall/core';
import { extractScript, placeholders, type Chars } from '@rolecall/extractor-shell';
import type { Document, Node as YamlNode, Pair, Scalar } from 'yaml';
import { decodeScalar, type DecodedScalar } from './scalar.js';
import { deref } from './values.js';

type Yaml = typeof import('yaml');

export interface YamlScope {
  readonly yaml: Yaml;
  readonly doc: Document;
  readonly text: string;
  readonly file: string;
}

export function spanOf(node: YamlNode | null | undefined): Span | undefined {
  const r = node?.range;
  return r ? { start: r[0], end: r[1] } : undefined;
}

/** The pairs of a mapping (following aliases) with scalar keys. */
export function pairsOf(s: YamlScope, node: unknown): { key: string; keySpan: Span; pair: Pair }[] {
  const map = deref(s.yaml, s.doc, node);
  if (map === null || !s.yaml.isMap(map)) return [];
  const out: { key: string; keySpan: Span; pair: Pair }[] = [];
  for (const pair of map.items) {
    if (!s.yaml.isScalar(pair.key)) continue;
    const keySpan = spanOf(pair.key);
    if (keySpan !== undefined) out.push({ key: String(pair.key.value), keySpan, pair });
  }
  return out;
}

export function getKey(s: YamlScope, node: unknown, key: string): unknown {
  return pairsOf(s, node).find((p) => p.key === key)?.pair.value;
}

export function isMapNode(s: YamlScope, node: unknown): boolean {
  const n = deref(s.yaml, s.doc, node);
  return n !== null && s.yaml.isMap(n);
}

/**
 * The command scalars of a script key: one string, or a list of strings; GitLab flattens lists
 * nested in a list (up to 10 levels), so one level of nesting is read. A `!reference [...]` item
 * names another job's lines, which are read at their own place, so it is skipped here.
 */
export function commandScalars(s: YamlScope, node: unknown): Scalar[] {
  const out: Scalar[] = [];
  const visit = (item: unknown, depth: number): void => {
    const n = deref(s.yaml, s.doc, item);
    if (n === null || (n.tag ?? '') === '!reference') return;
    if (s.yaml.isScalar(n)) {
      if (n.value !== null && n.value !== undefined) out.push(n);
    } else if (s.yaml.isSeq(n) && depth < 2) for (const i of n.items) visit(i, depth + 1);
  };
  visit(node, 0);
  return out;
}

/** A scalar decoded as the runner reads it (YAML's own value: plain scalars fold like any other). */
export function decodedCommand(text: string, node: Scalar): DecodedScalar | undefined {
  const range = node.range;
  if (range === undefined || range === null) return undefined;
  const value = typeof node.value === 'string' ? node.value : text.slice(range[0], range[1]);
  return decodeScalar(text, range[0], range[1], node.type, value);
}

/** One variable a CI file defines, as the script layer's environment entry. */
export interface CiVariable {
  readonly name: string;
  /** Undefined when the value is not literal (it holds `$`, or is not a scalar): the name is unknown then. */
  readonly chars?: Chars;
}

/**
 * The variables of a `variables:` mapping. A value may be a scalar or (GitLab) `{ value: …,
 * description: … }`. A value holding `$` is expanded by the runner from other variables, so only
 * values without one are literal.
 */
export function variablesOf(s: YamlScope, node: unknown, describe: (name: string) => string): CiVariable[] {
  const out: CiVariable[] = [];
  for (const { key, keySpan, pair } of pairsOf(s, node)) {
    let valueNode = deref(s.yaml, s.doc, pair.value);
    if (valueNode !== null && s.yaml.isMap(valueNode)) valueNode = deref(s.yaml, s.doc, getKey(s, valueNode, 'value'));
    if (valueNode === null || !s.yaml.isScalar(valueNode)) {
      out.push({ name: key });
      continue;
    }
    const decoded = decodedCommand(s.text, valueNode);
    if (decoded === undefined || decoded.value.includes('$')) {
      out.push({ name: key });
      continue;
    }
    const definedAt = { file: s.file, span: { start: keySpan.start, end: decoded.span.end }, description: describe(key) };
    out.push({ name: key, chars: { text: decoded.value, table: Array.from(decoded.offsets.table), holes: new Map(), span: decoded.span, definedAt } });
  }
  return out;
}

/** Outermost level first; an inner level's name hides the outer one even when its value is not literal. */
export function environmentOf(levels: readonly (readonly CiVariable[])[]): Map<string, { chars: Chars }> {
  const out = new Map<string, { chars: Chars }>();
  for (const level of levels) {
    for (const v of level) {
      if (v.chars === undefined) out.delete(v.name);
      else out.set(v.name, { chars: v.chars });
    }
  }
  return out;
}

/** `$[[ inputs.x ]]` (GitLab CI/CD inputs, substituted before the job runs): holes, like `${{ }}`. */
export function inputExpressions(value: string): { start: number; end: number; expression: string }[] {
  const out: { start: number; end: number; expression: string }[] = [];
  let from = 0;
  for (;;) {
    const open = value.indexOf('$[[', from);
    if (open < 0) return out;
    const close = value.indexOf(']]', open + 3);
    const end = close < 0 ? value.length : close + 2;
    out.push({ start: open, end, expression: value.slice(open, end) });
    from = end;
  }
}

export interface ScriptCalls {
  readonly calls: AssumeRoleCall[];
  readonly facts: Fact[];
  readonly problems: ExtractionProblem[];
}

/**
 * The calls of command lists run in one shell, in order. Lists without `assume-role` are not
 * parsed (the shell parser is the costly part).
 */
export function listCalls(s: YamlScope, scalars: readonly Scalar[], environment: ReadonlyMap<string, { chars: Chars }>, extractor: string, firstId: number): ScriptCalls {
  let script = '';
  const table: number[] = [];
  let end = 0;
  for (const scalar of scalars) {
    const decoded = decodedCommand(s.text, scalar);
    if (decoded === undefined) continue;
    if (table.length > 0) {
      script += '\n';
      table.push(end);
    }
    script += decoded.value;
    for (let i = 0; i < decoded.value.length; i++) table.push(decoded.offsets.table[i] as number);
    end = decoded.offsets.table[decoded.value.length] as number;
  }
  if (!script.includes('assume-role')) return { calls: [], facts: [], problems: [] };
  table.push(end);
  const expressions = inputExpressions(script);
  const r = extractScript({ script: placeholders(script, expressions), table, expressions, environment, file: s.file, extractor, idPrefix: extractor, firstId });
  return { calls: r.calls, facts: r.facts, problems: r.problems };
}
