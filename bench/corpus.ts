/**
 * The deterministic corpus for whole-CLI benchmarks (issue 14): a repository-like tree of about
 * 10 KB per file (10,000 files ≈ 100 MB) with the kinds of files rolecall reads — TS/JS,
 * Terraform/HCL, GitHub workflows, CloudFormation, AWS config files, shell scripts, input JSON —
 * and unrelated files (Markdown, CSS, YAML, data JSON, logs, binary assets). About 4 % of the files
 * hold AssumeRole parameters, about a third of those invalid; some unrelated files pass a prefilter
 * without holding a call (Terraform modules, CDK code naming `aws-iam`), as in real repositories.
 *
 * Same seed and size, same bytes: `generateCorpus` is pure (a seeded PRNG, no clock, no
 * environment), and the 1k corpus is the first 1,000 files of the 10k one, so the scaling rows
 * compare the same mix. `ensureCorpus` writes it once under `os.tmpdir()` keyed by seed, size and
 * a hash of this generator's source, and reuses it on later runs. `part` keeps some of its files
 * (the TS/JS part, for ESLint), in a folder of its own.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** mulberry32: a small seeded PRNG, so the corpus is the same on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DEFAULT_SEED = 42;
/** The sizes the benchmark rows use (the scaling rows take all three). */
export const CORPUS_SIZES = { '1k': 1_000, '10k': 10_000, '50k': 50_000 } as const;

export interface CorpusFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** Holds AssumeRole parameters (a call, a role with MaxSessionDuration, a profile with role_arn). */
  readonly relevant: boolean;
  /** The file's kind, for the corpus summary. */
  readonly kind: string;
}

interface Rand {
  readonly next: () => number;
  int(max: number): number;
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
  word(): string;
}

function rand(seed: number): Rand {
  const next = prng(seed);
  const int = (max: number): number => Math.floor(next() * max);
  return {
    next,
    int,
    pick: (list) => list[int(list.length)]!,
    chance: (p) => next() < p,
    word: () => WORDS[int(WORDS.length)]!,
  };
}

const WORDS = ['order', 'account', 'invoice', 'user', 'report', 'bucket', 'queue', 'event', 'session', 'token', 'cache', 'client', 'stream', 'batch', 'metric', 'region', 'policy', 'tenant', 'upload', 'export'];

/** `n` lines of prose-like text (Markdown, logs, comments). */
function prose(r: Rand, lines: number, prefix = ''): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const len = 6 + r.int(10);
    const words: string[] = [];
    for (let w = 0; w < len; w++) words.push(r.word());
    out.push(`${prefix}${words.join(' ')} ${r.int(1e9).toString(36)}`);
  }
  return out.join('\n');
}

/** Ordinary TypeScript/JavaScript: typed functions with object literals and async calls (what the parser must read). */
function tsCode(r: Rand, functions: number, ts: boolean): string {
  const t = (s: string): string => (ts ? s : '');
  const out: string[] = [];
  for (let f = 0; f < functions; f++) {
    const a = r.word();
    const b = r.word();
    out.push(`export async function ${a}${f}${b[0]!.toUpperCase()}${b.slice(1)}(input${t(`: { id: string; count: number }`)}, deps${t(': Deps')})${t(': Promise<Result>')} {
  const started = Date.now();
  const items = await deps.${a}.list({ id: input.id, limit: ${10 + r.int(90)} });
  const total = items.reduce((n${t(': number')}, item${t(': Item')}) => n + item.size * ${r.int(100)}, 0);
  if (total > ${r.int(1e6)}) deps.log.warn(\`${a} \${input.id} is large\`, { total, took: Date.now() - started });
  return { ok: true, total, names: items.map((x) => x.name.trim()).filter(Boolean), tag: '${r.int(1e9).toString(36)}' };
}
`);
  }
  return out.join('\n');
}

const ROLE = (i: number): string => `arn:aws:iam::123456789012:role/deploy-${i}`;

type Kind = {
  readonly kind: string;
  /** Share of files (the weights add up to 1). */
  readonly weight: number;
  readonly relevant: boolean;
  readonly make: (r: Rand, i: number) => { readonly name: string; readonly text: string | Uint8Array };
};

