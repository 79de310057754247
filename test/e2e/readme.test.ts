/**
 * Every command output shown in the README's CLI section is real: each block announced by
 * `<!-- cli-output: ARGS -->` must equal what `rolecall ARGS` prints when run from the repository
 * root (stdout, then stderr, then the exit code as `echo $?` shows it). `head=N` keeps the first N
 * lines; `pick=/json/pointer` shows one part of a JSON report (as `jq` would), e.g. one SARIF
 * result. `UPDATE_SNAPSHOTS=1` rewrites the blocks from a fresh run.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT, runCli } from './helpers.js';

const README = join(REPO_ROOT, 'README.md');
const UPDATE = process.env['UPDATE_SNAPSHOTS'] === '1';
const MARKER = /<!-- cli-output(?: head=(\d+))?(?: pick=(\S+))?: (.+?) -->\n```text\n([\s\S]*?)```/g;

interface Options {
  readonly head?: number;
  readonly pick?: string;
}

function pointer(doc: unknown, path: string): unknown {
  let node = doc;
  for (const token of path.split('/').slice(1)) node = (node as Record<string, unknown>)[token.replace(/~1/g, '/').replace(/~0/g, '~')];
  return node;
}

/** Splits a command line on spaces, keeping 'single-quoted' parts together (enough for the README). */
export function splitArgs(line: string): string[] {
  const args: string[] = [];
  for (const m of line.matchAll(/'([^']*)'|(\S+)/g)) args.push(m[1] ?? m[2]!);
  return args;
}

function render(argsLine: string, options: Options): string {
  const run = runCli(splitArgs(argsLine), { cwd: REPO_ROOT });
  let output = run.stdout + run.stderr;
  let command = `rolecall ${argsLine}`;
  if (options.pick !== undefined) {
    output = `${JSON.stringify(pointer(JSON.parse(run.stdout), options.pick), null, 2)}\n${run.stderr}`;
    command += ` | jq '${options.pick.replace(/\/(\d+)/g, '[$1]').replace(/\/([^/[]+)/g, '.$1')}'`;
  }
  if (options.head !== undefined) {
    const lines = output.split('\n');
    if (lines.length > options.head) output = `${lines.slice(0, options.head).join('\n')}\n…\n`;
  }
  if (output !== '' && !output.endsWith('\n')) output += '\n';
  const status = options.pick !== undefined ? `$ echo \${PIPESTATUS[0]}\n${run.status}\n` : `$ echo $?\n${run.status}\n`;
  return `$ ${command}\n${output}${status}`;
}

function optionsOf(head: string | undefined, pick: string | undefined): Options {
  return { ...(head ? { head: Number(head) } : {}), ...(pick ? { pick } : {}) };
}

describe('README command output', () => {
  const text = readFileSync(README, 'utf8');
  const start = text.indexOf('<!-- cli:start -->');
  const end = text.indexOf('<!-- cli:end -->');

  it('has the CLI section markers', () => {
    assert.ok(start >= 0 && end > start, 'README.md needs <!-- cli:start --> … <!-- cli:end -->');
  });

  const section = text.slice(start, end);
  const blocks = [...section.matchAll(MARKER)];

  it('shows real output for several commands', () => assert.ok(blocks.length >= 5, `found ${blocks.length} blocks`));

  if (UPDATE) {
    it('rewrites the blocks', () => {
      const updated = section.replace(MARKER, (_all, head: string | undefined, pick: string | undefined, args: string) => {
        const marker = `<!-- cli-output${head ? ` head=${head}` : ''}${pick ? ` pick=${pick}` : ''}: ${args} -->`;
        return `${marker}\n\`\`\`text\n${render(args, optionsOf(head, pick))}\`\`\``;
      });
      writeFileSync(README, text.slice(0, start) + updated + text.slice(end));
    });
    return;
  }

  for (const block of blocks) {
    const [, head, pick, args, shown] = block as unknown as [string, string | undefined, string | undefined, string, string];
    it(`rolecall ${args}${pick ? ` (${pick})` : ''}`, () => {
      assert.equal(shown, render(args, optionsOf(head, pick)), 'README output is stale: UPDATE_SNAPSHOTS=1 regenerates it');
    });
  }
});
