import type { ExtractorPart, ProjectUpdate } from '@rolecall/core';
export function resolveProject(_parts: ReadonlyMap<string, ExtractorPart>): ProjectUpdate {
  return new Map();
}