/** The mix. Sizes vary around 10 KB a file on average; relevant kinds add up to about 4 %. */
const KINDS: readonly Kind[] = [
  // ---- files with AssumeRole parameters (about 4 %; some invalid) ----
  {
    kind: 'input-json',
    weight: 0.008,
    relevant: true,
    make: (r, i) => ({
      name: `inputs/team-${i % 37}/assume-role-${i}.json`,
      text: JSON.stringify(
        {
          RoleArn: ROLE(i),
          RoleSessionName: r.chance(0.3) ? `deploy ${i}` : `deploy-${i}`,
          DurationSeconds: r.chance(0.2) ? 43201 : 3600,
          Tags: Array.from({ length: 1 + r.int(8) }, (_, t) => ({ Key: `k${t}`, Value: r.word() })),
        },
        null,
        2,
      ),
    }),
  },
  {
    kind: 'typescript (STS call)',
    weight: 0.01,
    relevant: true,
    make: (r, i) => ({
      name: `services/svc-${i % 53}/src/credentials-${i}.ts`,
      text: `import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';\nconst sts = new STSClient({});\n\nexport const assume${i} = () => sts.send(new AssumeRoleCommand({ RoleArn: '${ROLE(i)}', RoleSessionName: '${r.chance(0.3) ? 'bad name' : 'ok-name'}', DurationSeconds: ${r.chance(0.2) ? '60 * 60 * 13' : '3600'} }));\n\n${tsCode(r, 20 + r.int(20), true)}`,
    }),
  },
  {
    kind: 'terraform (assume_role)',
    weight: 0.008,
    relevant: true,
    make: (r, i) => ({
      name: `infra/stack-${i}/providers.tf`,
      text: `provider "aws" {\n  region = "eu-west-1"\n  assume_role {\n    role_arn     = "${ROLE(i)}"\n    session_name = "${r.chance(0.3) ? 'bad name' : 'terraform'}"\n    duration     = "${r.chance(0.2) ? '13h' : '1h'}"\n  }\n}\n\n${terraformResources(r, 30 + r.int(30))}`,
    }),
  },
  {
    kind: 'github workflow (configure-aws-credentials)',
    weight: 0.006,
    relevant: true,
    make: (r, i) => ({
      name: `repos/r${i % 41}/.github/workflows/deploy-${i}.yml`,
      text: `name: deploy ${i}\non: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    permissions:\n      id-token: write\n    steps:\n      - uses: actions/checkout@v4\n      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          role-to-assume: ${ROLE(i)}\n          role-duration-seconds: ${r.chance(0.2) ? '1h' : '3600'}\n          aws-region: eu-west-1\n${workflowSteps(r, 60 + r.int(60))}`,
    }),
  },
  {
    kind: 'cloudformation (IAM role)',
    weight: 0.003,
    relevant: true,
    make: (r, i) => ({
      name: `templates/role-${i}.yaml`,
      text: `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  DeployRole:\n    Type: AWS::IAM::Role\n    Properties:\n      RoleName: deploy-${i}\n      MaxSessionDuration: ${r.chance(0.25) ? 50000 : 7200}\n      AssumeRolePolicyDocument:\n        Version: '2012-10-17'\n        Statement:\n          - Effect: Allow\n            Principal: { Service: ec2.amazonaws.com }\n            Action: sts:AssumeRole\n${cloudFormationResources(r, 40 + r.int(40))}`,
    }),
  },
  {
    kind: 'aws config (role profiles)',
    weight: 0.002,
    relevant: true,
    make: (r, i) => ({
      name: `home/user-${i}/.aws/config`,
      text: Array.from({ length: 20 + r.int(40) }, (_, p) => `[profile p${p}]\nrole_arn = ${ROLE(p)}\nsource_profile = default\nduration_seconds = ${r.chance(0.05) ? 43201 : 3600}\nrole_session_name = ${r.chance(0.05) ? 'bad name' : `s${p}`}\nregion = eu-west-1\n`).join('\n'),
    }),
  },
  {
    kind: 'shell (aws sts assume-role)',
    weight: 0.003,
    relevant: true,
    make: (r, i) => ({
      name: `scripts/assume-${i}.sh`,
      text: `#!/usr/bin/env bash\nset -euo pipefail\n\ncreds=$(aws sts assume-role --role-arn ${ROLE(i)} --role-session-name ${r.chance(0.3) ? '"bad name"' : 'ci'} --duration-seconds ${r.chance(0.2) ? 43201 : 3600})\n\n${shellBody(r, 120 + r.int(120))}`,
    }),
  },
  // ---- unrelated files a prefilter lets through (parsed, nothing found) ----
  {
    kind: 'terraform (unrelated)',
    weight: 0.05,
    relevant: false,
    make: (r, i) => ({ name: `infra/modules/m${i % 97}/r${i}.tf`, text: `variable "name_${i}" {\n  type = string\n}\n\n${terraformResources(r, 20 + r.int(60))}` }),
  },
  {
    kind: 'terragrunt hcl',
    weight: 0.01,
    relevant: false,
    make: (r, i) => ({ name: `live/env-${i % 7}/app-${i}/terragrunt.hcl`, text: `include "root" {\n  path = find_in_parent_folders()\n}\n\ninputs = {\n${Array.from({ length: 40 + r.int(80) }, (_, k) => `  ${r.word()}_${k} = "${r.int(1e9).toString(36)}"`).join('\n')}\n}\n` }),
  },
  {
    kind: 'cloudformation (unrelated)',
    weight: 0.012,
    relevant: false,
    make: (r, i) => ({ name: `templates/stack-${i}.yaml`, text: `AWSTemplateFormatVersion: '2010-09-09'\nDescription: stack ${i}\n${cloudFormationResources(r, 40 + r.int(60))}` }),
  },
  {
    kind: 'typescript (CDK, aws-iam, no call)',
    weight: 0.01,
    relevant: false,
    make: (r, i) => ({ name: `cdk/lib/stack-${i}.ts`, text: `import * as iam from 'aws-cdk-lib/aws-iam';\nimport { Stack } from 'aws-cdk-lib';\n\nexport class Stack${i} extends Stack {}\nexport const grant${i} = (p: iam.IPrincipal) => p;\n\n${tsCode(r, 20 + r.int(20), true)}` }),
  },
  // ---- unrelated files every prefilter rejects ----
  { kind: 'typescript', weight: 0.22, relevant: false, make: (r, i) => ({ name: `services/svc-${i % 53}/src/${r.word()}-${i}.ts`, text: `import { S3Client } from '@aws-sdk/client-s3';\n\n${tsCode(r, 10 + r.int(40), true)}` }) },
  { kind: 'javascript', weight: 0.08, relevant: false, make: (r, i) => ({ name: `web/app-${i % 29}/src/${r.word()}-${i}.js`, text: tsCode(r, 10 + r.int(40), false) }) },
  { kind: 'data json', weight: 0.1, relevant: false, make: (r, i) => ({ name: `data/${r.word()}/${i}.json`, text: JSON.stringify({ id: i, name: r.word(), rows: Array.from({ length: 80 + r.int(250) }, () => ({ k: r.word(), v: r.int(1e6) })) }, null, 2) }) },
  { kind: 'workflow (no AWS)', weight: 0.015, relevant: false, make: (r, i) => ({ name: `repos/r${i % 41}/.github/workflows/ci-${i}.yml`, text: `name: ci ${i}\non: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${workflowSteps(r, 60 + r.int(100))}` }) },
  { kind: 'shell', weight: 0.03, relevant: false, make: (r, i) => ({ name: `tools/${r.word()}-${i}.sh`, text: `#!/bin/sh\nset -e\n\n${shellBody(r, 100 + r.int(200))}` }) },
  { kind: 'markdown', weight: 0.17, relevant: false, make: (r, i) => ({ name: `docs/${r.word()}/page-${i}.md`, text: `# ${r.word()} ${i}\n\n${prose(r, 60 + r.int(180))}\n` }) },
  { kind: 'yaml (k8s)', weight: 0.07, relevant: false, make: (r, i) => ({ name: `k8s/${r.word()}/deploy-${i}.yaml`, text: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${i}\nspec:\n  replicas: ${1 + r.int(5)}\n  template:\n    spec:\n      containers:\n${Array.from({ length: 20 + r.int(60) }, (_, k) => `        - name: c${k}\n          image: registry.example.com/${r.word()}:${r.int(999)}\n          env:\n            - { name: ${r.word().toUpperCase()}, value: "${r.int(1e9).toString(36)}" }`).join('\n')}\n` }) },
  { kind: 'css', weight: 0.06, relevant: false, make: (r, i) => ({ name: `web/app-${i % 29}/styles/${r.word()}-${i}.css`, text: Array.from({ length: 80 + r.int(200) }, (_, k) => `.${r.word()}-${k} { margin: ${r.int(40)}px; color: #${r.int(0xffffff).toString(16).padStart(6, '0')}; }`).join('\n') }) },
  { kind: 'log', weight: 0.04, relevant: false, make: (r, i) => ({ name: `logs/${r.word()}-${i}.log`, text: prose(r, 80 + r.int(200), `2026-01-${String(1 + (i % 28)).padStart(2, '0')}T00:00:00Z INFO `) }) },
  { kind: 'binary asset', weight: 0.03, relevant: false, make: (r, i) => ({ name: `assets/img-${i}.png`, text: Uint8Array.from({ length: 2_000 + r.int(30_000) }, () => r.int(256)) }) },
  { kind: 'config (not AWS)', weight: 0.005, relevant: false, make: (r, i) => ({ name: `etc/app-${i}/config`, text: prose(r, 40, 'key = ') }) },
];

function terraformResources(r: Rand, n: number): string {
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    out.push(`resource "aws_s3_bucket" "${r.word()}_${k}" {\n  bucket = "b-${r.int(1e9).toString(36)}"\n  tags = {\n    Team  = "${r.word()}"\n    Index = "${k}"\n  }\n}\n`);
  }
  return out.join('\n');
}

function workflowSteps(r: Rand, n: number): string {
  return Array.from({ length: n }, (_, k) => `      - name: step ${k} ${r.word()}\n        run: npm run ${r.word()} -- --shard ${k}`).join('\n') + '\n';
}

function cloudFormationResources(r: Rand, n: number): string {
  const out = ['Outputs:', '  Done:', '    Value: yes', 'Resources2:'];
  for (let k = 0; k < n; k++) out.push(`  Queue${k}:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: ${r.word()}-${k}-${r.int(1e6)}\n      VisibilityTimeout: ${r.int(900)}`);
  return out.join('\n') + '\n';
}

function shellBody(r: Rand, n: number): string {
  return Array.from({ length: n }, (_, k) => (k % 5 === 0 ? `if [ -n "\${${r.word().toUpperCase()}:-}" ]; then echo "${r.word()} ${k}"; fi` : `${r.pick(['echo', 'printf "%s\\n"', 'grep -q', 'test -f'])} "${r.word()}-${r.int(1e6)}" || true`)).join('\n') + '\n';
}

const TOTAL_WEIGHT = KINDS.reduce((n, k) => n + k.weight, 0);
const encoder = new TextEncoder();

/** The corpus's files, in order. Pure: the same seed and count give the same files. */
export function* generateCorpus(files: number, seed: number = DEFAULT_SEED): Generator<CorpusFile> {
  const r = rand(seed);
  for (let i = 0; i < files; i++) {
    let roll = r.next() * TOTAL_WEIGHT;
    let kind = KINDS[0]!;
    for (const k of KINDS) {
      kind = k;
      roll -= k.weight;
      if (roll < 0) break;
    }
    const { name, text } = kind.make(r, i);
    yield { name, bytes: typeof text === 'string' ? encoder.encode(text) : text, relevant: kind.relevant, kind: kind.kind };
  }
}

export interface CorpusSummary {
  readonly files: number;
  readonly bytes: number;
  /** Files holding AssumeRole parameters. */
  readonly relevant: number;
  /** SHA-256 over every path and content, in order: same seed, same hash. */
  readonly sha256: string;
  readonly kinds: Readonly<Record<string, number>>;
}

/** A part of the corpus (the TS/JS files, say): its name goes into the cache folder's name. */
export interface CorpusPart {
  readonly name: string;
  readonly test: (file: CorpusFile) => boolean;
}

/** Summarizes (and, with `write`, writes) the corpus, or the part of it `part` keeps. */
export function summarizeCorpus(files: number, seed: number = DEFAULT_SEED, write?: (file: CorpusFile) => void, part?: CorpusPart): CorpusSummary {
  const hash = createHash('sha256');
  let bytes = 0;
  let relevant = 0;
  let kept = 0;
  const kinds: Record<string, number> = {};
  for (const file of generateCorpus(files, seed)) {
    if (part !== undefined && !part.test(file)) continue;
    kept++;
    hash.update(file.name).update('\0').update(file.bytes).update('\0');
    bytes += file.bytes.length;
    if (file.relevant) relevant++;
    kinds[file.kind] = (kinds[file.kind] ?? 0) + 1;
    write?.(file);
  }
  return { files: kept, bytes, relevant, sha256: hash.digest('hex'), kinds };
}

/** A short hash of this generator's source, so a changed generator never reuses an old cached corpus. */
function generatorVersion(): string {
  return createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))).digest('hex').slice(0, 12);
}

