/**
 * Shell embedded in line-based files: Dockerfile `RUN` instructions and Makefile recipes. Each
 * piece becomes a script plus a table from script index to file offset, so the script layer's
 * positions land in the host file. Hand-written: the only parts of these formats that matter are
 * where a shell command starts and ends and what the host does to its text before the shell runs
 * (Docker drops comment lines inside a continued instruction; make turns `$$` into `$` and expands
 * `$(VAR)` itself), which no parser library on the registry exposes with positions.
 */

import type { HostVariable } from './host-variables.js';
import type { Substitution } from './script.js';

export interface EmbeddedScript {
  readonly script: string;
  readonly table: number[];
  /** Host expansions (make's `$(VAR)`) rolecall cannot know, as holes. */
  readonly expressions: { start: number; end: number; expression: string }[];
  /** Host expansions replaced by their value (make's `$(VAR)` of a literal variable). */
  readonly substitutions?: Substitution[];
}

/** Whether a path is a Dockerfile or a Makefile (by name). */
export function hostKind(path: string): 'dockerfile' | 'makefile' | undefined {
  const base = path.split('/').pop() ?? '';
  if (/^(?:Dockerfile|Containerfile)(?:\..+)?$|\.(?:dockerfile|containerfile)$/i.test(base)) return 'dockerfile';
  if (/^(?:GNUmakefile|[Mm]akefile)$|\.mk$/.test(base)) return 'makefile';
  return undefined;
}

/** The shell-form `RUN` instructions of a Dockerfile (the exec form `RUN ["…"]` runs no shell). */
export function dockerfileScripts(text: string): EmbeddedScript[] {
  const out: EmbeddedScript[] = [];
  const re = /^[ \t]*RUN[ \t]+/gim;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    let start = m.index + m[0].length;
    while (text.startsWith('--', start)) {
      // RUN flags (--mount=…, --network=…) come before the command.
      const space = text.slice(start).search(/[ \t]/);
      if (space < 0) break;
      start += space;
      while (text[start] === ' ' || text[start] === '\t') start++;
    }
    if (text[start] === '[') continue;
    let script = '';
    const table: number[] = [];
    let i = start;
    for (;;) {
      const nl = text.indexOf('\n', i);
      const lineEnd = nl < 0 ? text.length : nl;
      const line = text.slice(i, lineEnd);
      const isComment = i > start && /^[ \t]*#/.test(line);
      for (let k = 0; k < line.length; k++) {
        // A comment line inside a continued instruction is dropped by Docker; keep the continuation.
        script += isComment ? (k === line.length - 1 ? '\\' : ' ') : (line[k] as string);
        table.push(i + k);
      }
      const continued = isComment || /\\[ \t]*\r?$/.test(line);
      if (nl < 0 || !continued) {
        table.push(lineEnd);
        break;
      }
      script += '\n';
      table.push(nl);
      i = nl + 1;
    }
    out.push({ script, table, expressions: [] });
    re.lastIndex = Math.max(re.lastIndex, table[table.length - 1] as number);
  }
  return out;
}

/**
 * The recipe lines of a Makefile (lines starting with a tab, with their `\` continuations), each
 * one shell invocation: the `@`, `-` and `+` prefixes are dropped, `$$` becomes `$`, and make's own
 * `$(VAR)` / `${VAR}` / `$X` become holes.
 */
export function makefileScripts(text: string, variables: ReadonlyMap<string, HostVariable | undefined> = new Map()): EmbeddedScript[] {
  const out: EmbeddedScript[] = [];
  let i = 0;
  while (i < text.length) {
    const nl = text.indexOf('\n', i);
    const lineEnd = nl < 0 ? text.length : nl;
    if (text[i] !== '\t') {
      i = lineEnd + 1;
      continue;
    }
    let script = '';
    const table: number[] = [];
    const expressions: EmbeddedScript['expressions'] = [];
    const substitutions: Substitution[] = [];
    let p = i + 1;
    while (p < text.length && '@-+'.includes(text[p] as string)) p++;
    for (;;) {
      const end = text.indexOf('\n', p);
      const stop = end < 0 ? text.length : end;
      for (let k = p; k < stop; k++) {
        const c = text[k] as string;
        if (c === '$' && text[k + 1] === '$') {
          script += '$';
          table.push(k + 1);
          k++;
        } else if (c === '$' && (text[k + 1] === '(' || text[k + 1] === '{')) {
          const close = text.indexOf(text[k + 1] === '(' ? ')' : '}', k + 2);
          const to = close < 0 || close > stop ? stop : close + 1;
          const defined = /^\$[({]([A-Za-z_][A-Za-z0-9_.-]*)[)}]$/.exec(text.slice(k, to));
          const variable = defined === null ? undefined : variables.get(defined[1] as string);
          if (variable !== undefined) {
            // make puts the value's text in the recipe before the shell reads it.
            substitutions.push({ start: script.length, end: script.length + variable.chars.text.length, use: { start: k, end: to }, definedAt: variable.definedAt });
            script += variable.chars.text;
            table.push(...variable.chars.table.slice(0, variable.chars.text.length));
            k = to - 1;
            continue;
          }
          const length = to - k;
          const placeholder = length >= 4 ? `\${${'_'.repeat(length - 3)}}` : '_'.repeat(length);
          expressions.push({ start: script.length, end: script.length + length, expression: text.slice(k, to) });
          for (let q = 0; q < length; q++) {
            script += placeholder[q];
            table.push(k + q);
          }
          k = to - 1;
        } else {
          script += c;
          table.push(k);
        }
      }
      if (end < 0 || !/\\\r?$/.test(text.slice(p, stop))) {
        table.push(stop);
        i = stop + 1;
        break;
      }
      // make keeps the backslash-newline and passes it to the shell; the next line's leading tab goes.
      script += '\n';
      table.push(end);
      p = end + 1;
      if (text[p] === '\t') p++;
    }
    out.push({ script, table, expressions, ...(substitutions.length > 0 ? { substitutions } : {}) });
  }
  return out;
}
