/**
 * The CLI's file access for project hooks (`ProjectHost.readText`): a `--policy file://…` value
 * is read only when it is a regular file inside the lint root (after following symlinks), no
 * larger than the run's file size limit, and UTF-8 text, decoded exactly as linted files are.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { ProjectHost } from '@rolecall/core';
import { decodeBytes } from './read.js';

export function repositoryReader(root: string, maxBytes: number): ProjectHost {
  let realRoot: string | undefined;
  return {
    readText(path: string): string | undefined {
      if (path === '' || isAbsolute(path) || path.split(/[\\/]/).includes('..')) return undefined;
      try {
        realRoot ??= realpathSync(root);
        const real = realpathSync(resolve(root, path));
        const inside = relative(realRoot, real);
        if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return undefined;
        const stat = statSync(real);
        if (!stat.isFile() || stat.size > maxBytes) return undefined;
        const outcome = decodeBytes(readFileSync(real), { explicit: true, prefilter: () => true, maxBytes });
        return outcome.kind === 'text' ? outcome.text : undefined;
      } catch {
        return undefined; // missing, unreadable: the value stays a reference
      }
    },
  };
}
