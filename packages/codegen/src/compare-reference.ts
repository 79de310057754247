/**
 * `pnpm reference:compare [DIR]`: a maintainer command, never part of `pnpm test` or `pnpm codegen --check`.
 * Compares the vendored reference (`schemas/source/`) with the project's upstream copy (default
 * `../shared/reference` beside the checkout):
 *
 *  - every JSON value that differs between `sts-constraints.json` and the upstream file must lie at or under
 *    a path that a folded update lists in the vendored `foldedUpdates` (the update is named as the source);
 *  - each folded update file must be vendored beside the reference, byte-identical to the upstream one, with
 *    the sha256 the vendored reference records.
 *
 * Exit 0 when both hold, 1 with one line per problem otherwise, 2 when the upstream copy is not there.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface FoldedUpdate {
  readonly file: string;
  readonly sha256: string;
  readonly paths: readonly string[];
}

const pointerToken = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** JSON pointers of the values that differ between two JSON documents (the deepest differing node). */
export function jsonDifferences(a: unknown, b: unknown, at = ''): string[] {
  if (a === b) return [];
  const bothObjects = typeof a === 'object' && a !== null && typeof b === 'object' && b !== null;
  if (!bothObjects || Array.isArray(a) !== Array.isArray(b)) return [at];
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(ao), ...Object.keys(bo)])];
  return keys.flatMap((k) => {
    const p = `${at}/${pointerToken(k)}`;
    if (!(k in ao) || !(k in bo)) return [p];
    return jsonDifferences(ao[k], bo[k], p);
  });
}

const covered = (path: string, allowed: readonly string[]): boolean => allowed.some((p) => path === p || path.startsWith(`${p}/`));

/** Problems found comparing the vendored folder with the upstream folder; empty when they agree. */
export function compareReference(vendoredDir: string, upstreamDir: string): string[] {
  const problems: string[] = [];
  const vendoredText = readFileSync(join(vendoredDir, 'sts-constraints.json'), 'utf8');
  const upstreamText = readFileSync(join(upstreamDir, 'sts-constraints.json'), 'utf8');
  const vendored = JSON.parse(vendoredText) as { foldedUpdates?: readonly FoldedUpdate[] };
  const upstream = JSON.parse(upstreamText) as unknown;
  const updates = vendored.foldedUpdates ?? [];
  const allowed = updates.flatMap((u) => u.paths);
  for (const path of jsonDifferences(vendored, upstream)) {
    if (!covered(path, allowed)) problems.push(`sts-constraints.json ${path} differs from the upstream reference and no folded update names it.`);
  }
  for (const u of updates) {
    const local = join(vendoredDir, u.file);
    const remote = join(upstreamDir, u.file);
    if (!existsSync(local)) {
      problems.push(`${u.file} is named by foldedUpdates but not vendored in schemas/source/.`);
      continue;
    }
    const text = readFileSync(local);
    if (createHash('sha256').update(text).digest('hex') !== u.sha256) problems.push(`${u.file}: its sha256 differs from the one foldedUpdates records.`);
    if (!existsSync(remote)) problems.push(`${u.file} is not in the upstream reference folder ${upstreamDir}.`);
    else if (!readFileSync(remote).equals(text)) problems.push(`${u.file} differs from the upstream copy ${remote}.`);
  }
  return problems;
}

function main(argv: readonly string[]): number {
  const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  const upstream = resolve(argv[0] ?? join(repoRoot, '..', 'shared', 'reference'));
  if (!existsSync(join(upstream, 'sts-constraints.json'))) {
    console.error(`reference:compare: no upstream reference at ${upstream} (pass its folder as the argument).`);
    return 2;
  }
  const problems = compareReference(join(repoRoot, 'schemas', 'source'), upstream);
  for (const p of problems) console.error(`reference:compare: ${p}`);
  if (problems.length === 0) console.log(`reference:compare: schemas/source agrees with ${upstream} (differences only where a folded update names them).`);
  return problems.length === 0 ? 0 : 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
