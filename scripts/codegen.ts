/**
 * `pnpm codegen`          runs every generator and writes what changed:
 *                          1. schemas, vectors, standalone validators, constraints manifest and its request types,
 *                             the constraints tables (packages/codegen);
 *                          2. the rule table in rules/README.md and the constraint blocks of the rule READMEs
 *                             (rules/scripts/rules-table.ts), which read the manifest of step 1;
 *                          3. the CLI's config validators: config.schema.json and every built-in rule's options
 *                             schema as ajv standalone code (scripts/cli-validators.ts), so the CLI never compiles;
 *                             and the built-in rules' meta as data, for reports of runs that load no rule; and the
 *                             expressions of the globs every run compiles (scripts/glob-expressions.ts);
 *                          4. the estimator constants fitted from calibration/observations.json
 *                             (packages/validators/scripts/calibrate.ts).
 * `pnpm codegen --check`  the same in memory; exits 1 naming every file that is out of date (the first step of
 *                          `pnpm test`). Nothing outside the repository is read.
 *
 * The CLI's config.schema.json is written by hand (it is not derived from other data); step 3 compiles it.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { generateSchemas, repoRoot } from '../packages/codegen/src/generate.js';

const check = process.argv.includes('--check');

interface Output {
  readonly path: string;
  readonly content: string;
}

const rel = (p: string): string => (isAbsolute(p) ? relative(repoRoot, p) : p).split('\\').join('/');
const onDisk = (p: string): string | undefined => (existsSync(join(repoRoot, p)) ? readFileSync(join(repoRoot, p), 'utf8') : undefined);

/** Writes (or, with --check, compares) one generator's outputs; returns the out-of-date paths. */
function apply(outputs: readonly Output[], stale: readonly string[] = []): { differing: string[]; written: number } {
  const differing = outputs.filter((o) => onDisk(o.path) !== o.content).map((o) => o.path);
  if (check) return { differing: [...differing, ...stale.map((p) => `${p} (no longer generated)`)], written: 0 };
  for (const o of outputs) {
    if (!differing.includes(o.path)) continue;
    mkdirSync(dirname(join(repoRoot, o.path)), { recursive: true });
    writeFileSync(join(repoRoot, o.path), o.content);
  }
  for (const p of stale) rmSync(join(repoRoot, p));
  return { differing, written: differing.length + stale.length };
}

async function main(): Promise<number> {
  const problems: string[] = [];
  const differing: string[] = [];
  let total = 0;

  const schemas = generateSchemas();
  problems.push(...schemas.problems);
  if (problems.length === 0) {
    const r = apply([...schemas.files].map(([path, content]) => ({ path, content })), schemas.stale);
    differing.push(...r.differing);
    total += schemas.files.size;
  }

  // Imported only now: the rules load the manifest step 1 has just written.
  if (problems.length === 0) {
    const { generatedFiles } = await import('../rules/scripts/rules-table.js');
    try {
      const files = await generatedFiles();
      const r = apply(files.map((f) => ({ path: rel(f.path), content: f.expected })));
      differing.push(...r.differing);
      total += files.length;
    } catch (e) {
      problems.push(e instanceof Error ? e.message : String(e));
    }
  }

  // The CLI's config validators (config.schema.json and the rules' option schemas) as standalone code.
  if (problems.length === 0) {
    const { cliValidatorFiles, ruleMetaFiles } = await import('./cli-validators.js');
    const { globExpressionFiles } = await import('./glob-expressions.js');
    const files = [...cliValidatorFiles(), ...ruleMetaFiles(), ...globExpressionFiles()];
    differing.push(...apply(files).differing);
    total += files.length;
  }

  const { calibrate, serialize, CONSTANTS_PATH, OBSERVATIONS_PATH } = await import('../packages/validators/scripts/calibrate.js');
  const constants = serialize(calibrate(readFileSync(OBSERVATIONS_PATH, 'utf8')).constants);
  differing.push(...apply([{ path: rel(CONSTANTS_PATH), content: constants }]).differing);
  total += 1;

  for (const p of problems) console.error(`codegen: ${p}`);
  if (problems.length) return 1;
  if (check) {
    if (differing.length) {
      for (const p of differing) console.error(`codegen --check: ${p} is out of date`);
      console.error('Run `pnpm codegen` and commit the result.');
      return 1;
    }
    console.log(`codegen --check: ${total} generated files are up to date (${schemas.summary}; rule docs; CLI config validators; estimator constants).`);
    return 0;
  }
  console.log(`codegen: ${differing.length} of ${total} files written${schemas.stale.length ? `, ${schemas.stale.length} stale removed` : ''}.`);
  return 0;
}

process.exitCode = await main();
