// Every decoded character of every string value maps to the file character it came from: the
// same character, or the escape / line break that produced it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { ValueNode } from '@rolecall/core';
import { githubActionsExtractor } from '../src/index.js';

await githubActionsExtractor.load?.();

const fixtures = fileURLToPath(new URL('./fixtures', import.meta.url));
const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));

function literals(node: ValueNode, out: ValueNode[]): void {
  out.push(node);
  if (node.kind === 'array') node.items.forEach((i) => literals(i, out));
  if (node.kind === 'object') node.entries.forEach((e) => literals(e.value, out));
}

test('offset maps point at the source character of each decoded character', () => {
  let checked = 0;
  for (const path of files(fixtures)) {
    const text = readFileSync(path, 'utf8');
    for (const call of githubActionsExtractor.extract({ path, text }).calls) {
      const nodes: ValueNode[] = [];
      for (const p of call.parameters) literals(p.value, nodes);
      for (const node of nodes) {
        if (node.kind !== 'literal' || typeof node.value !== 'string' || node.offsets === undefined || node.definedAt !== undefined) continue;
        const table = node.offsets.table;
        assert.equal(table.length, node.value.length + 1);
        for (let i = 0; i < node.value.length; i++) {
          const at = text[table[i] as number];
          const c = node.value[i];
          assert.ok(at === c || at === '\\' || (at === '\n' && (c === ' ' || c === '\n')) || (c === "'" && at === "'"), `${path}: ${JSON.stringify(node.value)}[${i}] ${JSON.stringify(c)} maps to ${JSON.stringify(at)}`);
          if (i > 0) assert.ok((table[i] as number) >= (table[i - 1] as number));
          checked++;
        }
      }
    }
  }
  assert.ok(checked > 500, `${checked} characters checked`);
});
