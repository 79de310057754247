import { build } from 'esbuild';
const r = await build({ bundle: true, format: 'esm', platform: 'node', target: 'node20', conditions: ['rolecall-source'], mainFields: ['module','main'], entryPoints: ['packages/cli/src/bin.ts'], outfile: '/tmp/metaout/x.js', write: false, metafile: true, define: { ROLECALL_WASM_DIR: '"./wasm"' }, logLevel: 'error' });
const sizes = {};
for (const [p, i] of Object.entries(r.metafile.outputs['/tmp/metaout/x.js'] ? r.metafile.outputs : Object.values(r.metafile.outputs)[0] ? r.metafile.outputs : {})) {
  for (const [inp, v] of Object.entries(i.inputs)) { const m = inp.match(/node_modules\/\.pnpm\/([^/]+)/) ; const k = m ? m[1].replace(/@[\d.]+.*$/, '') : inp.split('/').slice(0,3).join('/'); sizes[k] = (sizes[k]??0) + v.bytesInOutput; }
}
console.log(Object.entries(sizes).sort((a,b)=>b[1]-a[1]).slice(0,30).map(([k,v])=>`${(v/1024).toFixed(0).padStart(6)} KB ${k}`).join('\n'));
