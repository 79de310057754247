/**
 * ESLint 9 + eslint-plugin-rolecall (recommended config; @typescript-eslint/parser for TypeScript,
 * espree for JavaScript) against the rolecall CLI on the TS/JS part of the corpus (its .ts and .js
 * files, a folder of their own), as alternating whole processes. ESLint parses every file;
 * rolecall's prefilter skips the files that cannot hold a call. Both sides start as a user would
 * run them: the committed CLI bundle; ESLint's own bin-equivalent (its Node API in a two-line
 * script) with the plugin bundled by esbuild, as its package ships it.
 * Target: the earlier goal of this bench, rolecall ≥ 5× faster (issue 14 lists the row without one).
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { count, ms, rolecall, rounds } from './cli.js';
import { ensureCorpus } from './corpus.js';
import { runOnce, sideBySide } from './processes.js';
import type { BenchContext, BenchRow } from './run.js';
import { formatRatio } from './stats.js';

const TS_JS = /\.(?:[cm]?[jt]s|[jt]sx)$/;

/** A script that lints its first argument with ESLint + the plugin and prints the counts as JSON. */
async function eslintScript(): Promise<string> {
  const dir = join(tmpdir(), 'rolecall-bench', `eslint-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const pluginDir = fileURLToPath(new URL('../packages/eslint-plugin/', import.meta.url));
  const plugin = join(dir, 'plugin.mjs');
  await build({ entryPoints: [join(pluginDir, 'src/index.ts')], outfile: plugin, bundle: true, platform: 'node', format: 'esm', target: 'node20', conditions: ['rolecall-source'], mainFields: ['module', 'main'], external: ['eslint'], logLevel: 'error' });
  const req = createRequire(join(pluginDir, 'package.json'));
  const url = (specifier: string): string => pathToFileURL(req.resolve(specifier)).href;
  const script = join(dir, 'eslint-run.mjs');
  writeFileSync(
    script,
    `import { ESLint } from ${JSON.stringify(url('eslint'))};
import tsParser from ${JSON.stringify(url('@typescript-eslint/parser'))};
import plugin from ${JSON.stringify(pathToFileURL(plugin).href)};
const eslint = new ESLint({ cwd: process.argv[2], overrideConfigFile: true, overrideConfig: [{ files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'], languageOptions: { parser: tsParser } }, plugin.configs.recommended] });
const results = await eslint.lintFiles(['.']);
console.log(JSON.stringify({ files: results.length, findings: results.reduce((n, r) => n + r.messages.length, 0) }));
`,
  );
  return script;
}

export async function run(context: BenchContext): Promise<BenchRow[]> {
  const files = context.quick ? 1_000 : 10_000;
  context.log(`TS/JS part of the ${files.toLocaleString('en-US')}-file corpus`);
  const part = ensureCorpus(files, { part: { name: 'tsjs', test: (f) => TS_JS.test(f.name) } });
  const script = await eslintScript();
  const n = rounds(context, 2, 1);
  context.log(`ESLint + plugin and rolecall alternate, ${n} rounds`);
  let eslintCounts = { files: 0, findings: 0 };
  const r = sideBySide(
    { label: 'ESLint + eslint-plugin-rolecall', argv: [process.execPath, script, part.dir], okStatus: [0] },
    rolecall('rolecall', ['--format', 'json', '-o', '/dev/null', '.'], part.dir),
    {
      rounds: n,
      check: (eslint) => {
        eslintCounts = JSON.parse(eslint.stdout) as typeof eslintCounts;
      },
    },
  );
  // Findings of rolecall, from one more (untimed) run that prints its report.
  const report = JSON.parse(runOnce(rolecall('rolecall', ['--format', 'json', '.'], part.dir)).stdout) as { results: { messages: unknown[] }[] };
  const findings = report.results.reduce((n, f) => n + f.messages.length, 0);
  return [
    {
      name: `ESLint + plugin / rolecall, ${count(part.files)} TS/JS files (${(part.bytes / 1e6).toFixed(0)} MB)`,
      result: formatRatio(r.ratio),
      target: '≥ 5× (earlier goal)',
      pass: r.ratio.median >= 5,
      ratio: r.ratio,
      note: `median of ${n} alternating rounds; ESLint ${ms(r.a.ms.median)} (${eslintCounts.findings} findings in ${count(eslintCounts.files)} files), rolecall ${ms(r.b.ms.median)} (${findings} findings); ${part.relevant} files hold STS calls`,
    },
  ];
}
