/** Finding, reading, parsing and validating the config file. */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { LineIndex } from '@rolecall/core';
import { findExcessiveNesting } from '@rolecall/extractor-input-json';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { checkRules, checkSettings, wellTyped } from './config-check.js';
import { describeSchemaErrors, validators, type ConfigProblem } from './config-schema.js';
import { configFilePath, defaultsOnly } from './config-find.js';
import { isPlainObject, toPosix, type ConfigError, type ConfigObject, type LoadConfigResult, type RuleEntry } from './config-types.js';
import type { Registry } from './registry.js';
import { describeError } from './read.js';
import { formatCount } from './text.js';

export { findConfigFile } from './config-find.js';

/**
 * Config files larger than this are refused before they are read: a real config is a few kilobytes, and a 7 MB
 * one took 7 s and 794 MB to load before this limit.
 */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** Config nesting deeper than this is refused before parsing (jsonc-parser recurses per level). */
const MAX_CONFIG_DEPTH = 64;


function nodeAt(root: Node | undefined, pointer: string, key: boolean): Node | undefined {
  if (root === undefined) return undefined;
  const segments = pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  // Walk as far as the document goes, so a missing key still points at its parent.
  for (let n = segments.length; n >= 0; n--) {
    const path = segments.slice(0, n).map((s) => (/^(?:0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
    const node = findNodeAtLocation(root, path);
    if (node !== undefined) {
      if (key && n === segments.length && node.parent?.type === 'property') return node.parent.children?.[0];
      return node;
    }
  }
  return root;
}

/**
 * Parses and validates config text. Never throws. Errors carry line and column in the file; the
 * file is strict JSON (no comments), like every other JSON the AWS CLI reads.
 */
export function parseConfig(displayPath: string, text: string, registry: Registry): { ok: true; objects: ConfigObject[] } | { ok: false; errors: ConfigError[] } {
  return parseConfigWith(displayPath, text, registry) as { ok: true; objects: ConfigObject[] } | { ok: false; errors: ConfigError[] };
}

/** What `parseConfigWith` gives without a registry for a config that sets rules or settings (which need one). */
const NEEDS_REGISTRY = { ok: undefined } as const;

/** parseConfig; without a registry, NEEDS_REGISTRY when the config names rules or settings. */
function parseConfigWith(
  displayPath: string,
  text: string,
  registry: Registry | undefined,
): { ok: true; objects: ConfigObject[] } | { ok: false; errors: ConfigError[] } | typeof NEEDS_REGISTRY {
  const index = new LineIndex(text);
  const errors: ConfigError[] = [];
  const at = (offset: number, message: string): ConfigError => {
    const p = index.positionAt(offset);
    return { file: displayPath, line: p.line, column: p.column, message };
  };
  const deep = findExcessiveNesting(text, MAX_CONFIG_DEPTH);
  if (deep >= 0) return { ok: false, errors: [at(deep, `the configuration nests deeper than ${MAX_CONFIG_DEPTH} levels`)] };
  const parseErrors: ParseError[] = [];
  const root = parseTree(text, parseErrors, { disallowComments: true, allowTrailingComma: false });
  if (parseErrors.length > 0 || root === undefined) {
    for (const e of parseErrors) errors.push(at(e.offset, `invalid JSON (${printParseErrorCode(e.error)})`));
    if (errors.length === 0) errors.push(at(0, 'invalid JSON (the file is empty)'));
    return { ok: false, errors };
  }
  const duplicates = duplicateKeys(root);
  if (duplicates.length > 0) {
    return {
      ok: false,
      errors: duplicates.map((d) => at(d.offset, `duplicate key "${d.key}" (JSON keeps only the last one; first at line ${index.positionAt(d.first).line})`)),
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { ok: false, errors: [at(0, `invalid JSON (${error instanceof Error ? error.message : String(error)})`)] };
  }

  const v = validators();
  const isFileForm = typeof value === 'object' && value !== null && !Array.isArray(value);
  const validate = isFileForm ? v.file : v.array;
  const problems: ConfigProblem[] = [];
  if (!Array.isArray(value) && !isFileForm) {
    problems.push({ pointer: '', message: 'the configuration must be an array of config objects, or an object {"$schema", "config": [...]}' });
  } else if (!validate(value)) {
    for (const problem of describeSchemaErrors(validate.errors ?? [])) problems.push(problem);
  }
  const objects = (isFileForm ? (value as { config?: unknown }).config : value) as ConfigObject[] | undefined;
  const prefix = isFileForm ? '/config' : '';
  // Rule ids, rule options and settings values are checked wherever their shape is right, so one
  // run reports every problem, not only the schema's.
  if (Array.isArray(objects)) {
    if (registry === undefined && objects.some((o) => isPlainObject(o) && (isPlainObject(o.rules) || isPlainObject(o.settings)))) return NEEDS_REGISTRY;
    objects.forEach((object, i) => {
      if (!isPlainObject(object)) return;
      if (isPlainObject(object.rules)) for (const p of checkRules(object.rules as Record<string, RuleEntry>, registry!, `${prefix}/${i}/rules`)) problems.push(p);
      if (isPlainObject(object.settings)) for (const p of checkSettings(wellTyped(object.settings), registry!, `${prefix}/${i}/settings`)) problems.push(p);
    });
  }
  if (problems.length > 0) {
    const seen = new Set<string>();
    for (const problem of problems) {
      // One message per place: a key the schema rejects is not also reported as an unknown rule.
      const key = problem.keyPointer ?? problem.pointer;
      if (seen.has(key)) continue;
      seen.add(key);
      const node = nodeAt(root, problem.keyPointer ?? problem.pointer, problem.keyPointer !== undefined);
      errors.push(at(node?.offset ?? 0, problem.message));
    }
    errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    return { ok: false, errors };
  }
  return { ok: true, objects: objects ?? [] };
}

/**
 * Loads the config: `configFile` when given (relative to `cwd`), otherwise the nearest
 * `rolecall.config.json` / `.rolecallrc.json` from `cwd` upwards, otherwise defaults only.
 * `configFile: false` skips the lookup. Never throws.
 */
export function loadConfig(options: { cwd: string; configFile?: string | false; registry: Registry }): LoadConfigResult {
  return loadConfigWith(options, options.registry) as LoadConfigResult;
}

/** loadConfig with the registry loaded only when the config needs it (see config-find.ts' loadConfigLazily). */
export async function loadConfigStaged(options: { cwd: string; configFile?: string | false; registry: () => Promise<Registry> }): Promise<LoadConfigResult> {
  const first = loadConfigWith(options, undefined);
  if (first.ok !== undefined) return first;
  return loadConfigWith(options, await options.registry()) as LoadConfigResult;
}

function loadConfigWith(options: { cwd: string; configFile?: string | false }, registry: Registry | undefined): LoadConfigResult | typeof NEEDS_REGISTRY {
  const cwd = resolve(options.cwd);
  const filePath = configFilePath(options);
  if (filePath === undefined) return defaultsOnly(cwd);
  const display = toPosix(relative(cwd, filePath)) || filePath;
  const read = readConfigText(filePath);
  if (!read.ok) return { ok: false, errors: [{ file: display, message: `cannot read the config file (${read.reason})` }] };
  const text = read.text;
  const parsed = parseConfigWith(display, text, registry);
  if (parsed.ok === undefined) return parsed;
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  return { ok: true, config: { filePath, baseDir: dirname(filePath), objects: parsed.objects } };
}

/**
 * Reads a config file with every way it can fail named: not a regular file (a directory, a FIFO that would block
 * the read forever, a device), larger than MAX_CONFIG_BYTES (checked before and while reading, so a growing file
 * cannot slip through), not UTF-8.
 */
function readConfigText(path: string): { ok: true; text: string } | { ok: false; reason: string } {
  let fd: number | undefined;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) return { ok: false, reason: 'it is a directory' };
    if (!stats.isFile()) return { ok: false, reason: 'it is not a regular file' };
    if (stats.size > MAX_CONFIG_BYTES) return { ok: false, reason: tooLarge(stats.size) };
    fd = openSync(path, 'r');
    if (!fstatSync(fd).isFile()) return { ok: false, reason: 'it is not a regular file' };
    const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    let filled = 0;
    for (let n = 1; n > 0 && filled < buffer.length; filled += n) n = readSync(fd, buffer, filled, buffer.length - filled, null);
    if (filled > MAX_CONFIG_BYTES) return { ok: false, reason: tooLarge(undefined) };
    try {
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, filled)) };
    } catch {
      return { ok: false, reason: 'not valid UTF-8' };
    }
  } catch (error) {
    return { ok: false, reason: describeError(error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function tooLarge(size: number | undefined): string {
  return `it is ${size !== undefined ? `${formatCount(size)} bytes` : 'larger than that'}; config files are at most ${formatCount(MAX_CONFIG_BYTES)} bytes (1 MiB)`;
}

/** Keys given twice in one object, anywhere in the document (JSON.parse would keep the last silently). */
function duplicateKeys(root: Node): { key: string; offset: number; first: number }[] {
  const out: { key: string; offset: number; first: number }[] = [];
  // An explicit stack: the depth is bounded above, but recursion is not needed for a walk.
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (node.type === 'object') {
      const seen = new Map<string, number>();
      for (const property of node.children ?? []) {
        const keyNode = property.children?.[0];
        if (keyNode === undefined || typeof keyNode.value !== 'string') continue;
        const first = seen.get(keyNode.value);
        if (first !== undefined) out.push({ key: keyNode.value, offset: keyNode.offset, first });
        else seen.set(keyNode.value, keyNode.offset);
      }
    }
    for (const child of node.children ?? []) stack.push(child);
  }
  return out.sort((a, b) => a.offset - b.offset);
}
