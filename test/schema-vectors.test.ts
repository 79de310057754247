// Every test vector runs twice: against the schema compiled at run time from schemas/ and against
// the generated standalone validator that @rolecall/validators ships. Verdicts and the rejecting
// keyword must agree, so the committed validators cannot drift from the committed schemas.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { ErrorObject } from 'ajv';
import { expand, newAjv, type CaseGroup } from '@rolecall/codegen';
import { PROFILES } from '@rolecall/validators';
import { memberValidator, requestValidator } from '@rolecall/validators/internal';

const root = fileURLToPath(new URL('../schemas/', import.meta.url));
const schemaFiles: string[] = [];
const caseFiles: string[] = [];
for (const profile of readdirSync(root, { withFileTypes: true })) {
  if (!profile.isDirectory() || profile.name === 'source' || profile.name === 'node_modules') continue;
  for (const op of readdirSync(join(root, profile.name))) {
    for (const f of readdirSync(join(root, profile.name, op))) {
      const p = join(root, profile.name, op, f);
      if (f.endsWith('.schema.json')) schemaFiles.push(p);
      if (f.endsWith('.cases.json')) caseFiles.push(p);
    }
  }
}

const ajv = newAjv();
for (const f of schemaFiles) ajv.addSchema(JSON.parse(readFileSync(f, 'utf8')));

test('every profile folder holds the three operations', () => {
  assert.deepEqual(PROFILES, ['current', 'botocore-2015-04-27']);
  // One .cases.json per member schema: current 12 + 8 + 8 (with MinimumSessionTokenSize), seed era 11 + 7 + 7
  // (without it); plus one request.schema.json per operation and profile.
  assert.equal(caseFiles.length, 53);
  assert.equal(schemaFiles.length, 59);
});

for (const file of caseFiles) {
  const [group] = JSON.parse(readFileSync(file, 'utf8')) as CaseGroup[];
  const [, profile, operation, member] = /schemas\/([^/]+)\/([^/]+)\/([^/]+)\.cases\.json$/.exec(file.split('\\').join('/'))!;
  describe(group!.description, () => {
    const runtime = ajv.getSchema(group!.schema.$ref);
    const standalone = memberValidator(profile!, operation as 'AssumeRole', member!);
    test('both validators exist', () => {
      assert.ok(runtime, 'runtime-compiled schema');
      assert.ok(standalone, 'generated standalone validator');
    });
    for (const v of group!.tests) {
      test(v.description, () => {
        const data = expand(v.data);
        const r = runtime!(data);
        const s = standalone!(data);
        assert.equal(r, v.valid, `runtime verdict (errors: ${JSON.stringify(runtime!.errors)})`);
        assert.equal(s, v.valid, `standalone verdict (errors: ${JSON.stringify(standalone!.errors)})`);
        if (!v.valid) {
          assert.ok(runtime!.errors?.some((e: ErrorObject) => e.keyword === v.keyword), `runtime rejects with ${v.keyword}`);
          assert.ok(standalone!.errors?.some((e: ErrorObject) => e.keyword === v.keyword), `standalone rejects with ${v.keyword}`);
          assert.deepEqual(
            standalone!.errors!.map((e: ErrorObject) => [e.instancePath, e.keyword]),
            runtime!.errors!.map((e: ErrorObject) => [e.instancePath, e.keyword]),
          );
        }
      });
    }
  });
}

describe('request schemas', () => {
  const ok = { RoleArn: 'arn:aws:iam::123456789012:role/demo', RoleSessionName: 'deploy-session' };
  test('a minimal AssumeRole request is valid in both profiles', () => {
    for (const p of PROFILES) assert.equal(requestValidator(p, 'AssumeRole')(ok), true);
  });
  test('unknown members and missing required members are rejected', () => {
    const v = requestValidator('current', 'AssumeRole');
    assert.equal(v({ ...ok, RoleSesionName: 'x' }), false);
    assert.deepEqual(v.errors!.map((e) => e.keyword), ['additionalProperties']);
    assert.equal(v({ RoleArn: ok.RoleArn }), false);
    assert.deepEqual(v.errors!.map((e) => [e.keyword, e.params['missingProperty']]), [['required', 'RoleSessionName']]);
  });
  test('members of one operation are unknown to another', () => {
    const v = requestValidator('current', 'AssumeRoleWithWebIdentity');
    assert.equal(v({ ...ok, WebIdentityToken: 'abcd', Tags: [] }), false);
    assert.equal(v.errors![0]!.params['additionalProperty'], 'Tags');
  });
  test('arnType is read as STS (Java) reads it: no emoji, but U+007F–U+009F (model-update-2026-10.md)', () => {
    assert.equal(memberValidator('current', 'AssumeRole', 'RoleArn')!('arn:aws:iam::123456789012:role/\u{1F600}'), false);
    assert.equal(memberValidator('current', 'AssumeRole', 'RoleArn')!('arn:aws:iam::123456789012:role/\u007F'), true);
  });
});
