/**
 * The README's examples are exact: every ```js block runs as written (importing '@rolecall/validators' by name)
 * and, where a ```text block follows it, prints exactly that.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { messages, UNVERIFIED_FACTS } from './index.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

interface Example {
  readonly code: string;
  readonly output?: string;
  readonly line: number;
}

function examples(markdown: string): Example[] {
  const out: Example[] = [];
  const fence = /```(\w*)\n([\s\S]*?)```/g;
  const blocks = [...markdown.matchAll(fence)].map((m) => ({
    lang: m[1],
    body: m[2]!,
    start: m.index,
    end: m.index + m[0].length,
  }));
  blocks.forEach((b, i) => {
    if (b.lang !== 'js') return;
    const next = blocks[i + 1];
    const adjacent = next && next.lang === 'text' && /^\s*(prints[^\n]*)?\s*$/.test(markdown.slice(b.end, next.start));
    out.push({
      code: b.body,
      ...(adjacent ? { output: next.body } : {}),
      line: markdown.slice(0, b.start).split('\n').length,
    });
  });
  return out;
}

function run(code: string): { stdout: string; stderr: string; status: number | null } {
  // --input-type=module -e resolves bare specifiers from the working directory, so the package's own name resolves
  // to its sources through the rolecall-source condition.
  const r = spawnSync(process.execPath, ['--conditions=rolecall-source', '--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: packageDir,
    encoding: 'utf8',
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('README', () => {
  const found = examples(readme);
  it('has runnable examples, most with their output', () => {
    assert.ok(found.length >= 7, `${found.length} examples`);
    assert.ok(found.filter((e) => e.output !== undefined).length >= 7);
  });
  for (const e of found) {
    it(`example at line ${e.line} runs${e.output !== undefined ? ' and prints what the README shows' : ''}`, () => {
      const r = run(e.code);
      assert.equal(r.status, 0, r.stderr);
      if (e.output !== undefined) assert.equal(r.stdout, e.output);
    });
  }
  it('lists every issue code', () => {
    for (const code of Object.keys(messages)) assert.ok(readme.includes(`\`${code}\``), code);
  });
  it('names every unverified fact of the reference in its table', () => {
    const section = readme.slice(readme.indexOf('### What is not verified'), readme.indexOf('### Robustness'));
    const rows = section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Unverified'));
    assert.equal(rows.length, UNVERIFIED_FACTS.length);
  });
  it('keeps the sections other parts of the project fill', () => {
    assert.match(readme, /^## Packed-size estimator$/m);
    assert.match(readme, /<!-- constraints-table:start[^>]*-->[\s\S]+<!-- constraints-table:end -->/);
  });
});
