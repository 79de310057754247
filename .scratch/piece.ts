import { build } from 'esbuild';
import { writeFileSync, mkdirSync } from 'node:fs';
const REQ = "import { createRequire as __c } from 'node:module'; import { fileURLToPath as __f } from 'node:url'; const require = __c(import.meta.url); const __filename = __f(import.meta.url);";
mkdirSync('/tmp/st14/pieces', { recursive: true });
for (const [name, code] of Object.entries({
  yargs: "import yargs from 'yargs'; globalThis.x = yargs;",
  yargsparse: "import yargs from 'yargs'; yargs(['--help']).option('a',{type:'string'}).help().parse(['--ab'], {}, () => {});",
  formatters: "import * as f from '@rolecall/formatters'; globalThis.x = f;",
  core: "import * as f from '@rolecall/core'; globalThis.x = f;",
  config: "import * as f from './packages/cli/src/config.ts'; globalThis.x = f;",
  lint: "import * as f from './packages/cli/src/lint.ts'; globalThis.x = f;",
  validators: "import * as f from '@rolecall/validators'; globalThis.x = f;",
  rules: "import * as f from '@rolecall/rules'; globalThis.x = f;",
  registry: "import * as f from './packages/cli/src/default-registry.ts'; globalThis.x = f;",
})) {
  const r = await build({ stdin: { contents: code, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, format: 'esm', platform: 'node', target: 'node20', conditions: ['rolecall-source'], mainFields: ['module','main'], write: false, minify: true, banner: { js: REQ }, define: { ROLECALL_WASM_DIR: '"./wasm"' }, logLevel: 'error', nodePaths: ['packages/cli/node_modules'], splitting: false, outfile: 'x.js' });
  writeFileSync(`/tmp/st14/pieces/${name}.mjs`, r.outputFiles[0].contents);
  console.log(name, r.outputFiles[0].contents.length);
}
