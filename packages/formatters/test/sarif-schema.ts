/** The official SARIF 2.1.0 schema as a validator, shared by the formatter tests and the GitHub Action test. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';

// The official SARIF 2.1.0 schema (rtm.5, the OASIS standard's), as shipped by @microsoft/jest-sarif.
const require = createRequire(import.meta.url);
const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
// The file declares draft-04; its only draft-04 construct is the root `id`, so it compiles under
// ajv's draft-07 once that is spelled `$id`.
delete schema['$schema'];
schema['$id'] = schema['id'];
delete schema['id'];
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
// unicodeRegExp: false because the schema's `language` pattern (`…[a-zA-Z]{2}]?$`) has a stray
// `]` that is only legal without the `u` flag.
const ajv = addFormats(new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }));
export const validate = ajv.compile(schema);

export function assertValid(text: string): void {
  const log = JSON.parse(text);
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
}

