import { readdirSync, rmSync, writeFileSync } from 'node:fs';
const { renderCommittedBundles } = await import('../scripts/release/build.ts');
const m = await renderCommittedBundles();
for (const n of readdirSync('packages/cli/bundle')) if (/^chunk-/.test(n) && !m.has(`packages/cli/bundle/${n}`)) rmSync(`packages/cli/bundle/${n}`);
for (const [k, v] of m) writeFileSync(k, v);
