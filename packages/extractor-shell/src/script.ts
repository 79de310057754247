/**
 * A shell script → the `aws sts assume-role*` calls in it. mvdan/sh (the Go shell parser, as
 * JavaScript) parses bash with exact positions; this module walks every command, including those
 * inside `$(…)`, decodes their words (words.ts) and hands them to the CLI layer (command.ts).
 * Literal assignments (`ROLE=arn:…`, `export ROLE=…`) earlier in the script resolve later `$ROLE`
 * references, with the assignment as the definition.
 */
import type { AssumeRoleCall, ExtractionProblem, Fact, SourceComment, Span, ValueOrigin } from '@rolecall/core';
import { commandCall } from './command.js';
import { appendHole, appendRaw, positions, type Chars, type Positions, type WordBuilder } from './words.js';

/** mvdan-sh's JavaScript API (GopherJS objects; fields as in the Go package `mvdan.cc/sh/v3/syntax`). */
/* eslint-disable @typescript-eslint/no-explicit-any */
type Sh = any;
type ShNode = any;

let sh: Sh | undefined;

/** Loads the shell parser (about 0.3–0.8 s: 1.5 MB of JavaScript compiled from Go). */
export async function loadShellParser(): Promise<void> {
  if (sh !== undefined) return;
  const module = (await import('mvdan-sh')) as { default?: Sh } & Sh;
  sh = (module.default ?? module).syntax;
}

export function shellParserLoaded(): boolean {
  return sh !== undefined;
}

/**
 * Scripts larger than this are not parsed: mvdan-sh parses about 0.25 MB/s on a busy machine and
 * every node read crosses its GopherJS wrapper; no script with an `aws sts` command comes near it.
 */
export const MAX_SCRIPT_CHARS = 128_000;

export interface ScriptInput {
  /** The script as the shell sees it. */
  readonly script: string;
  /** Script index → file offset, when the script is embedded in another file; absent when the file is the script. */
  readonly table?: ArrayLike<number>;
  /**
   * `${{ … }}` expressions of the host (script indices, `end` exclusive). Pass the script with each
   * replaced by a same-length `${___}` placeholder (`placeholders()` does it) so the shell parser
   * sees a word; each becomes a hole, in or out of quotes.
   */
  readonly expressions?: readonly { start: number; end: number; expression: string }[];
  /**
   * Script ranges a host put in place of its own expansion before the shell runs (make's `$(VAR)`):
   * a word made from one gets the use's span at that end and the definition as `definedAt`.
   */
  readonly substitutions?: readonly Substitution[];
  /** Variables the host defines for the script (a workflow's `env:`), used when the script assigns none earlier. */
  readonly environment?: ReadonlyMap<string, { chars: Chars }>;
  readonly file: string;
  readonly extractor: string;
  /** Prefix for call ids, and the first number. */
  readonly idPrefix: string;
  readonly firstId: number;
}

/** A host substitution: script indices `[start, end)` hold the value of the expansion written at `use` (file offsets). */
export interface Substitution {
  readonly start: number;
  readonly end: number;
  readonly use: Span;
  readonly definedAt: ValueOrigin;
}

export interface ScriptResult {
  readonly calls: AssumeRoleCall[];
  readonly facts: Fact[];
  readonly comments: SourceComment[];
  readonly problems: ExtractionProblem[];
}

interface Assignment {
  readonly at: number;
  readonly name: string;
  readonly chars?: Chars;
  readonly span: Span;
}

const offset = (p: ShNode): number => p.Offset() as number;

/** First words that may run the AWS CLI: `aws`, a path to it, or a wrapper (see command.ts); `Lit()` is "" when the word is not literal. */
const MAY_RUN_AWS = /^(?:(?:\S*\/)?aws|sudo|env|exec|command|nohup|time|)$/;

/** Whether a `${…}` expansion is a plain variable (no default, slice, length…). */
function plainParam(part: ShNode): boolean {
  return part.Exp === null && part.Slice === null && part.Repl === null && part.Index === null && !part.Length && !part.Width && !part.Excl && part.Names === 0;
}

class Words {
  constructor(
    private readonly pos: Positions,
    private readonly input: ScriptInput,
    private readonly assignments: readonly Assignment[],
  ) {}

  /** The latest literal assignment of `name` before script index `at`. */
  private resolve(name: string, at: number): Chars | undefined {
    let found: Assignment | undefined;
    for (const a of this.assignments) if (a.name === name && a.at < at) found = a;
    if (found !== undefined) return found.chars;
    return this.input.environment?.get(name)?.chars;
  }

