import { build } from 'esbuild';
const r = await build({ bundle: true, format: 'esm', platform: 'node', target: 'node20', conditions: ['rolecall-source'], mainFields: ['module','main'], entryPoints: [{in:'packages/cli/src/bin.ts', out:'rolecall'},{in:'packages/cli/src/worker.ts',out:'worker'}], outdir: '/tmp/st14/out', splitting: true, chunkNames: 'chunk-[hash]', write: false, metafile: true, minify: true, define: { ROLECALL_WASM_DIR: '"./wasm"' }, logLevel: 'error' });
const outs = r.metafile.outputs;
const roots = process.argv.slice(2);
const start = Object.keys(outs).filter(k => k.endsWith('/rolecall.js') || Object.keys(outs[k].inputs).some(i => roots.some(x => i.endsWith(x))));
const seen = new Set<string>(); const stack = [...start];
while (stack.length) { const o = stack.pop()!; if (seen.has(o)) continue; seen.add(o); for (const i of outs[o].imports) if (i.kind === 'import-statement' && !i.external) stack.push(i.path); }
const sizes: Record<string, number> = {};
let total = 0;
for (const o of seen) { total += outs[o].bytes; for (const [inp, v] of Object.entries(outs[o].inputs)) { const m = inp.match(/node_modules\/\.pnpm\/([^/]+)/); const k = m ? m[1].replace(/@[\d.]+.*$/, '') : inp.split('/').slice(0, 3).join('/'); sizes[k] = (sizes[k] ?? 0) + v.bytesInOutput; } }
console.log('static from', start.length, 'roots:', seen.size, 'files', (total/1024).toFixed(0), 'KB');
console.log(Object.entries(sizes).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${(v / 1024).toFixed(1).padStart(7)} KB ${k}`).join('\n'));
