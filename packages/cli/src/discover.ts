import { lstatSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { toPosix } from './config-types.js';
import { isIgnored, type IgnoreRule } from './ignores.js';

export interface DiscoveredFile {
  readonly absolutePath: string;
  /** POSIX path relative to cwd (`../x.json` outside it); what every output shows. */
  readonly path: string;
  /** Named on the command line (not found by walking a directory or expanding a glob). */
  readonly explicit: boolean;
}

export interface DiscoveryOptions {
  readonly cwd: string;
  readonly ignores: readonly IgnoreRule[];
  /** Whether some extractor reads this file (by its cwd-relative POSIX path). */
  readonly wanted: (path: string) => boolean;
}

export interface DiscoveryResult {
  /** Sorted by `path`, without duplicates. */
  readonly files: DiscoveredFile[];
  /** Notes for stderr: ignored or unreadable things that were skipped. */
  readonly warnings: string[];
  /** Patterns that matched nothing. */
  readonly unmatched: string[];
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? String(error);
}

/**
 * Expands paths and globs into the files to lint, in a deterministic order. Walks directories
 * depth-first with sorted entries, skips ignored directories before entering them, follows
 * symlinks to files and directories, and never enters the same real directory twice (so symlink
 * loops end). Never throws: unreadable directories become warnings.
 */
export function discoverFiles(patterns: readonly string[], options: DiscoveryOptions): DiscoveryResult {
  const cwd = resolve(options.cwd);
  const found = new Map<string, DiscoveredFile>();
  const warnings: string[] = [];
  const unmatched: string[] = [];
  const display = (abs: string): string => toPosix(relative(cwd, abs)) || '.';

  const add = (abs: string, explicit: boolean): void => {
    if (!found.has(abs)) found.set(abs, { absolutePath: abs, path: display(abs), explicit });
  };

  const walk = (root: string, accept: (abs: string) => boolean): number => {
    let count = 0;
    const visitedDirs = new Set<string>();
    let rootReal: string;
    try {
      rootReal = realpathSync(root);
    } catch {
      rootReal = root;
    }
    const inside = (path: string, dir: string): boolean => path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
    const stack: string[] = [root];
    while (stack.length > 0) {
      const dir = stack.pop()!;
      let real: string;
      try {
        real = realpathSync(dir);
      } catch (error) {
        warnings.push(`${display(dir)}: cannot read directory (${errorCode(error)}); skipped`);
        continue;
      }
      if (visitedDirs.has(real)) continue;
      visitedDirs.add(real);
      let entries: Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch (error) {
        warnings.push(`${display(dir)}: cannot read directory (${errorCode(error)}); skipped`);
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const subdirs: string[] = [];
      for (const entry of entries) {
        const abs = join(dir, entry.name);
        let isDir = entry.isDirectory();
        let isFile = entry.isFile();
        if (entry.isSymbolicLink()) {
          const target = statOrUndefined(abs);
          if (target === undefined) continue; // a dangling link has nothing to lint
          isDir = target.isDirectory();
          isFile = target.isFile();
          let real: string;
          try {
            real = realpathSync(abs);
          } catch {
            continue;
          }
          // A link to something inside the tree being walked is walked directly (no duplicates); a
          // link to an ancestor directory is a loop. Links leaving the tree are followed.
          if (inside(real, rootReal)) continue;
          if (isDir && inside(dir === root ? rootReal : realpathOr(dir), real)) continue;
        }
        if (isDir) {
          if (!isIgnored(options.ignores, abs, true, false)) subdirs.push(abs);
        } else if (isFile && !isIgnored(options.ignores, abs, false, false) && options.wanted(display(abs)) && accept(abs)) {
          add(abs, false);
          count++;
        }
      }
      // Reverse so the stack pops them in sorted order.
      for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]!);
    }
    return count;
  };

  for (const pattern of patterns) {
    const abs = resolve(cwd, pattern);
    let stats: Stats | undefined;
    let statError: string | undefined;
    try {
      stats = statSync(abs);
    } catch (error) {
      statError = errorCode(error);
    }
    if (stats?.isDirectory()) {
      if (isIgnored(options.ignores, abs, true)) {
        warnings.push(`${display(abs)}: directory ignored (it matches an ignore pattern)`);
        continue;
      }
      walk(abs, () => true);
      continue;
    }
    // A dangling symbolic link named on the command line is a file that cannot be read, not a pattern that matched
    // nothing: the reader says what it is.
    const dangling = statError === 'ENOENT' && isSymlink(abs);
    if (stats?.isFile() || dangling || (statError !== undefined && statError !== 'ENOENT' && statError !== 'ENOTDIR')) {
      // A file named on the command line, or one we cannot even stat (the reader reports why).
      if (isIgnored(options.ignores, abs, false)) warnings.push(`${display(abs)}: file ignored (it matches an ignore pattern)`);
      else if (!options.wanted(display(abs))) warnings.push(`${display(abs)}: skipped (no extractor reads this kind of file)`);
      else add(abs, true);
      continue;
    }
    if (stats !== undefined) {
      warnings.push(`${display(abs)}: skipped (not a regular file or directory)`);
      continue;
    }
    const scan = picomatch.scan(toPosix(pattern));
    if (!scan.isGlob) {
      unmatched.push(pattern);
      continue;
    }
    const base = resolve(cwd, scan.base || '.');
    const absolutePattern = isAbsolute(pattern);
    const match = picomatch(toPosix(absolutePattern ? pattern : pattern.replace(/^\.\//, '')), { dot: false });
    const baseStats = statOrUndefined(base);
    const matched = baseStats?.isDirectory() ? walk(base, (file) => match(absolutePattern ? toPosix(file) : display(file))) : 0;
    if (matched === 0) unmatched.push(pattern);
  }

  const files = [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, warnings, unmatched };
}
