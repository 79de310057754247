export * from './call.js';
export * from './diagnostic.js';
export * from './rule.js';
export * from './extractor.js';
