/**
 * The AWS CLI argument layer of `aws [global options] sts assume-role* [flags]`: which flag each
 * word is, `--flag value` and `--flag=value`, list flags taking every word up to the next flag,
 * JSON or shorthand list values, and flags the operation does not have. Hand-written: this is the
 * CLI's own argparse setup (driven by the service model), which no library reproduces.
 */
import type { AssumeRoleCall, CallParameter, Fact, ObjectNode, Operation, StsMember, ValueNode } from '@rolecall/core';
import { nearestName } from '@rolecall/core';
import { COMMAND_OPTIONS_WITH_VALUE, FLAGS, GLOBAL_SWITCHES, GLOBAL_WITH_VALUE, LIST_MEMBERS, OPERATION_OF, STRUCTURE_KEYS } from './cli-table.js';
import { json } from './json.js';
import { parseStructure } from './shorthand.js';
import { HOLE, valueOf, type Chars } from './words.js';

export const FACT_UNKNOWN_FLAG = 'aws-cli/unknown-flag';
/** `--cli-input-json file://…`: the call's members are in that file (read by the project pass, see file-references.ts). */
export const FACT_INPUT_FILE = 'aws-cli/input-file';
export const CALL_KIND = 'aws-cli';

/** Commands that run the next word as the command (`sudo aws …`, `env X=1 aws …`). */
const WRAPPERS = new Set(['sudo', 'env', 'exec', 'command', 'nohup', 'time']);

export interface CommandOptions {
  readonly file: string;
  readonly extractor: string;
  readonly id: string;
}

function literal(chars: Chars | undefined): string | undefined {
  return chars !== undefined && !chars.text.includes(HOLE) ? chars.text : undefined;
}

function isFlag(chars: Chars): boolean {
  return chars.text.startsWith('--');
}

/** Members whose shape is an integer: the CLI reads their flag with int(). */
const INTEGER_MEMBERS: ReadonlySet<StsMember> = new Set<StsMember>(['DurationSeconds', 'MinimumSessionTokenSize']);

/** The value of a scalar member from one word (or the part after `=`). */
function scalar(member: StsMember, chars: Chars, from: number): ValueNode {
  const node = valueOf(chars, from);
  if (INTEGER_MEMBERS.has(member) && node.kind === 'literal' && typeof node.value === 'string' && /^\s*[+-]?\d+\s*$/.test(node.value)) {
    // The CLI reads an integer member with int(), which allows blanks and a sign.
    return { ...node, value: Number(node.value.trim()) };
  }
  if (node.kind === 'literal' && typeof node.value === 'string' && /^fileb?:\/\//.test(node.value)) {
    // The CLI reads the value from that file (its "paramfile" feature); the file is not read here.
    return { kind: 'reference', span: node.span, text: node.value };
  }
  return node;
}

