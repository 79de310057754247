/**
 * `pnpm codegen`         regenerate schemas/, their test vectors, the standalone validators, the
 *                        constraints manifest, request types and the README constraint tables.
 * `pnpm codegen --check` regenerate in memory and fail if anything on disk differs (CI runs this).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emit } from './emit.js';
import { checkInputs, loadInputs } from './reference.js';
import { buildModel } from './schemas.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const check = process.argv.includes('--check');

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

function main(): number {
  const inputs = loadInputs(repoRoot);
  const inputProblems = checkInputs(inputs);
  if (inputProblems.length) {
    for (const p of inputProblems) console.error(`codegen: ${p}`);
    return 1;
  }
  const model = buildModel(inputs);
  const { files, problems } = emit(model, inputs, read);
  if (problems.length) {
    for (const p of problems) console.error(`codegen: ${p}`);
    return 1;
  }
  const stale = generatedOnDisk().filter((p) => !files.has(p));
  if (check) {
    const differing = [...files].filter(([p, content]) => read(p) !== content).map(([p]) => p);
    if (differing.length || stale.length) {
      for (const p of differing) console.error(`codegen --check: ${p} is out of date`);
      for (const p of stale) console.error(`codegen --check: ${p} is no longer generated`);
      console.error('Run `pnpm codegen` and commit the result.');
      return 1;
    }
    console.log(`codegen --check: ${files.size} generated files are up to date (${model.members.length} member schemas, ${model.requests.length} request schemas, ${model.profiles.length} profiles).`);
    return 0;
  }
  for (const p of stale) rmSync(join(repoRoot, p));
  let written = 0;
  for (const [p, content] of files) {
    if (read(p) === content) continue;
    mkdirSync(dirname(join(repoRoot, p)), { recursive: true });
    writeFileSync(join(repoRoot, p), content);
    written++;
  }
  console.log(`codegen: ${written} of ${files.size} files written, ${stale.length} stale removed.`);
  return 0;
}

process.exitCode = main();
