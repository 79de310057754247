import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { RuleSetting, Settings } from '@rolecall/core';
import { LineIndex } from '@rolecall/core';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import picomatch from 'picomatch';
import { CONFIGURABLE_RESERVED_IDS, type Registry } from './registry.js';
import { closest } from './text.js';

/** Config file names, in the order they are looked for in each directory. */
export const CONFIG_FILE_NAMES: readonly string[] = ['rolecall.config.json', '.rolecallrc.json'];

/** Directories never walked unless a config un-ignores them with `!` (ESLint's defaults plus build output). */
export const DEFAULT_IGNORES: readonly string[] = ['**/node_modules/', '**/.git/', '**/dist/', '**/build/', '**/coverage/'];

export type SeverityName = 'off' | 'warn' | 'warning' | 'error';
export type RuleEntry = SeverityName | readonly [SeverityName] | readonly [SeverityName, Record<string, unknown>];

/** One object of the flat config array, as written. */
export interface ConfigObject {
  readonly files?: readonly string[];
  readonly ignores?: readonly string[];
  readonly rules?: Readonly<Record<string, RuleEntry>>;
  readonly settings?: Settings;
}

/** A problem in a config file (or a `--rule`/`--profile` value), with its place when known. */
export interface ConfigError {
  /** Path of the config file as given or found (cwd-relative), or `--rule` / `--profile`. */
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

export interface LoadedConfig {
  /** Absolute path of the config file, or undefined when none was found (defaults apply). */
  readonly filePath: string | undefined;
  /** Directory that `files` and `ignores` patterns are relative to. */
  readonly baseDir: string;
  readonly objects: readonly ConfigObject[];
}

export type LoadConfigResult = { readonly ok: true; readonly config: LoadedConfig } | { readonly ok: false; readonly errors: readonly ConfigError[] };

export function formatConfigError(error: ConfigError): string {
  const place = error.line !== undefined ? `${error.file}:${error.line}:${error.column ?? 1}` : error.file;
  return `${place}: ${error.message}`;
}

/** Finds `rolecall.config.json` or `.rolecallrc.json` in `cwd` or the nearest ancestor. */
export function findConfigFile(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      try {
        if (statSync(candidate).isFile()) return candidate;
      } catch {
        // not here
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

interface SchemaValidators {
  readonly array: ValidateFunction;
  readonly file: ValidateFunction;
  readonly rules: ValidateFunction;
}

let schemaValidators: SchemaValidators | undefined;

/** The published JSON Schema (`rolecall/config.schema.json`). */
export function configSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL('../config.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
}

function validators(): SchemaValidators {
  if (schemaValidators === undefined) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, strictTuples: false });
    ajv.addSchema(configSchema(), 'config.schema.json');
    schemaValidators = {
      array: ajv.compile({ $ref: 'config.schema.json#/definitions/configArray' }),
      file: ajv.compile({ $ref: 'config.schema.json#/definitions/configFile' }),
      rules: ajv.compile({ $ref: 'config.schema.json#/definitions/rules' }),
    };
  }
  return schemaValidators;
}

function describeType(type: unknown): string {
  const name = Array.isArray(type) ? type.join(' or ') : String(type);
  return /^(array|object|integer)/.test(name) ? `an ${name}` : `a ${name}`;
}

function pointerLabel(pointer: string): string {
  return pointer === '' ? 'the configuration' : pointer;
}

/**
 * Turns ajv errors into one readable message per problem. ajv reports a failed `anyOf` together
 * with the failure of every branch; only the `anyOf` itself is kept, worded for a rule entry.
 */
