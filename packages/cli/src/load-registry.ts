import type { Registry } from './registry.js';

let cached: Promise<Registry> | undefined;
let loaded: Registry | undefined;

/**
 * The registry of everything rolecall ships; loaded on first use so `--version` and `--help` stay fast. Its own
 * module so the dependency runs one way: default-registry.ts → registry.ts, and this → default-registry.ts.
 */
export function loadDefaultRegistry(): Promise<Registry> {
  cached ??= import('./default-registry.js').then((m) => (loaded = m.defaultRegistry));
  return cached;
}

/** The default registry if something has loaded it already, else undefined (nothing is loaded). */
export function loadedDefaultRegistry(): Registry | undefined {
  return loaded;
}
