/**
 * The settings facts, declared once. A fact such as "the caller uses role credentials" can come
 * from the config (`settings` for a set of files), from a CLI flag (`check-input --role-chaining`),
 * or from an extractor that sees it in the file (a second configure-aws-credentials step, an AWS
 * config `source_profile` that itself assumes a role). The types, the config schema's
 * `settings` properties and the flag names all derive from `SETTINGS` below, so adding a fact is
 * one entry here.
 */

/** One settings fact: how it is typed and described, for the config schema, `--help` and docs. */
export interface SettingDeclaration {
  /** JSON Schema (draft-04 subset) of the value. */
  readonly schema: Readonly<Record<string, unknown>>;
  readonly description: string;
  /** Whether an extractor may know it per call (`CallContext`), or only the config can say. */
  readonly perCall: boolean;
}

export const SETTINGS = {
  /**
   * Named for what it is rather than `profile`, which users of AWS config files read as a named AWS profile (the
   * validators keep calling it a compatibility profile).
   */
  stsModel: {
    schema: { type: 'string', minLength: 1 },
    description: 'STS model: the compatibility profile of the STS limits (`current` by default; see the schemas README). Was `profile`.',
    perCall: false,
  },
  roleChaining: {
    schema: { type: 'boolean' },
    description: 'The caller uses role credentials (role chaining caps DurationSeconds at 3600).',
    perCall: true,
  },
  maxSessionDuration: {
    schema: { type: 'integer' },
    description: "The target role's MaxSessionDuration, in seconds.",
    perCall: true,
  },
  inheritedTransitiveTagKeys: {
    schema: { type: 'array', items: { type: 'string' } },
    description: 'Transitive tag keys the calling session already carries.',
    perCall: true,
  },
} as const satisfies Readonly<Record<string, SettingDeclaration>>;

type SchemaValue<S> = S extends { readonly type: 'boolean' }
  ? boolean
  : S extends { readonly type: 'integer' }
    ? number
    : S extends { readonly type: 'array' }
      ? readonly string[]
      : string;

type Declared = typeof SETTINGS;
export type SettingName = keyof Declared;

/**
 * Settings shared by all rules for one file, from config `settings` (and CLI flags). A call's own
 * `context` facts win over them; rules see the merge.
 */
export type Settings = { readonly [K in SettingName]?: SchemaValue<Declared[K]['schema']> };

type PerCallName = { [K in SettingName]: Declared[K]['perCall'] extends true ? K : never }[SettingName];
/** The settings an extractor may know for one call. */
export type CallSettings = { readonly [K in PerCallName]?: SchemaValue<Declared[K]['schema']> };

export const SETTING_NAMES: readonly SettingName[] = Object.keys(SETTINGS) as SettingName[];
