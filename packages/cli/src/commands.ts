/**
 * What the CLI loads only when a command, an option or a config file needs it, gathered in one module that cli.ts,
 * lint.ts and config-find.ts import dynamically. One lazy entry instead of one per module: esbuild splits a bundle
 * into a chunk per set of entries that reach a module, so every extra lazy entry split the modules a lint run loads
 * at start-up into more, smaller chunks, and each chunk costs a run a module load (about 0.3-0.5 ms each).
 */
export { checkInput } from './check-input.js';
export { checkOptions } from './config-check.js';
export { loadConfig, loadConfigStaged } from './config-load.js';
export { runEstimate } from './estimate.js';
export { initConfig } from './init.js';
export { listRules } from './list-rules.js';
export { printConfig } from './print-config.js';
export { prepareRuleOptions } from './rule-options.js';