export function describeSchemaErrors(errors: readonly ErrorObject[], prefix = ''): { pointer: string; keyPointer?: string; message: string }[] {
  const anyOfPaths = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath);
  const out: { pointer: string; keyPointer?: string; message: string }[] = [];
  for (const error of errors) {
    const path = prefix + error.instancePath;
    if (error.keyword !== 'anyOf' && anyOfPaths.some((p) => error.instancePath === p || error.instancePath.startsWith(p + '/'))) continue;
    const params = error.params as Record<string, unknown>;
    switch (error.keyword) {
      case 'additionalProperties': {
        const key = String(params['additionalProperty']);
        const props = Object.keys(((error.parentSchema as Record<string, unknown> | undefined)?.['properties'] as Record<string, unknown> | undefined) ?? {});
        const pointer = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        const hint = closest(key, props);
        out.push({
          pointer,
          keyPointer: pointer,
          message: `${pointer} is not a known key (${hint !== undefined ? `did you mean "${hint}"? ` : ''}expected one of: ${props.join(', ')})`,
        });
        break;
      }
      case 'type':
        out.push({ pointer: path, message: `${pointerLabel(path)} must be ${describeType(params['type'])}` });
        break;
      case 'enum':
        out.push({ pointer: path, message: `${pointerLabel(path)} must be one of: ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` });
        break;
      case 'anyOf':
        out.push({ pointer: path, message: `${pointerLabel(path)} must be a severity ("off", "warn" or "error") or an array [severity, options]` });
        break;
      case 'minItems':
        out.push({ pointer: path, message: params['limit'] === 1 ? `${pointerLabel(path)} must not be empty` : `${pointerLabel(path)} must have at least ${String(params['limit'])} items` });
        break;
      case 'maxItems':
        out.push({ pointer: path, message: `${pointerLabel(path)} must have at most ${String(params['limit'])} items` });
        break;
      case 'minLength':
        out.push({ pointer: path, message: `${pointerLabel(path)} must not be an empty string` });
        break;
      case 'required':
        out.push({ pointer: path, message: `${pointerLabel(path)} is missing the required key "${String(params['missingProperty'])}"` });
        break;
      case 'propertyNames':
        break; // reported through the `pattern` error on the name itself
      case 'pattern':
        if (error.propertyName !== undefined) {
          const pointer = `${path}/${error.propertyName.replace(/~/g, '~0').replace(/\//g, '~1')}`;
          out.push({ pointer, keyPointer: pointer, message: `${pointer} is not a valid rule id (rule ids are kebab-case)` });
        } else {
          out.push({ pointer: path, message: `${pointerLabel(path)} must match ${String(params['pattern'])}` });
        }
        break;
      default:
        out.push({ pointer: path, message: `${pointerLabel(path)} ${error.message ?? 'is invalid'}` });
    }
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The settings whose values have the right type (the schema reports the others). */
function wellTyped(settings: Record<string, unknown>): Settings {
  return {
    ...(typeof settings['profile'] === 'string' ? { profile: settings['profile'] } : {}),
    ...(Number.isInteger(settings['maxSessionDuration']) ? { maxSessionDuration: settings['maxSessionDuration'] as number } : {}),
  };
}

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

function severityOf(entry: RuleEntry): SeverityName {
  return (Array.isArray(entry) ? entry[0] : entry) as SeverityName;
}

function normalizeSeverity(name: SeverityName): RuleSetting['severity'] {
  return name === 'warn' ? 'warning' : name;
}

/** Checks rule ids against the registry and rule options against each rule's `meta.schema`. */
export function checkRules(
  rules: Readonly<Record<string, RuleEntry>>,
  registry: Registry,
  pointerPrefix: string,
): { pointer: string; keyPointer?: string; message: string }[] {
  const out: { pointer: string; keyPointer?: string; message: string }[] = [];
  // Outside a config file (`--rule`) there is no pointer to show; the rule id says it all.
  const label = (pointer: string, id: string): string => (pointerPrefix === '' ? `"${id}"` : pointer);
  const byId = new Map(registry.rules.map((r) => [r.id, r]));
  const known = [...byId.keys(), ...CONFIGURABLE_RESERVED_IDS];
  for (const [id, entry] of Object.entries(rules)) {
    const pointer = `${pointerPrefix}/${id}`;
    const rule = byId.get(id);
    if (rule === undefined && !CONFIGURABLE_RESERVED_IDS.includes(id)) {
      const hint = closest(id, known);
      out.push({
        pointer,
        keyPointer: pointer,
        message: `${label(pointer, id)} is not a known rule (${hint !== undefined ? `did you mean "${hint}"? ` : ''}\`rolecall --list-rules\` lists them)`,
      });
      continue;
    }
    if (!Array.isArray(entry) || entry.length < 2 || !isPlainObject(entry[1])) continue;
    if (rule === undefined || rule.meta.schema === undefined) {
      out.push({ pointer: `${pointer}/1`, message: `${label(`${pointer}/1`, id)}: rule "${id}" takes no options` });
      continue;
    }
    let validate: ValidateFunction;
    try {
      // Rule option schemas are a draft-04 subset (so ESLint can use them too); ajv 8 reads them as draft-07.
      validate = new Ajv({ allErrors: true, verbose: true, strict: false }).compile(rule.meta.schema);
    } catch (error) {
      out.push({ pointer: `${pointer}/1`, message: `${label(`${pointer}/1`, id)}: rule "${id}" has an invalid options schema (${error instanceof Error ? error.message : String(error)})` });
      continue;
    }
    if (!validate(entry[1])) out.push(...describeSchemaErrors(validate.errors ?? [], `${pointer}/1`));
  }
  return out;
}

/** Validates rule entries given outside a config file (`--rule`, the Node API's `rules`); messages only. */
export function validateRuleEntries(rules: unknown, registry: Registry): string[] {
  const validate = validators().rules;
  if (!validate(rules)) return describeSchemaErrors(validate.errors ?? [], '').map((e) => e.message);
  return checkRules(rules as Record<string, RuleEntry>, registry, '').map((e) => e.message);
}

/** Checks settings values against the registry's data (profiles, IAM limits). */
function checkSettings(settings: Settings | undefined, registry: Registry, pointerPrefix: string): { pointer: string; message: string }[] {
  if (settings === undefined) return [];
  return registry.checkSettings(settings).map((p) => ({ pointer: `${pointerPrefix}/${p.key}`, message: `${pointerPrefix}/${p.key}: ${p.message}` }));
}

/**
 * Parses and validates config text. Never throws. Errors carry line and column in the file; the
 * file is strict JSON (no comments), like every other JSON the AWS CLI reads.
 */
export function parseConfig(displayPath: string, text: string, registry: Registry): { ok: true; objects: ConfigObject[] } | { ok: false; errors: ConfigError[] } {
  const index = new LineIndex(text);
  const errors: ConfigError[] = [];
  const at = (offset: number, message: string): ConfigError => {
    const p = index.positionAt(offset);
    return { file: displayPath, line: p.line, column: p.column, message };
  };
  const parseErrors: ParseError[] = [];
  const root = parseTree(text, parseErrors, { disallowComments: true, allowTrailingComma: false });
  if (parseErrors.length > 0 || root === undefined) {
    for (const e of parseErrors) errors.push(at(e.offset, `invalid JSON (${printParseErrorCode(e.error)})`));
    if (errors.length === 0) errors.push(at(0, 'invalid JSON (the file is empty)'));
    return { ok: false, errors };
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
  const problems: { pointer: string; keyPointer?: string; message: string }[] = [];
  if (!Array.isArray(value) && !isFileForm) {
    problems.push({ pointer: '', message: 'the configuration must be an array of config objects, or an object {"$schema", "config": [...]}' });
  } else if (!validate(value)) {
    problems.push(...describeSchemaErrors(validate.errors ?? []));
  }
  const objects = (isFileForm ? (value as { config?: unknown }).config : value) as ConfigObject[] | undefined;
  const prefix = isFileForm ? '/config' : '';
  // Rule ids, rule options and settings values are checked wherever their shape is right, so one
  // run reports every problem, not only the schema's.
  if (Array.isArray(objects)) {
    objects.forEach((object, i) => {
      if (!isPlainObject(object)) return;
      if (isPlainObject(object.rules)) problems.push(...checkRules(object.rules as Record<string, RuleEntry>, registry, `${prefix}/${i}/rules`));
      if (isPlainObject(object.settings)) problems.push(...checkSettings(wellTyped(object.settings), registry, `${prefix}/${i}/settings`));
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
  const cwd = resolve(options.cwd);
  const filePath = options.configFile === false ? undefined : options.configFile !== undefined ? resolve(cwd, options.configFile) : findConfigFile(cwd);
  if (filePath === undefined) return { ok: true, config: { filePath: undefined, baseDir: cwd, objects: [] } };
  const display = toPosix(relative(cwd, filePath)) || filePath;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(filePath));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : error instanceof TypeError ? 'not valid UTF-8' : String((error as Error).message);
    return { ok: false, errors: [{ file: display, message: `cannot read the config file (${reason})` }] };
  }
  const parsed = parseConfig(display, text, options.registry);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  return { ok: true, config: { filePath, baseDir: dirname(filePath), objects: parsed.objects } };
}

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** Everything that decides how one file is linted. */
export interface FileConfig {
  /** Rule id → resolved setting (`off` included), sorted by id. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly settings: Settings;
}

export interface Overrides {
  /** `--rule` entries, applied after the config. */
  readonly rules?: Readonly<Record<string, RuleEntry>>;
  /** `--profile`. */
  readonly profile?: string;
  /** `--report-unresolved`: turns `unresolved-value` on as a warning unless configured. */
  readonly reportUnresolved?: boolean;
}

const matchers = new WeakMap<readonly string[], (path: string) => boolean>();

/** A compiled matcher for a config object's glob list, compiled once per list (runs visit thousands of files). */
function matcher(patterns: readonly string[]): (path: string) => boolean {
  let m = matchers.get(patterns);
  if (m === undefined) {
    m = picomatch(patterns as string[], { dot: true });
    matchers.set(patterns, m);
  }
  return m;
}

/** Whether a config object applies to `rel` (a POSIX path relative to the config's base directory). */
function applies(object: ConfigObject, rel: string): boolean {
  if (isGlobalIgnore(object)) return false;
  if (object.files !== undefined && (rel.startsWith('../') || !matcher(object.files)(rel))) return false;
  if (object.ignores !== undefined && !rel.startsWith('../') && matcher(object.ignores)(rel)) return false;
  return true;
}

/** An object with only `ignores` ignores those paths for the whole run (ESLint's global ignores). */
export function isGlobalIgnore(object: ConfigObject): boolean {
  return object.ignores !== undefined && object.files === undefined && object.rules === undefined && object.settings === undefined;
}

/** The rule settings and settings for one file: preset defaults, then each matching object, then overrides. */
export function resolveFileConfig(config: LoadedConfig, absolutePath: string, registry: Registry, overrides: Overrides = {}): FileConfig {
  const rel = toPosix(relative(config.baseDir, absolutePath));
  const rules: Record<string, RuleSetting> = {};
  for (const rule of registry.rules) rules[rule.id] = { severity: 'off' };
  for (const [id, severity] of Object.entries(registry.presets['recommended'] ?? {})) rules[id] = { severity };
  const apply = (entries: Readonly<Record<string, RuleEntry>>): void => {
    for (const [id, entry] of Object.entries(entries)) {
      const severity = normalizeSeverity(severityOf(entry));
      const previous = rules[id];
      // As in ESLint: a severity alone keeps the options set earlier.
      if (Array.isArray(entry) && entry.length > 1) rules[id] = { severity, options: entry[1] };
      else rules[id] = previous?.options !== undefined ? { severity, options: previous.options } : { severity };
    }
  };
  let settings: Settings = {};
  for (const object of config.objects) {
    if (!applies(object, rel)) continue;
    if (object.rules) apply(object.rules);
    if (object.settings) settings = { ...settings, ...object.settings };
  }
  if (overrides.reportUnresolved === true && config.objects.every((o) => o.rules?.['unresolved-value'] === undefined)) {
    rules['unresolved-value'] = { severity: 'warning' };
  }
  if (overrides.rules) apply(overrides.rules);
  if (overrides.profile !== undefined) settings = { ...settings, profile: overrides.profile };
  const sorted: Record<string, RuleSetting> = {};
  for (const id of Object.keys(rules).sort()) sorted[id] = rules[id]!;
  return { rules: sorted, settings };
}

/**
 * Global ignore patterns in order: the defaults, the config's ignore-only objects (relative to its
 * directory), then `--ignore-pattern`s (relative to cwd). Later patterns win; `!` un-ignores.
 */
export interface IgnoreRule {
  readonly baseDir: string;
  readonly negated: boolean;
  readonly match: (path: string) => boolean;
  /** Whether the pattern (ending in `/`) matches directories only. */
  readonly dirOnly: boolean;
  /**
   * For `dir/**`: matches `dir` itself, which picomatch's `**` (zero or more segments) would also
   * match. Such a pattern ignores what is inside, not the directory, so `!dir/keep.json` works.
   */
  readonly stem?: (path: string) => boolean;
}

export function compileIgnores(patterns: readonly string[], baseDir: string): IgnoreRule[] {
  return patterns.map((raw) => {
    const negated = raw.startsWith('!');
    let pattern = negated ? raw.slice(1) : raw;
    const dirOnly = pattern.endsWith('/');
    if (dirOnly) pattern = pattern.replace(/\/+$/, '');
    const m = picomatch(pattern, { dot: true });
    const stem = pattern.endsWith('/**') ? picomatch(pattern.slice(0, -3), { dot: true }) : undefined;
    return { baseDir, negated, match: m, dirOnly, ...(stem !== undefined ? { stem } : {}) };
  });
}

export function globalIgnoreRules(config: LoadedConfig, cwd: string, ignorePatterns: readonly string[]): IgnoreRule[] {
  const rules = [...compileIgnores(DEFAULT_IGNORES, cwd)];
  for (const object of config.objects) if (isGlobalIgnore(object)) rules.push(...compileIgnores(object.ignores ?? [], config.baseDir));
  rules.push(...compileIgnores(ignorePatterns, cwd));
  return rules;
}

/**
 * Whether a path is ignored: the last matching rule decides; a rule never applies outside its base
 * directory (so a checkout under `/home/me/build/` is not ignored by the default `build/` pattern). With
 * `ancestors`, a file is also ignored when one of its directories is (gitignore semantics: a file
 * inside an ignored directory cannot be un-ignored); the walker checks directories as it descends
 * and passes `ancestors: false`.
 */
export function isIgnored(rules: readonly IgnoreRule[], absolutePath: string, isDirectory: boolean, ancestors = true): boolean {
  const check = (path: string, dir: boolean): boolean => {
    let ignored = false;
    for (const rule of rules) {
      if (rule.dirOnly && !dir) continue;
      const rel = toPosix(relative(rule.baseDir, path));
      if (rel === '' || rel === '..' || rel.startsWith('../') || /^[a-zA-Z]:/.test(rel) || rel.startsWith('/')) continue;
      if (dir && rule.stem?.(rel) === true) continue;
      if (rule.match(rel)) ignored = !rule.negated;
    }
    return ignored;
  };
  if (ancestors && !isDirectory) {
    const chain: string[] = [];
    for (let dir = dirname(absolutePath); dirname(dir) !== dir; dir = dirname(dir)) chain.push(dir);
    for (const ancestor of chain.reverse()) if (check(ancestor, true)) return true;
  }
  return check(absolutePath, isDirectory);
}