/** The value of a list member from its words: one JSON word, or one item per word. */
function list(member: StsMember, words: readonly { chars: Chars; from: number }[]): ValueNode | undefined {
  if (words.length === 0) return undefined;
  const first = words[0] as { chars: Chars; from: number };
  if (words.length === 1 && /^\s*[[{]/.test(first.chars.text.slice(first.from))) return json(first.chars, first.from);
  const items: ValueNode[] = [];
  const keys = STRUCTURE_KEYS[member];
  for (const { chars, from } of words) {
    const item = from === 0 ? chars : { ...chars, text: chars.text.slice(from), table: chars.table.slice(from), holes: new Map([...chars.holes].filter(([i]) => i >= from).map(([i, h]) => [i - from, h])) };
    if (keys === undefined) {
      items.push(valueOf(item));
      continue;
    }
    const structure: ObjectNode | undefined = parseStructure(item);
    items.push(structure ?? valueOf(item));
  }
  const span = { start: first.chars.span.start, end: (words[words.length - 1] as { chars: Chars }).chars.span.end };
  return { kind: 'array', span, items };
}

/**
 * The call one command makes, when its words are `aws … sts assume-role*`; facts for flags the
 * operation does not have. `words` are the command's decoded words in order.
 */
export function commandCall(words: readonly Chars[], options: CommandOptions): { call?: AssumeRoleCall; facts: Fact[] } {
  let i = 0;
  while (i < words.length && WRAPPERS.has(literal(words[i]) ?? '')) {
    i++;
    while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]?.text ?? '')) i++; // env X=1 aws …
  }
  const program = literal(words[i]);
  if (program === undefined || program.split('/').pop() !== 'aws') return { facts: [] };
  const first = words[i] as Chars;
  i++;
  // Global options may come before the service name.
  while (i < words.length && isFlag(words[i] as Chars)) {
    const flag = (words[i] as Chars).text.split('=')[0] as string;
    i += GLOBAL_WITH_VALUE.includes(flag) && !(words[i] as Chars).text.includes('=') ? 2 : 1;
  }
  if (literal(words[i]) !== 'sts') return { facts: [] };
  const cliName = literal(words[i + 1]) ?? '';
  const operation: Operation | undefined = OPERATION_OF[cliName];
  if (operation === undefined) return { facts: [] };
  i += 2;

  const flags = FLAGS[operation];
  const known = [...flags.map(([f]) => f), ...COMMAND_OPTIONS_WITH_VALUE, ...GLOBAL_WITH_VALUE, ...GLOBAL_SWITCHES];
  const byMember = new Map<StsMember, CallParameter>();
  const facts: Fact[] = [];
  while (i < words.length) {
    const word = words[i] as Chars;
    if (!isFlag(word)) {
      i++; // a stray word: the CLI refuses it, but that is not an STS parameter
      continue;
    }
    const eq = word.text.indexOf('=');
    const flag = eq < 0 ? word.text : word.text.slice(0, eq);
    const keySpan = { start: word.table[0] as number, end: word.table[flag.length] as number };
    const member = flags.find(([f]) => f === flag)?.[1];
    if (member === undefined) {
      const input = flag === '--cli-input-json' ? literal(eq < 0 ? words[i + 1] : { ...word, text: word.text.slice(eq + 1) }) : undefined;
      if (input !== undefined && /^fileb?:\/\//.test(input)) {
        const at = eq < 0 ? (words[i + 1] as Chars).span : { start: word.table[eq + 1] as number, end: word.span.end };
        facts.push({ kind: FACT_INPUT_FILE, span: at, data: { reference: input } });
      }
      if (!known.includes(flag)) {
        const nearest = nearestName(flag.slice(2), flags.map(([f]) => f.slice(2)));
        facts.push({
          kind: FACT_UNKNOWN_FLAG,
          span: keySpan,
          data: { flag, command: `aws sts ${cliName}`, ...(nearest !== undefined ? { nearest: `--${nearest}` } : {}) },
        });
      }
      const takesValue = eq < 0 && !GLOBAL_SWITCHES.includes(flag) && i + 1 < words.length && !isFlag(words[i + 1] as Chars);
      i += takesValue ? 2 : 1;
      continue;
    }
    let value: ValueNode | undefined;
    if (LIST_MEMBERS.has(member)) {
      const taken: { chars: Chars; from: number }[] = eq >= 0 ? [{ chars: word, from: eq + 1 }] : [];
      i++;
      while (eq < 0 && i < words.length && !isFlag(words[i] as Chars)) taken.push({ chars: words[i++] as Chars, from: 0 });
      value = list(member, taken);
    } else if (eq >= 0) {
      value = scalar(member, word, eq + 1);
      i++;
    } else {
      const next = words[i + 1];
      value = next === undefined ? undefined : scalar(member, next, 0);
      i += 2;
    }
    if (value === undefined) continue;
    byMember.delete(member); // argparse keeps the last occurrence
    byMember.set(member, { member, key: flag, keySpan, value });
  }
  const last = words[words.length - 1] as Chars;
  const call: AssumeRoleCall = {
    id: options.id,
    file: options.file,
    extractor: options.extractor,
    kind: CALL_KIND,
    operation,
    span: { start: first.span.start, end: last.span.end },
    parameters: [...byMember.values()].sort((a, b) => (a.keySpan?.start ?? 0) - (b.keySpan?.start ?? 0)),
    ...(facts.length > 0 ? { facts } : {}),
  };
  return { call, facts: facts.filter((f) => f.kind !== FACT_INPUT_FILE) };
}