  private parts(out: WordBuilder, parts: ShNode, quoting: 'none' | 'double'): void {
    for (let k = 0; k < parts.length; k++) this.part(out, parts[k], quoting);
  }

  private part(out: WordBuilder, part: ShNode, quoting: 'none' | 'double'): void {
    const type = sh.NodeType(part) as string;
    const from = this.pos.index(offset(part.Pos()));
    const to = this.pos.index(offset(part.End()));
    if (type === 'Lit') return appendRaw(out, this.pos, from, to, quoting);
    if (type === 'SglQuoted') return part.Dollar ? appendRaw(out, this.pos, from + 2, to - 1, 'ansi') : appendRaw(out, this.pos, from + 1, to - 1, 'single');
    if (type === 'DblQuoted') return this.parts(out, part.Parts, 'double');
    const source = this.pos.script.slice(from, to);
    const placeholder = type === 'ParamExp' ? this.input.expressions?.find((e) => e.start === from) : undefined;
    if (placeholder !== undefined) return appendHole(out, this.pos, from, to, placeholder.expression);
    if (type === 'ParamExp' && plainParam(part)) {
      // A variable inside a larger word (`--role-session-name="$NAME"`, `ci-$RUN`): its literal
      // value is spliced in, each character still pointing at the assignment that wrote it.
      const defined = this.resolve(part.Param.Value as string, from);
      if (defined !== undefined) {
        out.text += defined.text;
        out.table.push(...defined.table.slice(0, defined.text.length));
        out.origin ??= defined.definedAt;
        return;
      }
    }
    appendHole(out, this.pos, from, to, source);
  }

  /** A decoded word; a word that is exactly one `$VAR` with a literal assignment resolves to it. */
  word(word: ShNode): Chars {
    const from = this.pos.index(offset(word.Pos()));
    const to = this.pos.index(offset(word.End()));
    // A word that starts or ends inside a host substitution spans the use there, not the definition.
    const subs = this.input.substitutions;
    const first = subs?.find((s) => s.start <= from && from < s.end);
    const last = subs?.find((s) => s.start < to && to <= s.end);
    const substituted = subs?.find((s) => s.start < to && from < s.end);
    const span = { start: first !== undefined ? first.use.start : this.pos.file(from), end: last !== undefined ? last.use.end : this.pos.file(to) };
    const parts = word.Parts;
    const only = parts.length === 1 ? parts[0] : undefined;
    const inner = only !== undefined && sh.NodeType(only) === 'DblQuoted' && only.Parts.length === 1 ? only.Parts[0] : only;
    if (inner !== undefined && sh.NodeType(inner) === 'ParamExp' && plainParam(inner) && !this.input.expressions?.some((e) => e.start === this.pos.index(offset(inner.Pos())))) {
      const name = inner.Param.Value as string;
      const defined = this.resolve(name, from);
      if (defined !== undefined && defined.definedAt !== undefined) return { ...defined, span };
    }
    const out: WordBuilder = { text: '', table: [], holes: new Map(), ...(substituted !== undefined ? { origin: substituted.definedAt } : {}) };
    this.parts(out, parts, 'none');
    out.table.push(span.end);
    return { text: out.text, table: out.table, holes: out.holes, span, ...(out.origin !== undefined ? { definedAt: out.origin } : {}) };
  }

  /** A word read for an assignment: the value with where it is defined. */
  assigned(name: string, word: ShNode | null, assignSpan: Span): Chars {
    if (word === null) return { text: '', table: [assignSpan.end], holes: new Map(), span: assignSpan, definedAt: { file: this.input.file, span: assignSpan, description: `shell variable ${name}` } };
    const chars = this.word(word);
    return { ...chars, definedAt: { file: this.input.file, span: assignSpan, description: `shell variable ${name}` } };
  }
}

/** The script with each host expression replaced by a same-length `${___}` placeholder. */
export function placeholders(script: string, expressions: readonly { start: number; end: number }[]): string {
  let out = '';
  let last = 0;
  for (const e of expressions) {
    const length = e.end - e.start;
    out += script.slice(last, e.start) + (length >= 4 ? `\${${'_'.repeat(length - 3)}}` : '_'.repeat(length));
    last = e.end;
  }
  return out + script.slice(last);
}

