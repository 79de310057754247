import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
const REQ = "import { createRequire as __c } from 'node:module'; import { fileURLToPath as __f } from 'node:url'; const require = __c(import.meta.url); const __filename = __f(import.meta.url);";
const base = './node_modules/.pnpm/node_modules/';
for (const [name, code] of Object.entries({
  cliui: `import x from '${base}cliui/index.mjs'; globalThis.x = x;`,
  sw: `import x from '${base}string-width/index.js'; globalThis.x = x;`,
  y18n: `import x from '${base}y18n/index.mjs'; globalThis.x = x;`,
  yp: `import x from '${base}yargs-parser/build/lib/index.js'; globalThis.x = x;`,
  gew: `import * as x from '${base}get-east-asian-width/index.js'; globalThis.x = x;`,
})) {
  const r = await build({ stdin: { contents: code, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, format: 'esm', platform: 'node', target: 'node20', write: false, minify: true, banner: { js: REQ }, logLevel: 'error', outfile: 'x.js' });
  writeFileSync(`/tmp/st14/pieces/p_${name}.mjs`, r.outputFiles[0].contents);
  console.log(name, r.outputFiles[0].contents.length);
}
