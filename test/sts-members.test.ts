// core's runtime list of STS members is the one hand-written copy of the member names (core
// imports nothing); it must equal the members of the generated schemas in every profile.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OPERATIONS, STS_MEMBERS } from '@rolecall/core';
import { membersOf, PROFILES } from '@rolecall/validators';

test("core's STS_MEMBERS equals the members of the generated schemas", () => {
  const fromSchemas = new Set(PROFILES.flatMap((p) => OPERATIONS.flatMap((o) => membersOf(p, o))));
  assert.deepEqual([...STS_MEMBERS].sort(), [...fromSchemas].sort());
});
