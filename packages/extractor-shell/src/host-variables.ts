/**
 * Variables a Dockerfile or a Makefile defines for the shell lines it runs, as literal values with
 * the definition's place:
 * - Dockerfile `ARG name=value` and `ENV name=value …` / `ENV name value` (the legacy one-variable
 *   form) are environment variables of the later `RUN` lines of the same build stage (a `FROM`
 *   starts a new one); the shell expands them. An `ARG` default counts as its value (a
 *   `--build-arg` given at build time is not in the file). A value holding `$` is substituted by
 *   Docker from other variables, so it is not literal.
 * - Makefile `VAR = x`, `VAR := x`, `VAR ::= x`, `VAR ?= x` (also after `export` / `override`):
 *   make expands `$(VAR)` / `${VAR}` in a recipe itself, as text, before the shell runs, with the
 *   value the variable has once the whole makefile is read (the last assignment; `?=` only when
 *   none came before). `+=`, `!=` (a shell command), a value holding `$` or continued on the next
 *   line make the variable unknown.
 * Hand-written for the reasons in hosts.ts (no registry parser gives these with positions).
 */
import type { ValueOrigin } from '@rolecall/core';
import type { Chars } from './words.js';

/** A defined variable: its characters (each with its file offset) and where it is defined. */
export interface HostVariable {
  readonly chars: Chars;
  readonly definedAt: ValueOrigin;
}

/** A value's characters `[start, end)` of `text`, taken as written. */
function literalChars(text: string, start: number, end: number, definedAt: ValueOrigin): Chars {
  const table: number[] = [];
  for (let i = start; i <= end; i++) table.push(i);
  return { text: text.slice(start, end), table, holes: new Map(), span: { start, end }, definedAt };
}

/** A Dockerfile word (`value`, `"value"`, `'value'`) from `start`: its decoded characters and end. */
function dockerWord(text: string, start: number, lineEnd: number): { value: string; table: number[]; end: number } {
  let value = '';
  const table: number[] = [];
  let i = start;
  let quote: string | undefined;
  for (; i < lineEnd; i++) {
    const c = text[i] as string;
    if (quote === undefined && (c === ' ' || c === '\t')) break;
    if (quote === undefined && (c === '"' || c === "'")) {
      quote = c;
      continue;
    }
    if (c === quote) {
      quote = undefined;
      continue;
    }
    if (c === '\\' && quote !== "'" && i + 1 < lineEnd) i++;
    value += text[i] as string;
    table.push(i);
  }
  table.push(i);
  return { value, table, end: i };
}

/**
 * The `ARG`/`ENV` variables in scope at each offset of a Dockerfile: call `at(offset)` with a
 * `RUN` instruction's start. Continued (`\`) `ARG`/`ENV` lines are not read.
 */
export function dockerfileVariables(file: string, text: string): (offset: number) => Map<string, { chars: Chars }> {
  const events: { at: number; reset?: true; name?: string; variable?: HostVariable }[] = [];
  const re = /^[ \t]*(FROM|ARG|ENV)[ \t]+([^\n]*)/gim;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const keyword = (m[1] as string).toUpperCase();
    if (keyword === 'FROM') {
      events.push({ at: m.index, reset: true });
      continue;
    }
    const lineEnd = m.index + m[0].length;
    let i = lineEnd - (m[2] as string).length;
    const legacy = keyword === 'ENV' && /^[A-Za-z_][A-Za-z0-9_]*[ \t]/.test(m[2] as string) && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(m[2] as string);
    while (i < lineEnd) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, lineEnd))?.[0];
      if (name === undefined) break;
      const nameStart = i;
      i += name.length;
      let word: { value: string; table: number[]; end: number } | undefined;
      if (legacy) {
        // `ENV NAME the rest of the line`: one variable, the value as written (trailing blanks dropped).
        while (text[i] === ' ' || text[i] === '\t') i++;
        const end = lineEnd - (/[ \t\r]*$/.exec(text.slice(i, lineEnd))?.[0].length ?? 0);
        word = { value: text.slice(i, end), table: Array.from({ length: end - i + 1 }, (_, k) => i + k), end: lineEnd };
      } else if (text[i] === '=') word = dockerWord(text, i + 1, lineEnd);
      const at = m.index;
      if (word === undefined || word.value.includes('$') || /\\\r?$/.test(m[0])) events.push({ at, name });
      else {
        const definedAt: ValueOrigin = { file, span: { start: nameStart, end: word.end }, description: `${keyword} ${name}` };
        events.push({ at, name, variable: { chars: { text: word.value, table: word.table, holes: new Map(), span: { start: word.table[0] as number, end: word.end }, definedAt }, definedAt } });
      }
      i = word?.end ?? i;
      if (legacy) break;
      while (text[i] === ' ' || text[i] === '\t') i++;
    }
  }
  return (offset) => {
    const scope = new Map<string, { chars: Chars }>();
    for (const e of events) {
      if (e.at >= offset) break;
      if (e.reset === true) scope.clear();
      else if (e.variable !== undefined) scope.set(e.name as string, { chars: e.variable.chars });
      else scope.delete(e.name as string);
    }
    return scope;
  };
}

const MAKE_ASSIGNMENT = () => /^((?:(?:export|override)[ \t]+)*)([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*(::=|:::=|:=|\?=|\+=|!=|=)[ \t]*([^\n]*)$/gm;

/** The value each make variable has once the makefile is read; undefined for one rolecall cannot know. */
export function makefileVariables(file: string, text: string): Map<string, HostVariable | undefined> {
  const out = new Map<string, HostVariable | undefined>();
  const re = MAKE_ASSIGNMENT();
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const name = m[2] as string;
    const operator = m[3] as string;
    const raw = m[4] as string;
    const valueStart = m.index + m[0].length - raw.length;
    // A comment ends the value; make keeps the blanks before it, the shell splits on them anyway.
    const hash = raw.indexOf('#');
    const kept = (hash < 0 ? raw : raw.slice(0, hash)).replace(/[ \t\r]+$/, '');
    if (operator === '?=' && out.has(name)) continue;
    if (operator === '+=' || operator === '!=' || kept.includes('$') || /\\$/.test(kept)) {
      out.set(name, undefined);
      continue;
    }
    const definedAt: ValueOrigin = { file, span: { start: m.index + (m[1] as string).length, end: valueStart + kept.length }, description: `make variable ${name}` };
    out.set(name, { chars: literalChars(text, valueStart, valueStart + kept.length, definedAt), definedAt });
  }
  return out;
}
