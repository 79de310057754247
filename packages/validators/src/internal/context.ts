/** Reading and checking the caller's options. Never throws: a bad option becomes an `invalidOption` issue. */
import { optionMessages, formatMessage } from '../messages.js';
import { DEFAULT_PROFILE, IAM, PROFILES, PROFILE_ALIASES, resolveProfile } from '../schema/registry.js';
import type { Issue, Operation } from '../types.js';
import { makeIssue, NO_ISSUES } from './issue.js';
import { cleanText, describeReceived } from './text.js';

export const OPERATIONS: readonly Operation[] = ['AssumeRole', 'AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML'];

export interface Ctx {
  readonly operation: Operation;
  readonly profile: string;
  readonly roleChaining: boolean;
  readonly maxSessionDuration: number | undefined;
  readonly inherited: readonly string[];
}

export interface Resolved {
  readonly ctx: Ctx;
  readonly issues: readonly Issue[];
}

const DEFAULTS = new Map<Operation, Resolved>(
  OPERATIONS.map((operation) => [
    operation,
    {
      ctx: { operation, profile: DEFAULT_PROFILE, roleChaining: false, maxSessionDuration: undefined, inherited: [] },
      issues: NO_ISSUES,
    },
  ]),
);
/** The defaults last used: a caller validates one operation, and the Map lookup was a twentieth of a fast-path call. */
let lastDefaults = DEFAULTS.get('AssumeRole') as Resolved;

export function isOperation(value: unknown): value is Operation {
  return typeof value === 'string' && (OPERATIONS as readonly string[]).includes(value);
}

export function optionIssue(option: string, detail: keyof typeof optionMessages, data: Record<string, string | number>): Issue {
  const full = { ...data, option, detail: '' };
  full.detail = formatMessage(optionMessages[detail], full);
  return makeIssue({ code: 'invalidOption', parameter: 'options', path: '', data: full });
}

function errorText(e: unknown): string {
  return e instanceof Error ? cleanText(`${e.name}: ${e.message}`) : 'an exception was thrown';
}

/** Reads `obj[key]`; a throwing getter or Proxy trap becomes `{ error }`. */
export function safeGet(obj: object, key: string): { readonly value?: unknown; readonly error?: string } {
  try {
    return { value: (obj as Record<string, unknown>)[key] };
  } catch (e) {
    return { error: safeErrorText(e) };
  }
}

/** The text of a thrown value, without ever throwing itself (a thrown Proxy can throw again when read). */
export function safeErrorText(e: unknown): string {
  try {
    return errorText(e);
  } catch {
    return 'an exception was thrown';
  }
}

function knownProfiles(): string {
  const aliases = Object.keys(PROFILE_ALIASES).map((a) => `${a} → ${PROFILE_ALIASES[a]}`);
  return `${PROFILES.join(', ')} (aliases: ${aliases.join(', ')})`;
}

/** Resolves options for one operation. `options` is whatever the caller passed. */
export function resolveOptions(operation: Operation, options: unknown): Resolved {
  const defaults =
    lastDefaults.ctx.operation === operation ? lastDefaults : (lastDefaults = DEFAULTS.get(operation) as Resolved);
  if (options === undefined || options === null) return defaults;
  if (typeof options !== 'object' || Array.isArray(options)) {
    return {
      ctx: defaults.ctx,
      issues: [optionIssue('options', 'optionsType', { received: describeReceived(options, false) })],
    };
  }
  const issues: Issue[] = [];
  const read = (key: string): unknown => {
    const r = safeGet(options, key);
    if (r.error !== undefined) {
      issues.push(optionIssue(`options.${key}`, 'unreadable', { reason: r.error }));
      return undefined;
    }
    return r.value;
  };

  let profile = DEFAULT_PROFILE;
  const p = read('profile');
  if (p !== undefined) {
    const resolved = typeof p === 'string' ? resolveProfile(p) : undefined;
    if (resolved === undefined) {
      issues.push(
        optionIssue('options.profile', 'unknownProfile', {
          found: describeReceived(p, false),
          known: knownProfiles(),
          fallback: DEFAULT_PROFILE,
        }),
      );
    } else profile = resolved;
  }

  let roleChaining = false;
  const rc = read('roleChaining');
  if (rc !== undefined) {
    if (typeof rc === 'boolean') roleChaining = rc;
    else issues.push(optionIssue('options.roleChaining', 'booleanType', { received: describeReceived(rc, false) }));
  }

  let maxSessionDuration: number | undefined;
  const msd = read('maxSessionDuration');
  if (msd !== undefined) {
    const { min, max } = IAM.maxSessionDuration;
    if (typeof msd === 'number' && Number.isInteger(msd) && msd >= min && msd <= max) maxSessionDuration = msd;
    else {
      issues.push(
        optionIssue('options.maxSessionDuration', 'maxSessionDuration', {
          found: describeReceived(msd, false),
          min,
          max,
        }),
      );
    }
  }

  let inherited: readonly string[] = [];
  const inh = read('inheritedTransitiveTagKeys');
  if (inh !== undefined) {
    let ok = false;
    try {
      ok = Array.isArray(inh) && inh.every((k) => typeof k === 'string');
      if (ok) inherited = Array.from(inh as string[]);
    } catch (e) {
      issues.push(optionIssue('options.inheritedTransitiveTagKeys', 'unreadable', { reason: safeErrorText(e) }));
      ok = true;
    }
    if (!ok) {
      issues.push(
        optionIssue('options.inheritedTransitiveTagKeys', 'stringArray', { received: describeReceived(inh, false) }),
      );
    }
  }

  if (profile === DEFAULT_PROFILE && !roleChaining && maxSessionDuration === undefined && inherited.length === 0 && issues.length === 0) {
    return defaults;
  }
  return { ctx: { operation, profile, roleChaining, maxSessionDuration, inherited }, issues };
}
