import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
const { renderCommittedBundles } = await import('../scripts/release/build.ts');
const dest = process.argv[2]!; rmSync(dest, { recursive: true, force: true });
for (const [k, v] of await renderCommittedBundles()) { const p = join(dest, k.replace('packages/cli/bundle/', '')); mkdirSync(dirname(p), { recursive: true }); writeFileSync(p, v); }
