import { committedBundleGraph } from './build.js';
const g = await committedBundleGraph();
for (const o of process.argv.slice(2)) {
  const out = g.outputs['packages/cli/bundle/' + o]!;
  console.log('==', o, out.bytes, out.imports.map((i) => `${i.kind === 'dynamic-import' ? 'dyn ' : ''}${i.path.replace(/.*\//, '')}`).join(', '));
  for (const [i, v] of Object.entries(out.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)) if (v.bytesInOutput > 300) console.log('   ', v.bytesInOutput, i.replace(/.*node_modules\//, ''));
}
