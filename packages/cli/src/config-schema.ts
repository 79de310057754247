/** The published config JSON Schema, compiled at codegen time (scripts/cli-validators.ts), and its errors in readable words. */
import { readFileSync } from 'node:fs';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { configArray, configFile, configRules } from './generated/config-validators.generated.js';
import { closest } from './text.js';

/** A schema or registry problem at a JSON Pointer of the config (`keyPointer`: at the key rather than the value). */
/** Keys renamed before 0.1.0 was published → their new names, so an old config gets told what to write. */
const RENAMED_KEYS: Readonly<Record<string, string>> = { profile: 'stsModel' };

export interface ConfigProblem {
  readonly pointer: string;
  readonly keyPointer?: string;
  readonly message: string;
}

export interface SchemaValidators {
  readonly array: ValidateFunction;
  readonly file: ValidateFunction;
  readonly rules: ValidateFunction;
}

/** The published JSON Schema (`rolecall/config.schema.json`). */
export function configSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL('../config.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
}

/** The schema's validators, generated from config.schema.json by `pnpm codegen` (checked fresh by `--check`). */
export function validators(): SchemaValidators {
  return { array: configArray, file: configFile, rules: configRules };
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
        const renamed = RENAMED_KEYS[key];
        const hint = renamed !== undefined && props.includes(renamed) ? undefined : closest(key, props);
        out.push({
          pointer,
          keyPointer: pointer,
          message: `${pointer} is not a known key (${renamed !== undefined && props.includes(renamed) ? `it was renamed "${renamed}"; ` : hint !== undefined ? `did you mean "${hint}"? ` : ''}expected one of: ${props.join(', ')})`,
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