export interface Corpus extends CorpusSummary {
  readonly dir: string;
}

/**
 * The corpus of `files` files on disk, written once under `<cacheRoot>/rolecall-bench/` (default
 * `os.tmpdir()`) and reused: the folder name holds the seed, the size and the generator version;
 * a `<folder>.json` beside it, written last, marks it complete (a run killed while writing leaves none,
 * and the folder is rewritten next time).
 */
export function ensureCorpus(files: number, { seed = DEFAULT_SEED, cacheRoot = tmpdir(), part }: { seed?: number; cacheRoot?: string; part?: CorpusPart } = {}): Corpus {
  const dir = join(cacheRoot, 'rolecall-bench', `corpus-${generatorVersion()}-seed${seed}-${files}${part !== undefined ? `-${part.name}` : ''}`);
  const marker = `${dir}.json`;
  if (existsSync(marker) && existsSync(dir)) return { dir, ...(JSON.parse(readFileSync(marker, 'utf8')) as CorpusSummary) };
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  const made = new Set<string>();
  const summary = summarizeCorpus(files, seed, (file) => {
    const path = join(partial, file.name);
    const parent = dirname(path);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(path, file.bytes);
  }, part);
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  writeFileSync(marker, JSON.stringify(summary));
  return { dir, ...summary };
}