/** Where mvdan-sh's error message (`name:line:col: text`) points, as a script index. */
function errorIndex(script: string, message: string): number {
  const m = /:(\d+):(\d+): /.exec(message);
  if (m === null) return 0;
  let index = 0;
  for (let line = 1; line < Number(m[1]); line++) {
    const nl = script.indexOf('\n', index);
    if (nl < 0) break;
    index = nl + 1;
  }
  return Math.min(script.length, index + Number(m[2]) - 1);
}

/** Every `aws sts assume-role*` call in a script. Never throws for bad input: a syntax error is a problem. */
export function extractScript(input: ScriptInput): ScriptResult {
  if (sh === undefined) throw new Error('shell: loadShellParser() must run before extractScript()');
  const pos = positions(input.script, input.table, input.expressions);
  const result: ScriptResult = { calls: [], facts: [], comments: [], problems: [] };
  if (input.script.length > MAX_SCRIPT_CHARS) {
    result.problems.push({ message: `The script holds ${input.script.length.toLocaleString('en-US')} characters; rolecall parses shell scripts of up to ${MAX_SCRIPT_CHARS.toLocaleString('en-US')}.`, span: { start: pos.file(0), end: pos.file(1) } });
    return result;
  }
  let file: ShNode;
  try {
    file = sh.NewParser(sh.KeepComments(true), sh.Variant(sh.LangBash)).Parse(input.script, input.file);
  } catch (error) {
    const message = typeof (error as ShNode)?.Error === 'function' ? String((error as ShNode).Error()) : String(error);
    const at = errorIndex(input.script, message);
    result.problems.push({ message: `Shell syntax: ${message.replace(/^.*?:\d+:\d+: /, '')}`, span: { start: pos.file(at), end: pos.file(Math.min(at + 1, input.script.length)) } });
    return result;
  }
  // First pass: literal assignments, in source order.
  const assignments: Assignment[] = [];
  const commands: ShNode[] = [];
  const pending: { name: string; value: ShNode | null; at: number; span: Span }[] = [];
  const visit = (node: ShNode) => {
    if (node === null) return true;
    const type = sh.NodeType(node);
    if (type === 'Comment') {
      if (!String(node.Text).includes('rolecall')) return true; // only directives matter
      const start = pos.index(offset(node.Pos()));
      const end = pos.index(offset(node.End()));
      result.comments.push({ text: node.Text as string, span: { start: pos.file(start), end: pos.file(end) } });
    } else if (type === 'Assign' && node.Name !== null && !node.Append && node.Array === null && node.Index === null) {
      const start = pos.index(offset(node.Pos()));
      const end = pos.index(offset(node.End()));
      pending.push({ name: node.Name.Value as string, value: node.Value, at: start, span: { start: pos.file(start), end: pos.file(end) } });
    } else if (type === 'CallExpr') {
      // Each property read crosses GopherJS's wrapper (about 0.1 ms), so only commands whose first
      // word could start `aws …` are kept for decoding.
      const args = node.Args;
      if (args.length > 0 && MAY_RUN_AWS.test(String(args[0].Lit()))) commands.push(args);
    }
    return true;
  };
  // Only top-level statements whose text may hold an assignment or the command are walked: every
  // node visit crosses GopherJS's wrapper, and most lines of a script are neither.
  const statements = file.Stmts;
  let previousEnd = 0;
  for (let k = 0; k < statements.length; k++) {
    const statement = statements[k];
    const end = pos.index(offset(statement.End()));
    // From the end of the previous statement: the comments attached to this one come first.
    const text = input.script.slice(previousEnd, end);
    previousEnd = end;
    if (text.includes('=') || text.includes('assume-role') || text.includes('rolecall')) sh.Walk(statement, visit);
  }
  const last = file.Last; // comments after the last statement
  for (let k = 0; k < last.length; k++) visit(last[k]);
  const words = new Words(pos, input, assignments);
  for (const p of pending.sort((a, b) => a.at - b.at)) {
    const chars = words.assigned(p.name, p.value, p.span);
    // `local x` / `declare x` (no value) sets nothing rolecall can know (getopts, read and loops fill such names).
    assignments.push({ at: p.at, name: p.name, span: p.span, ...(p.value !== null && chars.holes.size === 0 ? { chars } : {}) });
  }
  let n = input.firstId;
  for (const command of commands) {
    const args: Chars[] = [];
    for (let k = 0; k < command.length; k++) args.push(words.word(command[k]));
    const { call, facts } = commandCall(args, { file: input.file, extractor: input.extractor, id: `${input.idPrefix}:${n}` });
    if (call !== undefined) {
      result.calls.push(call);
      n++;
    } else result.facts.push(...facts);
  }
  return result;
}

