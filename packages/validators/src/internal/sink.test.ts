/**
 * `Sink.has` indexes a code's paths only once someone asks about that code (issue 14: a key for every issue cost
 * 80 bytes an issue); it must still see issues added before and after the first question, of that code only.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeIssue } from './issue.js';
import { Sink } from './sink.js';

const tooLong = (path: string) => makeIssue({ code: 'tooLong', parameter: 'Policy', path, data: { parameter: 'Policy', actual: 2, limit: 1 } });
const invalidType = (path: string) =>
  makeIssue({ code: 'invalidType', parameter: 'Tags', path, data: { parameter: 'Tags', expected: 'an object', received: 'a number' } });

describe('Sink.has', () => {
  it('finds issues added before and after the first question, by path and code', () => {
    const sink = new Sink();
    sink.add(tooLong('/Policy'));
    sink.add(invalidType('/Tags/0'));
    assert.equal(sink.has('/Policy', 'tooLong'), true);
    assert.equal(sink.has('/Tags/0', 'tooLong'), false);
    assert.equal(sink.has('/Tags/0', 'invalidType'), true);
    assert.equal(sink.has('/Tags/1', 'invalidType'), false);
    sink.add(invalidType('/Tags/1'));
    sink.add(tooLong('/RoleSessionName'));
    assert.equal(sink.has('/Tags/1', 'invalidType'), true);
    assert.equal(sink.has('/RoleSessionName', 'tooLong'), true);
    assert.equal(sink.has('/RoleSessionName', 'invalidType'), false);
    assert.deepEqual(sink.issues.map((i) => i.path), ['/Policy', '/Tags/0', '/Tags/1', '/RoleSessionName']);
  });

  it('answers false on an empty sink', () => {
    assert.equal(new Sink().has('/Policy', 'tooLong'), false);
  });
});
