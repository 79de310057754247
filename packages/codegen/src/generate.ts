/**
 * The schema generator: schemas/, their test vectors, the standalone validators, the constraints manifest,
 * request types and the README constraint tables, computed in memory. `pnpm codegen` (scripts/codegen.ts at the
 * repository root) runs it with every other generator and writes or checks the result.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emit } from './emit.js';
import { checkInputs, loadInputs } from './reference.js';
import { buildModel } from './schemas.js';

export const repoRoot: string = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

function read(path: string): string | undefined {
  const p = join(repoRoot, path);
  return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
}

/** Generated files that exist on disk (schemas per profile folder, and the validators' generated folder). */
function generatedOnDisk(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(relative(repoRoot, p).split('\\').join('/'));
    }
  };
  for (const d of readdirSync(join(repoRoot, 'schemas'), { withFileTypes: true })) {
    if (d.isDirectory() && d.name !== 'source' && d.name !== 'node_modules' && d.name !== 'test') walk(join(repoRoot, 'schemas', d.name));
  }
  walk(join(repoRoot, 'packages/validators/src/generated'));
  return out;
}

export interface SchemaGeneration {
  /** Every file the schema generator writes, by repository-relative path. */
  readonly files: ReadonlyMap<string, string>;
  /** Generated files on disk that are no longer generated. */
  readonly stale: readonly string[];
  readonly problems: readonly string[];
  readonly summary: string;
}

/** The schema generator in memory: schemas, vectors, standalone validators, manifest, request types, README tables. */
export function generateSchemas(): SchemaGeneration {
  const inputs = loadInputs(repoRoot);
  const inputProblems = checkInputs(inputs);
  if (inputProblems.length) return { files: new Map(), stale: [], problems: inputProblems, summary: '' };
  const model = buildModel(inputs);
  const { files, problems } = emit(model, inputs, read);
  const stale = generatedOnDisk().filter((p) => !files.has(p));
  return { files, stale, problems, summary: `${model.members.length} member schemas, ${model.requests.length} request schemas, ${model.profiles.length} profiles` };
}
