/**
 * A deterministic corpus for whole-CLI benchmarks: `files` files in a temporary folder, a few
 * percent holding AssumeRole parameters (some invalid), the rest unrelated files of the kinds a
 * repository has. Same seed, same bytes. Extend `KINDS` as extractors land (every extractor's
 * typical file belongs here, so figures describe the product users get).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

type Kind = (random: () => number, i: number) => { readonly name: string; readonly text: string };

const filler = (random: () => number, lines: number): string =>
  Array.from({ length: lines }, (_, i) => `  line ${i} ${Math.floor(random() * 1e9).toString(36)} lorem ipsum dolor sit amet`).join('\n');

/** Files that hold AssumeRole parameters. */
const RELEVANT: readonly Kind[] = [
  (random, i) => ({
    name: `inputs/assume-role-${i}.json`,
    text: JSON.stringify(
      {
        RoleArn: `arn:aws:iam::123456789012:role/deploy-${i}`,
        RoleSessionName: random() < 0.3 ? `deploy ${i}` : `deploy-${i}`,
        DurationSeconds: random() < 0.2 ? 43201 : 3600,
        Tags: Array.from({ length: 5 }, (_, t) => ({ Key: `k${t}`, Value: `v${t}` })),
      },
      null,
      2,
    ),
  }),
];

/** Relevant files of the other kinds: TS/JS SDK code, Terraform, workflows (their parsers are the costly part). */
const RELEVANT_PARSED: readonly Kind[] = [
  (random, i) => ({
    name: `src/sts-${i}.ts`,
    text: `import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';\nconst client = new STSClient({});\n${filler(random, 150).replace(/^ {2}line/gm, '// line')}\nexport const run${i} = () => client.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/r${i}', RoleSessionName: '${random() < 0.3 ? 'bad name' : 'ok'}', DurationSeconds: ${random() < 0.2 ? '60 * 60 * 13' : '3600'} }));\n`,
  }),
  (random, i) => ({
    name: `infra/m${i}/main.tf`,
    text: `provider "aws" {\n  assume_role {\n    role_arn     = "arn:aws:iam::123456789012:role/r${i}"\n    session_name = "${random() < 0.3 ? 'bad name' : 'ok'}"\n    duration     = "${random() < 0.2 ? '13h' : '1h'}"\n  }\n}\n${Array.from({ length: 60 }, (_, k) => `resource "null_resource" "n${k}" {\n  triggers = { v = "${Math.floor(random() * 1e9).toString(36)}" }\n}`).join('\n')}\n`,
  }),
  (random, i) => ({
    name: `.github/workflows/w${i}.yml`,
    text: `on: push\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          role-to-assume: arn:aws:iam::123456789012:role/r${i}\n          role-duration-seconds: ${random() < 0.2 ? '1h' : '3600'}\n          aws-region: eu-west-1\n${Array.from({ length: 40 }, (_, k) => `      - run: echo step ${k}`).join('\n')}\n`,
  }),
];

/** Unrelated files of the kinds a repository has. */
const UNRELATED: readonly Kind[] = [
  (random, i) => ({ name: `src/module-${i}.ts`, text: `export function f${i}(x: number): number {\n${filler(random, 200)}\n  return x;\n}\n` }),
  (random, i) => ({ name: `config/settings-${i}.json`, text: JSON.stringify({ name: `s${i}`, values: Array.from({ length: 200 }, () => random()) }, null, 2) }),
  (random, i) => ({ name: `docs/page-${i}.md`, text: `# Page ${i}\n\n${filler(random, 200)}\n` }),
  (random, i) => ({ name: `ci/pipeline-${i}.yml`, text: `name: p${i}\nsteps:\n${filler(random, 200)}\n` }),
];

/** Writes the corpus and returns its folder. `relevantShare` is the fraction of files with AssumeRole parameters. */
export function writeCorpus(files: number, { seed = 42, relevantShare = 0.04 } = {}): string {
  const random = prng(seed);
  const root = mkdtempSync(join(tmpdir(), 'rolecall-corpus-'));
  for (let i = 0; i < files; i++) {
    const roll = random();
    const kinds = roll < relevantShare / 4 ? RELEVANT : roll < relevantShare ? RELEVANT_PARSED : UNRELATED;
    const { name, text } = kinds[Math.floor(random() * kinds.length)]!(random, i);
    const path = join(root, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  }
  return root;
}
