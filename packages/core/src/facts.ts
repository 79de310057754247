/**
 * Fact kinds that more than one extractor records (see `Fact`), so one rule covers every file kind:
 * a byte order mark the reading tool rejects, and a key written twice where the tool keeps one.
 * Their `data` always has `consequence` (what the reading tool does, a sentence ending in a period);
 * a duplicate key also has `key` (quoted as written).
 */
export const BOM_FACT = 'bom';
export const DUPLICATE_KEY_FACT = 'duplicate-key';
