/**
 * The packed-size and session-token-size estimator (PACKED-SIZE.md). Re-exported by
 * `@rolecall/validators`; browser-safe (plain JavaScript, no Node built-ins, no host APIs).
 */
export { estimateSessionToken } from './estimate.js';
export { suggestShrink } from './shrink.js';
export { formatEstimateTable } from './format.js';
export type {
  BreakdownEntry,
  BreakdownKind,
  EstimateOperation,
  EstimateOptions,
  LegacyEstimate,
  SessionTokenEstimate,
  PercentBand,
  SessionTag,
  ShrinkOptions,
  ShrinkSuggestion,
  SessionTokenFigures,
  TokenFormat,
  Verdict,
  VerdictRegime,
} from './types.js';
