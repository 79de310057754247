// Prints what the extractor reads in the files given, as code frames (for triage and fixtures):
//   node --conditions=rolecall-source --import tsx packages/extractor-typescript/test/print.ts FILE...
import { readFileSync } from 'node:fs';
import { renderExtraction } from '@rolecall/testing';
import { prefilter, typescriptExtractor } from '../src/index.js';

await typescriptExtractor.load!();
for (const path of process.argv.slice(2)) {
  const text = readFileSync(path, 'utf8');
  if (!prefilter(text)) continue;
  const result = typescriptExtractor.extract({ path, text });
  if (result.calls.length + (result.roles?.length ?? 0) + result.problems.length === 0) continue;
  console.log(`# ${path}\n${renderExtraction(text, result)}`);
}
