/**
 * Cold start: `rolecall --version`, and a lint of 100 irrelevant files (Markdown, CSS, logs and
 * JSON/TS files every prefilter rejects), each alternating with `node -e 0` as whole processes.
 * Targets (issue 14): < 200 ms wall and ≤ 1.3× `node -e 0`, for both.
 */
import { mkdirSync, writeFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ms, rolecall, rounds } from './cli.js';
import { sideBySide } from './processes.js';
import type { BenchContext, BenchRow } from './run.js';
import { formatRatio } from './stats.js';

/** 100 files of kinds a repository has, none with anything an extractor looks for. */
function irrelevantTree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rolecall-cold-'));
  for (let i = 0; i < 100; i++) {
    const sub = join(dir, `d${i % 10}`);
    mkdirSync(sub, { recursive: true });
    const kind = i % 4;
    if (kind === 0) writeFileSync(join(sub, `f${i}.ts`), `export const x${i} = (a: number): number => a * ${i};\n`.repeat(20));
    else if (kind === 1) writeFileSync(join(sub, `f${i}.json`), JSON.stringify({ name: `p${i}`, version: '1.0.0', values: [1, 2, 3] }, null, 2));
    else if (kind === 2) writeFileSync(join(sub, `f${i}.md`), `# Page ${i}\n\nNothing to see.\n`);
    else writeFileSync(join(sub, `f${i}.css`), `.c${i} { color: red; }\n`);
  }
  return dir;
}

export async function run(context: BenchContext): Promise<BenchRow[]> {
  const n = rounds(context, 15, 5);
  const tree = irrelevantTree();
  try {
    const node = { label: 'node -e 0', argv: [process.execPath, '-e', '0'] } as const;
    const rows: BenchRow[] = [];
    for (const [name, args] of [
      ['rolecall --version', ['--version']],
      ['rolecall over 100 irrelevant files', ['--format', 'json', '-o', '/dev/null', '.']],
    ] as const) {
      context.log(`${name} against node -e 0, ${n} rounds`);
      const r = sideBySide(rolecall(name, args, tree), { ...node, cwd: tree }, { rounds: n, warmup: 2 });
      const pass = r.a.ms.median < 200 && r.ratio.median <= 1.3;
      rows.push({
        name: `${name} / node -e 0`,
        result: `${ms(r.a.ms.median)}, ${formatRatio(r.ratio)}`,
        target: '< 200 ms and ≤ 1.3×',
        pass,
        ms: r.a.ms,
        baselineMs: r.b.ms,
        ratio: r.ratio,
        note: `median of ${n} alternating rounds; node -e 0 ${ms(r.b.ms.median)}; rolecall spread ${ms(r.a.ms.min)}–${ms(r.a.ms.max)}`,
      });
    }
    return rows;
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
}
