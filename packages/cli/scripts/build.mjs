// Bundles the CLI (and the workspace packages it uses, from their TypeScript sources) into one ESM
// file, dist/bin.js. One file keeps `rolecall --version` and runs over trees with nothing relevant
// fast to start; heavy parsers added later stay lazily imported chunks (splitting) rather than
// being loaded up front.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('..', import.meta.url));
await build({
  absWorkingDir: here,
  // worker.js is the entry of `--jobs` worker threads (parallel.ts finds it beside the chunks).
  entryPoints: { bin: 'src/bin.ts', index: 'src/index.ts', worker: 'src/worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  conditions: ['rolecall-source'],
  // jsonc-parser's `main` is a UMD build whose internal require() calls esbuild cannot follow;
  // its `module` field is the ESM build.
  mainFields: ['module', 'main'],
  sourcemap: false,
  legalComments: 'linked',
  logLevel: 'warning',
  // CommonJS dependencies (ajv) call require() for Node built-ins; give the ESM bundle one.
  banner: { js: "import { createRequire as __rolecallCreateRequire } from 'node:module'; const require = __rolecallCreateRequire(import.meta.url);" },
});
