/**
 * The fitted constants, read from `constants.generated.json` (written by `pnpm calibrate`; never edited
 * by hand). This module only gives them types.
 */
import generated from './constants.generated.json' with { type: 'json' };
import type { TokenFormat } from './types.js';

interface Baseline {
  readonly low: number;
  readonly point: number;
  readonly high: number;
  readonly sources: readonly string[];
}

export interface PackedSizeConstants {
  /** q-gram length of the policy measure (chosen by leave-one-out in `pnpm calibrate`). */
  readonly gramLength: number;
  readonly policy: { readonly budgetUnits: number; readonly offsetUnits: number };
  readonly tags: { readonly budgetUnits: number; readonly perTagUnits: number };
  readonly band: {
    readonly roundingPp: number;
    readonly policy: { readonly relUnder: number; readonly relOver: number };
    readonly tags: { readonly relUnder: number; readonly relOver: number };
  };
  readonly nearLimitFraction: number;
  readonly token: {
    readonly limitBytes: number;
    readonly base64CharsPerByte: number;
    readonly jitterBytes: number;
    readonly baselines: Readonly<Record<TokenFormat, Baseline>>;
  };
  readonly evaluation: {
    readonly looMaePp: number;
    readonly looWorstUnderestimatePp: number;
    readonly failuresCalledFits: number;
  };
}

export const CONSTANTS: PackedSizeConstants = {
  gramLength: generated.model.gramLength,
  policy: generated.policy,
  tags: generated.tags,
  band: generated.band,
  nearLimitFraction: generated.verdict.nearLimitFraction,
  token: generated.token,
  evaluation: generated.evaluation,
};
