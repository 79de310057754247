/**
 * rolecall CLI (Node API, one thread) against ESLint 9 + eslint-plugin-rolecall (recommended config,
 * @typescript-eslint/parser for .ts, espree for .js) on the same generated corpus: 2,000 TS/JS files
 * of ordinary service code, 3 % of them with STS calls. Target: rolecall ≥ 5× faster, because its
 * prefilter skips files that cannot hold a call without parsing them, while ESLint parses every file.
 * Each tool lints the corpus once to warm up (loading TypeScript and the parsers), then once timed;
 * both must report the same number of findings. Also reported: the share of files the prefilter skips.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintFiles } from 'rolecall';
import plugin from 'eslint-plugin-rolecall';
import { prefilter } from '@rolecall/extractor-typescript';
import type { BenchRow } from './run.js';

const FILES = 2_000;
const STS_EVERY = 33; // about 3 %

/** Ordinary code: a typed service with imports, generics, async functions and object literals. */
function plainFile(i: number, ts: boolean): string {
  const t = (s: string): string => (ts ? s : '');
  return `import { Logger } from './logger${i % 7}';
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';

${ts ? `export interface Item${i} {\n  id: string;\n  size: number;\n  tags: Record<string, string>;\n}\n` : ''}
const client = new S3Client({ region: 'eu-west-1' });
const log = new Logger('service-${i}');

export async function load${i}(bucket${t(': string')}, key${t(': string')})${t(`: Promise<Item${i} | undefined>`)} {
  const started = Date.now();
  try {
    const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const body = await out.Body?.transformToString();
    if (!body) return undefined;
    const parsed = JSON.parse(body)${t(` as Item${i}`)};
    log.info(\`loaded \${key} in \${Date.now() - started} ms\`, { size: parsed.size });
    return { ...parsed, tags: { ...parsed.tags, source: 's3' } };
  } catch (error) {
    log.error('load failed', error);
    throw error;
  }
}

export function summarize${i}(items${t(`: readonly Item${i}[]`)}) {
  const bySize = [...items].sort((a, b) => a.size - b.size);
  const total = items.reduce((n, item) => n + item.size, 0);
  return { count: items.length, total, largest: bySize.at(-1)?.id, tags: new Set(items.flatMap((x) => Object.keys(x.tags))) };
}
`;
}

function stsFile(i: number, ts: boolean): string {
  return `import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

const sts = new STSClient({});
const base = { RoleArn: 'arn:aws:iam::123456789012:role/worker-${i}' };

export async function credentials${i}(run${ts ? ': string' : ''}) {
  const input = { ...base, RoleSessionName: \`worker \${run}\`, DurationSeconds: 60 * 60 * 13 };
  const out = await sts.send(new AssumeRoleCommand(input));
  return out.Credentials;
}
${plainFile(i, ts)}`;
}

function writeCorpus(dir: string): { files: number; sts: number; bytes: number } {
  let bytes = 0;
  let sts = 0;
  for (let i = 0; i < FILES; i++) {
    const ts = i % 4 !== 0;
    const withSts = i % STS_EVERY === 0;
    if (withSts) sts++;
    const text = withSts ? stsFile(i, ts) : plainFile(i, ts);
    const sub = join(dir, 'src', `m${i % 20}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `f${i}.${ts ? 'ts' : 'js'}`), text);
    bytes += text.length;
  }
  return { files: FILES, sts, bytes };
}

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'rolecall-ts-bench-'));
  try {
    const corpus = writeCorpus(dir);
    const pluginDir = fileURLToPath(new URL('../packages/eslint-plugin/package.json', import.meta.url));
    const req = createRequire(pluginDir);
    // ESLint is the plugin's dev dependency, resolved from there; only this much of its API is used.
    interface EslintApi {
      lintFiles(patterns: string[]): Promise<{ messages: unknown[] }[]>;
    }
    const { ESLint } = req('eslint') as { ESLint: new (options: object) => EslintApi };
    const tsParser = req('@typescript-eslint/parser') as object;
    const eslint = new ESLint({
      cwd: dir,
      overrideConfigFile: true,
      overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser as never } }, plugin.configs.recommended],
    });

    const rolecall = () => lintFiles(['src'], { cwd: dir, configFile: false, jobs: 1 });
    const viaEslint = () => eslint.lintFiles(['src']);
    await rolecall();
    await viaEslint();
    const a = await time(rolecall);
    const b = await time(viaEslint);
    const rolecallFindings = a.value.results.reduce((n, r) => n + r.diagnostics.length, 0);
    const eslintFindings = b.value.reduce((n, r) => n + r.messages.length, 0);

    let passed = 0;
    for (let i = 0; i < FILES; i++) {
      const ts = i % 4 !== 0;
      if (prefilter(readFileSync(join(dir, 'src', `m${i % 20}`, `f${i}.${ts ? 'ts' : 'js'}`), 'utf8'))) passed++;
    }
    const corpusNote = `${corpus.files} files, ${(corpus.bytes / 1e6).toFixed(1)} MB, ${corpus.sts} with STS calls`;
    return [
      { name: 'rolecall CLI (Node API, 1 thread), TS/JS corpus', ms: a.ms, findings: rolecallFindings, note: `${a.ms.toFixed(0)} ms, ${rolecallFindings} findings — ${corpusNote}` },
      { name: 'ESLint 9 + eslint-plugin-rolecall, same corpus', ms: b.ms, findings: eslintFindings, note: `${b.ms.toFixed(0)} ms, ${eslintFindings} findings` },
      { name: 'ratio ESLint+plugin / rolecall (target ≥ 5)', ratio: b.ms / a.ms, note: `${(b.ms / a.ms).toFixed(1)}×` },
      { name: 'prefilter: files skipped without parsing', skipped: FILES - passed, note: `${FILES - passed} of ${FILES} (${(((FILES - passed) / FILES) * 100).toFixed(1)} %)` },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
